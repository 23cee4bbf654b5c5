/**
 * A running Discord adapter against the fake Discord: the real discord.js Client logs in to the
 * fake gateway, our handlers answer through the fake REST API. Memory stores, the bundled seeds
 * plus articles whose titles try to ping, and a fixed clock.
 */

import { DiscordAdapter, type DiscordAdapterOptions } from '../../../adapters/discord/adapter.js';
import { NewsEngine } from '../../../src/briefing/engine.js';
import { type Config, parseConfig } from '../../../src/config.js';
import { loadDirectory } from '../../../src/corpus.js';
import type { Article } from '../../../src/model.js';
import { bundledSeedsDir } from '../../../src/paths.js';
import {
  MemoryDeliveryLog,
  MemoryDigestScheduler,
  MemoryKeyValueStore,
  MemorySubscriptionStore,
  noopMetrics,
  silentLogger,
} from '../../../src/ports/index.js';
import type { Metrics } from '../../../src/ports/metrics.js';
import type { PlatformContext } from '../../../src/ports/platform.js';
import {
  type FakeDiscord,
  type InteractionPayload,
  type InteractionWhere,
  type RecordedRequest,
  snowflake,
  startFakeDiscord,
} from '../../fakes/discord-api.js';

export const NOW = new Date('2026-01-14T09:00:00Z');

/** Articles on "zebrafish" whose text tries every kind of mention and a masked link. */
export function hostileArticles(): Article[] {
  const base = {
    datePrecision: 'instant' as const,
    tags: ['zebrafish'],
    origin: 'test:hostile',
  };
  return [
    {
      ...base,
      id: 'hostile-1',
      url: 'https://news.example/zebrafish-1',
      title: '@everyone Zebrafish regrow hearts, [says](https://evil.example/phish) <@123> in study',
      outlet: 'Science <@&456> Daily',
      publishedAt: '2026-01-14T07:00:00Z',
      body: 'Zebrafish can regrow heart tissue. @here read [this link](https://evil.example/phish) now. Researchers at <#789> agree. Zebrafish hearts heal within weeks.',
    },
    {
      ...base,
      id: 'hostile-2',
      url: 'https://news.example/zebrafish-2',
      title: 'Zebrafish study: [official results](https://evil.example/x) **bold** claims @here',
      outlet: 'Fish News',
      publishedAt: '2026-01-14T06:00:00Z',
      body: 'A zebrafish study makes bold claims. @everyone the zebrafish genome shows regeneration genes.',
    },
  ];
}

let seeded: NewsEngine | null = null;

/** The bundled seeds plus the hostile articles (loaded once per file). */
export async function testEngine(): Promise<NewsEngine> {
  if (seeded === null) {
    const { engine } = await loadDirectory(bundledSeedsDir(), { stderr() {} }, new NewsEngine());
    for (const article of hostileArticles()) engine.add([article]);
    seeded = engine;
  }
  return seeded;
}

export interface RecordingMetrics extends Metrics {
  commands: Array<{ platform: string; command: string; outcome: string }>;
  briefings: number[];
}

export function recordingMetrics(): RecordingMetrics {
  const commands: RecordingMetrics['commands'] = [];
  const briefings: number[] = [];
  return {
    ...noopMetrics,
    commands,
    briefings,
    commandHandled(platform, command, outcome) {
      commands.push({ platform, command, outcome });
    },
    briefingBuilt(seconds) {
      briefings.push(seconds);
    },
  };
}

export interface TestContext extends PlatformContext {
  metrics: RecordingMetrics;
  subscriptions: {
    subscriptions: MemorySubscriptionStore;
    scheduler: MemoryDigestScheduler;
    deliveries: MemoryDeliveryLog;
  };
}

export function testContext(
  fake: FakeDiscord,
  engine: NewsEngine,
  env: Record<string, string> = {},
): TestContext {
  const config: Config = parseConfig({
    DISCORD_TOKEN: 'test-token',
    DISCORD_APP_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    ...env,
  });
  return {
    config,
    logger: silentLogger,
    metrics: recordingMetrics(),
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

export interface Harness {
  fake: FakeDiscord;
  context: TestContext;
  adapter: DiscordAdapter;
  guildId: string;
  channelId: string;
  where(overrides?: Partial<InteractionWhere>): InteractionWhere;
  /** Dispatches an interaction; resolves with its first callback (POST …/callback). */
  send(payload: InteractionPayload): Promise<RecordedRequest>;
  /** The final message of an interaction: its PATCH @original, or a type 4/7 callback body. */
  final(payload: InteractionPayload): Promise<Record<string, unknown>>;
  /** Dispatches an interaction and resolves with its final message. */
  run(payload: InteractionPayload): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startHarness(
  options: { env?: Record<string, string>; adapter?: DiscordAdapterOptions; fake?: FakeDiscord } = {},
): Promise<Harness> {
  const fake = options.fake ?? (await startFakeDiscord());
  const context = testContext(fake, await testEngine(), options.env);
  const adapter = new DiscordAdapter(context, options.adapter);
  await adapter.start();
  const guildId = snowflake();
  const channelId = snowflake();
  const callbackOf = (payload: InteractionPayload) => (r: RecordedRequest) =>
    r.method === 'POST' && r.path.includes(`/interactions/${payload.id}/`) && r.status !== 0;
  const final = async (payload: InteractionPayload): Promise<Record<string, unknown>> => {
    const callback = await fake.waitForRequest(callbackOf(payload));
    const body = callback.body as { type: number; data?: Record<string, unknown> };
    if (body.type === 4 || body.type === 7) return body.data ?? {};
    const patch = await fake.waitForRequest(
      (r) =>
        r.method === 'PATCH' && r.path.includes(`/${payload.token}/messages/@original`) && r.status !== 0,
    );
    return patch.body as Record<string, unknown>;
  };
  return {
    fake,
    context,
    adapter,
    guildId,
    channelId,
    where: (overrides = {}) => ({ applicationId: fake.applicationId, guildId, channelId, ...overrides }),
    async send(payload) {
      fake.interaction(payload);
      return fake.waitForRequest(callbackOf(payload));
    },
    final,
    async run(payload) {
      fake.interaction(payload);
      return final(payload);
    },
    async close() {
      await adapter.stop();
      if (options.fake === undefined) await fake.close();
    },
  };
}
