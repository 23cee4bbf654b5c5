import type { Redis } from 'ioredis';
import type { IndexedArticle } from '../model.js';
import type { ArticleStore, StoredBatch } from '../ports/article-store.js';
import { DEFAULT_RETENTION_MS, LuaScript, parseJson } from './util.js';

/**
 * Longest article body kept in Redis, in UTF-16 code units. Summaries are computed at ingest from
 * the full body, so the cap only bounds memory: a 20-article batch stays under ~320 KB of body text
 * however long the source documents are. Longer bodies are cut at the last paragraph or word break.
 */
export const MAX_STORED_BODY_CHARS = 8_000;

/** Shared Lua helpers: stream id parsing and the next id at or after a given millisecond. */
const ID_FUNCTIONS = `
local function parseId(id)
  local dash = string.find(id, '-', 1, true)
  return tonumber(string.sub(id, 1, dash - 1)), tonumber(string.sub(id, dash + 1))
end
local function nextId(ms, lastId)
  if lastId then
    local lastMs, lastSeq = parseId(lastId)
    if ms <= lastMs then return string.format('%.0f-%.0f', lastMs, lastSeq + 1) end
  end
  return string.format('%.0f-0', ms)
end
`;

/**
 * Appends one batch unless its document key is known. The entry id's time is the caller's `at`
 * (or just after the newest entry when `at` is older), so `trim(before)` works on `at`.
 * KEYS: 1 doc:<docKey>, 2 articles; ARGV: 1 retention ms, 2 at ms, 3 docKey, 4 at ISO, 5 articles JSON.
 * Returns the new entry id, or false for a repeat.
 */
const APPEND = new LuaScript(`${ID_FUNCTIONS}
if redis.call('EXISTS', KEYS[1]) == 1 then return false end
local ms = tonumber(ARGV[2])
local top = redis.call('XREVRANGE', KEYS[2], '+', '-', 'COUNT', 1)
local id = nextId(ms, top[1] and top[1][1])
local added = redis.pcall('XADD', KEYS[2], id, 'doc', ARGV[3], 'at', ARGV[4], 'articles', ARGV[5])
if type(added) == 'table' and added.err then
  -- The stream's newest entries were deleted: continue after its last generated id.
  local info = redis.call('XINFO', 'STREAM', KEYS[2])
  local last = nil
  for i = 1, #info, 2 do
    if info[i] == 'last-generated-id' then last = info[i + 1] end
  end
  id = nextId(ms, last)
  redis.call('XADD', KEYS[2], id, 'doc', ARGV[3], 'at', ARGV[4], 'articles', ARGV[5])
end
redis.call('SET', KEYS[1], id, 'PX', ARGV[1])
return id
`);

/**
 * Drops up to ARGV[2] of the oldest entries whose time is before ARGV[1] (ms), and the document
 * keys that point at them (so those documents can be appended again).
 * KEYS: 1 articles; ARGV: 1 before ms, 2 count, 3 key prefix. Returns how many were dropped.
 */
const TRIM = new LuaScript(`${ID_FUNCTIONS}
local entries = redis.call('XRANGE', KEYS[1], '-', '(' .. ARGV[1] .. '-0', 'COUNT', tonumber(ARGV[2]))
if #entries == 0 then return 0 end
for _, entry in ipairs(entries) do
  local fields = entry[2]
  for i = 1, #fields, 2 do
    if fields[i] == 'doc' then
      local docKey = ARGV[3] .. 'doc:' .. fields[i + 1]
      if redis.call('GET', docKey) == entry[1] then redis.call('DEL', docKey) end
    end
  end
end
return redis.call('XTRIM', KEYS[1], 'MINID', nextId(0, entries[#entries][1]))
`);

const TRIM_CHUNK = 200;
const STREAM_ID = /^\d+-\d+$/;

/**
 * The article log as a Redis Stream. Keys (under `prefix`):
 * - `articles`: stream, one entry per document: fields `doc` (docKey), `at` (ISO), `articles` (JSON
 *   of the batch, bodies capped at MAX_STORED_BODY_CHARS). Entry ids are the cursors.
 * - `doc:<docKey>`: the entry id of the document, expiring after `retentionMs` (the dedupe window).
 * `append` checks the document key and adds the entry in one Lua script, so a crash between the two
 * can't lose a document, and concurrent workers store it once.
 */
export class RedisArticleStore implements ArticleStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly retentionMs: number = DEFAULT_RETENTION_MS,
  ) {}

  async append(docKey: string, articles: IndexedArticle[], at: Date): Promise<boolean> {
    const stored = articles.map((a) => ({ ...a, body: capBody(a.body) }));
    const id = await APPEND.run(
      this.redis,
      [this.docKey(docKey), this.streamKey()],
      [
        Math.max(1, Math.round(this.retentionMs)),
        at.getTime(),
        docKey,
        at.toISOString(),
        JSON.stringify(stored),
      ],
    );
    return typeof id === 'string';
  }

  async read(cursor: string, limit: number): Promise<StoredBatch[]> {
    if (cursor !== '' && !STREAM_ID.test(cursor)) throw new Error(`Invalid article cursor: ${cursor}`);
    if (limit <= 0) return [];
    const entries = await this.redis.xrange(
      this.streamKey(),
      cursor === '' ? '-' : `(${cursor}`,
      '+',
      'COUNT',
      Math.floor(limit),
    );
    return entries.map(([id, fields]) => {
      const batch: StoredBatch = { cursor: id, docKey: '', articles: [] };
      for (let i = 0; i + 1 < fields.length; i += 2) {
        const value = fields[i + 1] ?? '';
        if (fields[i] === 'doc') batch.docKey = value;
        else if (fields[i] === 'articles') batch.articles = parseJson<IndexedArticle[]>(value);
      }
      return batch;
    });
  }

  async trim(before: Date): Promise<number> {
    if (before.getTime() <= 0) return 0;
    let total = 0;
    for (;;) {
      const dropped = Number(
        await TRIM.run(this.redis, [this.streamKey()], [before.getTime(), TRIM_CHUNK, this.prefix]),
      );
      total += dropped;
      if (dropped < TRIM_CHUNK) return total;
    }
  }

  private streamKey(): string {
    return `${this.prefix}articles`;
  }

  private docKey(docKey: string): string {
    return `${this.prefix}doc:${docKey}`;
  }
}

/** Cuts a body to MAX_STORED_BODY_CHARS, at a paragraph or word break when one is near the end. */
export function capBody(body: string, max = MAX_STORED_BODY_CHARS): string {
  if (body.length <= max) return body;
  let cut = body.slice(0, max);
  const paragraph = cut.lastIndexOf('\n\n');
  const space = cut.lastIndexOf(' ');
  if (paragraph >= max * 0.8) cut = cut.slice(0, paragraph);
  else if (space >= max * 0.9) cut = cut.slice(0, space);
  else if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trimEnd();
}
