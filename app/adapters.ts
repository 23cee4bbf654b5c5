/**
 * The chat platforms of this deployment: a platform is on when its configuration is present
 * (slackEnabled / discordEnabled) and off otherwise; a deployment without either still builds
 * digests, ingests feeds and serves HTTP (digests for an unconfigured platform are skipped with a
 * warning). Each adapter is imported only when enabled, so the other CLI commands and a
 * one-platform deployment never load discord.js or Bolt.
 */
import { type Config, discordEnabled, slackEnabled } from '../src/config.js';
import type { PlatformAdapterFactory } from '../src/ports/platform.js';

/** The adapter factories of the platforms the configuration enables. */
export async function platformAdapters(config: Config): Promise<PlatformAdapterFactory[]> {
  const factories: PlatformAdapterFactory[] = [];
  if (slackEnabled(config)) factories.push((await import('../adapters/slack/index.js')).createSlackAdapter);
  if (discordEnabled(config)) {
    const discord = await import('../adapters/discord/index.js');
    // DISCORD_SHARDS > 0: one process per shard under discord.js's ShardingManager, each building
    // its context from discord-shard-context (.ts from source, .js when built).
    const shardContextModule = new URL(
      `./discord-shard-context${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
      import.meta.url,
    ).href;
    factories.push(
      config.DISCORD_SHARDS > 0
        ? discord.discordAdapterFactory({ shardContextModule })
        : discord.createDiscordAdapter,
    );
  }
  return factories;
}
