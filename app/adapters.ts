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
  if (discordEnabled(config))
    factories.push((await import('../adapters/discord/index.js')).createDiscordAdapter);
  return factories;
}
