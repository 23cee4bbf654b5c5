/**
 * `newsbrief config check [--redis]`: validates the configuration (the environment, with the
 * `*_FILE` secrets read) without starting anything. Prints every problem and exits 2, or the
 * configuration with secrets redacted, what it turns on, and "configuration OK" (exit 0). With
 * `--redis` it also connects to REDIS_URL: exit 1 with the reason when Redis can't be used.
 */
import { parseArgs } from 'node:util';
import type { CliCommand } from '../src/cli/io.js';
import { UsageError } from '../src/cli/io.js';
import {
  type Config,
  ConfigError,
  describeConfig,
  discordEnabled,
  parseConfig,
  slackEnabled,
} from '../src/config.js';

const USAGE = `Usage: newsbrief config check [--redis]

Validates the configuration that "newsbrief start" would use (environment
variables, and NAME_FILE for each secret) without starting anything. Prints every
problem at once, each with its variable's name, and exits with 2; otherwise prints
the configuration with secrets redacted and "configuration OK" (exit 0).

Options:
  --redis        also check that REDIS_URL answers and is usable (exit 1 if not)
  -h, --help     show this help

See .env.example for every variable.`;

/** What the configuration turns on, one line each. */
export function configSummary(config: Config): string[] {
  const slack = slackEnabled(config)
    ? config.SLACK_CLIENT_ID
      ? 'on (multi-workspace OAuth)'
      : config.SLACK_APP_TOKEN
        ? 'on (Socket Mode)'
        : 'on (single workspace, HTTP)'
    : 'off';
  const discord = discordEnabled(config)
    ? config.DISCORD_PUBLIC_KEY
      ? 'on (gateway and HTTP interactions)'
      : 'on (gateway)'
    : 'off';
  return [
    `roles: ${config.ROLES.join(', ')}`,
    `HTTP: port ${config.PORT} (/healthz, /readyz, /metrics)`,
    `Slack: ${slack}`,
    `Discord: ${discord}`,
    `queue dashboard: ${config.ADMIN_USER ? `on at /admin/queues (user ${config.ADMIN_USER})` : 'off (ADMIN_USER and ADMIN_PASSWORD unset)'}`,
  ];
}

export const configCommand: CliCommand = {
  name: 'config',
  summary: 'Validate the configuration without starting (config check [--redis])',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { redis: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1 || positionals[0] !== 'check') {
      throw new UsageError(
        positionals.length === 0
          ? 'missing subcommand: check'
          : `unknown subcommand "${positionals.join(' ')}"`,
      );
    }
    let config: Config;
    try {
      config = parseConfig(io.env);
    } catch (error) {
      if (error instanceof ConfigError) {
        io.stderr(`newsbrief config check: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
    io.stdout(`${describeConfig(config).join('\n')}\n\n`);
    io.stdout(`${configSummary(config).join('\n')}\n`);
    if (!slackEnabled(config) && !discordEnabled(config)) {
      io.stdout('note: no chat platform is configured: digests are built but not delivered\n');
    }
    if (values.redis) {
      // Loaded only here: the plain check needs no Redis client.
      const { checkRedis } = await import('../src/redis/connection.js');
      const check = await checkRedis(config.REDIS_URL, { timeoutMs: 3_000 });
      if (!check.ok) {
        io.stderr(`newsbrief config check: ${check.error}\n`);
        return 1;
      }
      io.stdout(`Redis: ${check.url} answers (version ${check.version})\n`);
      for (const warning of check.warnings) io.stdout(`warning: ${warning}\n`);
    }
    io.stdout('configuration OK\n');
    return 0;
  },
};
