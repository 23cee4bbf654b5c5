import type { Redis } from 'ioredis';
import type { DeliveryLog, DeliveryRecord } from '../ports/delivery-log.js';
import { DEFAULT_RETENTION_MS, LuaScript, parseJson } from './util.js';

/**
 * Creates the record if absent, else counts one more attempt; returns the record's fields.
 * KEYS: 1 delivery:<sub>:<date>, 2 deliveries:<sub>
 * ARGV: 1 storyIds JSON, 2 articleIds JSON, 3 startedAt ISO, 4 retention ms, 5 localDate
 */
const BEGIN = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HINCRBY', KEYS[1], 'attempts', 1)
else
  redis.call('HSET', KEYS[1], 'status', 'sending', 'storyIds', ARGV[1], 'articleIds', ARGV[2],
    'startedAt', ARGV[3], 'completedAt', '', 'attempts', 1)
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
end
redis.call('SADD', KEYS[2], ARGV[5])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return redis.call('HGETALL', KEYS[1])
`);

/** Records a sent part (a no-op without a record). KEYS: 1 record; ARGV: 1 part index. */
const MARK_PART = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'p:' .. ARGV[1], 1)
return 1
`);

/**
 * Completes a delivery: status, completion time, the record's article ids into the channel's
 * delivered set (scored by completion time; members older than the retention are dropped), and the
 * last-delivered time. KEYS: 1 record, 2 delivered:<sub>, 3 last:<sub>
 * ARGV: 1 at ISO, 2 at ms, 3 retention ms, 4 cutoff ms (at − retention)
 */
const COMPLETE = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'status', 'sent', 'completedAt', ARGV[1])
local ids = cjson.decode(redis.call('HGET', KEYS[1], 'articleIds'))
local batch = {}
for _, id in ipairs(ids) do
  batch[#batch + 1] = ARGV[2]
  batch[#batch + 1] = id
  if #batch >= 400 then
    redis.call('ZADD', KEYS[2], 'GT', unpack(batch))
    batch = {}
  end
end
if #batch > 0 then redis.call('ZADD', KEYS[2], 'GT', unpack(batch)) end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[4])
if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[3]) end
redis.call('SET', KEYS[3], ARGV[1])
return 1
`);

/**
 * The delivery log in Redis. Keys (under `prefix`; subscription ids contain no ':'):
 * - `delivery:<subId>:<localDate>`: hash: status, storyIds/articleIds (JSON), startedAt,
 *   completedAt ('' = null), attempts, and one field `p:<n>` per sent part; expires `retentionMs`
 *   after the digest's first attempt.
 * - `deliveries:<subId>`: set of the local dates with a record (so `forget` needs no SCAN); expiry
 *   refreshed to the retention on each `begin`.
 * - `delivered:<subId>`: sorted set article id → completion time (ms). Members older than the
 *   retention are removed on each `complete` and ignored by `deliveredArticleIds`, so the retention
 *   is exact per article; the key expires `retentionMs` after the last completion.
 * - `last:<subId>`: ISO time of the last completed digest (no expiry; removed by `forget`).
 * `begin`, `markPartSent` and `complete` are Lua scripts, so re-runs racing each other stay consistent.
 */
export class RedisDeliveryLog implements DeliveryLog {
  private readonly retentionMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    retentionMs: number = DEFAULT_RETENTION_MS,
    /** The clock used to decide which delivered ids are past the retention (tests may pass their own). */
    private readonly now: () => number = Date.now,
  ) {
    this.retentionMs = Math.max(1, Math.round(retentionMs));
  }

  async get(subscriptionId: string, localDate: string): Promise<DeliveryRecord | null> {
    const fields = await this.redis.hgetall(this.recordKey(subscriptionId, localDate));
    return toRecord(subscriptionId, localDate, fields);
  }

  async begin(
    subscriptionId: string,
    localDate: string,
    content: { storyIds: string[]; articleIds: string[] },
    at: Date,
  ): Promise<DeliveryRecord> {
    const flat = await BEGIN.run(
      this.redis,
      [this.recordKey(subscriptionId, localDate), this.datesKey(subscriptionId)],
      [
        JSON.stringify(content.storyIds),
        JSON.stringify(content.articleIds),
        at.toISOString(),
        this.retentionMs,
        localDate,
      ],
    );
    const record = toRecord(subscriptionId, localDate, pairsToObject(flat));
    if (!record) throw new Error(`Delivery record ${subscriptionId} ${localDate} vanished during begin`);
    return record;
  }

  async markPartSent(subscriptionId: string, localDate: string, part: number): Promise<void> {
    if (!Number.isInteger(part) || part < 0) throw new RangeError(`Invalid message part index: ${part}`);
    await MARK_PART.run(this.redis, [this.recordKey(subscriptionId, localDate)], [part]);
  }

  async complete(subscriptionId: string, localDate: string, at: Date): Promise<void> {
    const atMs = at.getTime();
    await COMPLETE.run(
      this.redis,
      [
        this.recordKey(subscriptionId, localDate),
        this.deliveredKey(subscriptionId),
        this.lastKey(subscriptionId),
      ],
      [at.toISOString(), atMs, this.retentionMs, atMs - this.retentionMs],
    );
  }

  async deliveredArticleIds(subscriptionId: string): Promise<Set<string>> {
    const cutoff = this.now() - this.retentionMs;
    return new Set(await this.redis.zrangebyscore(this.deliveredKey(subscriptionId), cutoff, '+inf'));
  }

  async lastDeliveredAt(subscriptionId: string): Promise<Date | null> {
    const iso = await this.redis.get(this.lastKey(subscriptionId));
    return iso === null ? null : new Date(iso);
  }

  async forget(subscriptionId: string): Promise<void> {
    const dates = await this.redis.smembers(this.datesKey(subscriptionId));
    await this.redis.unlink(
      ...dates.map((d) => this.recordKey(subscriptionId, d)),
      this.datesKey(subscriptionId),
      this.deliveredKey(subscriptionId),
      this.lastKey(subscriptionId),
    );
  }

  private recordKey(subscriptionId: string, localDate: string): string {
    return `${this.prefix}delivery:${subscriptionId}:${localDate}`;
  }

  private datesKey(subscriptionId: string): string {
    return `${this.prefix}deliveries:${subscriptionId}`;
  }

  private deliveredKey(subscriptionId: string): string {
    return `${this.prefix}delivered:${subscriptionId}`;
  }

  private lastKey(subscriptionId: string): string {
    return `${this.prefix}last:${subscriptionId}`;
  }
}

function pairsToObject(flat: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(flat)) return out;
  for (let i = 0; i + 1 < flat.length; i += 2) out[String(flat[i])] = String(flat[i + 1]);
  return out;
}

function toRecord(
  subscriptionId: string,
  localDate: string,
  fields: Record<string, string>,
): DeliveryRecord | null {
  if (fields.status === undefined) return null;
  const sentParts = Object.keys(fields)
    .filter((f) => f.startsWith('p:'))
    .map((f) => Number(f.slice(2)))
    .sort((a, b) => a - b);
  return {
    subscriptionId,
    localDate,
    status: fields.status === 'sent' ? 'sent' : 'sending',
    sentParts,
    storyIds: parseJson<string[]>(fields.storyIds ?? '[]'),
    articleIds: parseJson<string[]>(fields.articleIds ?? '[]'),
    startedAt: fields.startedAt ?? '',
    completedAt: fields.completedAt ? fields.completedAt : null,
    attempts: Number(fields.attempts ?? 1),
  };
}
