/**
 * The process logger: pino at LOG_LEVEL on stdout. JSON lines when NODE_ENV is production or test
 * (what log shippers read); pino-pretty when NODE_ENV is development, falling back to JSON when
 * pino-pretty (a devDependency, absent from production images) can't be loaded.
 *
 * Secrets never reach the output: the configuration is logged through `describeConfig` (secrets and
 * URL passwords redacted), and as a second line of defence every field named like a credential
 * (tokens, secrets, passwords, the SECRET_VARIABLES, authorization and cookie headers) is censored
 * by path, up to three levels deep; a REDIS_URL field keeps its host but loses its password.
 *
 * Correlation: fields put in the log context (`withLogContext`, an AsyncLocalStorage) are added to
 * every line logged while it is active, by any module: the HTTP server runs each request in a
 * context with its `reqId`, so lines logged by an adapter while handling it carry the id too.
 * Workers log each job through a child logger bound to `job` (its id).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import { type LoggerOptions, pino } from 'pino';
import type PinoPretty from 'pino-pretty';
import { type Config, SECRET_VARIABLES } from '../config.js';
import type { Logger } from '../ports/logger.js';
import { redactRedisUrl } from '../redis/connection.js';

/** Field names whose values are credentials, in any object logged. */
export const SECRET_FIELD_NAMES = [
  'token',
  'password',
  'secret',
  'authorization',
  'cookie',
  'accessToken',
  'refreshToken',
  'botToken',
  'appToken',
  'userToken',
  'clientSecret',
  'signingSecret',
  'stateSecret',
  'access_token',
  'refresh_token',
  'client_secret',
  'apiKey',
  'privateKey',
  ...SECRET_VARIABLES,
] as const;

const REDACTED = '<redacted>';
/** Fields redacted to the URL without its password rather than to <redacted>. */
const URL_FIELDS = new Set(['REDIS_URL', 'redisUrl']);

/** The redaction paths: each secret name at the top level and one or two objects down, and headers. */
export const REDACTED_FIELDS: readonly string[] = [
  ...[...SECRET_FIELD_NAMES, ...URL_FIELDS].flatMap((name) => [name, `*.${name}`, `*.*.${name}`]),
  ...['headers', '*.headers', '*.*.headers'].flatMap((h) => [
    `${h}.authorization`,
    `${h}.cookie`,
    `${h}["set-cookie"]`,
    `${h}["proxy-authorization"]`,
    `${h}["x-api-key"]`,
  ]),
];

function censor(value: unknown, path: string[]): unknown {
  const field = path[path.length - 1] ?? '';
  if (URL_FIELDS.has(field) && typeof value === 'string') return redactRedisUrl(value);
  return REDACTED;
}

/** The fields added to every log line of the current request or job. */
export const logContext = new AsyncLocalStorage<Readonly<Record<string, string>>>();

/** Runs `fn` with `fields` added to every line logged meanwhile (nested contexts merge). */
export function withLogContext<T>(fields: Readonly<Record<string, string>>, fn: () => T): T {
  return logContext.run({ ...logContext.getStore(), ...fields }, fn);
}

export type LogFormat = 'json' | 'pretty';

export interface CreateLoggerOptions {
  /** Overrides the format NODE_ENV picks. */
  format?: LogFormat;
}

/** The format for a NODE_ENV: pretty in development, JSON otherwise. */
export function logFormatFor(nodeEnv: Config['NODE_ENV']): LogFormat {
  return nodeEnv === 'development' ? 'pretty' : 'json';
}

/**
 * pino-pretty as a synchronous stream to `destination`, or null when it can't be loaded (it is a
 * devDependency: production installs don't have it). `load` is Node's require (tests replace it).
 */
export function prettyStream(
  destination: NodeJS.WritableStream,
  load: (id: string) => unknown = createRequire(import.meta.url),
): NodeJS.WritableStream | null {
  try {
    const pretty = load('pino-pretty') as typeof PinoPretty;
    return pretty({
      destination,
      sync: true,
      colorize: 'isTTY' in destination && destination.isTTY === true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname',
    });
  } catch {
    return null;
  }
}

export function createLogger(
  config: Pick<Config, 'LOG_LEVEL'> & Partial<Pick<Config, 'NODE_ENV'>>,
  destination: NodeJS.WritableStream = process.stdout,
  options: CreateLoggerOptions = {},
): Logger {
  const wanted = options.format ?? logFormatFor(config.NODE_ENV ?? 'production');
  const pretty = wanted === 'pretty' ? prettyStream(destination) : null;
  const settings: LoggerOptions = {
    name: 'newsbrief',
    level: config.LOG_LEVEL,
    redact: { paths: [...REDACTED_FIELDS], censor },
    // The context's fields, unless the line already has them (its own fields or a child's bindings).
    mixin(mergeObject, _level, instance) {
      const store = logContext.getStore();
      if (!store) return {};
      const bound = instance.bindings();
      const out: Record<string, string> = {};
      for (const [key, value] of Object.entries(store)) {
        if (!(key in mergeObject) && !(key in bound)) out[key] = value;
      }
      return out;
    },
  };
  const logger = pino(settings, pretty ?? destination);
  if (wanted === 'pretty' && !pretty) {
    logger.debug({}, 'pino-pretty is not installed (production install): logging JSON lines');
  }
  return logger;
}
