import { terms } from '../text/index.js';

/**
 * An incremental BM25F inverted index over three fields of an article: title, tags and body.
 * Built at ingest; a query costs one pass over the postings of its terms (and of the index terms
 * they prefix). Postings are typed arrays: 4 bytes of document slot + 2 bytes of packed field term
 * frequencies per (term, document).
 *
 * @see docs/adr/0003-own-bm25-index.md for why this is not MiniSearch.
 */
export interface FieldText {
  title: string;
  tags: readonly string[];
  body: string;
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
}

const FIELD_WEIGHTS = { title: 3, tags: 1.5, body: 1 } as const;
const B = { title: 0.5, tags: 0.3, body: 0.75 } as const;
const K1 = 1.2;
/** Weight of a prefix expansion relative to an exact term match. */
const PREFIX_WEIGHT = 0.5;
/** Query terms shorter than this are matched exactly only. */
const MIN_PREFIX_LENGTH = 3;
const MAX_EXPANSIONS = 64;
const BUCKET = 3;

class Postings {
  slots = new Int32Array(4);
  tfs = new Uint16Array(4);
  length = 0;
  /** Scratch for add(): the document being counted, and where its counts are in `docCounts`. */
  doc = -1;
  at = 0;

  push(slot: number, packedTf: number): void {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.length * 2);
      slots.set(this.slots);
      this.slots = slots;
      const tfs = new Uint16Array(this.length * 2);
      tfs.set(this.tfs);
      this.tfs = tfs;
    }
    this.slots[this.length] = slot;
    this.tfs[this.length] = packedTf;
    this.length++;
  }
}

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

/** Per-document scratch of add(): the postings of the document's distinct terms and their counts. */
const docTerms: Postings[] = [];
let docCounts = new Int32Array(3 * 256);
let docSerial = 0;

export class SearchIndex {
  private readonly postings = new Map<string, Postings>();
  /** First BUCKET characters of a term → the terms that start with them, for prefix expansion. */
  private readonly buckets = new Map<string, string[]>();
  private readonly lengths = [new GrowableFloat32(), new GrowableFloat32(), new GrowableFloat32()] as const;
  private readonly totalLength = [0, 0, 0];
  private readonly live = new Set<number>();
  private readonly deleted = new Set<number>();
  private maxSlot = -1;
  private scratch = new Float64Array(1024);
  private matched = new Uint8Array(1024);
  /** Per slot: 1 + index of the last query term that counted it as matched (0 = none). */
  private stamp = new Uint16Array(1024);

  get size(): number {
    return this.live.size;
  }

  /** Documents only; a slot is added once (re-adding a slot is ignored). */
  add(slot: number, text: FieldText): void {
    if (this.live.has(slot) || this.deleted.has(slot)) return;
    const title = terms(text.title);
    const tags = text.tags.flatMap((t) => terms(t));
    const body = terms(text.body);
    // Count each distinct term per field, in order of first occurrence (title, tags, body), on
    // the term's postings object itself: one map lookup per token.
    const doc = ++docSerial;
    docTerms.length = 0;
    this.countField(title, 0, doc);
    this.countField(tags, 1, doc);
    this.countField(body, 2, doc);
    for (const p of docTerms) {
      const at = p.at;
      p.push(slot, pack(docCounts[at]!, docCounts[at + 1]!, docCounts[at + 2]!));
    }
    docTerms.length = 0;
    const lens = [title.length, tags.length, body.length];
    for (let f = 0; f < 3; f++) {
      this.lengths[f as 0 | 1 | 2].set(slot, lens[f]!);
      this.totalLength[f]! += lens[f]!;
    }
    this.live.add(slot);
    if (slot > this.maxSlot) this.maxSlot = slot;
  }

  private countField(list: readonly string[], field: 0 | 1 | 2, doc: number): void {
    for (const term of list) {
      let p = this.postings.get(term);
      if (!p) {
        p = new Postings();
        this.postings.set(term, p);
        const key = term.slice(0, BUCKET);
        const bucket = this.buckets.get(key);
        if (bucket) bucket.push(term);
        else this.buckets.set(key, [term]);
      }
      if (p.doc !== doc) {
        p.doc = doc;
        p.at = 3 * docTerms.length;
        docTerms.push(p);
        if (p.at + 3 > docCounts.length) {
          const next = new Int32Array(docCounts.length * 2);
          next.set(docCounts);
          docCounts = next;
        }
        docCounts[p.at] = 0;
        docCounts[p.at + 1] = 0;
        docCounts[p.at + 2] = 0;
      }
      docCounts[p.at + field]!++;
    }
  }

