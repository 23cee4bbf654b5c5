/**
 * One shard process under discord.js's ShardingManager (see sharding.ts). The manager passes the
 * shard ids in SHARDS/SHARD_COUNT (the Client reads them) and the context module's URL as argv[2].
 * This process answers the interactions of its shard's servers; it stops on SIGTERM/SIGINT or when
 * the manager goes away.
 */
import { runDiscordShard } from './shard.js';
import type { ShardContextModule } from './sharding.js';

const contextModule = process.argv[2];
if (contextModule === undefined) {
  process.stderr.write('newsbrief discord shard: the shard-context module is missing (argv[2])\n');
  process.exit(2);
}
const { createDiscordShardContext } = (await import(contextModule)) as ShardContextModule;
const context = await createDiscordShardContext();
const stop = await runDiscordShard(context);
let stopping = false;
const shutdown = () => {
  if (stopping) return;
  stopping = true;
  void stop().finally(async () => {
    await context.close?.();
    process.exit(0);
  });
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
process.once('disconnect', shutdown);
