/**
 * Starting the adapter: a bot token Slack refuses fails the start with a clear error (without the
 * token); a deliver-only process that only asks for the publisher never builds Bolt or calls auth.test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapterWith, SlackStartError } from '../../../adapters/slack/index.js';
import { parseConfig } from '../../../src/config.js';
import { MemoryDeliveryLog } from '../../../src/ports/delivery-log.js';
import { MemoryDigestScheduler } from '../../../src/ports/digest-scheduler.js';
import { MemoryKeyValueStore } from '../../../src/ports/key-value-store.js';
import { noopMetrics } from '../../../src/ports/metrics.js';
import type { PlatformContext } from '../../../src/ports/platform.js';
import { MemorySubscriptionStore } from '../../../src/ports/subscription-store.js';
import { FakeSlack } from '../../fakes/slack-api.js';
import { CapturingLogger, NOW, SIGNING_SECRET, seedsEngine } from './harness.js';

let fake: FakeSlack;

beforeAll(async () => {
  fake = await FakeSlack.start();
});
afterAll(async () => {
  await fake.close();
});

async function context(token: string, logger = new CapturingLogger()): Promise<PlatformContext> {
  const engine = await seedsEngine();
  return {
    config: parseConfig({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: token,
      SLACK_API_URL: fake.apiUrl,
    }),
    logger,
    metrics: noopMetrics,
    now: () => NOW,
    engine: () => engine,
    subscriptions: {
      subscriptions: new MemorySubscriptionStore(),
      scheduler: new MemoryDigestScheduler(),
      deliveries: new MemoryDeliveryLog(),
    },
    digestOptions: {},
    keyValues: new MemoryKeyValueStore(),
  };
}

describe('start', () => {
  it('fails with a clear error when Slack refuses the bot token', async () => {
    const logger = new CapturingLogger();
    const adapter = createSlackAdapterWith(await context('xoxb-revoked-token', logger));
    const failure = await Promise.resolve()
      .then(() => adapter.router?.())
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SlackStartError);
    expect(String((failure as Error).message)).toBe(
      'Slack refused SLACK_BOT_TOKEN (auth.test: invalid_auth)',
    );
    expect(String((failure as Error).message)).not.toContain('xoxb-revoked-token');
    expect(logger.lines.join('\n')).not.toContain('xoxb-revoked-token');
  });

  it('a deliver-only process posts digests without building Bolt or calling auth.test', async () => {
    fake.reset();
    const adapter = createSlackAdapterWith(await context('xoxb-test'));
    await adapter.publisher().publish(
      {
        subscriptionId: 'slack.T1.C1',
        channel: { platform: 'slack', teamId: 'T1', channelId: 'C1' },
        tags: ['korea'],
        localDate: '2026-01-14',
        timeZone: 'UTC',
        briefing: (await seedsEngine()).brief('korea', { now: NOW, limit: 3 }),
      },
      { idempotencyKey: 'k', sentParts: new Set(), resumed: false, recordPart: async () => {} },
    );
    expect(fake.calls.map((c) => c.method)).toEqual(['chat.postMessage']);
    await adapter.stop();
  });
});
