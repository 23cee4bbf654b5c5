/**
 * Feeds and folders in the running runtime: `newsbrief feeds add` (on Redis) creates the feed's Job
 * Scheduler and a worker polls it at once; a feed that keeps failing is disabled, loses its
 * scheduler, and `feeds list` shows why; `feeds remove` removes the scheduler; FEEDS is synced at
 * start; watched folders are ingested at start and again when a file is added.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRedisFeedsCommand } from '../../../app/feeds.js';
import type { CliIO } from '../../../src/cli/io.js';
import { feedSchedulerId } from '../../../src/runtime/feed-schedulers.js';
import { startServer, type TestServer } from '../feeds/server.js';
import { startTestRuntime, type TestRuntime, waitFor } from './helpers.js';

const RSS = readFileSync(
  fileURLToPath(new URL('../../fixtures/feeds/rss-news.xml', import.meta.url)),
  'utf8',
);
const NOW = new Date('2026-01-13T10:00:00Z');

let server: TestServer;
let t: TestRuntime | undefined;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
  server.routes.clear();
});

function cli(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    now: () => new Date(),
    env,
  };
  const command = createRedisFeedsCommand();
  return {
    run: (...args: string[]) => command.run(args, io),
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('feeds in the runtime', () => {
  it('feeds add schedules the feed, a worker polls it and the engine has its stories', async () => {
    server.routes.set('/world.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS);
    });
    t = await startTestRuntime({ label: 'rt-feeds', deps: { now: () => NOW } });
    const env = { REDIS_URL: t.config.REDIS_URL, REDIS_PREFIX: t.config.REDIS_PREFIX };
    const url = `${server.url}/world.xml`;
    const c = cli(env);
    expect(await c.run('add', url)).toBe(0);
    expect(c.out()).toContain(`added: ${url}`);
    const scheduler = await t.runtime.queues.feeds.getJobScheduler(feedSchedulerId(url));
    expect(scheduler?.every).toBeGreaterThanOrEqual(0.9 * 15 * 60_000);
    expect(scheduler?.every).toBeLessThanOrEqual(1.1 * 15 * 60_000);

    await waitFor(async () => (await t!.runtime.stores.feeds.get(url))?.lastOutcome?.startsWith('200'), {
      what: 'the first poll',
    });
    await waitFor(() => t!.runtime.engine.size > 0, { what: 'the engine to read the feed' });
    const briefing = t.runtime.engine.brief('korea', { now: NOW });
    expect(briefing.stories.map((s) => s.title).join('\n')).toMatch(/Takaichi/);

    expect(await c.run('remove', url)).toBe(0);
    expect(await t.runtime.queues.feeds.getJobScheduler(feedSchedulerId(url))).toBeUndefined();
  });

  it('disables a failing feed, removes its scheduler, and feeds list shows the reason', async () => {
    server.routes.set('/broken.xml', (_req, res) => {
      res.writeHead(500).end('boom');
    });
    const url = `${server.url}/broken.xml`;
    t = await startTestRuntime({ label: 'rt-feeds-fail', env: { FEEDS: url, FEED_MAX_FAILURES: '1' } });
    const id = feedSchedulerId(url);
    const state = await waitFor(
      async () => {
        const s = await t!.runtime.stores.feeds.get(url);
        return s?.disabledReason ? s : undefined;
      },
      { what: 'the feed to be disabled' },
    );
    expect(state.disabledReason).toContain('HTTP 500');
    await waitFor(async () => (await t!.runtime.queues.feeds.getJobScheduler(id)) === undefined, {
      what: 'the scheduler to be removed',
    });

    const c = cli({ REDIS_URL: t.config.REDIS_URL, REDIS_PREFIX: t.config.REDIS_PREFIX });
    expect(await c.run('list')).toBe(0);
    expect(c.out()).toContain('disabled after 1 consecutive failures; last: HTTP 500');
    // feeds add enables it again, with a scheduler.
    expect(await c.run('add', url)).toBe(0);
    expect(c.out()).toContain('enabled again');
    expect(await t.runtime.queues.feeds.getJobScheduler(id)).toBeDefined();
  });

  it('feeds exits 1 with a clear message when Redis is unreachable', async () => {
    const c = cli({ REDIS_URL: 'redis://127.0.0.1:1' });
    await expect(c.run('list')).rejects.toThrow(/Cannot use Redis at redis:\/\/127\.0\.0\.1:1.*redis-server/);
  });
});

describe('watched folders in the runtime', () => {
  it('ingests a folder at start and a file added later', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-rt-watch-'));
    try {
      writeFileSync(join(dir, 'world.xml'), RSS);
      t = await startTestRuntime({
        label: 'rt-watch',
        env: { WATCH_DIRS: dir, WATCH_INTERVAL_SECONDS: '1' },
        deps: { now: () => NOW },
      });
      const atStart = t.runtime.engine.size;
      expect(atStart).toBeGreaterThan(0);
      writeFileSync(
        join(dir, 'later.md'),
        '---\ntitle: Korea opens its first spaceport\ndate: 2026-01-13\nsource: Yonhap\n---\nSouth Korea opened a spaceport on Tuesday.\n',
      );
      await waitFor(() => t!.runtime.engine.size > atStart, { what: 'the new file', timeoutMs: 10_000 });
      const briefing = t.runtime.engine.brief('spaceport', { now: NOW });
      expect(briefing.stories[0]?.title).toContain('spaceport');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
