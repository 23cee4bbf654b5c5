/**
 * `newsbrief start` as operators run it (the composition root, app/main.ts): a worker-only process
 * listens on PORT with /healthz, /readyz and /metrics (Prometheus, the newsbrief_* families) and
 * the dashboard behind basic auth; logs are JSON lines in production and pretty in development.
 * And `newsbrief config check --redis` against the suite's Redis.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { configCommand } from '../../../app/config-check.js';
import type { CliIO } from '../../../src/cli/io.js';
import { cleanupPrefix, connect, redisUrl, uniquePrefix } from '../../support/redis.js';
import { freePort } from '../../support/redis-server.js';
import { waitFor } from '../runtime/helpers.js';
import { parseMetrics } from './support.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = join(ROOT, 'app/main.ts');

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

interface Run {
  child: ChildProcess;
  stdout: () => string;
  exit: Promise<number | null>;
}

/** `newsbrief start` with only `env` from the newsbrief variables (none inherited). */
function start(env: Record<string, string>): Run {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(REDIS_|SLACK_|DISCORD_|ADMIN_|FEEDS|WATCH_DIRS|ROLES|PORT$|LOG_LEVEL|NODE_ENV)/.test(k),
    ),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'start'], {
    cwd: ROOT,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  child.stderr?.resume();
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, stdout: () => out, exit };
}

async function isolated(label: string): Promise<string> {
  const prefix = uniquePrefix(label);
  const redis = connect();
  cleanups.push(async () => {
    await cleanupPrefix(redis, prefix);
    await redis.quit();
  });
  return `${prefix}:`;
}

describe('newsbrief start (production wiring)', () => {
  it('ROLES=worker: /healthz, /readyz, /metrics and the dashboard on PORT; JSON logs; SIGTERM exits 0', async () => {
    const port = await freePort();
    const r = start({
      NODE_ENV: 'production',
      ROLES: 'worker',
      REDIS_URL: redisUrl(),
      REDIS_PREFIX: await isolated('prod-start'),
      PORT: String(port),
      WATCH_DIRS: '',
      ADMIN_USER: 'operator',
      ADMIN_PASSWORD: 'a-long-enough-password',
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(async () => (await fetch(`${base}/readyz`)).status === 200, {
      what: '/readyz to answer 200',
      timeoutMs: 20_000,
      intervalMs: 200,
    });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    const { types } = parseMetrics(await metrics.text());
    for (const family of [
      'newsbrief_commands_total',
      'newsbrief_briefing_duration_seconds',
      'newsbrief_articles_ingested_total',
      'newsbrief_articles_skipped_total',
      'newsbrief_feed_fetches_total',
      'newsbrief_digests_total',
      'newsbrief_redis_reconnects_total',
      'newsbrief_queue_jobs',
      'process_resident_memory_bytes',
    ]) {
      expect(types.has(family), family).toBe(true);
    }
    expect((await fetch(`${base}/admin/queues`)).status).toBe(401);
    const auth = `Basic ${Buffer.from('operator:a-long-enough-password').toString('base64')}`;
    expect((await fetch(`${base}/admin/queues`, { headers: { authorization: auth } })).status).toBe(200);

    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(0);
    const lines = r
      .stdout()
      .split('\n')
      .filter((l) => l.trim() !== '');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(r.stdout()).not.toContain('a-long-enough-password');
  });

  it('NODE_ENV=development logs pretty lines (pino-pretty)', async () => {
    const port = await freePort();
    const r = start({
      NODE_ENV: 'development',
      ROLES: 'bot',
      REDIS_URL: redisUrl(),
      REDIS_PREFIX: await isolated('prod-pretty'),
      PORT: String(port),
      WATCH_DIRS: '',
    });
    await waitFor(() => r.stdout().includes('newsbrief started'), { what: 'the start', timeoutMs: 20_000 });
    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(0);
    const started = r
      .stdout()
      .split('\n')
      .find((l) => l.includes('newsbrief started'));
    expect(started).toMatch(/INFO.*newsbrief started/);
    expect(() => JSON.parse(started ?? '')).toThrow();
  });
});

describe('newsbrief config check --redis', () => {
  function io(env: Record<string, string>) {
    const out: string[] = [];
    const err: string[] = [];
    const cli: CliIO = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), now: () => new Date(), env };
    return { cli, out: () => out.join(''), err: () => err.join('') };
  }

  it('reports a reachable Redis and "configuration OK"', async () => {
    const c = io({ REDIS_URL: redisUrl() });
    expect(await configCommand.run(['check', '--redis'], c.cli)).toBe(0);
    expect(c.out()).toMatch(/^Redis: redis:\/\/.* answers \(version \d+\.\d+/m);
    expect(c.out().trimEnd().endsWith('configuration OK')).toBe(true);
    expect(c.err()).toBe('');
  });

  it('exits 1 with the reason when Redis is unreachable', async () => {
    const port = await freePort();
    const c = io({ REDIS_URL: `redis://:hunter2@127.0.0.1:${port}` });
    expect(await configCommand.run(['check', '--redis'], c.cli)).toBe(1);
    expect(c.err()).toContain(`Cannot use Redis at redis://:***@127.0.0.1:${port}`);
    expect(c.out()).not.toContain('configuration OK');
    expect(c.out() + c.err()).not.toContain('hunter2');
  });
});
