/**
 * Incremental story grouping: articles about the same event from different outlets become one
 * story. Runs at ingest time, one document (a file or a feed item) at a time, and is deterministic:
 * the same articles added in the same order give the same stories with the same ids.
 *
 * Algorithm:
 *  - an article is reduced to the distinct terms of its title (`titleTerms`, or the shared `terms()`
 *    analyser) and the numbers it states ("6.5", "1,406"; years are ignored); a body only serves
 *    to check a pair (below);
 *  - two articles at most `windowMs` apart that share two or more terms are scored by a logistic pair
 *    model (`PAIR_MODEL`): each shared term adds evidence growing with its rarity among the articles
 *    of the surrounding days (a story's words are rare overall but common within its own burst, so
 *    rarity is measured locally), shared numbers add, long titles subtract, and so does a gap of more
 *    than 12 hours (`DAY_PENALTY`); near-identical titles (copies) link as they are;
 *  - two pieces of one outlet less than a day apart never share a story unless they are copies;
 *  - when a side is a full article (a body of `MIN_BODY_WORDS` words or more), its body must bear
 *    the pair out (`bodySupport`): at least `BODY_SUPPORT` of the other title's words, weighted
 *    by local rarity, appear in its first `LEAD_WORDS` words (the lead carries the event; the
 *    title model alone links unrelated articles that share two rare title words, and each such
 *    link lets others chain on);
 *  - a new group (one article, or the articles of one source cluster) is scored against each story
 *    it has pairs with: for each member of the smaller side, the mean of its `TOP_K` best pair
 *    probabilities to the other side, averaged over those members; against a source cluster (a
 *    Google News item: one story by its publisher, however differently its headlines are worded) a
 *    lone article's best pair decides. It joins the best story scoring ≥ `joinThreshold`, or
 *    ≥ `clusterMergeThreshold` when both sides hold a source cluster (which its publisher set apart);
 *  - a group that would have joined other stories as well bridges them: each such story is scored
 *    against the story the group joined, as a whole (its members probed as a group's are), and
 *    merged in when it clears the same threshold by `BRIDGE_MARGIN`. Without this, the stories of
 *    an event depended on the order its articles arrived in: two early articles too unlike to pair
 *    stayed apart for good, even after a third that pairs with both;
 *  - candidates come from an inverted index of (term, day) lists, read rarest term first within a
 *    budget, so the window test and the local document frequencies cost a few array reads.
 */
import { terms } from '../text/index.js';
import { FNV_OFFSET, hashStep } from '../text/token-table.js';
import { grow } from './typed-arrays.js';

export interface GroupInput {
  /** Article id (usually "a_…"). */
  id: string;
  title: string;
  /**
   * Clean body text; may be '' (headline-only articles are common). A full article's lead must
   * support each pair it is in (see the module comment); it is not otherwise used.
   */
  body: string;
  outlet: string;
  /** UTC ms; day-precision dates come as noon UTC of that day. */
  publishedMs: number;
  /** Articles sharing it were published together as one story (a Google News item): never split. */
  clusterKey?: string;
  /** Exactly `terms(title)` when the caller has it already (the title is then not analysed again). */
  titleTerms?: readonly string[];
  /**
   * Exactly `terms(body.slice(0, leadLength(body)))`, or null when `leadLength(body)` is 0, when the
   * caller has it already (the body is then not read again).
   */
  leadTerms?: readonly string[] | null;
}

/** Coefficients of the pair model's logit. */
export interface PairModel {
  bias: number;
  /** Per shared word term. */
  term: number;
  /** Per shared word term, times its `localIdf`. */
  idf: number;
  /** Per shared number. */
  number: number;
  /** Per word term of either title. */
  length: number;
}

/**
 * Fitted by logistic regression (`npx tsx scripts/eval-grouping.ts` prints the fit) on the pairs of
 * headlines of different outlets, the same day, sharing two or more terms, in the dev Google News
 * items (2,215 headlines; gold: same item), each pair's features computed as the grouper sees them
 * when the headlines arrive one by one in a shuffled stream (MIN_CORPUS 300, window ±2 days). A
 * shared term adds evidence when it is in fewer than about 6% of the surrounding articles (idf > 2.8);
 * fits on either half of the items give bias -0.3…0.7, term -1.4…-1.8, idf 0.66…0.71.
 */
export const PAIR_MODEL: Readonly<PairModel> = Object.freeze({
  bias: 0.49,
  term: -1.741,
  idf: 0.621,
  number: 0.247,
  length: -0.133,
});

export interface GrouperOptions {
  /** Two articles are compared only when published at most this far apart. Default 2 days. */
  windowMs: number;
  /** Score (a probability, see the module comment) a new group needs to join a story. Default 0.4. */
  joinThreshold: number;
  /** Score needed to merge two stories that both hold a source cluster. Default 0.8. */
  clusterMergeThreshold: number;
  /** The pair model. Default `PAIR_MODEL`. */
  model: PairModel;
}

