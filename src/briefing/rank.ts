import type { ScoreParts } from '../model.js';

/**
 * Story ranking. See docs/ranking.md for the formula and its reasoning:
 *
 *   total = relevance × (C₀ + (1 − C₀)·coverage) × (R₀·fade + (1 − R₀)·recency) × diversity
 *
 * - relevance: the story's best article BM25F score, scaled by the share of query terms it matched,
 *   divided by the best story's, so the top match is 1;
 * - coverage: log(1 + distinct outlets) / log(1 + saturation outlets), capped at 1;
 * - recency: 0.5 ^ (age of the newest article / half-life), the clock passed in; the floor R₀ that
 *   keeps a well-matching older story in view fades too, far more slowly (fade = 0.5 ^ (age /
 *   floor half-life)), so a story from years ago never outranks this month's news;
 * - diversity: 1 − penalty × similarity to the most similar story ranked above it, when that
 *   similarity passes a threshold (so one event split across two stories doesn't fill the briefing).
 */
export interface RankingOptions {
  /** Hours after which recency halves. @defaultValue 36 */
  halfLifeHours: number;
  /** Outlet count at which coverage saturates at 1. @defaultValue 8 */
  coverageSaturation: number;
  /** Floor of the coverage factor (a one-outlet story keeps this share). @defaultValue 0.6 */
  coverageFloor: number;
  /** Floor of the recency factor (a very old story keeps this share). @defaultValue 0.3 */
  recencyFloor: number;
  /** Days after which the recency floor itself halves. @defaultValue 30 */
  floorHalfLifeDays: number;
  /** Title similarity (Jaccard of terms) above which a story counts as a near-repeat. @defaultValue 0.35 */
  diversityThreshold: number;
  /** Strength of the near-repeat penalty. @defaultValue 0.6 */
  diversityPenalty: number;
  /** Stories below this share of the best relevance are left out. @defaultValue 0.15 */
  minRelevance: number;
  /**
   * On a topic of several words, when some story matches them all: stories whose articles match
   * only some of them are left out below this share of the best relevance. @defaultValue 0.25
   */
  minPartialRelevance: number;
}

export const DEFAULT_RANKING: RankingOptions = {
  halfLifeHours: 36,
  coverageSaturation: 8,
  coverageFloor: 0.6,
  recencyFloor: 0.3,
  floorHalfLifeDays: 30,
  diversityThreshold: 0.35,
  diversityPenalty: 0.6,
  minRelevance: 0.15,
  minPartialRelevance: 0.25,
};

export interface RankCandidate {
  storyId: string;
  /** Raw relevance (any positive scale). */
  relevance: number;
  outletCount: number;
  newestMs: number;
  /** Title terms for the diversity check. */
  titleTerms: ReadonlySet<string>;
}

export interface Ranked {
  storyId: string;
  score: ScoreParts;
}

/**
 * Scores and orders the candidates. Only the first `needed` places are diversified (greedy picks are
 * prefix-stable, so page 2 agrees with page 1); the tail keeps its plain score order.
 */
export function rankStories(
  candidates: RankCandidate[],
  nowMs: number,
  options: RankingOptions,
  needed = Number.POSITIVE_INFINITY,
): Ranked[] {
  const scored = scoreCandidates(candidates, nowMs, options);
  scored.sort(byTotal);
  return diversify(scored, options, needed);
}

/**
 * The first `needed` places of `rankStories` and the number of stories it would rank, without
 * ordering the tail: only the head (`needed` plus the diversity window) is sorted, after a
 * threshold pass on the totals. Same head, same count as `rankStories(...)`.
 */
export function rankTop(
  candidates: RankCandidate[],
  nowMs: number,
  options: RankingOptions,
  needed: number,
): { ranked: Ranked[]; total: number } {
  const { ranked, total } = rankTopOf(
    candidates,
    candidates.map((c) => c.relevance),
    CANDIDATE_FIELDS,
    nowMs,
    options,
    needed,
  );
  return { ranked: ranked.map(({ storyId, score }) => ({ storyId, score })), total };
}

