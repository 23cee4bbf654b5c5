/**
 * Folded token → term id (-1 for a stopword): the analyser's memory of the tokens it has seen, so
 * that a token costs one hash-table probe (usually one cache line) instead of building a string,
 * looking up stopwords and stemming.
 *
 * Open addressing over 4 ints per slot: the token's 32-bit FNV-1a hash; its length (top 8 bits,
 * capped at 255) and term id + 2 (0 = empty slot); and, for an ASCII token, its first 8
 * characters packed a byte each (0 for other tokens, whose first packed byte is never 0 for
 * ASCII ones). A token of at most 8 ASCII characters is thus compared exactly within its slot;
 * longer and non-ASCII ones are compared with the token string kept beside the slot. Two tokens
 * are never taken for one.
 */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const INTS = 4;
const INITIAL_SLOTS = 1 << 12;

/** FNV-1a step: the hash of a token is folded over its characters' codes from FNV_OFFSET. */
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}
export { FNV_OFFSET };

/**
 * The same text in a string of its own: a slice of 13 or more characters is a view on its parent
 * in V8 and would keep the whole text alive.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** Slots of the small direct-mapped table of recent short tokens in front of the main one. */
const RECENT_SLOTS = 1 << 11;

export class TokenTable {
  /**
   * Recently met tokens of at most 8 ASCII characters, in the slot format, one per hash bucket:
   * common words are found here, in a few kilobytes that stay in the CPU cache.
   */
  private readonly recent = new Int32Array(RECENT_SLOTS * INTS);
  private table = new Int32Array(INITIAL_SLOTS * INTS);
  private strings: string[] = new Array<string>(INITIAL_SLOTS).fill('');
  private count = 0;

  /** `termOf` gives the term id of a token met for the first time. */
  constructor(private readonly termOf: (token: string) => number) {}

  /** Number of tokens held. */
  get size(): number {
    return this.count;
  }

  clear(): void {
    this.recent.fill(0);
    this.table = new Int32Array(INITIAL_SLOTS * INTS);
    this.strings = new Array<string>(INITIAL_SLOTS).fill('');
    this.count = 0;
  }

  /**
   * The term id of the ASCII token text[from, to) (letters and digits, any case), given the hash
   * `h` and packing `p0`, `p1` of its lower-cased characters.
   */
  rangeTerm(text: string, from: number, to: number, h: number, p0: number, p1: number): number {
    const len = to - from;
    const meta = Math.min(len, 255) << 24;
    const recent = this.recent;
    const r = (h & (RECENT_SLOTS - 1)) * INTS;
    if (len <= 8) {
      const m = recent[r + 1]!;
      if (
        recent[r] === h &&
        recent[r + 2] === p0 &&
        recent[r + 3] === p1 &&
        (m & 0xff000000) === meta &&
        m !== 0
      )
        return (m & 0xffffff) - 2;
    }
    const table = this.table;
    const mask = table.length / INTS - 1;
    for (let slot = (h ^ (h >>> 15)) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * INTS;
      const m = table[at + 1]!;
      if (m === 0) return this.insert(slot, ownString(text.slice(from, to).toLowerCase()), h, p0, p1);
      if (table[at] !== h || table[at + 2] !== p0 || table[at + 3] !== p1 || (m & 0xff000000) !== meta)
        continue;
      if (len > 8) {
        if (sameFolded(this.strings[slot]!, text, from)) return (m & 0xffffff) - 2;
        continue;
      }
      recent[r] = h;
      recent[r + 1] = m;
      recent[r + 2] = p0;
      recent[r + 3] = p1;
      return (m & 0xffffff) - 2;
    }
  }

  /** The term id of a folded token. */
  stringTerm(token: string): number {
    let h = FNV_OFFSET;
    let p0 = 0;
    let p1 = 0;
    let ascii = true;
    for (let i = 0; i < token.length; i++) {
      const c = token.charCodeAt(i);
      h = hashStep(h, c);
      if (c > 127) ascii = false;
      else if (i < 4) p0 |= c << (8 * i);
      else if (i < 8) p1 |= c << (8 * (i - 4));
    }
    if (!ascii) {
      p0 = 0;
      p1 = 0;
    }
    const meta = Math.min(token.length, 255) << 24;
    const table = this.table;
    const mask = table.length / INTS - 1;
    for (let slot = (h ^ (h >>> 15)) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * INTS;
      const m = table[at + 1]!;
      if (m === 0) return this.insert(slot, ownString(token), h, p0, p1);
      if (table[at] !== h || table[at + 2] !== p0 || table[at + 3] !== p1 || (m & 0xff000000) !== meta)
        continue;
      if ((ascii && token.length <= 8) || this.strings[slot] === token) return (m & 0xffffff) - 2;
    }
  }

  private insert(slot: number, token: string, h: number, p0: number, p1: number): number {
    const term = this.termOf(token);
    this.place(slot, h, (Math.min(token.length, 255) << 24) | (term + 2), p0, p1, token);
    if (2 * ++this.count > this.strings.length) this.grow();
    return term;
  }

  private place(slot: number, h: number, meta: number, p0: number, p1: number, token: string): void {
    const at = slot * INTS;
    this.table[at] = h;
    this.table[at + 1] = meta;
    this.table[at + 2] = p0;
    this.table[at + 3] = p1;
    this.strings[slot] = token;
  }

  private grow(): void {
    const old = this.table;
    const strings = this.strings;
    const slots = 2 * strings.length;
    this.table = new Int32Array(slots * INTS);
    this.strings = new Array<string>(slots).fill('');
    const mask = slots - 1;
    for (let s = 0; s < strings.length; s++) {
      const at = s * INTS;
      if (old[at + 1] === 0) continue;
      const h = old[at]!;
      let slot = (h ^ (h >>> 15)) & mask;
      while (this.table[slot * INTS + 1] !== 0) slot = (slot + 1) & mask;
      this.place(slot, h, old[at + 1]!, old[at + 2]!, old[at + 3]!, strings[s]!);
    }
  }
}

/** Whether the stored (folded) token equals text[from, from + token.length) lower-cased. */
function sameFolded(token: string, text: string, from: number): boolean {
  for (let k = 0; k < token.length; k++) {
    let c = text.charCodeAt(from + k);
    if (c >= 65 && c <= 90) c |= 32;
    if (token.charCodeAt(k) !== c) return false;
  }
  return true;
}
