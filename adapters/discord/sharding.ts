/**
 * Sharding for large deployments (DISCORD_SHARDS = total shards, never 'auto'). Two ways, see
 * README.md:
 *
 * - processes: discord.js's ShardingManager spawns one process per shard running shard-entry.ts,
 *   which builds its own PlatformContext from the module the runtime names (`shardContextModule`);
 * - in process (when no such module is given): one Client holds all the shards (`shards` +
 *   `shardCount`), which @discordjs/ws runs side by side.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ShardingManager } from 'discord.js';
import type { Logger } from '../../src/ports/logger.js';
import type { PlatformContext } from '../../src/ports/platform.js';
import type { DiscordSettings } from './settings.js';

/** What a shard-context module exports: a PlatformContext for one shard process, built from its env. */
export interface ShardContextModule {
  createDiscordShardContext(): Promise<PlatformContext & { close?(): Promise<void> }>;
}

export interface ShardProcessOptions {
  /** Path or file URL of the module exporting createDiscordShardContext(). */
  contextModule: string;
  /** Pause between spawning shards (identify is limited to one per 5 s per concurrency key). @defaultValue 5_500 */
  spawnDelayMs?: number;
  /** How long a shard may take to become ready. @defaultValue 60_000 */
  spawnTimeoutMs?: number;
}

/** The shard entry script next to this module (.ts under tsx, .js when built), and how to run it. */
function shardEntry(): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const ts = here.endsWith('.ts');
  return {
    file: here.replace(/sharding\.(ts|js)$/, `shard-entry.${ts ? 'ts' : 'js'}`),
    execArgv: ts ? ['--import', 'tsx'] : [],
  };
}

/** Spawns every shard as a process; resolves when all are ready. */
export async function spawnShardProcesses(
  settings: DiscordSettings,
  options: ShardProcessOptions,
  logger: Logger,
): Promise<ShardingManager> {
  const entry = shardEntry();
  const contextUrl = options.contextModule.startsWith('file:')
    ? options.contextModule
    : pathToFileURL(options.contextModule).href;
  const manager = new ShardingManager(entry.file, {
    totalShards: settings.shards,
    mode: 'process',
    respawn: true,
    token: settings.token,
    shardArgs: [contextUrl],
    execArgv: entry.execArgv,
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shardId: shard.id, totalShards: settings.shards }, 'discord shard process starting');
    shard.on('death', () => logger.warn({ shardId: shard.id }, 'discord shard process exited'));
  });
  await manager.spawn({
    amount: settings.shards,
    delay: options.spawnDelayMs ?? 5_500,
    timeout: options.spawnTimeoutMs ?? 60_000,
  });
  return manager;
}

/** Stops every shard process (no respawn). */
export async function stopShardProcesses(manager: ShardingManager): Promise<void> {
  manager.respawn = false;
  for (const shard of manager.shards.values()) shard.kill();
}

/** Shard ids 0..n-1, for a Client that runs them all. */
export function allShards(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}
