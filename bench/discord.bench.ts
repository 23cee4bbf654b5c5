/**
 * `npm run bench:discord`: the Discord adapter under load. A real discord.js Client connected to
 * the fake Discord (test/fakes/discord-api.ts: REST + gateway on 127.0.0.1, same process) gets 500
 * interactions at 50/s through the fake gateway: /news briefings, topic autocomplete, /digest list
 * and subscribe, and "More" presses, over the bundled seeds. Prints time to first callback (from
 * the gateway dispatch to the callback request reaching the fake REST API) p50/p90/p99/max, time to
 * the final message for briefings, and errors, against the targets p99 < 300 ms and 0 errors.
 *
 * Environment: BENCH_INTERACTIONS=500, BENCH_RATE=50 (per second). No timing is asserted anywhere.
 */
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DiscordAdapter } from '../adapters/discord/adapter.js';
import { NewsEngine } from '../src/briefing/engine.js';
import { parseConfig } from '../src/config.js';
import { loadDirectory } from '../src/corpus.js';
import { bundledSeedsDir } from '../src/paths.js';
import {
  MemoryDeliveryLog,
  MemoryDigestScheduler,
  MemoryKeyValueStore,
  MemorySubscriptionStore,
  noopMetrics,
  silentLogger,
} from '../src/ports/index.js';
import type { CommandOutcome } from '../src/ports/metrics.js';
import {
  buttonPress,
  chatInput,
  type InteractionPayload,
  type RecordedRequest,
  snowflake,
  startFakeDiscord,
} from '../test/fakes/discord-api.js';
import { percentile } from './stats.js';

const TOTAL = Number(process.env.BENCH_INTERACTIONS ?? 500);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const TARGET_P99_MS = 300;
const DEADLINE_MS = 3_000;
const NOW = new Date('2026-01-14T09:00:00Z');
const TOPICS = [
  'korea',
  'japan',
  'north korea missiles',
  'semiconductors',
  'lee takaichi summit',
  'china',
  'election',
];

type Kind = 'news' | 'autocomplete' | 'list' | 'subscribe' | 'more';

function fmt(ms: number): string {
  return `${ms.toFixed(1)} ms`;
}

