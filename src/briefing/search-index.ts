import { Analyser, IdList, PLACES_IN, terms } from '../text/index.js';
import { PostingsPool } from './postings.js';
import { grow } from './typed-arrays.js';

/**
 * An incremental BM25F inverted index over three fields of an article: title, tags and body.
 * Built at ingest; a query costs one pass over the postings of its terms (and of the index terms
 * they prefix). Text is read by the index's own analyser (text/analyser.ts), whose term ids key the
 * postings (postings.ts): 4 bytes of document slot + 2 bytes of packed field term frequencies per
 * (term, document).
 *
 * @see docs/adr/0003-own-bm25-index.md for why this is not MiniSearch.
 */
export interface FieldText {
  title: string;
  tags: readonly string[];
  body: string;
}

/** Terms that SearchIndex.add read, for callers that work on the same text (see add). */
export interface DocumentTerms {
  /** Exactly `terms(title)`. */
  title: string[];
  /** Exactly `terms(body.slice(0, leadChars))`; [] without leadChars. */
  lead: string[];
}

export interface SearchOptions {
  /** Expand each query term to the index terms it prefixes ("korea" → "korean", "koreas"). Default true. */
  prefix?: boolean;
}

/** One search: matching document slots with their BM25F scores and how many query terms each matched. */
export interface SearchHits {
  slots: number[];
  scores: number[];
  matchedTerms: number[];
  queryTermCount: number;
  /** Query terms that match no article at all (nor, by prefix or place, any term of one). */
  unknownTerms: string[];
}

const FIELD_WEIGHTS = { title: 3, tags: 1.5, body: 1 } as const;
const B = { title: 0.5, tags: 0.3, body: 0.75 } as const;
const K1 = 1.2;
/** Weight of a prefix expansion relative to an exact term match. */
const PREFIX_WEIGHT = 0.5;
/** Weight of a country's city or seat of government ("japan" → "tokyo") relative to the country. */
const PLACE_WEIGHT = 0.5;
/** Query terms shorter than this are matched exactly only. */
const MIN_PREFIX_LENGTH = 4;
const MAX_EXPANSIONS = 64;
const BUCKET = 3;
/**
 * Phrases: each document keeps a Bloom filter of the pairs of neighbouring terms (stopwords
 * skipped, either order) in its title and body, sized to them: `PHRASE_BITS_PER_PAIR` bits a pair
 * (in whole 32-bit words), three bits set a pair, about 2 % false hits; about 100 bytes an article
 * on the bench corpus (11 MB at 100k articles). A query of several words multiplies a document's
 * score by 1 + `PHRASE_BONUS` × the share of the query's neighbouring pairs found there, so
 * "interest rates" prefers "… raised interest rates …" to a story that mentions "interest" and
 * "rates" apart, and "south korea" prefers South Korea to North Korea's "south".
 */
const PHRASE_BITS_PER_PAIR = 9;
const PHRASE_MAX_INTS = 1024;
/** The phrase filters live in chunks of this many words (1 MB), never split across two. */
const PHRASE_CHUNK_BITS = 18;
const PHRASE_CHUNK_INTS = 1 << PHRASE_CHUNK_BITS;
const PHRASE_BONUS = 1;

class GrowableFloat32 {
  data = new Float32Array(1024);
  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const next = new Float32Array(Math.max(this.data.length * 2, i + 1));
      next.set(this.data);
      this.data = next;
    }
    this.data[i] = v;
  }
}

function pack(title: number, tags: number, body: number): number {
  return (Math.min(title, 15) << 12) | (Math.min(tags, 15) << 8) | Math.min(body, 255);
}

/** Per slot: whether it holds a document, or one removed whose postings are still in the lists. */
const LIVE = 1;
const REMOVED = 2;

