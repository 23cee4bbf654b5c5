/** Running one shard's Client in a ShardingManager child process. */
import type { PlatformContext } from '../../src/ports/platform.js';
import { attachHandlers, connect, createDiscordClient } from './client.js';
import type { DiscordDeps } from './deps.js';
import { discordSettings } from './settings.js';

/**
 * Connects this process's shard(s) (the ShardingManager's SHARDS/SHARD_COUNT, read by discord.js)
 * and handles their interactions with the given context. Returns a function that disconnects.
 */
export async function runDiscordShard(context: PlatformContext): Promise<() => Promise<void>> {
  const settings = discordSettings(context.config);
  const deps: DiscordDeps = { context, settings, logger: context.logger.child({ platform: 'discord' }) };
  const client = createDiscordClient(settings);
  attachHandlers(client, deps);
  await connect(client, settings.token);
  return () => client.destroy();
}
