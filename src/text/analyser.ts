/**
 * The shared analyser: `terms(text)` (folded tokens, stopwords left out, stemmed) as small integer
 * ids, found by one char-code scan and a hash table of the tokens seen before, without a string
 * or a `Map` lookup per token. The search index, grouping and the summariser all read text through
 * it; `terms()` is its output mapped back to strings.
 *
 * Exact by construction: text whose characters are all ASCII, typographic apostrophes, or marks
 * that folding leaves alone and that are not letters or digits (dashes, double quotes, "£"; the
 * ellipsis, which folds to dots) is scanned directly as `tokenize()` would scan it folded, dotted
 * acronyms included; any other text (accented or non-Latin letters, compatibility characters)
 * goes through `tokenize()` itself. Tokens met before are recognised exactly by token-table.ts.
 */
import { stem } from './stem.js';
import { STOPWORDS } from './stopwords.js';
import { FNV_OFFSET, hashStep, TokenTable } from './token-table.js';
import { tokenize } from './tokenize.js';

/** A growable list of ints, reused from call to call. */
export class IdList {
  ids = new Int32Array(64);
  length = 0;

  push(id: number): void {
    if (this.length === this.ids.length) {
      const grown = new Int32Array(this.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = id;
  }
}

/**
 * How the direct scan reads each UTF-16 code unit: a letter or digit as its folded ASCII code
 * (48–57, 97–122); otherwise one of the classes below. UNKNOWN: not yet worked out (see classify).
 */
const SEPARATOR = 0;
const APOSTROPHE = 1;
/** "…", which folds to "...": a separator, and a dot that can end a dotted acronym. */
const ELLIPSIS = 2;
/** A character the direct scan does not handle: the text goes through `tokenize()`. */
const SLOW = 3;
const UNKNOWN = 255;
const CLASS = new Uint8Array(0x10000).fill(UNKNOWN);
for (let c = 0; c < 128; c++) CLASS[c] = SEPARATOR;
for (let c = 48; c <= 57; c++) CLASS[c] = c;
for (let c = 97; c <= 122; c++) CLASS[c] = c;
for (let c = 65; c <= 90; c++) CLASS[c] = c | 32;
CLASS[39] = APOSTROPHE;
for (const c of [0x2018, 0x2019, 0x201b, 0x2032]) CLASS[c] = APOSTROPHE; // folded to "'"
CLASS[0x2026] = ELLIPSIS;

const WORD_OR_MARK = /^[\p{L}\p{N}\p{M}]$/u;

/**
 * The class of a code unit above 0x7f: a separator when folding leaves it as it is (NFKD does not
 * change it, alone or between letters, and lower-casing does not either) and it is neither a
 * letter, digit nor mark; SLOW otherwise.
 */
function classify(c: number): number {
  const s = String.fromCharCode(c);
  const stable =
    (c < 0xd800 || c > 0xdfff) &&
    !WORD_OR_MARK.test(s) &&
    s.normalize('NFKD') === s &&
    `a${s}a`.normalize('NFKD') === `a${s}a` &&
    s.toLowerCase() === s;
  const k = stable ? SEPARATOR : SLOW;
  CLASS[c] = k;
  return k;
}

function classOf(c: number): number {
  const k = CLASS[c]!;
  return k === UNKNOWN ? classify(c) : k;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * Whether a dotted acronym ("U.S.", "a.m.", "D.C…") starts at the letter at i: what `tokenize()`
 * removes the dots from (`\b(?:\p{L}\.){2,}` in the folded text, where "…" is "..."; the caller
 * checks the boundary before i).
 */
function acronymAt(text: string, i: number): boolean {
  if (i + 3 >= text.length || text.charCodeAt(i + 1) !== 46) return false;
  const last = text.charCodeAt(i + 3);
  return isLetter(text.charCodeAt(i + 2)) && (last === 46 || last === 0x2026);
}

/** The end of the dotted acronym at i: after its last "letter.", or after the letter before "…". */
function acronymEnd(text: string, from: number): number {
  let i = from;
  while (i + 1 < text.length && isLetter(text.charCodeAt(i))) {
    const dot = text.charCodeAt(i + 1);
    if (dot === 46) i += 2;
    else {
      if (dot === 0x2026) i++;
      break;
    }
  }
  return i;
}

export interface AnalyserLimits {
  /** Tokens held above which `beginDocument` empties the token table. @defaultValue 2^18 */
  maxTokens?: number;
  /** Terms above which `beginDocument` starts afresh (`reset`). @defaultValue never */
  maxTerms?: number;
}

export class Analyser {
  private readonly tokens = new TokenTable((token) => (STOPWORDS.has(token) ? -1 : this.intern(stem(token))));
  private readonly maxTokens: number;
  private readonly maxTerms: number;
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private resets = 0;

  constructor(limits: AnalyserLimits = {}) {
    this.maxTokens = limits.maxTokens ?? 1 << 18;
    this.maxTerms = limits.maxTerms ?? Number.POSITIVE_INFINITY;
  }

  /**
   * Call between documents: keeps memory bounded (the token table is emptied when full, which
   * costs time but not term ids; past `maxTerms` the ids are void). Ids stay valid from one call
   * to the next.
   */
  beginDocument(): void {
    if (this.terms.length > this.maxTerms) this.reset();
    else if (this.tokens.size > this.maxTokens) this.tokens.clear();
  }

  /** Number of term ids handed out (ids are 0 … size − 1). */
  get size(): number {
    return this.terms.length;
  }

  /** Changes whenever `reset` voids the ids handed out before. */
  get generation(): number {
    return this.resets;
  }

  /** The term (a stem, as `terms()` returns it) of an id. */
  term(id: number): string {
    return this.terms[id]!;
  }

  /** The id of a term, or -1 when it has none yet. */
  idOfTerm(term: string): number {
    return this.ids.get(term) ?? -1;
  }

  /** The term id of a folded token ("photos" → the id of "photo"), or -1 for a stopword. */
  idOfToken(token: string): number {
    return this.tokens.stringTerm(token);
  }

  /** Forgets every term and token: ids handed out before are void. */
  reset(): void {
    this.tokens.clear();
    this.ids.clear();
    this.terms.length = 0;
    this.resets++;
  }

  /**
   * Appends the term ids of `terms(text)` to `out`, in order, with repeats; returns the number of
   * word tokens, stopwords included (`tokenize(text).length`).
   */
  analyse(text: string, out: IdList): number {
    const start = out.length;
    const n = text.length;
    let words = 0;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      let k = c < 128 ? CLASS[c]! : classOf(c);
      if (k < 48) {
        if (k === SLOW) return this.analyseSlow(text, out, start);
        i++;
        continue;
      }
      const from = i;
      let h = FNV_OFFSET;
      let p0 = 0;
      let p1 = 0;
      let plain = true;
      if (k >= 97 && acronymAt(text, i) && (i === 0 || text.charCodeAt(i - 1) !== 95)) {
        plain = false;
        i = acronymEnd(text, i);
        if (i === n) k = SEPARATOR;
        else {
          c = text.charCodeAt(i);
          k = c < 128 ? CLASS[c]! : classOf(c);
        }
      }
      while (k >= 48 || k === APOSTROPHE) {
        if (k === APOSTROPHE) {
          // An apostrophe joins two runs of letters and digits ("don't", "Korea’s").
          if (i + 1 === n) break;
          const next = text.charCodeAt(i + 1);
          const kn = next < 128 ? CLASS[next]! : classOf(next);
          if (kn === SLOW || (kn >= 97 && acronymAt(text, i + 1))) return this.analyseSlow(text, out, start);
          if (kn < 48) break;
          plain = false;
        } else {
          h = hashStep(h, k);
          const at = i - from;
          if (at < 4) p0 |= k << (8 * at);
          else if (at < 8) p1 |= k << (8 * (at - 4));
        }
        i++;
        if (i === n) break;
        c = text.charCodeAt(i);
        k = c < 128 ? CLASS[c]! : classOf(c);
      }
      if (k === SLOW) return this.analyseSlow(text, out, start);
      words++;
      const term = plain
        ? this.tokens.rangeTerm(text, from, i, h, p0, p1)
        : this.tokens.stringTerm(joined(text, from, i));
      if (term >= 0) out.push(term);
    }
    return words;
  }

  private analyseSlow(text: string, out: IdList, start: number): number {
    out.length = start;
    const tokens = tokenize(text);
    for (const token of tokens) {
      const term = this.idOfToken(token);
      if (term >= 0) out.push(term);
    }
    return tokens.length;
  }

  private intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }
}

/**
 * A token with inner apostrophes or acronym dots, text[from, to), folded as `tokenize()` does: lower
 * case, dots and a possessive "'s" dropped, other apostrophes removed ("Korea’s" → "korea", "don't"
 * → "dont", "U.S.’s" → "us").
 */
function joined(text: string, from: number, to: number): string {
  let token = '';
  let end = to;
  if (
    end - from > 2 &&
    CLASS[text.charCodeAt(end - 2)] === APOSTROPHE &&
    CLASS[text.charCodeAt(end - 1)] === 115
  )
    end -= 2;
  for (let i = from; i < end; i++) {
    const k = CLASS[text.charCodeAt(i)]!;
    if (k >= 48) token += String.fromCharCode(k);
  }
  return token;
}

/** The analyser behind `terms()` and the summariser; its ids may be void after `beginDocument`. */
export const shared = new Analyser({ maxTerms: 1 << 17 });

/** Call before analysing a document whose ids must stay valid for its duration. */
export function beginDocument(): void {
  shared.beginDocument();
}

const scratch = new IdList();

/** Index terms: tokens without stopwords, stemmed. The one analyser shared by search and grouping. */
export function terms(text: string): string[] {
  beginDocument();
  scratch.length = 0;
  shared.analyse(text, scratch);
  const out: string[] = new Array(scratch.length);
  for (let i = 0; i < scratch.length; i++) out[i] = shared.term(scratch.ids[i]!);
  return out;
}

let seen = new Int32Array(1 << 12);
let seenMark = 0;

/**
 * The distinct term ids of `text` by the shared analyser (each once, in order of first
 * occurrence), and its number of word tokens. Valid until the next `beginDocument`.
 */
export function analyseDistinct(text: string): { ids: number[]; words: number } {
  scratch.length = 0;
  const words = shared.analyse(text, scratch);
  if (shared.size > seen.length) {
    const grown = new Int32Array(Math.max(2 * seen.length, shared.size));
    grown.set(seen);
    seen = grown;
  }
  if (++seenMark > 0x7ffffff0) {
    seen.fill(0);
    seenMark = 1;
  }
  const ids: number[] = [];
  for (let i = 0; i < scratch.length; i++) {
    const id = scratch.ids[i]!;
    if (seen[id] !== seenMark) {
      seen[id] = seenMark;
      ids.push(id);
    }
  }
  return { ids, words };
}

/**
 * A hash of the characters of `tokenize(text)` run together, computed without building tokens: a
 * cheap test of whether two texts have the same tokens (same tokens, same hash; the converse needs
 * checking).
 */
export function tokenCharsHash(text: string): number {
  let h = FNV_OFFSET;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const k = c < 128 ? CLASS[c]! : classOf(c);
    if (k >= 48) h = hashStep(h, k);
    else if (k === SLOW) return hashOfTokens(text);
    else if (k === APOSTROPHE && i > 0 && i + 1 < n && CLASS[text.charCodeAt(i + 1)] === 115) {
      const before = text.charCodeAt(i - 1);
      // "U.S.’s": the dots go before the possessive is dropped; left to tokenize().
      if (before === 46) return hashOfTokens(text);
      // A possessive "'s" that ends a token is dropped from it.
      if ((before < 128 ? CLASS[before]! : classOf(before)) >= 48 && endsToken(text, i + 2)) i++;
    }
  }
  return h;
}

/** Whether a token ends before text[i]: it is not a letter or digit, nor an apostrophe joining one. */
function endsToken(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  const k = c < 128 ? CLASS[c]! : classOf(c);
  if (k !== APOSTROPHE) return k < 48 && k !== SLOW;
  const next = text.charCodeAt(i + 1);
  return i + 1 >= text.length || (next < 128 ? CLASS[next]! : classOf(next)) < 48;
}

function hashOfTokens(text: string): number {
  let h = FNV_OFFSET;
  for (const token of tokenize(text))
    for (let i = 0; i < token.length; i++) h = hashStep(h, token.charCodeAt(i));
  return h;
}