async function main(): Promise<void> {
  const fake = await startFakeDiscord();
  const { engine } = await loadDirectory(bundledSeedsDir(), { stderr() {} }, new NewsEngine());
  const outcomes: CommandOutcome[] = [];
  const adapter = new DiscordAdapter({
    config: parseConfig({
      DISCORD_TOKEN: 'bench-token',
      DISCORD_APP_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
    }),
    logger: silentLogger,
    metrics: { ...noopMetrics, commandHandled: (_p, _c, outcome) => outcomes.push(outcome) },
    now: () => NOW,
    engine: () => engine,
    subscriptions: {
      subscriptions: new MemorySubscriptionStore(),
      scheduler: new MemoryDigestScheduler(),
      deliveries: new MemoryDeliveryLog(),
    },
    digestOptions: {},
    keyValues: new MemoryKeyValueStore(),
  });
  const loginStarted = performance.now();
  await adapter.start();
  const loginMs = performance.now() - loginStarted;

  const guildId = snowflake();
  const where = (i: number) => ({
    applicationId: fake.applicationId,
    guildId,
    channelId: String(BigInt(guildId) + BigInt(i % 40)),
  });
  const moreId = `nb:m:5:${(NOW.getTime() / 1000).toString(36)}:=korea`;
  function make(i: number): { kind: Kind; payload: InteractionPayload } {
    const r = i % 10;
    const topic = TOPICS[i % TOPICS.length]!;
    if (r < 5)
      return {
        kind: 'news',
        payload: chatInput('news', [{ name: 'topic', type: 3, value: topic }], where(i)),
      };
    if (r < 7) {
      const partial = topic.slice(0, 1 + (i % 4));
      return {
        kind: 'autocomplete',
        payload: chatInput('news', [{ name: 'topic', type: 3, value: partial, focused: true }], where(i), 4),
      };
    }
    if (r === 7)
      return {
        kind: 'list',
        payload: chatInput('digest', [{ name: 'list', type: 1, options: [] }], where(i)),
      };
    if (r === 8) {
      return {
        kind: 'subscribe',
        payload: chatInput(
          'digest',
          [
            {
              name: 'subscribe',
              type: 1,
              options: [
                { name: 'tags', type: 3, value: `${topic}, japan` },
                { name: 'timezone', type: 3, value: 'Asia/Seoul' },
              ],
            },
          ],
          where(i),
        ),
      };
    }
    return { kind: 'more', payload: buttonPress(moreId, { id: snowflake(), flags: 64 }, where(i)) };
  }

  // Warm up (JIT, connection pool) with a few interactions that are not counted; wait until they
  // are fully answered so none of their traffic lands in the measurement.
  const warmup = Array.from({ length: 20 }, (_, i) => make(i).payload);
  for (const payload of warmup) fake.interaction(payload);
  await fake
    .waitUntil(
      () =>
        warmup.every((w) => fake.requests.some((r) => r.path.includes(w.token) && r.status !== 0)) &&
        outcomes.length >= warmup.filter((w) => w.type !== 4).length,
      30_000,
    )
    .catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 200));
  fake.reset();
  outcomes.length = 0;

  const sent: Array<{ kind: Kind; payload: InteractionPayload; at: number }> = [];
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const started = performance.now();
  const interval = 1000 / RATE;
  await new Promise<void>((resolve) => {
    let i = 0;
    const tick = () => {
      // Catch up if a timer fired late, so the offered rate stays RATE per second.
      while (i < TOTAL && performance.now() - started >= i * interval) {
        const item = make(i);
        sent.push({ ...item, at: performance.now() });
        fake.interaction(item.payload);
        i++;
      }
      if (i < TOTAL) setTimeout(tick, Math.max(0, started + i * interval - performance.now()));
      else resolve();
    };
    tick();
  });
  const offeredSeconds = (performance.now() - started) / 1000;
  loopDelay.disable();
  await fake
    .waitUntil(
      () =>
        sent.every((s) =>
          fake.requests.some((r) => r.path.includes(`/interactions/${s.payload.id}/`) && r.status !== 0),
        ),
      15_000,
    )
    .catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 500));

  const byPath = new Map<string, RecordedRequest>();
  for (const r of fake.requests) {
    const m = /\/interactions\/(\d+)\//.exec(r.path);
    if (m && !byPath.has(m[1]!)) byPath.set(m[1]!, r);
  }
  const firstCallback: number[] = [];
  const finals: number[] = [];
  const perKind = new Map<Kind, number[]>();
  let missing = 0;
  let late = 0;
  for (const s of sent) {
    const callback = byPath.get(s.payload.id);
    if (callback === undefined) {
      missing++;
      continue;
    }
    const ms = callback.at - s.at;
    firstCallback.push(ms);
    if (ms > DEADLINE_MS) late++;
    perKind.set(s.kind, [...(perKind.get(s.kind) ?? []), ms]);
    if (s.kind === 'news') {
      const patch = fake.requests.find(
        (r) => r.method === 'PATCH' && r.path.includes(`/${s.payload.token}/`),
      );
      if (patch) finals.push(patch.at - s.at);
    }
  }
  const httpErrors = fake.requests.filter((r) => r.status >= 400).length;
  const handlerErrors = outcomes.filter((o) => o === 'error').length;
  const errors = missing + late + httpErrors + handlerErrors;
  firstCallback.sort((a, b) => a - b);
  finals.sort((a, b) => a - b);

  const p = (xs: number[], q: number) => percentile(xs, q);
  const lines = [
    `Discord adapter load: ${TOTAL} interactions at ${RATE}/s through the fake gateway (${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.versions.node})`,
    `login + READY: ${fmt(loginMs)}; offered over ${offeredSeconds.toFixed(2)} s (${(TOTAL / offeredSeconds).toFixed(1)}/s)`,
    '',
    'time to first callback (dispatch → callback at the REST API)',
    `  p50 ${fmt(p(firstCallback, 0.5))}   p90 ${fmt(p(firstCallback, 0.9))}   p99 ${fmt(p(firstCallback, 0.99))}   max ${fmt(firstCallback.at(-1) ?? 0)}   (target p99 < ${TARGET_P99_MS} ms: ${p(firstCallback, 0.99) < TARGET_P99_MS ? 'met' : 'MISSED'})`,
    ...[...perKind.entries()].map(([kind, xs]) => {
      xs.sort((a, b) => a - b);
      return `  ${kind.padEnd(12)} n=${String(xs.length).padStart(3)}  p50 ${fmt(p(xs, 0.5))}  p99 ${fmt(p(xs, 0.99))}`;
    }),
    `time to final briefing message (/news, dispatch → PATCH @original): p50 ${fmt(p(finals, 0.5))}  p99 ${fmt(p(finals, 0.99))}`,
    '',
    `errors: ${errors} (no callback ${missing}, later than 3 s ${late}, HTTP ≥ 400 ${httpErrors}, handler errors ${handlerErrors}) (target 0: ${errors === 0 ? 'met' : 'MISSED'})`,
    `REST requests: ${fake.requests.length}`,
    `event-loop delay while offering: p99 ${fmt(loopDelay.percentile(99) / 1e6)}, max ${fmt(loopDelay.max / 1e6)}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} CPUs (the fake runs in this process too)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  await adapter.stop();
  await fake.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:discord failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
