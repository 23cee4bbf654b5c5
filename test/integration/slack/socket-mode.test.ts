/**
 * Socket Mode (SLACK_APP_TOKEN): the adapter's start() opens apps.connections.open with the app
 * token and connects to the fake's WebSocket; a slash-command envelope is acked over the socket
 * and answered on its response_url.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackHarness, startSlack } from './harness.js';

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlack({
    http: false,
    env: { SLACK_APP_TOKEN: 'xapp-1-test-app-token', SLACK_SIGNING_SECRET: undefined },
  });
});
afterAll(async () => {
  await h.close();
});

describe('Socket Mode', () => {
  it('connects with the app token', async () => {
    const open = await h.fake.waitForCall('apps.connections.open');
    expect(open.token).toBe('xapp-1-test-app-token');
    expect(h.fake.callsOf('auth.test')[0]?.token).toBe('xoxb-test');
  });

  it('acks a slash-command envelope, then answers on the response_url', async () => {
    const ack = await h.fake.sendEnvelope({
      envelope_id: 'env-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        token: 'deprecated-verification-token',
        team_id: 'T1',
        team_domain: 'test',
        channel_id: 'C1',
        channel_name: 'general',
        user_id: 'U1',
        user_name: 'alice',
        command: '/news',
        text: 'korea',
        api_app_id: 'A1',
        is_enterprise_install: 'false',
        response_url: h.fake.responseUrl('socket'),
        trigger_id: '1.2.3',
      },
    });
    expect(ack).toMatchObject({ envelope_id: 'env-1' });
    const reply = await h.fake.waitForHook('socket');
    const blocks = reply.body.blocks as Array<{ type: string; text?: { text: string } }>;
    expect(blocks[0]?.text?.text).toBe('korea · 14 Jan 2026 09:00 UTC');
    expect(h.commands).toEqual([{ command: 'brief', outcome: 'ok' }]);
  });

  it('serves nothing over HTTP', async () => {
    const router = await h.adapter.router?.();
    expect(router?.stack ?? []).toHaveLength(0);
  });

  it('never logs the app token', () => {
    expect(h.logger.lines.join('\n')).not.toContain('xapp-1-test-app-token');
  });
});
