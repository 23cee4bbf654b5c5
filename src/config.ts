import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { validateTimeZone } from './commands/index.js';

/**
 * The process configuration: one schema over the environment, parsed once at start by the
 * composition root (app/main.ts). No other module reads process.env. Every problem is reported at
 * once with the variable's name; secrets can come from `<NAME>_FILE` and are never printed.
 */

/** Variables whose values are secrets: read from NAME or NAME_FILE, shown as <redacted>. */
export const SECRET_VARIABLES = [
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'DISCORD_TOKEN',
  'DISCORD_PUBLIC_KEY',
  'ADMIN_PASSWORD',
] as const;

const ROLE_VALUES = ['bot', 'worker'] as const;
export type Role = (typeof ROLE_VALUES)[number];

const bool = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      if (/^(1|true|yes|on)$/i.test(v)) return true;
      if (/^(0|false|no|off)$/i.test(v)) return false;
      ctx.addIssue({ code: 'custom', message: `must be true or false (got "${v}")` });
      return z.NEVER;
    });

const int = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a whole number from ${min} to ${max} (got "${v}")`,
        });
        return z.NEVER;
      }
      return n;
    });

const text = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const url = (what: string) =>
  text.refine((v) => v === undefined || /^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i.test(v), {
    message: `must be a ${what} URL`,
  });

const list = z
  .string()
  .optional()
  .transform((v) =>
    v === undefined
      ? undefined
      : v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
  );

const hhmm = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const value = v === undefined || v === '' ? fallback : v;
      const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value);
      if (!m) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a time HH:MM from 00:00 to 23:59 (got "${value}")`,
        });
        return z.NEVER;
      }
      return `${m[1]!.padStart(2, '0')}:${m[2]}`;
    });

const timeZone = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return 'UTC';
    const checked = validateTimeZone(v);
    if (!checked.ok) {
      ctx.addIssue({ code: 'custom', message: checked.error.message });
      return z.NEVER;
    }
    return checked.timeZone;
  });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ROLES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '' || v.trim() === 'all') return [...ROLE_VALUES];
      const roles = v.split(',').map((r) => r.trim());
      const bad = roles.filter((r) => !(ROLE_VALUES as readonly string[]).includes(r));
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown role ${bad.join(', ')}: use all, bot, worker or bot,worker`,
        });
        return z.NEVER;
      }
      return [...new Set(roles)] as Role[];
    }),
  PORT: int(3000, 0, 65535),
  REDIS_URL: url('redis').transform((v) => v ?? 'redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().default('newsbrief:'),
  RETENTION_DAYS: int(30, 1, 3650),
  WATCH_DIRS: list,
  WATCH_INTERVAL_SECONDS: int(60, 1, 86_400),
  FEEDS: text,
  FEED_INTERVAL_MINUTES: int(15, 1, 1440),
  FEED_TIMEOUT_SECONDS: int(15, 1, 300),
  FEED_MAX_BYTES: int(10 * 1024 * 1024, 1024, 512 * 1024 * 1024),
  FEED_MAX_FAILURES: int(10, 1, 1000),
  DIGEST_SEND_EMPTY: bool(false),
  DIGEST_DEFAULT_TIME: hhmm('08:00'),
  DIGEST_DEFAULT_TIME_ZONE: timeZone,
  DIGEST_MAX_STORIES: int(5, 1, 20),
  DIGEST_PREPARE_SECONDS: int(60, 0, 3600),
  TEAM_SUBSCRIPTION_LIMIT: int(25, 1, 10_000),
  BRIEFING_HALF_LIFE_HOURS: int(36, 1, 24 * 365),
  BRIEFING_STORIES: int(5, 1, 10),
  SUMMARY_MAX_CHARS: int(320, 80, 2000),
  SLACK_RATE_PER_SECOND: int(40, 1, 10_000),
  DISCORD_RATE_PER_SECOND: int(40, 1, 10_000),
  WORKER_CONCURRENCY: int(50, 1, 1000),
  DELIVERY_ATTEMPTS: int(10, 1, 100),
  DELIVERY_BACKOFF_SECONDS: int(10, 1, 3600),
  SHUTDOWN_TIMEOUT_SECONDS: int(25, 1, 3600),
  SLACK_SIGNING_SECRET: text,
  SLACK_BOT_TOKEN: text,
  SLACK_APP_TOKEN: text,
  SLACK_CLIENT_ID: text,
  SLACK_CLIENT_SECRET: text,
  SLACK_STATE_SECRET: text,
  SLACK_API_URL: url('Slack Web API'),
  SLACK_RESPONSE: z.enum(['ephemeral', 'in_channel']).default('ephemeral'),
  DISCORD_TOKEN: text,
  DISCORD_APP_ID: text,
  DISCORD_GUILD_ID: text,
  DISCORD_API_URL: url('Discord REST API'),
  DISCORD_PUBLIC_KEY: text,
  DISCORD_SHARDS: int(0, 0, 10_000),
  DISCORD_RESPONSE: z.enum(['ephemeral', 'in_channel']).default('ephemeral'),
  DISCORD_MANAGE_PERMISSION: z
    .enum(['ManageChannels', 'ManageGuild', 'Administrator', 'none'])
    .default('ManageChannels'),
  DISCORD_GUILD_REMOVED: z.enum(['pause', 'remove']).default('pause'),
  ADMIN_USER: text,
  ADMIN_PASSWORD: text,
});

export type Config = z.output<typeof schema>;

/** Raised when the environment doesn't parse: its message lists every problem, one per line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Parses the environment. `NAME_FILE` supplies a secret from a file (Docker/Kubernetes secrets);
 * setting both NAME and NAME_FILE is an error. Cross-field rules (Slack needs its signing secret,
 * OAuth needs all three of client id/secret/state secret, …) are checked too.
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const problems: string[] = [];
  const input: Record<string, string | undefined> = { ...env };
  for (const name of SECRET_VARIABLES) {
    const file = env[`${name}_FILE`];
    if (!file) continue;
    if (env[name]) {
      problems.push(`${name}: set either ${name} or ${name}_FILE, not both`);
      continue;
    }
    try {
      input[name] = readFileSync(file, 'utf8').trim();
    } catch (error) {
      problems.push(
        `${name}_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push(`${issue.path.join('.') || '(env)'}: ${issue.message}`);
  }
  problems.push(...crossFieldProblems(input));
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return parsed.data;
}

