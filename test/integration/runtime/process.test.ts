/**
 * The `newsbrief start` process: a clear error and exit 1 when Redis is unreachable, exit 2 on a
 * bad configuration, the health probes, and a graceful SIGTERM that lets the active delivery finish
 * and exits 0 within the timeout, leaving nothing active, locked or stalled in Redis.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { deliveryJobId } from '../../../src/digest/ids.js';
import { createRedisStores } from '../../../src/redis/index.js';
import { bullPrefix, createQueues } from '../../../src/runtime/queues.js';
import { cleanupPrefix, connect, redisUrl, uniquePrefix } from '../../support/redis.js';
import { freePort } from '../../support/redis-server.js';
import { startFakePlatform } from './fake-platform.js';
import { FAST, sampleDigest, subscription, waitFor } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = join(ROOT, 'app/main.ts');
const FIXTURE = join(ROOT, 'test/fixtures/runtime/start-runtime.ts');

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

function run(script: string, args: string[], env: Record<string, string>): Run {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(REDIS_|SLACK_|DISCORD_|FEEDS|WATCH_DIRS|ROLES|PORT$|LOG_LEVEL)/.test(k),
    ),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString('utf8');
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, stdout: () => out, stderr: () => err, exit };
}

describe('newsbrief start', () => {
  it('exits 1 with one clear message when Redis is unreachable (password hidden)', async () => {
    const port = await freePort();
    const r = run(MAIN, ['start'], { REDIS_URL: `redis://:hunter2secret@127.0.0.1:${port}`, PORT: '0' });
    const { code } = await r.exit;
    expect(code).toBe(1);
    const stderr = r.stderr();
    expect(stderr).toContain(`newsbrief start: Cannot use Redis at redis://:***@127.0.0.1:${port}`);
    expect(stderr).toMatch(/Start redis-server .* or set REDIS_URL/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout() + stderr).not.toContain('hunter2secret');
  });

  it('exits 2 listing every configuration problem', async () => {
    const r = run(MAIN, ['start'], { ROLES: 'cook', PORT: 'x' });
    expect((await r.exit).code).toBe(2);
    expect(r.stderr()).toContain('invalid configuration');
    expect(r.stderr()).toContain('ROLES: unknown role cook');
    expect(r.stderr()).toContain('PORT: must be a whole number');
  });

  it('serves /healthz and /readyz, and stops on SIGTERM with exit 0', async () => {
    const prefix = uniquePrefix('rt-cli');
    const redis = connect();
    cleanups.push(async () => {
      await cleanupPrefix(redis, prefix);
      await redis.quit();
    });
    const dir = mkdtempSync(join(tmpdir(), 'nb-watch-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(
      join(dir, 'story.md'),
      '---\ntitle: Korea launches a lunar probe\ndate: 2026-01-13\nsource: Yonhap\n---\nSouth Korea launched its second lunar probe on Tuesday.\n',
    );
    const port = await freePort();
    const r = run(MAIN, ['start'], {
      REDIS_URL: redisUrl(),
      REDIS_PREFIX: `${prefix}:`,
      PORT: String(port),
      WATCH_DIRS: dir,
    });
    const base = `http://127.0.0.1:${port}`;
    const ready = await waitFor(
      async () => {
        const res = await fetch(`${base}/readyz`);
        return res.status === 200 ? ((await res.json()) as { status: string }) : undefined;
      },
      { what: '/readyz to answer 200', timeoutMs: 20_000, intervalMs: 200 },
    );
    expect(ready.status).toBe('ready');
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    // Logs are JSON lines, and the configuration is logged without secrets.
    const started = r
      .stdout()
      .split('\n')
      .find((line) => line.includes('"msg":"newsbrief started"'));
    expect(started).toBeDefined();
    expect(await redis.xlen(`${prefix}:articles`)).toBe(1);

    r.child.kill('SIGTERM');
    expect(await r.exit).toEqual({ code: 0, signal: null });
    expect(r.stdout()).toContain('"msg":"newsbrief stopped"');
  });

  it('SIGTERM during a delivery: the delivery completes, then the process exits 0', async () => {
    const fake = await startFakePlatform();
    cleanups.push(() => fake.close());
    fake.behaviour = () => 2_000; // the platform takes 2 s to answer each post
    const prefix = `${uniquePrefix('rt-sigterm')}:`;
    const redis = connect();
    cleanups.push(async () => {
      await cleanupPrefix(redis, prefix);
      await redis.quit();
    });
    const stores = createRedisStores(redis, { prefix });
    const queues = createQueues({
      connection: redis,
      prefix: bullPrefix(prefix),
      tuning: { ...(await import('../../fixtures/runtime/tuning.js')).CRASH_TUNING, ...FAST },
    });
    cleanups.push(() => queues.close());
    const sub = subscription();
    await stores.subscriptions.put(sub);

    const r = run(FIXTURE, [], {
      REDIS_URL: redisUrl(),
      REDIS_PREFIX: prefix,
      PORT: '0',
      WATCH_DIRS: '',
      PLATFORM_URL: fake.url,
      SHUTDOWN_TIMEOUT_SECONDS: '15',
    });
    await waitFor(() => r.stdout().includes('ready'), { what: 'the runtime to start', timeoutMs: 20_000 });
    const localDate = '2026-01-14';
    const jobId = deliveryJobId(sub.id, localDate);
    await queues.deliver.slack.add('deliver', sampleDigest(sub, localDate, 1), { jobId });
    await waitFor(() => fake.requests.length > 0, { what: 'the post to reach the platform' });
    const signalled = Date.now();
    r.child.kill('SIGTERM');
    const exit = await r.exit;
    expect(exit).toEqual({ code: 0, signal: null });
    const elapsed = Date.now() - signalled;
    expect(elapsed).toBeGreaterThanOrEqual(1_500);
    // Within SHUTDOWN_TIMEOUT_SECONDS, and not by giving up on the job.
    expect(elapsed).toBeLessThan(15_000);
    expect(r.stderr()).toMatch(/"forced":false[^\n]*"msg":"newsbrief stopped"/);
    expect(await stores.deliveries.get(sub.id, localDate)).toMatchObject({ status: 'sent', attempts: 1 });
    const job = await queues.deliver.slack.getJob(jobId);
    expect(await job?.getState()).toBe('completed');
    expect(job?.attemptsMade).toBe(1);
    expect(job?.stalledCounter).toBe(0);
    expect(fake.requests).toHaveLength(1);
    expect(r.stderr()).toContain('signal received: shutting down gracefully');
    // Nothing stalls: no job is left active or locked, and no queue has a stalled candidate that
    // another worker would pick up and run again.
    for (const queue of queues.all()) {
      expect(await queue.getActiveCount(), queue.name).toBe(0);
      expect(await redis.scard(`${bullPrefix(prefix)}:${queue.name}:stalled`), queue.name).toBe(0);
    }
    expect(await redis.exists(`${bullPrefix(prefix)}:deliver-slack:${jobId}:lock`)).toBe(0);
  });
});