  /** Removes a document from results at once; its postings are dropped at the next compaction. */
  remove(slot: number): void {
    if (!this.live.delete(slot)) return;
    this.deleted.add(slot);
    for (let f = 0; f < 3; f++) this.totalLength[f]! -= this.lengths[f as 0 | 1 | 2].data[slot] ?? 0;
    if (this.deleted.size > 1024 && this.deleted.size > this.live.size / 4) this.compact();
  }

  /** Number of live documents containing the exact index term. */
  documentFrequency(term: string): number {
    return this.postings.get(term)?.length ?? 0;
  }

  search(query: string, options: SearchOptions = {}): SearchHits {
    const queryTerms = [...new Set(terms(query))];
    const hits: SearchHits = { slots: [], scores: [], matchedTerms: [], queryTermCount: queryTerms.length };
    if (queryTerms.length === 0 || this.live.size === 0) return hits;
    this.ensureScratch();
    const touched: number[] = [];
    const scores = this.scratch;
    const matched = this.matched;
    const n = this.live.size;
    const avg = this.totalLength.map((t) => Math.max(t / n, 1));

    const avg0 = avg[0]!;
    const avg1 = avg[1]!;
    const avg2 = avg[2]!;
    const lengths0 = this.lengths[0].data;
    const lengths1 = this.lengths[1].data;
    const lengths2 = this.lengths[2].data;
    const anyDeleted = this.deleted.size > 0;
    const stamp = this.stamp;
    for (let q = 0; q < queryTerms.length; q++) {
      const expansions = this.expand(queryTerms[q]!, options.prefix !== false);
      for (const [term, weight] of expansions) {
        const p = this.postings.get(term);
        if (!p) continue;
        const df = p.length;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        for (let i = 0; i < p.length; i++) {
          const slot = p.slots[i]!;
          if (anyDeleted && this.deleted.has(slot)) continue;
          const packed = p.tfs[i]!;
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
    for (const slot of touched) {
      hits.slots.push(slot);
      hits.scores.push(scores[slot]!);
      hits.matchedTerms.push(matched[slot]!);
      scores[slot] = 0;
      matched[slot] = 0;
      stamp[slot] = 0;
    }
    return hits;
  }

  /** Index terms a query term matches: itself (weight 1) and the terms it prefixes (lower weight). */
  private expand(queryTerm: string, prefix: boolean): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    if (this.postings.has(queryTerm)) out.push([queryTerm, 1]);
    if (!prefix || queryTerm.length < MIN_PREFIX_LENGTH) return out;
    const bucket = this.buckets.get(queryTerm.slice(0, BUCKET));
    if (!bucket) return out;
    const expansions: string[] = [];
    for (const term of bucket) {
      if (term !== queryTerm && term.startsWith(queryTerm)) expansions.push(term);
    }
    if (expansions.length > MAX_EXPANSIONS) {
      expansions.sort((a, b) => this.documentFrequency(b) - this.documentFrequency(a));
      expansions.length = MAX_EXPANSIONS;
    }
    for (const term of expansions) out.push([term, PREFIX_WEIGHT * (queryTerm.length / term.length)]);
    return out;
  }

  private ensureScratch(): void {
    if (this.maxSlot < this.scratch.length) return;
    const size = Math.max(this.scratch.length * 2, this.maxSlot + 1);
    this.scratch = new Float64Array(size);
    this.matched = new Uint8Array(size);
    this.stamp = new Uint16Array(size);
  }

  /** Drops postings of removed documents. */
  private compact(): void {
    for (const [term, p] of this.postings) {
      let w = 0;
      for (let r = 0; r < p.length; r++) {
        if (this.deleted.has(p.slots[r]!)) continue;
        p.slots[w] = p.slots[r]!;
        p.tfs[w] = p.tfs[r]!;
        w++;
      }
      p.length = w;
      if (w === 0) {
        this.postings.delete(term);
        const key = term.slice(0, BUCKET);
        const bucket = this.buckets.get(key);
        if (bucket) {
          const i = bucket.indexOf(term);
          if (i >= 0) bucket.splice(i, 1);
          if (bucket.length === 0) this.buckets.delete(key);
        }
      }
    }
    this.deleted.clear();
  }
}

function norm(b: number, length: number, avg: number): number {
  return 1 - b + (b * length) / avg;
}
