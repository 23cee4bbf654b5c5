import type { Article } from '../model.js';
import { STOPWORDS, tokenize } from '../text/index.js';

/**
 * Known topic words: article tags and headline words, with how many articles use each. Serves
 * "did you mean" suggestions when a topic matches nothing, and tag autocomplete.
 */
export class Vocabulary {
  private readonly counts = new Map<string, number>();
  /** The known words by length, and by their first four characters: where suggest() looks. */
  private readonly byLength = new Map<number, Set<string>>();
  private readonly byHead = new Map<string, Set<string>>();

  /** Counts the article's words; `titleTokens` is `tokenize(article.title)` when the caller has it. */
  addArticle(article: Article, titleTokens?: readonly string[]): void {
    for (const word of wordsOf(article, titleTokens)) {
      const n = (this.counts.get(word) ?? 0) + 1;
      this.counts.set(word, n);
      if (n === 1) this.place(word, true);
    }
  }

  removeArticle(article: Article): void {
    for (const word of wordsOf(article)) {
      const n = (this.counts.get(word) ?? 0) - 1;
      if (n > 0) this.counts.set(word, n);
      else if (this.counts.delete(word)) this.place(word, false);
    }
  }

  private place(word: string, known: boolean): void {
    update(this.byLength, word.length, word, known);
    if (word.length >= 4) update(this.byHead, word.slice(0, 4), word, known);
  }

  /** Words that start with the input, then words within a small edit distance, most used first. */
  complete(input: string, limit: number): string[] {
    const q = tokenize(input).join(' ');
    const scored: Array<[string, number]> = [];
    for (const [word, count] of this.counts) {
      if (!q || word.startsWith(q)) scored.push([word, count]);
    }
    scored.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const out = scored.slice(0, limit).map(([w]) => w);
    if (out.length < limit && q) {
      for (const s of this.suggest(q, limit - out.length)) if (!out.includes(s)) out.push(s);
    }
    return out;
  }

  /** Up to `limit` known words closest to each query word (edit distance ≤ 2, or shared prefix). */
  suggest(query: string, limit: number): string[] {
    const words = tokenize(query).filter((w) => !STOPWORDS.has(w));
    const scored = new Map<string, number>();
    for (const q of words) {
      const near = this.near(q);
      // Only the closest words: one edit away is a typo's likely fix, two edits away only when
      // nothing is closer ("kroea" suggests "korea", not "area" and "rosa" as well).
      let best = Number.POSITIVE_INFINITY;
      for (const w of near) if (w.distance < best) best = w.distance;
      const cutoff = Math.max(1, best);
      for (const { word, count, distance } of near) {
        if (distance > cutoff) continue;
        const score = count / (1 + distance * 3);
        if ((scored.get(word) ?? 0) < score) scored.set(word, score);
      }
    }
    return [...scored.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([w]) => w);
  }

  /**
   * The known word a mistyped word (one no article uses) surely meant: one edit away (a letter
   * more, less, changed, or two letters swapped: "japna" → "japan") and clearly the likeliest: no
   * other word as close, or one used at least `CLEAR_LEAD` times as often ("koreaa" is as close to
   * "korean" as to "korea": no fix). Null when there is no such word, or the word is known itself.
   */
  correction(word: string): string | null {
    const q = tokenize(word)[0];
    if (q === undefined || q.length < MIN_CORRECTED_LENGTH || this.counts.has(q)) return null;
    const close = this.near(q)
      .map((w) => ({ ...w, distance: editDistance(q, w.word, 1) }))
      .filter((w) => w.distance <= 1)
      .sort((a, b) => a.distance - b.distance || b.count - a.count || a.word.localeCompare(b.word));
    const [first, second] = close;
    if (first === undefined) return null;
    if (second && second.distance === first.distance && first.count < CLEAR_LEAD * second.count) return null;
    return first.word;
  }