export const DEFAULT_GROUPER_OPTIONS: Readonly<GrouperOptions> = Object.freeze({
  windowMs: 2 * 86_400_000,
  joinThreshold: 0.5,
  clusterMergeThreshold: 0.8,
  model: PAIR_MODEL,
});

const DAY_MS = 86_400_000;
/**
 * Logit penalty per day between two articles beyond the first 12 hours (4 at 24 hours): coverage of
 * one event is concentrated in its first day, and a piece a day later is usually a follow-up.
 * Hand-set: every headline of a dev item carries the item's date, so the data cannot fit it.
 */
const DAY_PENALTY = 8;
/**
 * The same for a pair in which one side belongs to a source cluster, which is dated when it was seen
 * (one or two days after its articles appeared, in the dev data).
 */
const CLUSTER_DAY_PENALTY = 1;
/** Term rarity is computed as if the surrounding days held at least this many articles. */
const MIN_CORPUS = 300;
/** Two pieces of one outlet less than this apart share a story only when they are copies. */
const SAME_OUTLET_MS = DAY_MS;
/** Term sets overlapping at least this much (Jaccard) are copies (syndicated pieces, updates). */
const COPY = 0.8;
/** A group's score against a story averages each member's best `TOP_K` pair probabilities. */
const TOP_K = 5;
/** Titles sharing fewer terms (words or numbers) are not paired: one shared word is weak evidence. */
const MIN_SHARED = 2;
/** Pairs less likely than this are ignored. */
const MIN_PROB = 0.1;
const MIN_LOGIT = Math.log(MIN_PROB / (1 - MIN_PROB));
/** Per probe: at most this many index entries are read (rarest terms first) and pairs scored. */
const SCAN_BUDGET = 500;
const MAX_COMPARE = 16;
/**
 * Two stories that a new group bridges merge only when, as wholes, they score this much above the
 * threshold a group needs to join: each had its chance to join the other and did not. At 0 a Fox
 * News piece on a house fire in North Carolina merged with two Google News items on a nursing home
 * fire in Indonesia (pairs at 0.50 and 0.54, sharing "fire" and "home"); at 0.1 no such merge
 * remains on the dev files, and recall on the dev headlines still gains (see ADR 0008).
 */
const BRIDGE_MARGIN = 0.1;

/** A body shorter than this (an RSS description, a teaser) is no evidence: only the title counts. */
const MIN_BODY_WORDS = 80;
/** The words of a body read for evidence: an article states its event in its lead. */
const LEAD_WORDS = 300;
/**
 * Share of a title's words (weighted by local rarity) that must appear in the lead of a full
 * article for the two to be paired; two full articles: each title in the other's lead. Set by
 * reading the pairs of the dev Fox News articles with the Google News items and with one another
 * (ADR 0008): below it, pairs are mostly different events that share two title words; 0.6 cut
 * true pairs worded differently ("third-hottest" / "third-warmest").
 */
const BODY_SUPPORT = 0.5;
/** Lead term set of a full article: a 2,048-bit Bloom filter, two bits per term (about 3% false hits at 300 words). */
const SIG_INTS = 64;
const SIG_MASK = SIG_INTS * 32 - 1;

/** Index of the first of the ascending `days` on or after `from`. */
function firstDayFrom(days: readonly number[], from: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** FNV-1a hash of a term's characters (the token table's hash). */
function termHash(term: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < term.length; i++) h = hashStep(h, term.charCodeAt(i));
  return h;
}

/** Sets the two bits of hash `h` in the lead signature at `off`. */
function addToSignature(sigs: Int32Array, off: number, h: number): void {
  sigs[off + ((h & SIG_MASK) >>> 5)]! |= 1 << (h & 31);
  const g = h >>> 16;
  sigs[off + ((g & SIG_MASK) >>> 5)]! |= 1 << (g & 31);
}

/** Whether both bits of hash `h` are set in the lead signature at `off`. */
function inSignature(sigs: Int32Array, off: number, h: number): boolean {
  const g = h >>> 16;
  return (
    (sigs[off + ((h & SIG_MASK) >>> 5)]! & (1 << (h & 31))) !== 0 &&
    (sigs[off + ((g & SIG_MASK) >>> 5)]! & (1 << (g & 31))) !== 0
  );
}

/**
 * Length of a body's lead, its first `LEAD_WORDS` words (a cut at whitespace), or 0 when the body
 * has fewer than `MIN_BODY_WORDS` words and so is no evidence (see the module comment).
 */
export function leadLength(body: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13;
    if (space) {
      if (inWord && words === LEAD_WORDS) return i;
      inWord = false;
    } else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words >= MIN_BODY_WORDS ? body.length : 0;
}

/** The terms of a body's lead, or null when it has none (see leadLength). */
function bodyLeadTerms(body: string): string[] | null {
  const lead = leadLength(body);
  return lead === 0 ? null : terms(body.slice(0, lead));
}

const NUMBER_RE = /(?<![\p{L}\d.,])\d+(?:[.,]\d+)*/gu;

