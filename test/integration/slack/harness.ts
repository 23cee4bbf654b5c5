/**
 * Runs the real Slack adapter (Bolt, ExpressReceiver or SocketModeReceiver) against the fake Slack
 * (test/fakes/slack-api.ts): the adapter's router on our own express server on 127.0.0.1, with a
 * PlatformContext of memory stores and the bundled seeds, "now" fixed at 2026-01-14T09:00:00Z.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { expect } from 'vitest';
import { createSlackAdapterWith } from '../../../adapters/slack/index.js';
import { NewsEngine } from '../../../src/briefing/engine.js';
import { parseConfig } from '../../../src/config.js';
import { loadDirectory } from '../../../src/corpus.js';
import type { Article } from '../../../src/model.js';
import { bundledSeedsDir } from '../../../src/paths.js';
import { MemoryDeliveryLog } from '../../../src/ports/delivery-log.js';
import { MemoryDigestScheduler } from '../../../src/ports/digest-scheduler.js';
import { type KeyValueStore, MemoryKeyValueStore } from '../../../src/ports/key-value-store.js';
import type { Logger } from '../../../src/ports/logger.js';
import type { CommandOutcome, Metrics } from '../../../src/ports/metrics.js';
import { noopMetrics } from '../../../src/ports/metrics.js';
import type { PlatformAdapter, PlatformContext } from '../../../src/ports/platform.js';
import { MemorySubscriptionStore } from '../../../src/ports/subscription-store.js';
import type { SubscriptionDeps } from '../../../src/subscriptions/index.js';
import {
  FakeSlack,
  type SlashCommandFields,
  signedHeaders,
  slashCommandBody,
} from '../../fakes/slack-api.js';

export const NOW = new Date('2026-01-14T09:00:00Z');
export const SIGNING_SECRET = 'test-signing-secret-0123456789';

let seedEngine: Promise<NewsEngine> | undefined;

/** The bundled seeds in an engine, loaded once per test file. */
export function seedsEngine(): Promise<NewsEngine> {
  seedEngine ??= loadDirectory(bundledSeedsDir(), { stderr: () => {} }).then((r) => r.engine);
  return seedEngine;
}

/** An engine holding only these articles (ids and defaults filled in). */
export function engineOf(articles: Array<Partial<Article> & { title: string }>): NewsEngine {
  const engine = new NewsEngine();
  engine.add(
    articles.map((a, i) => ({
      id: a.id ?? `a${i}`,
      url: a.url === undefined ? `https://news.example/${i}` : a.url,
      title: a.title,
      outlet: a.outlet ?? 'Example News',
      publishedAt: a.publishedAt ?? '2026-01-14T06:00:00Z',
      datePrecision: a.datePrecision ?? 'instant',
      tags: a.tags ?? [],
      body: a.body ?? '',
      origin: a.origin ?? `test:${i}`,
      ...(a.clusterKey !== undefined ? { clusterKey: a.clusterKey } : {}),
    })),
  );
  return engine;
}

/** A logger that keeps every line (to check that no secret is ever logged). */
export class CapturingLogger implements Logger {
  constructor(readonly lines: string[] = []) {}
  private write(level: string, fields: object, message?: string): void {
    this.lines.push(`${level} ${message ?? ''} ${JSON.stringify(fields)}`);
  }
  debug(fields: object, message?: string) {
    this.write('debug', fields, message);
  }
  info(fields: object, message?: string) {
    this.write('info', fields, message);
  }
  warn(fields: object, message?: string) {
    this.write('warn', fields, message);
  }
  error(fields: object, message?: string) {
    this.write('error', fields, message);
  }
  child(bindings: object): Logger {
    return {
      debug: (f, m) => this.debug({ ...bindings, ...f }, m),
      info: (f, m) => this.info({ ...bindings, ...f }, m),
      warn: (f, m) => this.warn({ ...bindings, ...f }, m),
      error: (f, m) => this.error({ ...bindings, ...f }, m),
      child: (more) => this.child({ ...bindings, ...more }),
    };
  }
}

export interface RecordedCommand {
  command: string;
  outcome: CommandOutcome;
}