  /** Known words within edit distance 2 of `q` (1 for a word of four letters or fewer), or starting with its stem. */
  private near(q: string): Array<{ word: string; count: number; distance: number }> {
    const maxDistance = q.length <= 4 ? 1 : 2;
    const head4 = q.slice(0, 4);
    const stem = q.slice(0, Math.max(3, q.length - 1));
    const bag = new Int32Array(BAG_BUCKETS);
    for (let i = 0; i < q.length; i++) bag[q.charCodeAt(i) & (BAG_BUCKETS - 1)]!++;
    const out: Array<{ word: string; count: number; distance: number }> = [];
    const visit = (word: string, count: number): void => {
      let distance: number;
      if (word.startsWith(stem)) distance = 0.5;
      else if (bagDistance(bag, q.length, word) > maxDistance) return;
      else distance = editDistance(q, word, maxDistance);
      if (distance <= maxDistance) out.push({ word, count, distance });
    };
    // The words a query word can match: within maxDistance of its length, or starting with its
    // first four characters. (The result does not depend on the order words are visited in.)
    if (head4.length < 4) {
      for (const [word, count] of this.counts) {
        if (Math.abs(word.length - q.length) > maxDistance && !word.startsWith(head4)) continue;
        visit(word, count);
      }
      return out;
    }
    for (let length = q.length - maxDistance; length <= q.length + maxDistance; length++) {
      for (const word of this.byLength.get(length) ?? []) visit(word, this.counts.get(word)!);
    }
    for (const word of this.byHead.get(head4) ?? []) {
      if (Math.abs(word.length - q.length) > maxDistance) visit(word, this.counts.get(word)!);
    }
    return out;
  }
}

/** Shorter words are not corrected: too many known words are one edit from them. */
const MIN_CORRECTED_LENGTH = 4;
/** Of two words equally close to a typo, the likelier must be used this many times as often. */
const CLEAR_LEAD = 3;

function update<K>(index: Map<K, Set<string>>, key: K, word: string, known: boolean): void {
  const set = index.get(key);
  if (known) {
    if (set) set.add(word);
    else index.set(key, new Set([word]));
  } else if (set) {
    set.delete(word);
    if (set.size === 0) index.delete(key);
  }
}

const BAG_BUCKETS = 128;
const taken: number[] = [];

/**
 * A lower bound of the edit distance between the query (its character counts in `bag`, by
 * bucket) and `word`: the larger of the characters of either that the other lacks. Each edit
 * changes either count by at most one, and merging characters into buckets only lowers it.
 * `bag` is restored before returning.
 */
function bagDistance(bag: Int32Array, queryLength: number, word: string): number {
  let extra = 0;
  taken.length = 0;
  for (let i = 0; i < word.length; i++) {
    const b = word.charCodeAt(i) & (BAG_BUCKETS - 1);
    if (bag[b]! > 0) {
      bag[b]!--;
      taken.push(b);
    } else extra++;
  }
  for (const b of taken) bag[b]!++;
  return Math.max(extra, queryLength - taken.length);
}

/** The set wordsOf fills: each call empties it (its caller is done with it by then). */
const articleWords = new Set<string>();

function wordsOf(article: Article, titleTokens?: readonly string[]): Set<string> {
  const words = articleWords;
  words.clear();
  for (const tag of article.tags) words.add(tag);
  for (const token of titleTokens ?? tokenize(article.title)) {
    if (token.length >= 3 && !isDigits(token) && !STOPWORDS.has(token)) words.add(token);
  }
  return words;
}

/** `/^\d+$/.test(token)`, for a token of at least one character. */
function isDigits(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

let prevRow = new Int32Array(64);
let curRow = new Int32Array(64);
let twoBackRow = new Int32Array(64);

/**
 * Edit distance with adjacent transpositions (optimal string alignment: "kroea" is one edit from
 * "korea"), giving up (returning max + 1) once it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (prevRow.length <= b.length) {
    prevRow = new Int32Array(2 * (b.length + 1));
    curRow = new Int32Array(2 * (b.length + 1));
    twoBackRow = new Int32Array(2 * (b.length + 1));
  }
  let back = twoBackRow;
  let prev = prevRow;
  let cur = curRow;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && ca !== cb) {
        v = Math.min(v, back[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // Each cell is at least the one diagonally before it less one step, so a row above `max` ends it.
    if (rowMin > max) return max + 1;
    const t = back;
    back = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length]!;
}
