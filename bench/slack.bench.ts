/**
 * `npm run bench:slack`: load on the Slack adapter. The app (the real Bolt app behind the adapter's
 * router on an express server, memory stores, the bundled seeds) runs in a child process; this
 * process plays Slack: it sends signed `/news <topic>` slash commands at a steady rate and runs the
 * fake Slack Web API + response URLs (test/fakes/slack-api.ts) that the briefings are posted to.
 *
 * Prints: ack latency p50/p99/max (target p99 < 300 ms), errors (target 0: a non-200, a failed
 * request, an ack after 3 s, or a briefing that never reached its response_url), the app's CPU time
 * per command, and the time from sending a command until its briefing reached the response_url
 * (p50/p99/max).
 *
 * Environment: BENCH_SLACK_COMMANDS (default 500), BENCH_SLACK_RATE per second (default 50).
 * Not part of `npm test`; no timing is asserted anywhere.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { FakeSlack, signedHeaders, slashCommandBody } from '../test/fakes/slack-api.js';
import { percentile } from './stats.js';

const SECRET = 'bench-signing-secret';
const NOW = new Date('2026-01-14T09:00:00Z');
const TOPICS = [
  'korea',
  'japan',
  'south korea',
  '"north korea" missiles',
  'china',
  'economy',
  'summit',
  'semiconductors',
  'election',
  'trade',
  'takaichi',
  'yonhap',
];
const TARGET_ACK_P99_MS = 300;

// ------------------------------------------------------------------------------------------------
// Child: the app under load.

async function runApp(apiUrl: string): Promise<void> {
  const [{ default: express }, { createSlackAdapter }, cfg, corpus, paths, ports] = await Promise.all([
    import('express'),
    import('../adapters/slack/index.js'),
    import('../src/config.js'),
    import('../src/corpus.js'),
    import('../src/paths.js'),
    import('../src/ports/index.js'),
  ]);
  const { engine } = await corpus.loadDirectory(paths.bundledSeedsDir(), { stderr: () => {} });
  const adapter = await createSlackAdapter({
    config: cfg.parseConfig({
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: apiUrl,
      LOG_LEVEL: 'warn',
    }),
    logger: ports.silentLogger,
    metrics: ports.noopMetrics,
    now: () => NOW,
    engine: () => engine,
    subscriptions: {
      subscriptions: new ports.MemorySubscriptionStore(),
      scheduler: new ports.MemoryDigestScheduler(),
      deliveries: new ports.MemoryDeliveryLog(),
    },
    digestOptions: {},
    keyValues: new ports.MemoryKeyValueStore(),
  });
  const app = express();
  // CPU time the app has used, read before and after the run.
  app.get('/bench/cpu', (_req, res) => {
    const { user, system } = process.cpuUsage();
    res.json({ ms: (user + system) / 1000 });
  });
  app.use(await adapter.router!());
  await adapter.start();
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  process.stdout.write(`READY ${(server.address() as AddressInfo).port}\n`);
  process.on('SIGTERM', () => {
    server.close();
    void adapter.stop().then(() => process.exit(0));
  });
}

// ------------------------------------------------------------------------------------------------
// Parent: Slack.

function startApp(apiUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--app', apiUrl],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) resolve({ child, url: `http://127.0.0.1:${m[1]}` });
    });
    child.on('exit', (code) => reject(new Error(`app exited with ${code}`)));
  });
}

interface Sample {
  ackMs: number | null;
  status: number | null;
  deliveredMs: number | null;
}

async function send(url: string, fake: FakeSlack, i: number): Promise<Sample> {
  const hook = `bench-${i}`;
  const body = slashCommandBody({
    text: TOPICS[i % TOPICS.length] ?? 'korea',
    responseUrl: fake.responseUrl(hook),
    channelId: `C${i % 40}`,
    userId: `U${i % 97}`,
  });
  const headers = signedHeaders(SECRET, body, 'application/x-www-form-urlencoded');
  const started = performance.now();
  const startedAt = Date.now();
  let status: number | null = null;
  let ackMs: number | null = null;
  try {
    const res = await fetch(`${url}/slack/events`, { method: 'POST', headers, body });
    await res.arrayBuffer();
    status = res.status;
    ackMs = performance.now() - started;
  } catch {
    return { ackMs: null, status: null, deliveredMs: null };
  }
  try {
    const post = await fake.waitForHook(hook, 1, 15_000);
    return { ackMs, status, deliveredMs: post.at - startedAt };
  } catch {
    return { ackMs, status, deliveredMs: null };
  }
}

async function load(
  url: string,
  fake: FakeSlack,
  count: number,
  rate: number,
  offset: number,
): Promise<Sample[]> {
  const interval = 1000 / rate;
  const start = performance.now();
  const pending: Array<Promise<Sample>> = [];
  for (let i = 0; i < count; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(url, fake, offset + i));
  }
  const samples = await Promise.all(pending);
  const seconds = (performance.now() - start) / 1000;
  process.stderr.write(`sent ${count} in ${seconds.toFixed(1)} s (${(count / seconds).toFixed(1)}/s)\n`);
  return samples;
}

async function appCpuMs(url: string): Promise<number> {
  const res = await fetch(`${url}/bench/cpu`);
  return ((await res.json()) as { ms: number }).ms;
}

function ms(n: number): string {
  return `${n.toFixed(n < 10 ? 1 : 0)} ms`;
}

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_SLACK_COMMANDS ?? 500);
  const rate = Number(process.env.BENCH_SLACK_RATE ?? 50);
  const fake = await FakeSlack.start();
  const { child, url } = await startApp(fake.apiUrl);
  try {
    // Warm-up (JIT, connection pools), not counted.
    await load(url, fake, 25, rate, 100_000);
    fake.reset();
    const cpuBefore = await appCpuMs(url);
    const samples = await load(url, fake, count, rate, 0);
    const cpuPerCommand = ((await appCpuMs(url)) - cpuBefore) / count;

    const acks = samples.flatMap((s) => (s.ackMs === null ? [] : [s.ackMs])).sort((a, b) => a - b);
    const delivered = samples
      .flatMap((s) => (s.deliveredMs === null ? [] : [s.deliveredMs]))
      .sort((a, b) => a - b);
    // An ack after 3 s counts as an error: Slack would have given up on the command by then.
    const late = samples.filter((s) => s.ackMs !== null && s.ackMs > 3000).length;
    const errors = samples.filter(
      (s) => s.status !== 200 || s.deliveredMs === null || (s.ackMs !== null && s.ackMs > 3000),
    ).length;
    const p99 = percentile(acks, 0.99);
    const lines = [
      '',
      `Slack adapter under load: ${count} signed /news commands at ${rate}/s`,
      `  (app in a child process on 127.0.0.1; fake Slack in this process; ${cpus().length}× ${cpus()[0]?.model.trim() ?? 'CPU'}, load ${loadavg()[0]?.toFixed(2)})`,
      '',
      `  ack latency         p50 ${ms(percentile(acks, 0.5))}   p99 ${ms(p99)}   max ${ms(acks.at(-1) ?? 0)}   (target p99 < ${TARGET_ACK_P99_MS} ms: ${p99 < TARGET_ACK_P99_MS ? 'met' : 'MISSED'})`,
      `  errors              ${errors} of ${count}, of which ${late} acked after 3 s   (target 0: ${errors === 0 ? 'met' : 'MISSED'})`,
      `  briefing delivered  p50 ${ms(percentile(delivered, 0.5))}   p99 ${ms(percentile(delivered, 0.99))}   max ${ms(delivered.at(-1) ?? 0)}   (send → response_url)`,
      `  app CPU per command ${ms(cpuPerCommand)}   (verify, ack, brief, render, respond)`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
    if (errors > 0) process.exitCode = 1;
  } finally {
    child.kill('SIGTERM');
    await fake.close();
  }
}

if (process.argv[2] === '--app') {
  void runApp(process.argv[3] ?? '');
} else {
  await main();
}