export class SearchIndex {
  /** The index's own analyser: its term ids key the postings. */
  private readonly analyser = new Analyser({ maxTokens: 1 << 20 });
  private readonly postings = new PostingsPool();
  /** Per term id: 1 while the term has a postings list (from its first document to a compaction that empties it). */
  private listed = new Uint8Array(1024);
  /** First BUCKET characters of a term → the ids of the terms that start with them, for prefix expansion. */
  private readonly buckets = new Map<string, number[]>();
  private readonly lengths = [new GrowableFloat32(), new GrowableFloat32(), new GrowableFloat32()] as const;
  private readonly totalLength = [0, 0, 0];
  private state = new Uint8Array(1024);
  private liveCount = 0;
  private removedCount = 0;
  private maxSlot = -1;
  private scratch = new Float64Array(1024);
  private matched = new Uint8Array(1024);
  /** Per slot: 1 + index of the last query term that counted it as matched (0 = none). */
  private stamp = new Uint16Array(1024);
  // Scratch of add(): the tokens' term ids, and per distinct term of the document (in order of
  // first occurrence: title, tags, body) its id and field counts; per term id, the document that
  // last counted it and where (side by side).
  private readonly ids = new IdList();
  private readonly docTerms = new IdList();
  private docCounts = new Int32Array(3 * 256);
  private docMarks = new Int32Array(2 * 1024);
  private docSerial = 0;
  /**
   * Per slot, the Bloom filter of its neighbouring term pairs: `phraseInts[slot]` words from
   * `phraseAt[slot]` in the chunked `phraseChunks` (see PHRASE_BITS_PER_PAIR); the first
   * `phraseUsed` words are taken. Chunks grow the store by 1 MB at a time, never doubling it. add()
   * collects the document's pair hashes in `pairScratch` first.
   */
  private phraseChunks: Int32Array[] = [];
  private phraseUsed = 0;
  private phraseAt = new Int32Array(1024);
  private phraseInts = new Int32Array(1024);
  private pairScratch = new Int32Array(1024);
  private pairCount = 0;
  /** The last term id collectPairs read, for a field that continues it. */
  private lastId = -1;

  get size(): number {
    return this.liveCount;
  }

  /**
   * Adds a document; a slot is added once (re-adding a slot is ignored). Returns the terms it read
   * that callers working on titles and leads need too (story grouping), so that they need not
   * analyse the text again: the title's, and those of the body's first `leadChars` characters
   * (a cut at whitespace, where no token spans it).
   */
  add(slot: number, text: FieldText, leadChars = 0): DocumentTerms {
    if (this.stateOf(slot) !== 0) return { title: [], lead: [] };
    this.analyser.beginDocument();
    const doc = ++this.docSerial;
    this.docTerms.length = 0;
    this.pairCount = 0;
    this.lastId = -1;
    const title = this.countField(text.title, 0, doc);
    const titleTerms = this.termsRead(title);
    this.collectPairs(title, false);
    let tags = 0;
    for (const tag of text.tags) tags += this.countField(tag, 1, doc);
    let body: number;
    let leadTerms: string[] = [];
    if (leadChars > 0 && leadChars < text.body.length) {
      body = this.countField(text.body.slice(0, leadChars), 2, doc);
      leadTerms = this.termsRead(body);
      this.collectPairs(body, false);
      const rest = this.countField(text.body.slice(leadChars), 2, doc);
      this.collectPairs(rest, true);
      body += rest;
    } else {
      body = this.countField(text.body, 2, doc);
      this.collectPairs(body, false);
      if (leadChars > 0) leadTerms = this.termsRead(body);
    }
    const { ids, length } = this.docTerms;
    for (let d = 0; d < length; d++) {
      const t = ids[d]!;
      if (!this.listed[t]) this.list(t);
      this.postings.append(
        t,
        slot,
        pack(this.docCounts[3 * d]!, this.docCounts[3 * d + 1]!, this.docCounts[3 * d + 2]!),
      );
    }
    this.storePairs(slot);
    const lens = [title, tags, body];
    for (let f = 0; f < 3; f++) {
      this.lengths[f as 0 | 1 | 2].set(slot, lens[f]!);
      this.totalLength[f]! += lens[f]!;
    }
    this.setState(slot, LIVE);
    this.liveCount++;
    if (slot > this.maxSlot) this.maxSlot = slot;
    return { title: titleTerms, lead: leadTerms };
  }