export interface SlackHarness {
  fake: FakeSlack;
  adapter: PlatformAdapter;
  context: PlatformContext;
  subscriptions: SubscriptionDeps & {
    subscriptions: MemorySubscriptionStore;
    scheduler: MemoryDigestScheduler;
    deliveries: MemoryDeliveryLog;
  };
  logger: CapturingLogger;
  commands: RecordedCommand[];
  briefingsBuilt: number[];
  /** Our express server's base URL (serving the adapter's router). */
  url: string;
  /** POSTs a signed request to /slack/events; resolves with status, body and how long it took. */
  post(
    body: string,
    contentType: 'application/x-www-form-urlencoded' | 'application/json',
    options?: { timestampSec?: number; signature?: string },
  ): Promise<{ status: number; text: string; ms: number }>;
  /** Sends `/news <text>` signed; `hook` is the response URL's id. */
  command(
    text: string,
    fields?: Partial<Omit<SlashCommandFields, 'text' | 'responseUrl'>> & { hook?: string },
  ): Promise<{ status: number; text: string; ms: number; hook: string }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Environment on top of the defaults (signing secret, bot token xoxb-test, the fake's API URL). */
  env?: Record<string, string | undefined>;
  engine?: NewsEngine;
  keyValues?: KeyValueStore;
  fake?: FakeSlack;
  /** Mount the router on an express server (HTTP modes). @defaultValue true */
  http?: boolean;
}

let hookCounter = 0;

export async function startSlack(options: HarnessOptions = {}): Promise<SlackHarness> {
  const fake = options.fake ?? (await FakeSlack.start());
  const env: Record<string, string | undefined> = {
    LOG_LEVEL: 'debug',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: fake.apiUrl,
    ...options.env,
  };
  const config = parseConfig(env);
  const engine = options.engine ?? (await seedsEngine());
  const logger = new CapturingLogger();
  const commands: RecordedCommand[] = [];
  const briefingsBuilt: number[] = [];
  const metrics: Metrics = {
    ...noopMetrics,
    commandHandled: (_platform, command, outcome) => commands.push({ command, outcome }),
    briefingBuilt: (seconds) => briefingsBuilt.push(seconds),
  };
  const subscriptions = {
    subscriptions: new MemorySubscriptionStore(),
    scheduler: new MemoryDigestScheduler(),
    deliveries: new MemoryDeliveryLog(),
    options: { maxPerTeam: 25 },
  };
  const context: PlatformContext = {
    config,
    logger,
    metrics,
    now: () => NOW,
    engine: () => engine,
    subscriptions,
    digestOptions: {},
    keyValues: options.keyValues ?? new MemoryKeyValueStore(),
  };
  const adapter = createSlackAdapterWith(context);
  let server: Server | null = null;
  let url = '';
  if (options.http !== false) {
    const app = express();
    app.use(await adapter.router!());
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  await adapter.start();

  const post: SlackHarness['post'] = async (body, contentType, postOptions = {}) => {
    const headers = signedHeaders(SIGNING_SECRET, body, contentType, postOptions.timestampSec);
    if (postOptions.signature !== undefined) headers['x-slack-signature'] = postOptions.signature;
    const started = performance.now();
    const response = await fetch(`${url}/slack/events`, { method: 'POST', headers, body });
    const text = await response.text();
    return { status: response.status, text, ms: performance.now() - started };
  };

  return {
    fake,
    adapter,
    context,
    subscriptions,
    logger,
    commands,
    briefingsBuilt,
    url,
    post,
    async command(text, fields = {}) {
      const hook = fields.hook ?? `h${++hookCounter}`;
      const body = slashCommandBody({ ...fields, text, responseUrl: fake.responseUrl(hook) });
      const result = await post(body, 'application/x-www-form-urlencoded');
      return { ...result, hook };
    },
    async close() {
      await adapter.stop();
      if (server !== null) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server?.close(() => resolve()));
      }
      if (options.fake === undefined) await fake.close();
    },
  };
}

/** Every mrkdwn/plain text string in a message payload (blocks and fallback text). */
export function textsOf(payload: unknown): string[] {
  const out: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (key === 'text' || key === 'value') out.push(value);
      return;
    }
    if (Array.isArray(value)) for (const v of value) walk(v, key);
    else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(payload, '');
  return out;
}

/** No control sequence but our own links to news.example; no bare @here/@channel/@everyone. */
export function expectNoPings(payload: unknown): void {
  for (const text of textsOf(payload)) {
    expect(text).not.toMatch(/<[!@#]/);
    expect(text).not.toMatch(/@(here|channel|everyone)\b/i);
    expect(text).not.toMatch(/javascript:/i);
    for (const m of text.matchAll(/<([^>]*)>/g)) {
      expect(m[1]).toMatch(/^https:\/\/news\.example\/[^<|]*\|[^<]*$/);
    }
  }
}