/** How rankTopOf reads the fields of a RankCandidate from an item of the caller's. */
export interface CandidateFields<T> {
  storyId(item: T): string;
  outletCount(item: T): number;
  newestMs(item: T): number;
  titleTerms(item: T): ReadonlySet<string>;
}

const CANDIDATE_FIELDS: CandidateFields<RankCandidate> = {
  storyId: (c) => c.storyId,
  outletCount: (c) => c.outletCount,
  newestMs: (c) => c.newestMs,
  titleTerms: (c) => c.titleTerms,
};

/**
 * rankTop on the caller's own items (item i has relevance `relevance[i]`), without a candidate
 * object per item: candidates are made for the head only. Each ranked story comes with its item.
 */
export function rankTopOf<T>(
  items: readonly T[],
  relevance: readonly number[],
  fields: CandidateFields<T>,
  nowMs: number,
  options: RankingOptions,
  needed: number,
): { ranked: Array<Ranked & { item: T }>; total: number } {
  let best = 0;
  for (let i = 0; i < items.length; i++) best = Math.max(best, relevance[i]!);
  if (best <= 0) return { ranked: [], total: 0 };
  // The same arithmetic as scoreCandidates, into flat arrays.
  const n = items.length;
  const index = new Int32Array(n);
  const relevances = new Float64Array(n);
  const coverages = new Float64Array(n);
  const recencies = new Float64Array(n);
  const totals = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    const r = relevance[i]! / best;
    if (r < options.minRelevance) continue;
    const coverage = Math.min(
      1,
      Math.log1p(fields.outletCount(item)) / Math.log1p(options.coverageSaturation),
    );
    const ageHours = Math.max(0, (nowMs - fields.newestMs(item)) / 3_600_000);
    const recency = 0.5 ** (ageHours / options.halfLifeHours);
    index[total] = i;
    relevances[total] = r;
    coverages[total] = coverage;
    recencies[total] = recency;
    totals[total] =
      r *
      (options.coverageFloor + (1 - options.coverageFloor) * coverage) *
      recencyFactor(ageHours, recency, options);
    total++;
  }
  const head = needed + DIVERSITY_WINDOW;
  // Every item that the full sort puts in the first `head` places has a total at least the
  // head-th largest total; ties at that value are all kept, and the comparator decides among them.
  const cut = total > 2 * head + 64 ? kthLargest(totals.slice(0, total), head) : Number.NEGATIVE_INFINITY;
  const pool: Scored[] = [];
  const itemOf = new Map<string, T>();
  for (let j = 0; j < total; j++) {
    if (cut !== Number.NEGATIVE_INFINITY && !(totals[j]! >= cut)) continue;
    const item = items[index[j]!]!;
    const c: RankCandidate = {
      storyId: fields.storyId(item),
      relevance: relevance[index[j]!]!,
      outletCount: fields.outletCount(item),
      newestMs: fields.newestMs(item),
      titleTerms: fields.titleTerms(item),
    };
    itemOf.set(c.storyId, item);
    pool.push({
      c,
      parts: {
        relevance: relevances[j]!,
        coverage: coverages[j]!,
        recency: recencies[j]!,
        diversity: 1,
        total: totals[j]!,
      },
    });
  }
  pool.sort(byTotal);
  const ranked = diversify(pool.length > head ? pool.slice(0, head) : pool, options, needed);
  return {
    ranked: ranked.slice(0, needed).map((r) => ({ ...r, item: itemOf.get(r.storyId)! })),
    total,
  };
}

/** R₀·fade + (1 − R₀)·recency: the recency multiplier, its floor fading over weeks. */
function recencyFactor(ageHours: number, recency: number, options: RankingOptions): number {
  const fade = 0.5 ** (ageHours / (24 * options.floorHalfLifeDays));
  return options.recencyFloor * fade + (1 - options.recencyFloor) * recency;
}