  /**
   * Adds the hashes of the pairs of neighbouring terms among the `count` ids countField has just
   * read; `continues` when they follow the previous field's last id (the rest of a body after its
   * lead).
   */
  private collectPairs(count: number, continues: boolean): void {
    const ids = this.ids.ids;
    this.pairScratch = grow(this.pairScratch, this.pairCount + count + 1, (n) => new Int32Array(n));
    if (continues && count > 0 && this.lastId >= 0)
      this.pairScratch[this.pairCount++] = pairHash(this.lastId, ids[0]!);
    for (let i = 1; i < count; i++) this.pairScratch[this.pairCount++] = pairHash(ids[i - 1]!, ids[i]!);
    if (count > 0) this.lastId = ids[count - 1]!;
  }

  /** Files the pairs collected for the document in a Bloom filter of its own (see PHRASE_BITS_PER_PAIR). */
  private storePairs(slot: number): void {
    const pairs = this.pairCount;
    const ints = Math.min(PHRASE_MAX_INTS, Math.max(1, Math.ceil((pairs * PHRASE_BITS_PER_PAIR) / 32)));
    this.phraseAt = grow(this.phraseAt, slot + 1, (n) => new Int32Array(n));
    this.phraseInts = grow(this.phraseInts, slot + 1, (n) => new Int32Array(n));
    const at = this.takePhraseInts(ints);
    this.phraseAt[slot] = at;
    this.phraseInts[slot] = ints;
    const pool = this.phraseChunks[at >>> PHRASE_CHUNK_BITS]!;
    const off = at & (PHRASE_CHUNK_INTS - 1);
    const bits = ints * 32;
    for (let p = 0; p < pairs; p++) {
      const h = this.pairScratch[p]!;
      const step = (h >>> 16) | 1;
      for (let k = 0, bit = h; k < 3; k++, bit += step) {
        const b = bit % bits;
        pool[off + (b >>> 5)]! |= 1 << (b & 31);
      }
    }
  }

  /** Takes `ints` zeroed words of the phrase store, within one chunk; returns where they start. */
  private takePhraseInts(ints: number): number {
    let at = this.phraseUsed;
    if ((at & (PHRASE_CHUNK_INTS - 1)) + ints > PHRASE_CHUNK_INTS)
      at = ((at >>> PHRASE_CHUNK_BITS) + 1) << PHRASE_CHUNK_BITS;
    const chunk = at >>> PHRASE_CHUNK_BITS;
    while (this.phraseChunks.length <= chunk) this.phraseChunks.push(new Int32Array(PHRASE_CHUNK_INTS));
    this.phraseUsed = at + ints;
    return at;
  }

  /** Whether the slot's phrase filter holds the pair with hash `h`. */
  private hasPair(slot: number, h: number): boolean {
    const ints = this.phraseInts[slot]!;
    if (ints === 0) return false;
    const at = this.phraseAt[slot]!;
    const pool = this.phraseChunks[at >>> PHRASE_CHUNK_BITS]!;
    const off = at & (PHRASE_CHUNK_INTS - 1);
    const bits = ints * 32;
    const step = (h >>> 16) | 1;
    for (let k = 0, bit = h; k < 3; k++, bit += step) {
      const b = bit % bits;
      if ((pool[off + (b >>> 5)]! & (1 << (b & 31))) === 0) return false;
    }
    return true;
  }

  /** The terms of the field countField has just read (its `count` ids). */
  private termsRead(count: number): string[] {
    const out: string[] = new Array(count);
    for (let i = 0; i < count; i++) out[i] = this.analyser.term(this.ids.ids[i]!);
    return out;
  }