/** The distinct word terms of a title (pieces of numbers left out) and the numbers it states. */
export function titleFeatures(
  title: string,
  titleTerms: readonly string[] = terms(title),
): { words: string[]; numbers: string[] } {
  const words: string[] = [];
  for (const term of titleTerms) {
    const c = term.charCodeAt(0);
    if ((c < 48 || c > 57) && !words.includes(term)) words.push(term); // "mh370" is a word
  }
  const numbers: string[] = [];
  if (/\d/.test(title)) {
    for (const m of title.matchAll(NUMBER_RE)) {
      const n = m[0].replace(/,(?=\d{3}(?!\d))/g, '');
      const value = Number(n.replace(',', '.'));
      if (Number.isInteger(value) && value >= 1900 && value <= 2100) continue; // a year
      if (!numbers.includes(n)) numbers.push(n);
    }
  }
  return { words, numbers };
}

/** Rarity of a term found in `df` of the `n` articles of the days around an article. */
export function localIdf(n: number, df: number): number {
  return Math.log((Math.max(n, MIN_CORPUS) + 1) / df);
}

interface Story {
  id: string;
  /** Creation order: the older story (lower seq) survives a merge and keeps its id. */
  seq: number;
  /** Member slots, ascending (= insertion order). */
  members: number[];
  /** The source clusters (clusterKeys) merged into this story. */
  keys: string[];
  alive: boolean;
}

/**
 * Deterministic incremental story grouper (see the module comment). Per article it keeps a few
 * numbers in typed arrays and its term ids in a shared pool (about 100 bytes with the index). An
 * article id that is already present is ignored by `add`.
 */
export class StoryGrouper {
  private readonly opt: GrouperOptions;
  private readonly radius: number;
  private readonly vocab = new Map<string, number>();
  private isNumber = new Uint8Array(1024);
  /** Inverted index: per term id, the days it occurs on (ascending) and, per day, the live slots. */
  private readonly termDays: number[][] = [];
  private readonly termLists: number[][][] = [];
  private readonly dayCount = new Map<number, number>();
  private readonly outlets = new Map<string, number>();

  // Articles by slot (insertion order).
  private readonly slotOf = new Map<string, number>();
  private artIds: string[] = [];
  private artTime = new Float64Array(1024);
  private artDay = new Int32Array(1024);
  private artOutlet = new Int32Array(1024);
  private artStory = new Int32Array(1024);
  private artAlive = new Uint8Array(1024);
  private artOff = new Int32Array(1024);
  private artLen = new Uint16Array(1024);
  private artWords = new Uint16Array(1024);
  /** Per slot: offset of its lead signature in `sigs` (SIG_INTS ints), or -1 for a headline-only article. */
  private artSig = new Int32Array(1024);
  private sigs = new Int32Array(64 * SIG_INTS);
  private sigLen = 0;
  /** Per term id: the hash of its text (for the lead signatures). */
  private termHashes = new Int32Array(1024);
  private pool = new Int32Array(16_384);
  private poolLen = 0;
  private slots = 0;
  private live = 0;
  private dead = 0;

  // Scratch space of a probe; pairs found (probe slot, other slot, probability).
  /** Per slot: stamp (probe number × 64 + terms shared) and weight shared, side by side. */
  private scratch = new Float64Array(2048);
  private stampNo = 0;
  private cands = new Int32Array(1024);
  private bounds = new Float64Array(1024);
  private weights = new Float64Array(64);
  private dfs = new Int32Array(64);
  private order = new Int32Array(64);
  private lows = new Int32Array(64);
  /** Per title term of the probe: its weight in the lead check (see probeSupport). */
  private leadWeights = new Float64Array(64);
  private pairA: number[] = [];
  private pairB: number[] = [];
  private pairP: number[] = [];

  // Stories.
  private storyList: Story[] = [];
  private readonly storyById = new Map<string, number>();
  private readonly storyByCluster = new Map<string, number>();
  private storySeq = 0;
  private deadStories = 0;

  constructor(options?: Partial<GrouperOptions>) {
    this.opt = { ...DEFAULT_GROUPER_OPTIONS, ...options };
    this.radius = Math.max(0, Math.ceil(this.opt.windowMs / DAY_MS));
  }

  /** Number of articles held. */
  get size(): number {
    return this.live;
  }

  /**
   * Adds the articles of one document. Articles sharing a clusterKey form one group (joining the
   * story of that key if it was seen before); each group is then matched against the stories.
   */
  add(batch: readonly GroupInput[]): void {
    const groups: { slots: number[]; key: string | undefined }[] = [];
    for (const input of batch) {
      if (this.slotOf.has(input.id)) continue;
      const slot = this.register(input);
      const key = input.clusterKey;
      const group = key === undefined ? undefined : groups.find((g) => g.key === key);
      if (group) group.slots.push(slot);
      else groups.push({ slots: [slot], key });
    }
    for (const { slots, key } of groups) {
      const prev = key === undefined ? undefined : this.storyByCluster.get(key);
      if (key === undefined && slots.length === 1) {
        this.match(slots, -1); // a lone article: not made a story before it is matched
        continue;
      }
      let story = this.newStory(slots, prev === undefined ? key : undefined);
      // More articles of a cluster seen before join it whatever their text says.
      if (prev !== undefined) story = this.merge(prev, story);
      this.match(slots, story);
    }
    if (this.deadStories > 1024 && this.deadStories > this.storyList.length / 2) this.compactStories();
  }