function crossFieldProblems(raw: Readonly<Record<string, string | undefined>>): string[] {
  const out: string[] = [];
  const set = (name: string): string | undefined => (raw[name]?.trim() ? raw[name]!.trim() : undefined);
  const c = Object.fromEntries(
    [
      'SLACK_CLIENT_ID',
      'SLACK_CLIENT_SECRET',
      'SLACK_STATE_SECRET',
      'SLACK_BOT_TOKEN',
      'SLACK_APP_TOKEN',
      'SLACK_SIGNING_SECRET',
      'DISCORD_TOKEN',
      'DISCORD_APP_ID',
      'DISCORD_PUBLIC_KEY',
      'ADMIN_USER',
      'ADMIN_PASSWORD',
    ].map((name) => [name, set(name)]),
  );
  const oauth = [c.SLACK_CLIENT_ID, c.SLACK_CLIENT_SECRET, c.SLACK_STATE_SECRET];
  if (oauth.some(Boolean) && !oauth.every(Boolean)) {
    out.push(
      'SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET: set all three for multi-workspace OAuth, or none',
    );
  }
  if (
    (c.SLACK_BOT_TOKEN || c.SLACK_APP_TOKEN || oauth.every(Boolean)) &&
    !c.SLACK_SIGNING_SECRET &&
    !c.SLACK_APP_TOKEN
  ) {
    out.push('SLACK_SIGNING_SECRET: required to serve Slack over HTTP (verifies every request)');
  }
  if (c.SLACK_APP_TOKEN && !c.SLACK_BOT_TOKEN)
    out.push('SLACK_BOT_TOKEN: required with SLACK_APP_TOKEN (Socket Mode)');
  if (c.SLACK_BOT_TOKEN && oauth.every(Boolean)) {
    out.push('SLACK_BOT_TOKEN: leave unset with OAuth (SLACK_CLIENT_ID…): tokens come from installations');
  }
  if (c.DISCORD_TOKEN && !c.DISCORD_APP_ID) out.push('DISCORD_APP_ID: required with DISCORD_TOKEN');
  if (c.DISCORD_PUBLIC_KEY && !/^[0-9a-f]{64}$/i.test(c.DISCORD_PUBLIC_KEY)) {
    out.push('DISCORD_PUBLIC_KEY: must be the application public key, 64 hex characters');
  }
  if (Boolean(c.ADMIN_USER) !== Boolean(c.ADMIN_PASSWORD)) {
    out.push('ADMIN_USER and ADMIN_PASSWORD: set both to enable the queue dashboard, or neither');
  }
  return out;
}

/** True when Slack is configured (single workspace, OAuth or Socket Mode). */
export function slackEnabled(c: Config): boolean {
  return Boolean(c.SLACK_BOT_TOKEN || (c.SLACK_CLIENT_ID && c.SLACK_CLIENT_SECRET));
}

export function discordEnabled(c: Config): boolean {
  return Boolean(c.DISCORD_TOKEN && c.DISCORD_APP_ID);
}

/** The configuration as printable lines, secrets and URL passwords redacted. */
export function describeConfig(c: Config): string[] {
  const secret = new Set<string>(SECRET_VARIABLES);
  return Object.entries(c).map(([key, value]) => {
    if (value === undefined) return `${key}=`;
    if (secret.has(key)) return `${key}=<redacted>`;
    const shown = Array.isArray(value) ? value.join(',') : String(value);
    return `${key}=${redactUrlPassword(shown)}`;
  });
}

/** "redis://:secret@host:6379" → "redis://:***@host:6379". */
export function redactUrlPassword(value: string): string {
  return value.replace(/(\w+:\/\/[^:/@\s]*:)[^@/\s]+@/g, '$1***@');
}
