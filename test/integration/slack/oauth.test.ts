/**
 * Multi-workspace: OAuth install through the real Bolt InstallProvider, installations in Redis (our
 * key-value store), a command from the new workspace served with its own token, its digests posted
 * with it, and app_uninstalled / tokens_revoked forgetting the workspace.
 */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyValueInstallationStore } from '../../../adapters/slack/installation-store.js';
import { runDelivery } from '../../../src/digest/run-delivery.js';
import { RedisKeyValueStore } from '../../../src/redis/key-value-store.js';
import { eventCallbackBody } from '../../fakes/slack-api.js';
import { cleanupPrefix, connect, uniquePrefix } from '../../support/redis.js';
import { NOW, type SlackHarness, startSlack } from './harness.js';

let h: SlackHarness;
let redis: Redis;
let prefix: string;
let keyValues: RedisKeyValueStore;

beforeAll(async () => {
  redis = connect();
  prefix = uniquePrefix('slack-oauth');
  keyValues = new RedisKeyValueStore(redis, `${prefix}:`);
  h = await startSlack({
    keyValues,
    env: {
      SLACK_BOT_TOKEN: undefined,
      SLACK_CLIENT_ID: '1234.5678',
      SLACK_CLIENT_SECRET: 'client-secret-abcdef',
      SLACK_STATE_SECRET: 'state-secret-abcdef',
    },
  });
});
afterAll(async () => {
  await h.close();
  await cleanupPrefix(redis, prefix);
  await redis.quit();
});

/** /slack/install → Slack's authorize page → /slack/oauth_redirect, as a browser would go. */
async function install(teamId: string, botToken: string): Promise<Response> {
  h.fake.pendingInstall = { teamId, botToken, botId: `B${teamId}`, botUserId: `U${teamId}BOT` };
  const start = await fetch(`${h.url}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const location = start.headers.get('location') ?? '';
  expect(location.startsWith(`${h.fake.url}/oauth/v2/authorize?`)).toBe(true);
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(cookie).toMatch(/^slack-app-oauth-state=/);
  const authorize = new URL(location);
  expect(authorize.searchParams.get('client_id')).toBe('1234.5678');
  expect(authorize.searchParams.get('scope')).toBe(
    'commands,chat:write,chat:write.public,channels:history,groups:history,users:read',
  );
  const granted = (await (await fetch(location)).json()) as { code: string; state: string };
  return fetch(
    `${h.url}/slack/oauth_redirect?code=${encodeURIComponent(granted.code)}&state=${encodeURIComponent(granted.state)}`,
    { headers: { cookie }, redirect: 'manual' },
  );
}

describe('OAuth install', () => {
  it('stores the installation in Redis and serves the new workspace with its own token', async () => {
    const done = await install('T2', 'xoxb-t2-token');
    expect(done.status).toBe(200);
    expect(h.fake.callsOf('oauth.v2.access')).toHaveLength(1);

    const stored = await keyValues.get<{ team: { id: string }; bot: { token: string } }>(
      'slack:install:T.T2',
    );
    expect(stored?.team.id).toBe('T2');
    expect(stored?.bot.token).toBe('xoxb-t2-token');

    // A command from that workspace: Bolt authorizes it from the store; the Web API sees T2's token.
    const { status, hook } = await h.command('subscribe korea', { teamId: 'T2', channelId: 'C2' });
    expect(status).toBe(200);
    const reply = await h.fake.waitForHook(hook);
    expect(JSON.stringify(reply.body)).toContain('Subscribed this channel to korea');
    const usersInfo = await h.fake.waitForCall('users.info');
    expect(usersInfo.token).toBe('xoxb-t2-token');

    // Its digest goes out with its token too (looked up at post time, never in the job).
    const sub = await h.subscriptions.subscriptions.get('slack.T2.C2');
    expect(sub).not.toBeNull();
    if (sub === null) return;
    const engine = h.context.engine();
    const briefing = engine.brief('korea', { now: NOW, limit: 3 });
    const outcome = await runDelivery(
      {
        subscriptionId: sub.id,
        channel: sub.channel,
        tags: sub.tags,
        localDate: '2026-01-14',
        timeZone: sub.timeZone,
        briefing,
      },
      {
        deliveries: h.subscriptions.deliveries,
        publishers: { slack: h.adapter.publisher() },
        subscriptions: h.subscriptions.subscriptions,
        scheduler: h.subscriptions.scheduler,
        now: NOW,
      },
    );
    expect(outcome.kind).toBe('delivered');
    const posted = await h.fake.waitForCall('chat.postMessage', (c) => c.body.channel === 'C2');
    expect(posted.token).toBe('xoxb-t2-token');
  });

  it('refuses a forged state', async () => {
    h.fake.pendingInstall = { teamId: 'T9', botToken: 'xoxb-t9', botId: 'B9', botUserId: 'U9' };
    const res = await fetch(`${h.url}/slack/oauth_redirect?code=whatever&state=forged`, {
      redirect: 'manual',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await keyValues.get('slack:install:T.T9')).toBeNull();
  });

  it('ignores a command from a workspace that never installed the app', async () => {
    const before = h.fake.hooks.length;
    const { status } = await h.command('korea', { teamId: 'TNOPE', channelId: 'C1' });
    expect(status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.hooks.length).toBe(before);
  });
});

describe('losing access to a workspace', () => {
  it('app_uninstalled removes the installation and every subscription of the workspace', async () => {
    await install('T4', 'xoxb-t4');
    for (const channelId of ['C41', 'C42']) {
      const { hook } = await h.command('subscribe japan', { teamId: 'T4', channelId });
      await h.fake.waitForHook(hook);
    }
    expect(await h.subscriptions.subscriptions.listByTeam('slack', 'T4')).toHaveLength(2);

    const res = await h.post(eventCallbackBody('T4', { type: 'app_uninstalled' }), 'application/json');
    expect(res.status).toBe(200);
    await expect.poll(() => keyValues.get('slack:install:T.T4')).toBeNull();
    await expect.poll(() => h.subscriptions.subscriptions.listByTeam('slack', 'T4')).toEqual([]);
    expect(h.subscriptions.scheduler.schedules.has('slack.T4.C41')).toBe(false);
  });

  it('tokens_revoked with the bot token forgets the workspace; revoked user tokens alone do not', async () => {
    const store = new KeyValueInstallationStore(keyValues);
    await install('T5', 'xoxb-t5');
    const { hook } = await h.command('subscribe china', { teamId: 'T5', channelId: 'C5' });
    await h.fake.waitForHook(hook);

    await h.post(
      eventCallbackBody('T5', { type: 'tokens_revoked', tokens: { oauth: ['U5'] } }),
      'application/json',
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(await store.botToken('T5')).toBe('xoxb-t5');
    expect(await h.subscriptions.subscriptions.listByTeam('slack', 'T5')).toHaveLength(1);

    await h.post(
      eventCallbackBody('T5', { type: 'tokens_revoked', tokens: { bot: ['UT5BOT'] } }),
      'application/json',
    );
    await expect.poll(() => store.botToken('T5')).toBeNull();
    await expect.poll(() => h.subscriptions.subscriptions.listByTeam('slack', 'T5')).toEqual([]);
  });

  it('never logs tokens or secrets', () => {
    const all = h.logger.lines.join('\n');
    for (const secret of ['xoxb-t2-token', 'xoxb-t4', 'client-secret-abcdef', 'state-secret-abcdef']) {
      expect(all).not.toContain(secret);
    }
  });
});