  storyOf(articleId: string): string | undefined {
    const slot = this.slotOf.get(articleId);
    return slot === undefined ? undefined : this.storyList[this.artStory[slot]!]!.id;
  }

  members(storyId: string): readonly string[] {
    const s = this.storyById.get(storyId);
    return s === undefined ? [] : this.storyList[s]!.members.map((slot) => this.artIds[slot]!);
  }

  /** Forgets an article (retention expiry). A story keeps its id while it has members. */
  remove(articleId: string): void {
    const slot = this.slotOf.get(articleId);
    if (slot === undefined) return;
    this.slotOf.delete(articleId);
    this.artAlive[slot] = 0;
    this.live--;
    this.dead++;
    const day = this.artDay[slot]!;
    this.dayCount.set(day, this.dayCount.get(day)! - 1);
    for (let i = this.artOff[slot]!, end = i + this.artLen[slot]!; i < end; i++) {
      const days = this.termDays[this.pool[i]!]!;
      const lists = this.termLists[this.pool[i]!]!;
      const k = days.indexOf(day);
      const list = lists[k]!;
      list.splice(list.indexOf(slot), 1);
      if (list.length === 0) {
        days.splice(k, 1);
        lists.splice(k, 1);
      }
    }
    const s = this.artStory[slot]!;
    const story = this.storyList[s]!;
    story.members = story.members.filter((m) => m !== slot);
    if (story.members.length === 0) this.retire(s);
    if (this.dead > 1024 && this.dead > this.live) this.compact();
  }