  /** Counts the terms of one field of the current document; returns how many it has. */
  private countField(text: string, field: 0 | 1 | 2, doc: number): number {
    const list = this.ids;
    list.length = 0;
    this.analyser.analyse(text, list);
    if (2 * this.analyser.size > this.docMarks.length) {
      const n = Math.max(this.analyser.size, this.docMarks.length);
      const marks = new Int32Array(2 * n);
      marks.set(this.docMarks);
      this.docMarks = marks;
      const listed = new Uint8Array(n);
      listed.set(this.listed);
      this.listed = listed;
    }
    const marks = this.docMarks;
    for (let i = 0; i < list.length; i++) {
      const t = list.ids[i]!;
      let at = marks[2 * t + 1]!;
      if (marks[2 * t] !== doc) {
        marks[2 * t] = doc;
        at = this.docTerms.length;
        marks[2 * t + 1] = at;
        this.docTerms.push(t);
        if (3 * at + 3 > this.docCounts.length) {
          const next = new Int32Array(this.docCounts.length * 2);
          next.set(this.docCounts);
          this.docCounts = next;
        }
        this.docCounts[3 * at] = 0;
        this.docCounts[3 * at + 1] = 0;
        this.docCounts[3 * at + 2] = 0;
      }
      this.docCounts[3 * at + field]!++;
    }
    return list.length;
  }

  /** Gives a term its postings list and files it under its first characters. */
  private list(t: number): void {
    this.listed[t] = 1;
    const key = this.analyser.term(t).slice(0, BUCKET);
    const bucket = this.buckets.get(key);
    if (bucket) bucket.push(t);
    else this.buckets.set(key, [t]);
  }

  private stateOf(slot: number): number {
    return slot < this.state.length ? this.state[slot]! : 0;
  }

  private setState(slot: number, value: number): void {
    if (slot >= this.state.length) {
      const next = new Uint8Array(Math.max(2 * this.state.length, slot + 1));
      next.set(this.state);
      this.state = next;
    }
    this.state[slot] = value;
  }

  /** Removes a document from results at once; its postings are dropped at the next compaction. */
  remove(slot: number): void {
    if (this.stateOf(slot) !== LIVE) return;
    this.setState(slot, REMOVED);
    this.liveCount--;
    this.removedCount++;
    for (let f = 0; f < 3; f++) this.totalLength[f]! -= this.lengths[f as 0 | 1 | 2].data[slot] ?? 0;
    if (this.removedCount > 1024 && this.removedCount > this.liveCount / 4) this.compact();
  }

  /** Number of live documents containing the exact index term. */
  documentFrequency(term: string): number {
    const t = this.analyser.idOfTerm(term);
    return t < 0 ? 0 : this.postings.count(t);
  }

