import { Redis, type RedisOptions } from 'ioredis';

/**
 * How a client is used. `command`: the bot's own reads and writes (stores, BullMQ Queue producers):
 * fail fast while Redis is down instead of queueing commands in memory. `worker`: BullMQ Workers and
 * other blocking consumers: wait for Redis forever (BullMQ requires `maxRetriesPerRequest: null`).
 */
export type RedisRole = 'command' | 'worker';

export interface ConnectRedisOptions {
  role: RedisRole;
  /** How long to wait for the first connection before giving up with RedisUnavailableError. */
  connectTimeoutMs?: number;
  /** Receives connection errors after the first connect (reconnects are automatic). */
  onError?: (err: Error) => void;
}

/** The oldest Redis the stores support: exclusive XRANGE starts, XTRIM MINID and ZADD GT are 6.2. */
export const MIN_REDIS_VERSION = '6.2.0';

const WHAT_TO_DO =
  'Start redis-server (Debian/Ubuntu: apt-get install redis-server) or set REDIS_URL to a reachable Redis.';

/** A Redis URL fit for logs: any password (and `?password=` option) replaced by `***`. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    for (const key of [...parsed.searchParams.keys()]) {
      if (/pass/i.test(key)) parsed.searchParams.set(key, '***');
    }
    return parsed.toString();
  } catch {
    return url.replace(/(\/\/[^/@:]*:)[^/]*@/, '$1***@');
  }
}

/** Redis could not be reached (or refused us); the message names the URL and says what to do. */
export class RedisUnavailableError extends Error {
  override readonly name = 'RedisUnavailableError';
  constructor(
    readonly url: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    const why = scrub(reason, url).trim().replace(/\.+$/, '');
    super(`Cannot use Redis at ${redactRedisUrl(url)}: ${why}. ${advice(reason)}`, options);
  }
}

/** ioredis options for a role; never sets `keyPrefix` (BullMQ forbids it; the stores take a prefix). */
export function redisOptions(role: RedisRole, connectTimeoutMs = 10_000): RedisOptions {
  const common: RedisOptions = {
    connectionName: `newsbrief-${role}`,
    connectTimeout: connectTimeoutMs,
    // Reconnect forever, backing off from 1 s to 20 s (what BullMQ uses for its own connections).
    retryStrategy: (times: number) => Math.max(Math.min(Math.exp(times), 20_000), 1_000),
  };
  if (role === 'worker') return { ...common, maxRetriesPerRequest: null, enableOfflineQueue: true };
  return { ...common, maxRetriesPerRequest: 1, enableOfflineQueue: false };
}

/**
 * Connects a client for `role` and waits until it is ready, so that a command client (which does
 * not queue commands while disconnected) can be used at once. Throws RedisUnavailableError when
 * Redis cannot be reached within the timeout. Later disconnections are retried automatically.
 */
export async function connectRedis(url: string, options: ConnectRedisOptions): Promise<Redis> {
  const timeoutMs = options.connectTimeoutMs ?? 10_000;
  const redis = new Redis(url, { ...redisOptions(options.role, timeoutMs), lazyConnect: true });
  let lastError: Error | undefined;
  const remember = (err: Error) => {
    lastError = err;
  };
  redis.on('error', remember);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.connect(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (err) {
    redis.disconnect();
    const cause = lastError ?? err;
    throw new RedisUnavailableError(url, describeError(cause), { cause });
  } finally {
    clearTimeout(timer);
    if (options.onError) redis.on('error', options.onError);
    redis.off('error', remember);
  }
  return redis;
}

export type RedisCheck =
  | { ok: true; url: string; version: string; warnings: string[] }
  | { ok: false; url: string; error: string };

/**
 * Checks that Redis answers PING within `timeoutMs` and is recent enough. `url` in the result is
 * redacted. Warnings: an eviction policy other than `noeviction` (BullMQ needs it).
 */
export async function checkRedis(url: string, options: { timeoutMs?: number } = {}): Promise<RedisCheck> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const shown = redactRedisUrl(url);
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    enableReadyCheck: false,
    connectionName: 'newsbrief-check',
  });
  let lastError: Error | undefined;
  redis.on('error', (err: Error) => {
    lastError = err;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const answer = await Promise.race([
      (async () => {
        await redis.connect();
        const pong = await redis.ping();
        const server = await redis.info('server');
        const memory = await redis.info('memory').catch(() => '');
        return { pong, server, memory };
      })(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    if (answer.pong !== 'PONG') {
      return {
        ok: false,
        url: shown,
        error: new RedisUnavailableError(url, `PING answered ${answer.pong}`).message,
      };
    }
    const version = infoField(answer.server, 'redis_version') ?? 'unknown';
    if (version !== 'unknown' && compareVersions(version, MIN_REDIS_VERSION) < 0) {
      return {
        ok: false,
        url: shown,
        error: `Redis at ${shown} is version ${version}; newsbrief needs ${MIN_REDIS_VERSION} or newer.`,
      };
    }
    const warnings: string[] = [];
    const policy = infoField(answer.memory, 'maxmemory_policy');
    if (policy && policy !== 'noeviction') {
      warnings.push(
        `Redis at ${shown} has maxmemory-policy ${policy}; set it to noeviction, or Redis may evict queued jobs and subscriptions.`,
      );
    }
    return { ok: true, url: shown, version, warnings };
  } catch (err) {
    const cause = lastError ?? err;
    return { ok: false, url: shown, error: new RedisUnavailableError(url, describeError(cause)).message };
  } finally {
    clearTimeout(timer);
    redis.disconnect();
  }
}

function infoField(info: string, field: string): string | undefined {
  const match = new RegExp(`^${field}:(.*)$`, 'm').exec(info);
  return match?.[1]?.trim();
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function describeError(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) {
    return err.errors.map((e) => describeError(e)).join('; ');
  }
  if (err instanceof Error) return err.message || ('code' in err ? String(err.code) : err.name);
  return String(err);
}

function advice(reason: string): string {
  if (/NOAUTH|WRONGPASS|invalid password|invalid username/i.test(reason)) {
    return 'Check the user name and password in REDIS_URL.';
  }
  return WHAT_TO_DO;
}

/** Removes the URL's password from a message, in case a library echoed it. */
function scrub(message: string, url: string): string {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password ? message.split(password).join('***') : message;
  } catch {
    return message;
  }
}
