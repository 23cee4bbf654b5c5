/**
 * Redis killed (kill -9) and restarted with AOF (`appendfsync everysec`, as the README recommends):
 * the due digest still fires and is delivered once; the runtime reconnects on its own.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { RecordingPublisher } from '../../../src/digest/recording-publisher.js';
import { subscriptionId } from '../../../src/subscriptions/model.js';
import { subscribe } from '../../../src/subscriptions/use-cases.js';
import { type RedisServerHandle, startRedisServer } from '../../support/redis.js';
import {
  ingestArticles,
  koreaArticle,
  SLACK_A,
  startTestRuntime,
  type TestRuntime,
  waitFor,
} from './helpers.js';

let server: RedisServerHandle | undefined;
let t: TestRuntime | undefined;

afterEach(async () => {
  await t?.cleanup();
  t = undefined;
  await server?.stop();
  server = undefined;
  vi.useRealTimers();
});

it('a digest due while Redis restarts (AOF) still fires, once', async () => {
  server = await startRedisServer({ args: ['--appendonly', 'yes', '--appendfsync', 'everysec'] });
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date('2026-01-13T22:59:52Z')); // 8 s before 08:00 in Seoul
  const publisher = new RecordingPublisher('slack');
  // Digests built 2 s before their time: the trigger (07:59:58) comes after the restart.
  const lead = 2_000;
  t = await startTestRuntime({
    label: 'rt-aof',
    publishers: [publisher],
    url: server.url,
    tuning: { digestLeadMs: lead },
  });
  const id = subscriptionId(SLACK_A);
  await subscribe(
    { tags: ['korea'], time: '08:00', timeZone: 'Asia/Seoul' },
    { channel: SLACK_A, userId: 'U1', now: new Date() },
    t.runtime.subscriptions,
  );
  await ingestArticles(t.runtime, [
    koreaArticle('Korea and Japan hold talks in Nara', new Date('2026-01-13T20:00:00Z')),
  ]);
  // Let the AOF reach the disk (fsync every second), then crash Redis and bring it back.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  await server.kill('SIGKILL');
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await server.restart();

  await waitFor(() => publisher.delivered(id).length > 0, {
    what: 'the digest after the restart',
    timeoutMs: 30_000,
  });
  expect(publisher.delivered(id).map((p) => p.localDate)).toEqual(['2026-01-14']);
  expect(Date.now()).toBeGreaterThanOrEqual(Date.parse('2026-01-13T23:00:00Z'));
  // The post reaches the platform before its record is marked sent: wait for the record.
  const record = await waitFor(
    async () => {
      const r = await t!.runtime.stores.deliveries.get(id, '2026-01-14');
      return r?.status === 'sent' && r;
    },
    { what: 'the delivery record to be marked sent' },
  );
  expect(record).toMatchObject({ status: 'sent', attempts: 1 });
  // The scheduler survived too: the next day's run is queued.
  await waitFor(
    async () => (await t!.runtime.scheduler.get(id))?.next === Date.parse('2026-01-14T23:00:00Z') - lead,
    {
      what: 'the next run',
    },
  );
  // Wait a little: nothing is delivered twice.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(publisher.calls).toHaveLength(1);
}, 60_000);