  *stories(): IterableIterator<{ id: string; articleIds: readonly string[] }> {
    for (const story of this.storyList) {
      if (story.alive) yield { id: story.id, articleIds: this.members(story.id) };
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Articles and pairs

  private register(input: GroupInput): number {
    const slot = this.slots++;
    if (slot >= this.artTime.length) {
      const n = slot + 1;
      this.artTime = grow(this.artTime, n, (m) => new Float64Array(m));
      this.artDay = grow(this.artDay, n, (m) => new Int32Array(m));
      this.artOutlet = grow(this.artOutlet, n, (m) => new Int32Array(m));
      this.artStory = grow(this.artStory, n, (m) => new Int32Array(m));
      this.artAlive = grow(this.artAlive, n, (m) => new Uint8Array(m));
      this.artOff = grow(this.artOff, n, (m) => new Int32Array(m));
      this.artLen = grow(this.artLen, n, (m) => new Uint16Array(m));
      this.artWords = grow(this.artWords, n, (m) => new Uint16Array(m));
      this.artSig = grow(this.artSig, n, (m) => new Int32Array(m));
      this.scratch = grow(this.scratch, 2 * n, (m) => new Float64Array(m));
    }
    this.artIds[slot] = input.id;
    this.slotOf.set(input.id, slot);
    const time = Number.isFinite(input.publishedMs) ? input.publishedMs : 0;
    const day = Math.floor(time / DAY_MS);
    this.artTime[slot] = time;
    this.artDay[slot] = day;
    this.artStory[slot] = -1;
    this.artAlive[slot] = 1;
    this.live++;
    this.dayCount.set(day, (this.dayCount.get(day) ?? 0) + 1);
    const outlet = input.outlet.trim().toLowerCase();
    let oid = -1;
    if (outlet) {
      oid = this.outlets.get(outlet) ?? this.outlets.size;
      if (oid === this.outlets.size) this.outlets.set(outlet, oid);
    }
    this.artOutlet[slot] = oid;

    const { words, numbers } = titleFeatures(input.title, input.titleTerms);
    const off = this.poolLen;
    const len = words.length + numbers.length;
    this.pool = grow(this.pool, off + len, (m) => new Int32Array(m));
    for (let i = 0; i < len; i++) {
      this.pool[off + i] =
        i < words.length ? this.termId(words[i]!, 0) : this.termId(numbers[i - words.length]!, 1);
    }
    this.pool.subarray(off, off + len).sort();
    for (let i = off; i < off + len; i++) {
      const days = this.termDays[this.pool[i]!]!;
      const lists = this.termLists[this.pool[i]!]!;
      let at = days.length;
      while (at > 0 && days[at - 1]! > day) at--;
      if (at > 0 && days[at - 1] === day) lists[at - 1]!.push(slot);
      else {
        days.splice(at, 0, day);
        lists.splice(at, 0, [slot]);
      }
    }
    this.artOff[slot] = off;
    this.artLen[slot] = len;
    this.artWords[slot] = words.length;
    this.poolLen += len;
    this.artSig[slot] = this.leadSignature(input, words);
    return slot;
  }

  /** Stores the lead signature of a full article (its title words and its lead's terms); -1 for none. */
  private leadSignature(input: GroupInput, titleWords: readonly string[]): number {
    const leadTerms = input.leadTerms !== undefined ? input.leadTerms : bodyLeadTerms(input.body);
    if (leadTerms === null) return -1;
    const off = this.sigLen;
    this.sigs = grow(this.sigs, off + SIG_INTS, (m) => new Int32Array(m));
    this.sigs.fill(0, off, off + SIG_INTS);
    for (const word of titleWords) addToSignature(this.sigs, off, termHash(word));
    for (const term of leadTerms) addToSignature(this.sigs, off, termHash(term));
    this.sigLen += SIG_INTS;
    return off;
  }

  /**
   * Share of the title words of article y found in the lead signature of article x, each word weighted
   * by its rarity among the articles of the days around y (so that "new", "says" or "year" found in
   * a lead count for little, the names and rare words of the event for much).
   */
  private support(y: number, x: number): number {
    const sig = this.artSig[x]!;
    const day = this.artDay[y]!;
    const from = day - this.radius;
    const to = day + this.radius;
    let total = 0;
    for (let d = from; d <= to; d++) total += this.dayCount.get(d) ?? 0;
    let all = 0;
    let found = 0;
    for (let i = this.artOff[y]!, end = i + this.artLen[y]!; i < end; i++) {
      const t = this.pool[i]!;
      if (this.isNumber[t]) continue;
      const w = localIdf(total, Math.max(1, this.windowDf(t, firstDayFrom(this.termDays[t]!, from), to)));
      all += w;
      if (inSignature(this.sigs, sig, this.termHashes[t]!)) found += w;
    }
    return all > 0 ? found / all : 0;
  }

  /**
   * support(x, y) for the probe x, from the weights of its title words that the probe computed
   * (`leadWeights`, 0 for a number; the same values summed in the same order).
   */
  private probeSupport(x: number, y: number): number {
    const sig = this.artSig[y]!;
    let all = 0;
    let found = 0;
    for (let i = 0, off = this.artOff[x]!, len = this.artLen[x]!; i < len; i++) {
      const t = this.pool[off + i]!;
      if (this.isNumber[t]) continue;
      const w = this.leadWeights[i]!;
      all += w;
      if (inSignature(this.sigs, sig, this.termHashes[t]!)) found += w;
    }
    return all > 0 ? found / all : 0;
  }

  /** Whether the bodies of the probe x and of y (those that have one) bear out a pair between them. */
  private bodySupport(x: number, y: number): boolean {
    return (
      (this.artSig[x]! < 0 || this.support(y, x) >= BODY_SUPPORT) &&
      (this.artSig[y]! < 0 || this.probeSupport(x, y) >= BODY_SUPPORT)
    );
  }

  /** Live articles with term t on its days from index `lo` (see firstDayFrom) up to day `to`. */
  private windowDf(t: number, lo: number, to: number): number {
    const days = this.termDays[t]!;
    const lists = this.termLists[t]!;
    let df = 0;
    for (let k = lo; k < days.length && days[k]! <= to; k++) df += lists[k]!.length;
    return df;
  }

  private termId(term: string, isNumber: number): number {
    const key = isNumber ? `#${term}` : term;
    let id = this.vocab.get(key);
    if (id === undefined) {
      id = this.vocab.size;
      this.vocab.set(key, id);
      this.termDays.push([]);
      this.termLists.push([]);
      this.isNumber = grow(this.isNumber, id + 1, (m) => new Uint8Array(m));
      this.isNumber[id] = isNumber;
      this.termHashes = grow(this.termHashes, id + 1, (m) => new Int32Array(m));
      this.termHashes[id] = termHash(term);
    }
    return id;
  }

  /** Appends the pairs of article x with articles of other stories likely enough to matter. */
  private probe(x: number, self: number): void {
    const m = this.opt.model;
    const day = this.artDay[x]!;
    const from = day - this.radius;
    const to = day + this.radius;
    let total = 0;
    for (let d = from; d <= to; d++) total += this.dayCount.get(d) ?? 0;
    const off = this.artOff[x]!;
    const len = this.artLen[x]!;
    if (len > this.weights.length) {
      this.weights = new Float64Array(2 * len);
      this.dfs = new Int32Array(2 * len);
      this.order = new Int32Array(2 * len);
      this.lows = new Int32Array(2 * len);
      this.leadWeights = new Float64Array(2 * len);
    }
    const { weights, dfs, order, lows, pool, scratch } = this;
    // Local document frequency and weight of each term; read order: rarest first.
    for (let i = 0; i < len; i++) {
      const t = pool[off + i]!;
      const lo = firstDayFrom(this.termDays[t]!, from);
      lows[i] = lo;
      const df = this.windowDf(t, lo, to);
      dfs[i] = df;
      // (df ≥ 1: the probe itself is listed.)
      const idf = this.isNumber[t] ? 0 : localIdf(total, df);
      weights[i] = this.isNumber[t] ? m.number : m.term + m.idf * idf;
      this.leadWeights[i] = idf;
      let j = i - 1;
      while (j >= 0 && dfs[order[j]!]! > df) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = i;
    }
    // Candidates: the articles found in two of the lists read (rarest first, within the budget).
    const stampNo = ++this.stampNo * 64;
    let budget = SCAN_BUDGET;
    let nc = 0;
    for (let o = 0; o < len && dfs[order[o]!]! <= budget; o++) {
      const i = order[o]!;
      const w = weights[i]!;
      budget -= dfs[i]!;
      const days = this.termDays[pool[off + i]!]!;
      const lists = this.termLists[pool[off + i]!]!;
      for (let k = lows[i]!; k < days.length && days[k]! <= to; k++) {
        for (const y of lists[k]!) {
          const s = scratch[2 * y]!;
          if (s >= stampNo) {
            if (s < stampNo + 63) scratch[2 * y] = s + 1;
            scratch[2 * y + 1]! += w;
          } else {
            scratch[2 * y] = stampNo + 1;
            scratch[2 * y + 1] = w;
            if (nc === this.cands.length) this.cands = grow(this.cands, nc + 1, (n) => new Int32Array(n));
            this.cands[nc++] = y;
          }
        }
      }
    }
    // Of those in other stories and in the window, the MAX_COMPARE whose logit (without the terms
    // not read) is highest, if it reaches MIN_PROB, are scored.
    const base = m.bias + m.length * this.artWords[x]!;
    const time = this.artTime[x]!;
    const { cands } = this;
    this.bounds = grow(this.bounds, nc, (n) => new Float64Array(n));
    const bounds = this.bounds;
    let n = 0;
    for (let c = 0; c < nc; c++) {
      const y = cands[c]!;
      if (scratch[2 * y]! - stampNo < MIN_SHARED || this.artStory[y] === self || y === x) continue;
      const bound = base + scratch[2 * y + 1]! + m.length * this.artWords[y]!;
      if (bound < MIN_LOGIT || Math.abs(this.artTime[y]! - time) > this.opt.windowMs) continue;
      // Insertion into the top MAX_COMPARE (ties: found first).
      let j = Math.min(n, MAX_COMPARE - 1);
      if (j === MAX_COMPARE - 1 && bounds[j]! >= bound) continue;
      while (j > 0 && bounds[j - 1]! < bound) {
        bounds[j] = bounds[j - 1]!;
        cands[j] = cands[j - 1]!;
        j--;
      }
      bounds[j] = bound;
      cands[j] = y;
      if (n < MAX_COMPARE) n++;
    }
    for (let c = 0; c < n; c++) {
      const y = cands[c]!;
      const keyed =
        (self >= 0 && this.storyList[self]!.keys.length > 0) ||
        this.storyList[this.artStory[y]!]!.keys.length > 0;
      const p = this.pairProb(x, y, keyed ? CLUSTER_DAY_PENALTY : DAY_PENALTY);
      if (p < MIN_PROB) continue;
      this.pairA.push(x);
      this.pairB.push(y);
      this.pairP.push(p);
    }
  }

  /** Probability that article x (the probe, whose term weights are in `weights`) and y report one event. */
  private pairProb(x: number, y: number, dayPenalty: number): number {
    const { pool } = this;
    const xo = this.artOff[x]!;
    let i = xo;
    const xn = i + this.artLen[x]!;
    let j = this.artOff[y]!;
    const yn = j + this.artLen[y]!;
    let logit = 0;
    let shared = 0;
    while (i < xn && j < yn) {
      const a = pool[i]!;
      const b = pool[j]!;
      if (a === b) {
        logit += this.weights[i - xo]!;
        shared++;
      }
      if (a <= b) i++;
      if (b <= a) j++;
    }
    if (shared < MIN_SHARED) return 0;
    if (shared >= COPY * (this.artLen[x]! + this.artLen[y]! - shared)) return 1; // a copy
    const dt = Math.abs(this.artTime[x]! - this.artTime[y]!);
    if (dt < SAME_OUTLET_MS && this.artOutlet[x]! >= 0 && this.artOutlet[x] === this.artOutlet[y]) return 0;
    if (!this.bodySupport(x, y)) return 0;
    const m = this.opt.model;
    logit += m.bias + m.length * (this.artWords[x]! + this.artWords[y]!);
    if (dt > DAY_MS / 2) logit -= (dayPenalty * (dt - DAY_MS / 2)) / DAY_MS;
    return 1 / (1 + Math.exp(-logit));
  }

  /** Whether x and y are one outlet's different pieces less than `SAME_OUTLET_MS` apart. */
  private clash(x: number, y: number): boolean {
    const o = this.artOutlet[x]!;
    if (o < 0 || o !== this.artOutlet[y] || Math.abs(this.artTime[x]! - this.artTime[y]!) >= SAME_OUTLET_MS) {
      return false;
    }
    let i = this.artOff[x]!;
    const xn = i + this.artLen[x]!;
    let j = this.artOff[y]!;
    const yn = j + this.artLen[y]!;
    let shared = 0;
    while (i < xn && j < yn) {
      const a = this.pool[i]!;
      const b = this.pool[j]!;
      if (a === b) shared++;
      if (a <= b) i++;
      if (b <= a) j++;
    }
    return shared < COPY * (this.artLen[x]! + this.artLen[y]! - shared);
  }

  // ---------------------------------------------------------------------------------------------
  // Stories

  /**
   * Matches a new group (`probes`; story `story`, or -1 for a lone article not yet in a story)
   * against the stories it has pairs with, and joins the best one that fits.
   */
  private match(probes: readonly number[], story: number): void {
    this.pairA.length = 0;
    this.pairB.length = 0;
    this.pairP.length = 0;
    for (const x of probes) this.probe(x, story);
    // Pairs by story, most likely first.
    const idx = this.pairP.map((_, i) => i);
    const storyOf = (i: number): number => this.artStory[this.pairB[i]!]!;
    idx.sort((p, q) => storyOf(p) - storyOf(q) || this.pairP[q]! - this.pairP[p]! || p - q);
    const size = probes.length;
    const clustered = story >= 0 && this.storyList[story]!.keys.length > 0;
    let best = -1;
    let bestScore = 0;
    /** Other stories the group would have joined (score ≥ its threshold), as [story, score]. */
    const also: Array<[number, number]> = [];
    for (let start = 0; start < idx.length; ) {
      const s = storyOf(idx[start]!);
      let end = start + 1;
      while (end < idx.length && storyOf(idx[end]!) === s) end++;
      const target = this.storyList[s]!;
      const keyed = target.keys.length > 0;
      const score = this.score(
        size,
        target.members.length,
        idx.slice(start, end),
        keyed && !clustered ? 1 : TOP_K,
      );
      start = end;
      const threshold = keyed && clustered ? this.opt.clusterMergeThreshold : this.opt.joinThreshold;
      if (score < threshold) continue;
      if (probes.some((x) => target.members.some((y) => this.clash(x, y)))) continue;
      also.push([s, score]);
      if (best >= 0 && (score < bestScore || (score === bestScore && s > best))) continue;
      best = s;
      bestScore = score;
    }
    if (best < 0) {
      if (story < 0) this.newStory(probes, undefined);
      return;
    }
    let joined = best;
    if (story >= 0) joined = this.merge(best, story);
    else {
      this.artStory[probes[0]!] = best;
      this.storyList[best]!.members.push(probes[0]!); // the newest slot: members stay ascending
    }
    // The group bridges its story to others it would have joined as well: each is merged in when the
    // two stories, as wholes, score what a group needs to join a story, plus a margin.
    also.sort((p, q) => q[1] - p[1] || p[0] - q[0]);
    for (const [other] of also) {
      if (other === best || !this.storyList[other]!.alive || !this.storyList[joined]!.alive) continue;
      if (this.storiesLink(joined, other)) joined = this.merge(joined, other);
    }
  }

  /**
   * Whether two stories score, as wholes, what a group needs to join a story plus `BRIDGE_MARGIN`,
   * and hold no two same-day pieces of one outlet (see match).
   */
  private storiesLink(a: number, b: number): boolean {
    const sa = this.storyList[a]!;
    const sb = this.storyList[b]!;
    const [si, li] = sa.members.length <= sb.members.length ? [a, b] : [b, a];
    const small = this.storyList[si]!;
    const large = this.storyList[li]!;
    this.pairA.length = 0;
    this.pairB.length = 0;
    this.pairP.length = 0;
    for (const x of small.members) this.probe(x, si);
    const pairs: number[] = [];
    for (let i = 0; i < this.pairP.length; i++) if (this.artStory[this.pairB[i]!] === li) pairs.push(i);
    if (pairs.length === 0) return false;
    pairs.sort((p, q) => this.pairP[q]! - this.pairP[p]! || p - q);
    const bothKeyed = sa.keys.length > 0 && sb.keys.length > 0;
    const threshold = (bothKeyed ? this.opt.clusterMergeThreshold : this.opt.joinThreshold) + BRIDGE_MARGIN;
    if (this.score(small.members.length, large.members.length, pairs, TOP_K) < threshold) return false;
    return !small.members.some((x) => large.members.some((y) => this.clash(x, y)));
  }

  /**
   * Score of a group of `size` articles against a story of `other` articles, from the pairs between
   * them (indices, most likely first): for each member of the smaller side, the mean of its `topK`
   * best pair probabilities to the other side, averaged; 1 when an article has a copy on the other side.
   */
  private score(size: number, other: number, pairs: readonly number[], topK: number): number {
    if (this.pairP[pairs[0]!]! >= 1) return 1; // a copy: one article in both
    const fromGroup = size <= other;
    const k = Math.min(topK, fromGroup ? other : size);
    const taken = new Map<number, number>();
    let total = 0;
    for (const i of pairs) {
      const key = fromGroup ? this.pairA[i]! : this.pairB[i]!;
      const n = taken.get(key) ?? 0;
      if (n < k) {
        total += this.pairP[i]! / k;
        taken.set(key, n + 1);
      }
    }
    return total / (fromGroup ? size : other);
  }

  private newStory(slots: readonly number[], key: string | undefined): number {
    const first = this.artIds[slots[0]!]!;
    let id = `s_${first.startsWith('a_') ? first.slice(2) : first}`;
    if (this.storyById.has(id)) {
      let n = 2;
      while (this.storyById.has(`${id}~${n}`)) n++;
      id = `${id}~${n}`;
    }
    const index = this.storyList.length;
    for (const s of slots) this.artStory[s] = index;
    const keys = key === undefined ? [] : [key];
    this.storyList.push({ id, seq: this.storySeq++, members: slots.slice(), keys, alive: true });
    this.storyById.set(id, index);
    if (key !== undefined) this.storyByCluster.set(key, index);
    return index;
  }

  /** Merges two stories; the older one survives with its id. Returns the survivor. */
  private merge(a: number, b: number): number {
    const older = this.storyList[a]!.seq <= this.storyList[b]!.seq;
    const ki = older ? a : b;
    const gi = older ? b : a;
    const keep = this.storyList[ki]!;
    const gone = this.storyList[gi]!;
    for (const s of gone.members) this.artStory[s] = ki;
    const last = keep.members[keep.members.length - 1]!;
    keep.members = keep.members.concat(gone.members);
    if (gone.members[0]! < last) keep.members.sort((p, q) => p - q);
    for (const key of gone.keys) {
      keep.keys.push(key);
      this.storyByCluster.set(key, ki);
    }
    gone.keys = [];
    this.retire(gi);
    return ki;
  }

  private retire(s: number): void {
    const story = this.storyList[s]!;
    story.alive = false;
    story.members = [];
    this.storyById.delete(story.id);
    for (const key of story.keys) this.storyByCluster.delete(key);
    story.keys = [];
    this.deadStories++;
  }

  // ---------------------------------------------------------------------------------------------
  // Maintenance

  /** Drops retired stories from the story list (renumbering the rest; ids do not change). */
  private compactStories(): void {
    const remap = new Int32Array(this.storyList.length).fill(-1);
    const next: Story[] = [];
    this.storyList.forEach((story, i) => {
      if (!story.alive) return;
      remap[i] = next.length;
      next.push(story);
    });
    this.storyList = next;
    for (let s = 0; s < this.slots; s++) if (this.artAlive[s]) this.artStory[s] = remap[this.artStory[s]!]!;
    for (const [id, s] of this.storyById) this.storyById.set(id, remap[s]!);
    for (const [key, s] of this.storyByCluster) this.storyByCluster.set(key, remap[s]!);
    this.deadStories = 0;
  }

  /** Drops removed articles from the per-article arrays, the term pool and the index. */
  private compact(): void {
    const remap = new Int32Array(this.slots).fill(-1);
    const pool = new Int32Array(Math.max(16_384, this.poolLen));
    const sigs = new Int32Array(Math.max(64 * SIG_INTS, this.sigLen));
    const ids: string[] = [];
    let n = 0;
    let poolLen = 0;
    let sigLen = 0;
    for (let s = 0; s < this.slots; s++) {
      if (!this.artAlive[s]) continue;
      remap[s] = n;
      const off = this.artOff[s]!;
      const len = this.artLen[s]!;
      pool.set(this.pool.subarray(off, off + len), poolLen);
      this.artOff[n] = poolLen;
      this.artLen[n] = len;
      poolLen += len;
      this.artTime[n] = this.artTime[s]!;
      this.artDay[n] = this.artDay[s]!;
      this.artOutlet[n] = this.artOutlet[s]!;
      this.artStory[n] = this.artStory[s]!;
      this.artWords[n] = this.artWords[s]!;
      const sig = this.artSig[s]!;
      if (sig >= 0) {
        sigs.set(this.sigs.subarray(sig, sig + SIG_INTS), sigLen);
        this.artSig[n] = sigLen;
        sigLen += SIG_INTS;
      } else this.artSig[n] = -1;
      this.artAlive[n] = 1;
      ids[n] = this.artIds[s]!;
      this.slotOf.set(ids[n]!, n);
      n++;
    }
    this.artAlive.fill(0, n);
    this.scratch.fill(0);
    this.pool = pool;
    this.poolLen = poolLen;
    this.sigs = sigs;
    this.sigLen = sigLen;
    this.artIds = ids;
    this.slots = n;
    this.dead = 0;
    for (const lists of this.termLists) {
      for (const list of lists) for (let k = 0; k < list.length; k++) list[k] = remap[list[k]!]!;
    }
    for (const story of this.storyList) {
      if (story.alive) story.members = story.members.map((s) => remap[s]!);
    }
    this.compactStories();
  }
}
