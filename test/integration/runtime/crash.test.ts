/**
 * A deliver worker SIGKILLed in the middle of a send: its job stalls, a second worker takes it over
 * and resumes from the delivery log, and the platform shows the digest exactly once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { deliveryJobId } from '../../../src/digest/ids.js';
import { createRedisStores } from '../../../src/redis/index.js';
import { bullPrefix, createQueues } from '../../../src/runtime/queues.js';
import { CRASH_TUNING, crashDeliverWorker } from '../../fixtures/runtime/tuning.js';
import { cleanupPrefix, connect, redisUrl, uniquePrefix } from '../../support/redis.js';
import { type FakePlatform, startFakePlatform } from './fake-platform.js';
import { completedJob, sampleDigest, subscription, waitFor } from './helpers.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/runtime/deliver-worker.ts', import.meta.url));

const open: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close().catch(() => undefined);
});

function spawnWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('ready')) resolve(child);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code) =>
      reject(new Error(`worker exited with ${code} before it was ready:\n${output}`)),
    );
  });
}

it('a worker killed mid-delivery: the digest reaches the channel exactly once', async () => {
  const fake: FakePlatform = await startFakePlatform();
  open.push(() => fake.close());
  // The platform takes part 0, receives part 1 and never answers it: the worker is stuck mid-send.
  fake.behaviour = (body, seenBefore) => (body.index === 1 && !seenBefore ? 'hang' : 'ok');

  const prefix = `${uniquePrefix('rt-crash')}:`;
  const redis = connect();
  const workerRedis = connect({ maxRetriesPerRequest: null });
  open.push(async () => {
    await cleanupPrefix(redis, prefix);
    redis.disconnect();
  });
  open.push(async () => workerRedis.disconnect());
  const stores = createRedisStores(redis, { prefix });
  const queues = createQueues({ connection: redis, prefix: bullPrefix(prefix), tuning: CRASH_TUNING });
  open.push(() => queues.close());
  const sub = subscription();
  await stores.subscriptions.put(sub);

  const child = await spawnWorker({ REDIS_URL: redisUrl(), REDIS_PREFIX: prefix, PLATFORM_URL: fake.url });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  open.push(async () => child.kill('SIGKILL'));
  const localDate = '2026-01-14';
  const jobId = deliveryJobId(sub.id, localDate);
  await queues.deliver.slack.add('deliver', sampleDigest(sub, localDate, 2), { jobId });

  await waitFor(() => fake.requests.some((r) => r.index === 1), { what: 'part 1 to reach the platform' });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  const interrupted = await stores.deliveries.get(sub.id, localDate);
  expect(interrupted).toMatchObject({ status: 'sending', sentParts: [0], attempts: 1 });
  expect(await (await queues.deliver.slack.getJob(jobId))?.getState()).toBe('active');

  const worker = crashDeliverWorker(stores, queues, workerRedis, prefix, fake.url);
  open.push(() => worker.close(true));
  const record = await waitFor(
    async () => {
      const r = await stores.deliveries.get(sub.id, localDate);
      return r?.status === 'sent' ? r : undefined;
    },
    { what: 'the stalled delivery to be resumed and completed', timeoutMs: 20_000 },
  );

  // Each part shown once; part 0 was never posted again; part 1 was re-posted under the same key
  // by the resumed attempt and recognised by the platform.
  expect(fake.shown().map((p) => p.index)).toEqual([0, 1]);
  expect(fake.requests.filter((r) => r.index === 0)).toHaveLength(1);
  expect(fake.requests.filter((r) => r.index === 1).map((r) => [r.resumed, r.sentParts])).toEqual([
    [false, []],
    [true, [0]],
  ]);
  expect(new Set(fake.requests.map((r) => r.key))).toEqual(new Set([jobId]));
  expect(record.attempts).toBe(2);
  const job = await completedJob(queues.deliver.slack, jobId);
  expect(job.stalledCounter).toBe(1);
});
