/**
 * A fast path to the shared analyser for the summariser: the same terms as `terms()` (folded
 * tokens, stopwords removed, stemmed) but as small integer ids, found by one char-code scan and a
 * hash table instead of strings, regexes and Maps. On the ten leading sentences of an article it
 * costs about 23 µs on the development VM, against about 95 µs for `terms()` (137 µs with the
 * strings mapped to ids), which is what lets ingest summarise every article. Words with non-ASCII
 * letters are rare in English news and go through `tokenize()` itself, so they analyse exactly
 * alike; the unit tests and the eval data (45,218 sentences) check the equivalence.
 */
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/stopwords.js';
import { tokenize } from '../text/tokenize.js';

/**
 * Folded token → term id (-1 for a stopword), as an open-addressing hash table keyed by hashes of
 * the token's characters, so that a plain word is looked up straight from the text without
 * building a string (a `Map` lookup of a fresh substring costs about 100 ns here; this a few).
 * A slot is two ints: the 32-bit FNV-1a hash, and 12 check bits (length and char sum) above the
 * id + 2 (0 = empty). Two distinct tokens are taken for one only if all 44 bits agree: with the
 * table at its limit, odds of about 1 in 10^9 per new token, and the harm would be two merged
 * terms. 512 KB, so it mostly stays in cache. Shared across calls; cleared when half full.
 */
const CAPACITY = 1 << 16;
const MASK = CAPACITY - 1;
const TOKEN_LIMIT = CAPACITY >> 1;
const ID_BITS = 20;
const ID_MASK = (1 << ID_BITS) - 1;
const table = new Int32Array(CAPACITY * 2);
let tokenCount = 0;
/** Stemmed term → id. */
const termIds = new Map<string, number>();
/** Bumped whenever the vocabulary is cleared, so callers can tell that old ids are void. */
let generation = 0;
/** Per-id stamp for de-duplicating the ids of one text. */
let seen = new Int32Array(1 << 12);
let seenMark = 0;

/**
 * ASCII code → its lower-case code for letters and digits, APOSTROPHE for "'", 0 for the rest.
 * One table load gives both the class and the folded character.
 */
const ASCII_FOLD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_FOLD[c] = c;
for (let c = 97; c <= 122; c++) ASCII_FOLD[c] = c;
for (let c = 65; c <= 90; c++) ASCII_FOLD[c] = c | 32;
const APOSTROPHE = 1;
ASCII_FOLD[39] = APOSTROPHE;
/** Stands for a non-ASCII letter, digit or mark: the word is analysed by `tokenize()`. */
const NON_ASCII = 2;

const NON_ASCII_WORD = /^[\p{L}\p{N}\p{M}]$/u;
const nonAsciiClass = new Map<number, number>();

/** The folded ASCII code of a word character, APOSTROPHE, NON_ASCII, or 0 for anything else. */
function classOf(c: number): number {
  return c < 128 ? ASCII_FOLD[c]! : classOfNonAscii(c);
}

function classOfNonAscii(c: number): number {
  if (c === 0x2019 || c === 0x2018 || c === 0x201b || c === 0x2032) return APOSTROPHE;
  let k = nonAsciiClass.get(c);
  if (k === undefined) {
    k = NON_ASCII_WORD.test(String.fromCharCode(c)) ? NON_ASCII : 0;
    nonAsciiClass.set(c, k);
  }
  return k;
}

/**
 * Call once before analysing a document. Clears the vocabulary when it has grown past its limit,
 * so ids are stable for the whole document and memory stays bounded.
 */
export function beginDocument(): void {
  if (tokenCount > TOKEN_LIMIT) {
    table.fill(0);
    tokenCount = 0;
    termIds.clear();
    generation++;
  }
}

/** Changes whenever previously handed-out ids become void. */
export function vocabularyGeneration(): number {
  return generation;
}

/** The number of term ids handed out so far (ids are 0 … size − 1). */
export function vocabularySize(): number {
  return termIds.size;
}

/** The id of a stemmed term (as `terms()` returns it), if the vocabulary has seen it. */
export function idOfTerm(term: string): number | undefined {
  return termIds.get(term);
}

/** The term id of a folded token ("photos" → the id of "photo"), or -1 for a stopword. */
export function idOfToken(token: string): number {
  let h = FNV_OFFSET;
  let sum = 0;
  for (let i = 0; i < token.length; i++) {
    const c = lower(token.charCodeAt(i));
    h = Math.imul(h ^ c, FNV_PRIME);
    sum += c;
  }
  return idOf(token, 0, token.length, h, sum);
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c;
}

