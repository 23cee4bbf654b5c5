import type { Redis } from 'ioredis';
import type { SubscriptionStore } from '../ports/subscription-store.js';
import type { Platform, Subscription } from '../subscriptions/model.js';
import { chunks, LuaScript, parseJson } from './util.js';

/**
 * Creates or replaces a subscription, checking the team cap in the same atomic step.
 * KEYS: 1 sub:<id>, 2 team:<platform>:<teamId>, 3 subs (all ids)
 * ARGV: 1 id, 2 JSON, 3 maxPerTeam (-1 = no cap), 4 key prefix
 * Returns 1 when stored, 0 when the team is at its cap.
 */
const PUT = new LuaScript(`
local old = redis.call('GET', KEYS[1])
if old then
  local prev = cjson.decode(old)
  local prevTeam = ARGV[4] .. 'team:' .. prev.channel.platform .. ':' .. prev.channel.teamId
  if prevTeam ~= KEYS[2] then redis.call('SREM', prevTeam, ARGV[1]) end
else
  local cap = tonumber(ARGV[3])
  if cap >= 0 and redis.call('SCARD', KEYS[2]) >= cap then return 0 end
end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
return 1
`);

/**
 * Deletes a subscription and its index entries.
 * KEYS: 1 sub:<id>, 2 subs; ARGV: 1 id, 2 key prefix. Returns 1 when it existed.
 */
const DELETE = new LuaScript(`
local old = redis.call('GET', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
if not old then return 0 end
local prev = cjson.decode(old)
redis.call('SREM', ARGV[2] .. 'team:' .. prev.channel.platform .. ':' .. prev.channel.teamId, ARGV[1])
redis.call('DEL', KEYS[1])
return 1
`);

/**
 * Subscriptions in Redis. Keys (all under `prefix`):
 * - `sub:<id>`: the subscription as JSON (times are ISO strings, as in the model);
 * - `team:<platform>:<teamId>`: set of the team's subscription ids (the cap counts it);
 * - `subs`: set of all subscription ids (listAll, scheduler re-creation at start).
 * `put` and `delete` are Lua scripts, so the cap check and the index updates are atomic.
 * Single-node Redis only: the scripts touch the previous team's set, derived from the stored value.
 */
export class RedisSubscriptionStore implements SubscriptionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(id: string): Promise<Subscription | null> {
    const json = await this.redis.get(this.subKey(id));
    return json === null ? null : parseJson<Subscription>(json);
  }

  async put(
    subscription: Subscription,
    options: { maxPerTeam?: number } = {},
  ): Promise<{ ok: true } | { ok: false; reason: 'team-cap' }> {
    const { platform, teamId } = subscription.channel;
    const stored = await PUT.run(
      this.redis,
      [this.subKey(subscription.id), this.teamKey(platform, teamId), this.allKey()],
      [subscription.id, JSON.stringify(subscription), options.maxPerTeam ?? -1, this.prefix],
    );
    return stored === 1 ? { ok: true } : { ok: false, reason: 'team-cap' };
  }

  async delete(id: string): Promise<boolean> {
    const existed = await DELETE.run(this.redis, [this.subKey(id), this.allKey()], [id, this.prefix]);
    return existed === 1;
  }

  async listByTeam(platform: Platform, teamId: string): Promise<Subscription[]> {
    return this.load(await this.redis.smembers(this.teamKey(platform, teamId)));
  }

  async listAll(): Promise<Subscription[]> {
    return this.load(await this.redis.smembers(this.allKey()));
  }

  /** Loads subscriptions by id, sorted by id; ids whose value is gone are skipped. */
  private async load(ids: string[]): Promise<Subscription[]> {
    ids.sort();
    const out: Subscription[] = [];
    for (const part of chunks(ids, 500)) {
      const values = await this.redis.mget(part.map((id) => this.subKey(id)));
      for (const json of values) if (json !== null) out.push(parseJson<Subscription>(json));
    }
    return out;
  }

  private subKey(id: string): string {
    return `${this.prefix}sub:${id}`;
  }

  private teamKey(platform: Platform, teamId: string): string {
    return `${this.prefix}team:${platform}:${teamId}`;
  }

  private allKey(): string {
    return `${this.prefix}subs`;
  }
}
