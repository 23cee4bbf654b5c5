/**
 * The context of one Discord shard process (DISCORD_SHARDS > 0: discord.js's ShardingManager runs
 * each shard in its own process; see adapters/discord/sharding.ts). A shard answers its servers'
 * commands only: it reads the configuration from its environment (inherited from `newsbrief
 * start`), opens the Redis stores and follows the shared article log; digests are delivered by the
 * workers, not by shards.
 */
import { parseConfig } from '../src/config.js';
import { noopMetrics } from '../src/ports/metrics.js';
import type { PlatformContext } from '../src/ports/platform.js';
import { createLogger } from '../src/runtime/logger.js';
import { openBotContext } from '../src/runtime/platform-context.js';

export async function createDiscordShardContext(): Promise<PlatformContext & { close(): Promise<void> }> {
  const config = parseConfig(process.env);
  const logger = createLogger(config).child({ shard: process.env.SHARDS ?? '?' });
  return openBotContext(config, { logger, metrics: noopMetrics, now: () => new Date() });
}