  search(query: string, options: SearchOptions = {}): SearchHits {
    const queryTerms = meaningfulTerms([...new Set(terms(query))]);
    const hits: SearchHits = {
      slots: [],
      scores: [],
      matchedTerms: [],
      queryTermCount: queryTerms.length,
      unknownTerms: [],
    };
    if (queryTerms.length === 0 || this.liveCount === 0) return hits;
    this.ensureScratch();
    const touched: number[] = [];
    const scores = this.scratch;
    const matched = this.matched;
    const n = this.liveCount;
    const avg = this.totalLength.map((t) => Math.max(t / n, 1));

    const avg0 = avg[0]!;
    const avg1 = avg[1]!;
    const avg2 = avg[2]!;
    const lengths0 = this.lengths[0].data;
    const lengths1 = this.lengths[1].data;
    const lengths2 = this.lengths[2].data;
    const anyRemoved = this.removedCount > 0;
    const { stamp, state, postings } = this;
    for (let q = 0; q < queryTerms.length; q++) {
      const expansions = this.expand(queryTerms[q]!, options.prefix !== false);
      if (expansions.length === 0) hits.unknownTerms.push(queryTerms[q]!);
      for (const [t, weight, df] of expansions) {
        // Postings of removed documents count until the next compaction: a term's count may then
        // exceed the live documents, and its idf must not turn negative.
        const live = Math.min(df, n);
        const idf = Math.log(1 + (n - live + 0.5) / (live + 0.5));
        for (let block = postings.head(t); block !== 0; block = postings.next(block)) {
          const slots = postings.slotsOf(block);
          const tfs = postings.tfsOf(block);
          const from = postings.start(block);
          const end = from + postings.size(t, block);
          for (let i = from; i < end; i++) {
            const slot = slots[i]!;
            if (anyRemoved && state[slot] === REMOVED) continue;
            const packed = tfs[i]!;
            // A field the term is absent from adds +0 (norms are positive), so it is skipped; the
            // others are summed in the same order, title + tags + body, as the same doubles.
            const tTitle = packed >>> 12;
            const tTags = (packed >>> 8) & 15;
            const tBody = packed & 255;
            let tf = tTitle === 0 ? 0 : (FIELD_WEIGHTS.title * tTitle) / norm(B.title, lengths0[slot]!, avg0);
            if (tTags !== 0) tf += (FIELD_WEIGHTS.tags * tTags) / norm(B.tags, lengths1[slot]!, avg1);
            if (tBody !== 0) tf += (FIELD_WEIGHTS.body * tBody) / norm(B.body, lengths2[slot]!, avg2);
            if (scores[slot] === 0 && matched[slot] === 0) touched.push(slot);
            scores[slot]! += (weight * idf * tf * (K1 + 1)) / (tf + K1);
            if (stamp[slot] !== q + 1) {
              stamp[slot] = q + 1;
              matched[slot]!++;
            }
          }
        }
      }
    }
    const pairs = this.queryPairs(queryTerms);
    for (const slot of touched) {
      // Only a document that matched two query terms or more can hold a pair of them.
      if (pairs.length > 0 && matched[slot]! >= 2) {
        let found = 0;
        for (const h of pairs) if (this.hasPair(slot, h)) found++;
        if (found > 0) scores[slot]! *= 1 + (PHRASE_BONUS * found) / pairs.length;
      }
      hits.slots.push(slot);
      hits.scores.push(scores[slot]!);
      hits.matchedTerms.push(matched[slot]!);
      scores[slot] = 0;
      matched[slot] = 0;
      stamp[slot] = 0;
    }
    return hits;
  }

  /** Hashes of the query's neighbouring term pairs whose terms the index knows (see PHRASE_BONUS). */
  private queryPairs(queryTerms: readonly string[]): number[] {
    const out: number[] = [];
    for (let q = 1; q < queryTerms.length; q++) {
      const a = this.analyser.idOfTerm(queryTerms[q - 1]!);
      const b = this.analyser.idOfTerm(queryTerms[q]!);
      if (a >= 0 && b >= 0 && a !== b) out.push(pairHash(a, b));
    }
    return out;
  }

  /**
   * Index terms a query term matches, each with its weight and the document frequency its idf is
   * read from: itself (weight 1), a country's cities (text/places.ts) and the terms it prefixes
   * (lower weights). A city stands in for its country, so its idf is the pair's (documents with
   * either, at most): a rare city name must not outweigh the country itself.
   */
  private expand(queryTerm: string, prefix: boolean): Array<[term: number, weight: number, df: number]> {
    const out: Array<[number, number, number]> = [];
    const exact = this.analyser.idOfTerm(queryTerm);
    const exactDf = exact >= 0 && this.listed[exact] ? this.postings.count(exact) : 0;
    if (exactDf > 0) out.push([exact, 1, exactDf]);
    for (const place of placeTerms().get(queryTerm) ?? []) {
      const t = this.analyser.idOfTerm(place);
      if (t >= 0 && this.listed[t])
        out.push([t, PLACE_WEIGHT, Math.min(this.liveCount, exactDf + this.postings.count(t))]);
    }
    if (!prefix || queryTerm.length < MIN_PREFIX_LENGTH) return out;
    const bucket = this.buckets.get(queryTerm.slice(0, BUCKET));
    if (!bucket) return out;
    const expansions: number[] = [];
    for (const t of bucket) {
      const term = this.analyser.term(t);
      if (term !== queryTerm && term.startsWith(queryTerm)) expansions.push(t);
    }
    if (expansions.length > MAX_EXPANSIONS) {
      expansions.sort((a, b) => this.postings.count(b) - this.postings.count(a));
      expansions.length = MAX_EXPANSIONS;
    }
    for (const t of expansions) {
      out.push([
        t,
        PREFIX_WEIGHT * (queryTerm.length / this.analyser.term(t).length),
        this.postings.count(t),
      ]);
    }
    return out;
  }