type Scored = { c: RankCandidate; parts: ScoreParts };

function byTotal(a: Scored, b: Scored): number {
  return b.parts.total - a.parts.total || a.c.storyId.localeCompare(b.c.storyId);
}

function scoreCandidates(candidates: RankCandidate[], nowMs: number, options: RankingOptions): Scored[] {
  let best = 0;
  for (const c of candidates) best = Math.max(best, c.relevance);
  if (best <= 0) return [];
  const scored: Scored[] = [];
  for (const c of candidates) {
    const relevance = c.relevance / best;
    if (relevance < options.minRelevance) continue;
    const coverage = Math.min(1, Math.log1p(c.outletCount) / Math.log1p(options.coverageSaturation));
    const ageHours = Math.max(0, (nowMs - c.newestMs) / 3_600_000);
    const recency = 0.5 ** (ageHours / options.halfLifeHours);
    const total =
      relevance *
      (options.coverageFloor + (1 - options.coverageFloor) * coverage) *
      recencyFactor(ageHours, recency, options);
    scored.push({ c, parts: { relevance, coverage, recency, diversity: 1, total } });
  }
  return scored;
}

/** The k-th largest value (1-based) of the array, which is reordered (quickselect). */
function kthLargest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target]!;
  }
  return values[target]!;
}

/**
 * Greedy re-ranking: repeatedly take the candidate with the best total after the near-repeat
 * penalty against everything already taken. Only the head of the list can change order, so the
 * work is bounded by `window` comparisons per pick.
 */
const DIVERSITY_WINDOW = 60;

function diversify(scored: Scored[], options: RankingOptions, needed: number): Ranked[] {
  const window = DIVERSITY_WINDOW;
  const out: Ranked[] = [];
  /** Every pick in order; the near-repeat check looks at the last `window` of them. */
  const picks: RankCandidate[] = [];
  const pool = scored.slice(0, Math.min(scored.length, needed + window));
  const tail = scored.slice(pool.length);
  // Per pool item, its highest title similarity to picks[from, seen): extended as picks are made
  // (the maximum does not depend on the order it is taken in), recomputed when the window moves.
  const maxSim: number[] = pool.map(() => 0);
  const from: number[] = pool.map(() => 0);
  const seen: number[] = pool.map(() => 0);
  while (pool.length > 0 && out.length < needed) {
    let bestIndex = 0;
    let bestTotal = -1;
    let bestDiversity = 1;
    const limit = Math.min(pool.length, window);
    const start = Math.max(0, picks.length - window);
    for (let i = 0; i < limit; i++) {
      const item = pool[i]!;
      if (from[i] !== start) {
        from[i] = start;
        seen[i] = start;
        maxSim[i] = 0;
      }
      let m = maxSim[i]!;
      for (let k = seen[i]!; k < picks.length; k++)
        m = Math.max(m, jaccard(item.c.titleTerms, picks[k]!.titleTerms));
      maxSim[i] = m;
      seen[i] = picks.length;
      const diversity = m < options.diversityThreshold ? 1 : 1 - options.diversityPenalty * m;
      const total = item.parts.total * diversity;
      if (total > bestTotal) {
        bestTotal = total;
        bestIndex = i;
        bestDiversity = diversity;
      }
    }
    const [picked] = pool.splice(bestIndex, 1);
    maxSim.splice(bestIndex, 1);
    from.splice(bestIndex, 1);
    seen.splice(bestIndex, 1);
    if (!picked) break;
    picks.push(picked.c);
    out.push({
      storyId: picked.c.storyId,
      score: { ...picked.parts, diversity: bestDiversity, total: picked.parts.total * bestDiversity },
    });
  }
  for (const rest of [...pool, ...tail]) out.push({ storyId: rest.c.storyId, score: rest.parts });
  return out;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
