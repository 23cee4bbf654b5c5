/**
 * The discord.js Client newsbrief runs: only the Guilds intent (slash commands and buttons need no
 * privileged intent; Guilds brings GUILD_DELETE), mentions parsed from nothing by default, REST and
 * gateway from DISCORD_API_URL (the gateway URL comes from GET /gateway/bot on that API), and small
 * caches (newsbrief never reads messages or members).
 */
import { Client, Events, GatewayIntentBits, Options } from 'discord.js';
import type { DiscordDeps } from './deps.js';
import { createGuildDeleteHandler } from './events/guild-delete.js';
import { createInteractionHandler } from './events/interaction-create.js';
import { createReadyHandler } from './events/ready.js';
import { NO_MENTIONS } from './render/message.js';
import type { DiscordSettings } from './settings.js';

export interface ClientSharding {
  /** Shard ids this client runs; absent: discord.js decides (one shard, or what a ShardingManager set). */
  shards?: readonly number[];
  shardCount?: number;
}

export function createDiscordClient(settings: DiscordSettings, sharding: ClientSharding = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    rest: { api: settings.apiUrl },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      ReactionManager: 0,
      PresenceManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
    }),
    ...(sharding.shards !== undefined ? { shards: [...sharding.shards] } : {}),
    ...(sharding.shardCount !== undefined ? { shardCount: sharding.shardCount } : {}),
  });
}

/** Attaches newsbrief's event handlers (one file each under events/). */
export function attachHandlers(client: Client, deps: DiscordDeps): void {
  client.once(Events.ClientReady, createReadyHandler(deps));
  client.on(Events.InteractionCreate, createInteractionHandler(deps));
  client.on(Events.GuildDelete, createGuildDeleteHandler(deps));
  client.on(Events.Error, (error) => deps.logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    deps.logger.warn({ shardId, code: event.code }, 'discord shard disconnected'),
  );
}

/** Logs in and resolves once every shard of the client is ready. */
export async function connect(client: Client, token: string, timeoutMs = 60_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Discord did not become ready within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    client.once(Events.ClientReady, () => resolve());
  });
  ready.catch(() => undefined);
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
