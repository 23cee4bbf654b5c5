/**
 * The postings lists of a search index, by term id: per (term, document) the document's slot and
 * a 16-bit packed term frequency, in insertion order. A list is a chain of blocks in a pool of
 * fixed-size pages (typed arrays): a term's first block holds one posting and each next one twice
 * as many as the one before, up to MAX_BLOCK, so a rare term costs a few bytes and a common one
 * wastes at most one block; the pool never copies what it holds to grow. About 6 bytes per
 * posting plus 14 per term.
 *
 * A block is addressed by page × PAGE + offset (0 = none). Its first two slot entries are its
 * header: the address of the next block and its capacity; its postings follow.
 */
const PAGE_BITS = 16;
const PAGE = 1 << PAGE_BITS;
const OFFSET_MASK = PAGE - 1;
const HEADER = 2;
const MAX_BLOCK = 4096;

export class PostingsPool {
  private slotPages: Int32Array[] = [];
  private tfPages: Uint16Array[] = [];
  /** Next free entry in the last page (PAGE: none left). */
  private used = PAGE;
  /**
   * Per term, 4 ints: postings held (removed documents' included until `compact`), first block,
   * last block, and the last block's capacity × 65536 + postings in it.
   */
  private terms = new Int32Array(4 * 1024);

  /** Number of postings of a term (0 for an id it has never seen). */
  count(term: number): number {
    return 4 * term < this.terms.length ? this.terms[4 * term]! : 0;
  }

  append(term: number, slot: number, tf: number): void {
    const t = 4 * term;
    if (t >= this.terms.length) this.growTerms(t + 4);
    const terms = this.terms;
    let block = terms[t + 2]!;
    let fill = terms[t + 3]!;
    if (block === 0 || (fill & 0xffff) === fill >>> 16) {
      const capacity = block === 0 ? 1 : Math.min(2 * (fill >>> 16), MAX_BLOCK);
      const next = this.allocate(capacity);
      if (block === 0) terms[t + 1] = next;
      else this.slotPages[block >>> PAGE_BITS]![block & OFFSET_MASK] = next;
      terms[t + 2] = next;
      block = next;
      fill = capacity << 16;
    }
    const i = (block & OFFSET_MASK) + HEADER + (fill & 0xffff);
    this.slotPages[block >>> PAGE_BITS]![i] = slot;
    this.tfPages[block >>> PAGE_BITS]![i] = tf;
    terms[t + 3] = fill + 1;
    terms[t]!++;
  }

  /** The first block of a term's list (0: none). */
  head(term: number): number {
    return 4 * term < this.terms.length ? this.terms[4 * term + 1]! : 0;
  }

  next(block: number): number {
    return this.slotPages[block >>> PAGE_BITS]![block & OFFSET_MASK]!;
  }

  /** Postings in a block of a term's list. */
  size(term: number, block: number): number {
    return block === this.terms[4 * term + 2] ? this.terms[4 * term + 3]! & 0xffff : this.capacity(block);
  }

  /** Where a block's postings start in the arrays of `slotsOf` and `tfsOf`. */
  start(block: number): number {
    return (block & OFFSET_MASK) + HEADER;
  }

  slotsOf(block: number): Int32Array {
    return this.slotPages[block >>> PAGE_BITS]!;
  }

  tfsOf(block: number): Uint16Array {
    return this.tfPages[block >>> PAGE_BITS]!;
  }

  /**
   * Drops the postings of removed documents, rewriting every list into fresh pages. Returns the
   * terms left without postings.
   */
  compact(removed: (slot: number) => boolean): number[] {
    const old = { slots: this.slotPages, tfs: this.tfPages, terms: this.terms.slice() };
    this.slotPages = [];
    this.tfPages = [];
    this.used = PAGE;
    this.terms.fill(0);
    const emptied: number[] = [];
    for (let term = 0; 4 * term < old.terms.length; term++) {
      const t = 4 * term;
      if (old.terms[t] === 0) continue;
      for (let b = old.terms[t + 1]!; b !== 0; ) {
        const slots = old.slots[b >>> PAGE_BITS]!;
        const tfs = old.tfs[b >>> PAGE_BITS]!;
        const from = (b & OFFSET_MASK) + HEADER;
        const n = b === old.terms[t + 2] ? old.terms[t + 3]! & 0xffff : slots[from - 1]!;
        for (let i = from; i < from + n; i++) if (!removed(slots[i]!)) this.append(term, slots[i]!, tfs[i]!);
        b = slots[b & OFFSET_MASK]!;
      }
      if (this.terms[t] === 0) emptied.push(term);
    }
    return emptied;
  }

  private capacity(block: number): number {
    return this.slotPages[block >>> PAGE_BITS]![(block & OFFSET_MASK) + 1]!;
  }

  /** A new block for `capacity` postings: its address. */
  private allocate(capacity: number): number {
    if (this.used + HEADER + capacity > PAGE) {
      this.slotPages.push(new Int32Array(PAGE));
      this.tfPages.push(new Uint16Array(PAGE));
      // Address 0 means "none": the first page starts at 1.
      this.used = this.slotPages.length === 1 ? 1 : 0;
    }
    const page = this.slotPages.length - 1;
    const block = page * PAGE + this.used;
    const slots = this.slotPages[page]!;
    slots[this.used] = 0;
    slots[this.used + 1] = capacity;
    this.used += HEADER + capacity;
    return block;
  }

  private growTerms(min: number): void {
    const terms = new Int32Array(Math.max(min, 2 * this.terms.length));
    terms.set(this.terms);
    this.terms = terms;
  }
}
