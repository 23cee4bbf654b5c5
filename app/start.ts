/**
 * `newsbrief start`: runs the bot and/or the workers (ROLES) until SIGTERM or SIGINT.
 */
import { parseArgs } from 'node:util';
import type { CliCommand } from '../src/cli/io.js';
import { type Config, ConfigError, parseConfig } from '../src/config.js';
import type { PlatformAdapterFactory } from '../src/ports/platform.js';
import type { RuntimeHandle } from '../src/runtime/runtime.js';
import { platformAdapters } from './adapters.js';

const USAGE = `Usage: newsbrief start

Runs newsbrief on the Redis at REDIS_URL: the chat bot (the Slack and Discord
adapters that are configured) and the workers (daily digests, deliveries, feed
polling, watched folders). Every process serves HTTP on PORT: /healthz, /readyz,
/metrics (Prometheus) and, with ADMIN_USER and ADMIN_PASSWORD, the queue dashboard
at /admin/queues.

ROLES picks what this process runs: all (the default), bot, worker, or bot,worker.
Start several worker processes, on one machine or several, against the same Redis
to share the work; everything that matters is kept in Redis.

SIGTERM or SIGINT stops gracefully: no new requests or jobs, active jobs finish
(for at most SHUTDOWN_TIMEOUT_SECONDS), connections close, exit code 0. A second
signal exits at once.

The configuration is read from environment variables (see the README), e.g.
REDIS_URL, REDIS_PREFIX, PORT, ROLES, FEEDS, WATCH_DIRS, RETENTION_DAYS,
SLACK_BOT_TOKEN, DISCORD_TOKEN. An invalid configuration lists every problem and
exits with 2; an unreachable Redis exits with 1.

Options:
  -h, --help   show this help`;

/**
 * Everything is closed; should a library still hold the event loop open (a socket's connect
 * timer, a client's reconnect), exit anyway after `ms`. The timer itself never keeps the process up.
 */
function exitSoon(code: number, ms: number): void {
  setTimeout(() => process.exit(code), ms).unref();
}

export interface StartCommandOptions {
  /** The adapter factories for a configuration (default: the configured platforms). */
  adapters?: (config: Config) => Promise<PlatformAdapterFactory[]>;
}

export function createStartCommand(options: StartCommandOptions = {}): CliCommand {
  const adapters = options.adapters ?? platformAdapters;
  return {
    name: 'start',
    summary: 'Run the bot and the workers (ROLES) until SIGTERM',
    usage: USAGE,
    async run(args, io) {
      parseArgs({ args, options: {}, allowPositionals: false, strict: true });
      let config: Config;
      try {
        config = parseConfig(io.env);
      } catch (error) {
        if (error instanceof ConfigError) {
          io.stderr(`newsbrief start: ${error.message}\n`);
          return 2;
        }
        throw error;
      }
      // Loaded here so that the other commands don't load BullMQ or prom-client.
      const [{ createLogger, runUntilSignal, StartupError, startRuntime }, { PrometheusMetrics }] =
        await Promise.all([import('../src/runtime/index.js'), import('../src/metrics/index.js')]);
      const logger = createLogger(config);
      let handle: RuntimeHandle;
      try {
        handle = await startRuntime(config, {
          adapters: await adapters(config),
          logger,
          metrics: new PrometheusMetrics(),
          now: () => new Date(),
        });
      } catch (error) {
        // One clear line for the operator (Redis unreachable, a platform refusing its token…); the
        // stack goes to the log for anything unexpected.
        if (!(error instanceof StartupError)) {
          logger.error({ err: error instanceof Error ? error.stack : String(error) }, 'start failed');
        }
        io.stderr(`newsbrief start: ${error instanceof Error ? error.message : String(error)}\n`);
        exitSoon(1, 200);
        return 1;
      }
      const code = await runUntilSignal(() => handle.stop(), { logger });
      exitSoon(code, 2_000);
      return code;
    },
  };
}