/**
 * Id of the token text[start, end) lower-cased (a folded token once lower-cased), given the
 * FNV-1a hash and the sum of its lower-cased char codes.
 */
function idOf(text: string, start: number, end: number, h: number, sum: number): number {
  const check = (((sum & 63) << 6) | ((end - start) & 63)) << ID_BITS;
  let slot = (h ^ (h >>> 16)) & MASK;
  for (;;) {
    const at = slot * 2;
    const stored = table[at + 1]!;
    if (stored === 0) break;
    if (table[at] === h && (stored & ~ID_MASK) === check) return (stored & ID_MASK) - 2;
    slot = (slot + 1) & MASK;
  }
  const token = text.slice(start, end).toLowerCase();
  let id = -1;
  if (!STOPWORDS.has(token)) {
    const term = stem(token);
    const known = termIds.get(term);
    if (known === undefined) {
      id = termIds.size;
      termIds.set(term, id);
    } else id = known;
  }
  const at = slot * 2;
  table[at] = h;
  table[at + 1] = check | (id + 2);
  tokenCount++;
  return id;
}

/** Result of analysing one text. */
export interface Analysis {
  /** Term ids in order of first occurrence; with repeats unless `distinct` was false. */
  ids: number[];
  /** Word tokens, stopwords included. */
  words: number;
}

/**
 * The term ids of `text`: `terms(text)` mapped through the shared vocabulary (each id once when
 * `distinct`), plus the number of word tokens.
 */
export function analyse(text: string, distinct = true): Analysis {
  const ids: number[] = [];
  let words = 0;
  if (++seenMark > 0x7ffffff0) {
    seen.fill(0);
    seenMark = 1;
  }
  const n = text.length;
  let i = 0;
  while (i < n) {
    let k = classOf(text.charCodeAt(i));
    if (k <= APOSTROPHE) {
      i++;
      continue;
    }
    const start = i;
    let h = FNV_OFFSET;
    let sum = 0;
    let plain = true; // no dots, apostrophes or non-ASCII letters
    // Dotted acronyms ("U.S.", "a.m.") collapse to one token ("us", "am").
    if (
      k >= 97 && // a letter
      text.charCodeAt(i + 1) === 46 &&
      isAsciiLetter(text.charCodeAt(i + 2)) &&
      text.charCodeAt(i + 3) === 46 &&
      (i === 0 || classOf(text.charCodeAt(i - 1)) === 0)
    ) {
      plain = false;
      while (i < n && isAsciiLetter(text.charCodeAt(i)) && text.charCodeAt(i + 1) === 46) i += 2;
    }
    let nonAscii = false;
    while (i < n) {
      k = classOf(text.charCodeAt(i));
      if (k > NON_ASCII) {
        h = Math.imul(h ^ k, FNV_PRIME);
        sum += k;
      } else if (k === 0) break;
      else if (k === NON_ASCII) nonAscii = true;
      else if (i + 1 >= n || classOf(text.charCodeAt(i + 1)) <= APOSTROPHE) break;
      else plain = false; // an inner apostrophe
      i++;
    }
    let id: number;
    if (nonAscii) {
      for (const token of tokenize(text.slice(start, i))) {
        words++;
        id = idOfToken(token);
        if (id >= 0 && (!distinct || unseen(id))) ids.push(id);
      }
      continue;
    }
    if (plain) id = idOf(text, start, i, h, sum);
    else {
      const token = foldPunctuated(text, start, i);
      if (token.length === 0) continue;
      id = idOfToken(token);
    }
    words++;
    if (id >= 0 && (!distinct || unseen(id))) ids.push(id);
  }
  return { ids, words };
}

/** Whether `id` is new in the current text (and mark it seen). */
function unseen(id: number): boolean {
  if (id >= seen.length) {
    const grown = new Int32Array(Math.max(seen.length * 2, id + 1));
    grown.set(seen);
    seen = grown;
  }
  if (seen[id] === seenMark) return false;
  seen[id] = seenMark;
  return true;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * An ASCII word with dots or apostrophes, folded as `tokenize()` does: "U.S." → "us",
 * "Korea's" → "korea", "don’t" → "dont".
 */
function foldPunctuated(text: string, start: number, end: number): string {
  let token = '';
  for (let j = start; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === 46) continue;
    if (classOf(c) === APOSTROPHE) {
      if (j === end - 2 && lower(text.charCodeAt(j + 1)) === 115) break; // possessive 's
      continue;
    }
    token += String.fromCharCode(lower(c));
  }
  return token;
}
