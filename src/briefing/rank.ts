import type { ScoreParts } from '../model.js';

/**
 * Story ranking. See docs/ranking.md for the formula and its reasoning:
 *
 *   total = relevance × (C₀ + (1 − C₀)·coverage) × (R₀ + (1 − R₀)·recency) × diversity
 *
 * - relevance: the story's best article BM25F score, scaled by the share of query terms it matched,
 *   divided by the best story's, so the top match is 1;
 * - coverage: log(1 + distinct outlets) / log(1 + saturation outlets), capped at 1;
 * - recency: 0.5 ^ (age of the newest article / half-life), the clock passed in;
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
  /** Title similarity (Jaccard of terms) above which a story counts as a near-repeat. @defaultValue 0.35 */
  diversityThreshold: number;
  /** Strength of the near-repeat penalty. @defaultValue 0.6 */
  diversityPenalty: number;
  /** Stories below this share of the best relevance are left out. @defaultValue 0.08 */
  minRelevance: number;
}

export const DEFAULT_RANKING: RankingOptions = {
  halfLifeHours: 36,
  coverageSaturation: 8,
  coverageFloor: 0.6,
  recencyFloor: 0.3,
  diversityThreshold: 0.35,
  diversityPenalty: 0.6,
  minRelevance: 0.08,
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
  let best = 0;
  for (const c of candidates) best = Math.max(best, c.relevance);
  if (best <= 0) return [];
  const scored: Array<{ c: RankCandidate; parts: ScoreParts }> = [];
  for (const c of candidates) {
    const relevance = c.relevance / best;
    if (relevance < options.minRelevance) continue;
    const coverage = Math.min(1, Math.log1p(c.outletCount) / Math.log1p(options.coverageSaturation));
    const ageHours = Math.max(0, (nowMs - c.newestMs) / 3_600_000);
    const recency = 0.5 ** (ageHours / options.halfLifeHours);
    const total =
      relevance *
      (options.coverageFloor + (1 - options.coverageFloor) * coverage) *
      (options.recencyFloor + (1 - options.recencyFloor) * recency);
    scored.push({ c, parts: { relevance, coverage, recency, diversity: 1, total } });
  }
  scored.sort((a, b) => b.parts.total - a.parts.total || a.c.storyId.localeCompare(b.c.storyId));
  return diversify(scored, options, needed);
}

/**
 * Greedy re-ranking: repeatedly take the candidate with the best total after the near-repeat
 * penalty against everything already taken. Only the head of the list can change order, so the
 * work is bounded by `window` comparisons per pick.
 */
function diversify(
  scored: Array<{ c: RankCandidate; parts: ScoreParts }>,
  options: RankingOptions,
  needed: number,
): Ranked[] {
  const window = 60;
  const out: Ranked[] = [];
  const taken: RankCandidate[] = [];
  const pool = scored.slice(0, Math.min(scored.length, needed + window));
  const tail = scored.slice(pool.length);
  while (pool.length > 0 && out.length < needed) {
    let bestIndex = 0;
    let bestTotal = -1;
    let bestDiversity = 1;
    const limit = Math.min(pool.length, window);
    for (let i = 0; i < limit; i++) {
      const item = pool[i]!;
      const diversity = diversityFactor(item.c, taken, options);
      const total = item.parts.total * diversity;
      if (total > bestTotal) {
        bestTotal = total;
        bestIndex = i;
        bestDiversity = diversity;
      }
    }
    const [picked] = pool.splice(bestIndex, 1);
    if (!picked) break;
    taken.push(picked.c);
    if (taken.length > window) taken.shift();
    out.push({
      storyId: picked.c.storyId,
      score: { ...picked.parts, diversity: bestDiversity, total: picked.parts.total * bestDiversity },
    });
  }
  for (const rest of [...pool, ...tail]) out.push({ storyId: rest.c.storyId, score: rest.parts });
  return out;
}

function diversityFactor(c: RankCandidate, taken: RankCandidate[], options: RankingOptions): number {
  let maxSim = 0;
  for (const t of taken) maxSim = Math.max(maxSim, jaccard(c.titleTerms, t.titleTerms));
  if (maxSim < options.diversityThreshold) return 1;
  return 1 - options.diversityPenalty * maxSim;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
