/**
 * `newsbrief feeds` on the Redis at REDIS_URL: feeds added or removed here get (or lose) their Job
 * Scheduler at once, so running workers start or stop polling them without a restart.
 */
import { createFeedsCommand } from '../src/cli/feeds.js';
import type { CliCommand } from '../src/cli/io.js';
import { ConfigError, parseConfig } from '../src/config.js';

export function createRedisFeedsCommand(opts: { fetch?: typeof fetch } = {}): CliCommand {
  const describe = createFeedsCommand(() => Promise.reject(new Error('not opened')), opts);
  return {
    name: describe.name,
    summary: describe.summary,
    usage: describe.usage,
    async run(args, io) {
      const command = createFeedsCommand(async () => {
        const config = parseConfig(io.env);
        const { openFeedStore } = await import('../src/runtime/open-feed-store.js');
        return openFeedStore(config);
      }, opts);
      try {
        return await command.run(args, io);
      } catch (error) {
        if (error instanceof ConfigError) {
          io.stderr(`newsbrief feeds: ${error.message}\n`);
          return 2;
        }
        throw error;
      }
    },
  };
}
