/**
 * Sharding with DISCORD_SHARDS (never 'auto'): the fake's /gateway/bot recommends 2 shards and
 * routes each guild's events to (guild_id >> 22) % 2. One Client holding both shards, and
 * discord.js's ShardingManager running one process per shard.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  chatInput,
  type FakeDiscord,
  shardOf,
  snowflake,
  startFakeDiscord,
} from '../../fakes/discord-api.js';
import { type Harness, startHarness } from './harness.js';

function guildOnShard(shard: number, count: number): string {
  for (;;) {
    const id = snowflake(Date.now() - Math.floor(Math.random() * 1e9));
    if (shardOf(id, count) === shard) return id;
  }
}

let h: Harness | null = null;
let fake: FakeDiscord | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
  await fake?.close();
  fake = null;
});

describe('sharding', () => {
  it('one Client runs shards 0 and 1 of 2 and answers on the shard of the guild', async () => {
    fake = await startFakeDiscord({ shards: 2 });
    h = await startHarness({ fake, env: { DISCORD_SHARDS: '2' } });
    const identified = fake.sessions.map((s) => s.shard).sort();
    expect(identified).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(h.adapter.client?.ws.shards.size).toBe(2);
    for (const shard of [0, 1]) {
      const guildId = guildOnShard(shard, 2);
      const payload = chatInput('news', [{ name: 'topic', type: 3, value: 'korea' }], h.where({ guildId }));
      const message = await h.run(payload);
      expect(message.content).toMatch(/Briefing: korea/);
    }
  });

  it('ShardingManager runs one process per shard (totalShards 2)', async () => {
    fake = await startFakeDiscord({ shards: 2 });
    const saved = { ...process.env };
    // Shard processes read their configuration from the environment, as the real ones do.
    process.env.DISCORD_APP_ID = fake.applicationId;
    process.env.DISCORD_API_URL = fake.apiUrl;
    process.env.DISCORD_SHARDS = '2';
    process.env.DISCORD_TOKEN = 'test-token';
    try {
      h = await startHarness({
        fake,
        env: { DISCORD_SHARDS: '2' },
        adapter: {
          shardContextModule: fileURLToPath(new URL('./shard-context.ts', import.meta.url)),
          shardSpawnDelayMs: 0,
        },
      });
    } finally {
      process.env = saved;
    }
    expect(h.adapter.client).toBeNull();
    await fake.waitForSessions(2);
    expect(fake.sessions.map((s) => s.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const guildId = guildOnShard(1, 2);
    const payload = chatInput('news', [{ name: 'topic', type: 3, value: 'korea' }], h.where({ guildId }));
    const message = await h.run(payload);
    expect(message.content).toMatch(/Briefing: korea/);
  }, 60_000);
});