  private ensureScratch(): void {
    if (this.maxSlot < this.scratch.length) return;
    const size = Math.max(this.scratch.length * 2, this.maxSlot + 1);
    this.scratch = new Float64Array(size);
    this.matched = new Uint8Array(size);
    this.stamp = new Uint16Array(size);
  }

  /** Drops postings of removed documents, and the terms left without any. */
  private compact(): void {
    for (const t of this.postings.compact((slot) => this.state[slot] === REMOVED)) {
      this.listed[t] = 0;
      const key = this.analyser.term(t).slice(0, BUCKET);
      const bucket = this.buckets.get(key);
      if (bucket) {
        const i = bucket.indexOf(t);
        if (i >= 0) bucket.splice(i, 1);
        if (bucket.length === 0) this.buckets.delete(key);
      }
    }
    for (let slot = 0; slot < this.state.length; slot++)
      if (this.state[slot] === REMOVED) this.state[slot] = 0;
    this.removedCount = 0;
    this.compactPhrases();
  }

  /** Rewrites the phrase store with the filters of live documents only, in slot order. */
  private compactPhrases(): void {
    const old = this.phraseChunks;
    this.phraseChunks = [];
    this.phraseUsed = 0;
    for (let slot = 0; slot < this.phraseAt.length; slot++) {
      const ints = this.phraseInts[slot]!;
      if (ints === 0) continue;
      if (this.state[slot] !== LIVE) {
        this.phraseInts[slot] = 0;
        continue;
      }
      const from = this.phraseAt[slot]!;
      const source = old[from >>> PHRASE_CHUNK_BITS]!;
      const off = from & (PHRASE_CHUNK_INTS - 1);
      const at = this.takePhraseInts(ints);
      this.phraseChunks[at >>> PHRASE_CHUNK_BITS]!.set(
        source.subarray(off, off + ints),
        at & (PHRASE_CHUNK_INTS - 1),
      );
      this.phraseAt[slot] = at;
    }
  }
}

/**
 * The query's terms without lone Latin letters and digits when it has other words: the "k" of
 * "k-pop" or the "b" of "plan b" would match every vitamin K and Plan B and outrank nothing useful.
 */
function meaningfulTerms(queryTerms: string[]): string[] {
  const words = queryTerms.filter((t) => !LONE_CHARACTER.test(t));
  return words.length > 0 ? words : queryTerms;
}

const LONE_CHARACTER = /^[a-z0-9]$/;

let places: Map<string, string[]> | null = null;

/** PLACES_IN as index terms: the analysed country → its cities' analysed terms. Built on first use. */
function placeTerms(): ReadonlyMap<string, readonly string[]> {
  if (places) return places;
  const built = new Map<string, string[]>();
  for (const [country, cities] of PLACES_IN) {
    const key = terms(country)[0];
    if (key)
      built.set(
        key,
        cities.flatMap((city) => terms(city)),
      );
  }
  places = built;
  return built;
}

/** A 30-bit hash of two term ids, the same in either order. */
function pairHash(a: number, b: number): number {
  const lo = a < b ? a : b;
  const hi = a < b ? b : a;
  let h = Math.imul(lo + 1, 0x9e3779b1) ^ Math.imul(hi + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 2;
}

function norm(b: number, length: number, avg: number): number {
  return 1 - b + (b * length) / avg;
}
