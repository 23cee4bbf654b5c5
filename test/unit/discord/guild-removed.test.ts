import { describe, expect, it } from 'vitest';
import type { DiscordDeps } from '../../../adapters/discord/deps.js';
import { onGuildRemoved, REMOVED_FROM_SERVER } from '../../../adapters/discord/events/guild-delete.js';
import { discordSettings } from '../../../adapters/discord/settings.js';
import { NewsEngine } from '../../../src/briefing/engine.js';
import { parseConfig } from '../../../src/config.js';
import {
  MemoryDeliveryLog,
  MemoryDigestScheduler,
  MemoryKeyValueStore,
  MemorySubscriptionStore,
  noopMetrics,
  silentLogger,
} from '../../../src/ports/index.js';
import { type Subscription, subscriptionId } from '../../../src/subscriptions/model.js';

const NOW = new Date('2026-01-14T09:00:00Z');

async function world(mode: 'pause' | 'remove') {
  const config = parseConfig({ DISCORD_TOKEN: 't', DISCORD_APP_ID: '1', DISCORD_GUILD_REMOVED: mode });
  const ports = {
    subscriptions: new MemorySubscriptionStore(),
    scheduler: new MemoryDigestScheduler(),
    deliveries: new MemoryDeliveryLog(),
  };
  const engine = new NewsEngine();
  const deps: DiscordDeps = {
    settings: discordSettings(config),
    logger: silentLogger,
    context: {
      config,
      logger: silentLogger,
      metrics: noopMetrics,
      now: () => NOW,
      engine: () => engine,
      subscriptions: ports,
      digestOptions: {},
      keyValues: new MemoryKeyValueStore(),
    },
  };
  for (const [guild, channel] of [
    ['10', '11'],
    ['10', '12'],
    ['20', '21'],
  ] as const) {
    const ref = { platform: 'discord' as const, teamId: guild, channelId: channel };
    const sub: Subscription = {
      id: subscriptionId(ref),
      channel: ref,
      tags: ['korea'],
      time: '08:00',
      timeZone: 'UTC',
      days: 'daily',
      maxStories: 5,
      createdBy: 'u',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      paused: null,
    };
    await ports.subscriptions.put(sub);
    await ports.scheduler.upsert(sub);
  }
  return { deps, ports };
}

describe('onGuildRemoved', () => {
  it('pauses the server’s subscriptions with the reason (the default), leaving other servers alone', async () => {
    const { deps, ports } = await world('pause');
    expect(await onGuildRemoved('10', deps)).toEqual(['discord.10.11', 'discord.10.12']);
    for (const sub of await ports.subscriptions.listByTeam('discord', '10')) {
      expect(sub.paused).toEqual({ by: 'system', reason: REMOVED_FROM_SERVER, at: NOW.toISOString() });
    }
    expect([...ports.scheduler.schedules.keys()]).toEqual(['discord.20.21']);
  });

  it('removes them with DISCORD_GUILD_REMOVED=remove', async () => {
    const { deps, ports } = await world('remove');
    await onGuildRemoved('10', deps);
    expect((await ports.subscriptions.listAll()).map((s) => s.id)).toEqual(['discord.20.21']);
  });
});
