import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Default retention: the article dedupe window and how long delivery history is kept (30 days). */
export const DEFAULT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** Default key prefix of the stores (BullMQ keeps its own `bull:` prefix). */
export const DEFAULT_PREFIX = 'newsbrief:';

/**
 * A Lua script run with EVALSHA, falling back to EVAL when the server does not know it yet (first
 * use, or after a Redis restart/SCRIPT FLUSH). Scripts are atomic: nothing else runs while one does.
 */
export class LuaScript {
  readonly sha: string;

  constructor(readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: Redis, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('NOSCRIPT')) {
        return await redis.eval(this.source, keys.length, ...keys, ...args);
      }
      throw err;
    }
  }
}

/** Parses a JSON value we wrote ourselves; the caller names the type it stored. */
export function parseJson<T>(text: string): T {
  const value: unknown = JSON.parse(text);
  return value as T;
}

/** Splits `items` into arrays of at most `size` (for MGET/UNLINK of many keys). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs a MULTI transaction and throws the first command error (ioredis reports them per command). */
export async function execOrThrow(
  multi: ReturnType<Redis['multi']>,
): Promise<Array<[error: Error | null, result: unknown]>> {
  const results = await multi.exec();
  if (results === null) throw new Error('Redis transaction was aborted');
  for (const [err] of results) if (err) throw err;
  return results;
}
