/**
 * The sentence selection behind `summarizeArticle`: score each candidate sentence by centrality
 * (how much of its vocabulary the other lead sentences share), similarity to the title and a lead
 * prior, discount weak forms, then pick greedily with an MMR-style redundancy check inside the
 * character budget, stopping when the next sentence is worth much less than the first, and return
 * the picks in document order.
 *
 * Vectors are binary sets of term ids from the shared analyser (text/analyser.ts); document frequencies and marks
 * live in shared typed arrays reset by a per-document stamp, so a call allocates little and does
 * no quadratic work beyond candidates × picks.
 */

import { analyseDistinct, shared } from '../text/analyser.js';
import { type Candidate, extractCandidates } from './summarize-candidates.js';

/** Scoring knobs. The defaults are set a priori and checked by a 2-fold split in the eval script. */
export interface RankWeights {
  /** Weight of the lead prior 1 / (1 + position), in [0, 1]. */
  lead: number;
  /** Weight of the cosine similarity to the title, in [0, 1]; centrality gets the rest. */
  title: number;
  /** Multiplier per weak form (question, fragment, unattributed quote, dangling opening). */
  flawPenalty: number;
  /** A candidate whose cosine to a picked sentence exceeds this is redundant and never picked. */
  redundancy: number;
  /** MMR trade-off: score minus this times the highest cosine to a picked sentence. */
  novelty: number;
  /** Only the first this many candidate sentences are considered. */
  candidates: number;
  /**
   * A sentence after the first is added only when its value (score minus the novelty penalty)
   * reaches this share of the first pick's score: a summary is not padded with weak sentences.
   */
  follow: number;
}

export const DEFAULT_RANK_WEIGHTS: RankWeights = {
  lead: 0.3,
  title: 0.15,
  flawPenalty: 0.6,
  redundancy: 0.5,
  novelty: 0.3,
  candidates: 10,
  follow: 0.35,
};

/**
 * When the best sentence is longer than the budget, a sentence that fits is used instead if its
 * score is at least this fraction of the best one's; otherwise the best one is cut.
 */
const CLOSE_ENOUGH = 0.7;
const ELLIPSIS = '…';
const TRAILING_PUNCTUATION = /[\s,;:—–-]+$/u;

/**
 * Shared scratch per term id, interleaved so that one id's fields share a cache line: the stamp of
 * the document that last counted it, its document frequency there, and the stamps of the title
 * and of the latest pick that contain it. A field counts only when its stamp is the current one.
 */
const DOC = 0;
const FREQUENCY = 1;
const TITLE = 2;
const PICKED = 3;
const FIELDS = 4;
let perTerm = new Int32Array(4096 * FIELDS);
let stamp = 0;
// Per-candidate scratch, grown with the candidate cap.
let centrality = new Float64Array(64);
let titleSim = new Float64Array(64);
let score = new Float64Array(64);
let similarity = new Float64Array(64);
let closed = new Uint8Array(64);

function nextStamp(): number {
  if (stamp >= 0x7ffffff0) {
    perTerm.fill(0);
    stamp = 0;
  }
  return ++stamp;
}

function ensureCapacity(terms: number): void {
  if (terms * FIELDS <= perTerm.length) return;
  let n = perTerm.length;
  while (n < terms * FIELDS) n *= 2;
  const grown = new Int32Array(n);
  grown.set(perTerm);
  perTerm = grown;
}

/** Summary text for `body`: see `summarizeArticle`. */
export function rankSentences(
  title: string,
  body: string,
  maxChars: number,
  maxSentences: number,
  weights: RankWeights = DEFAULT_RANK_WEIGHTS,
): string {
  if (maxChars <= 0 || maxSentences <= 0) return '';
  const candidates = extractCandidates(body, weights.candidates);
  if (candidates.length === 0) return '';
  const n = candidates.length;
  const vectors = candidates.map((c) => c.ids);
  const titleIds = analyseDistinct(title).ids;
  ensureCapacity(shared.size);

  const doc = nextStamp();
  for (const v of vectors) {
    for (const id of v) {
      const at = id * FIELDS;
      if (perTerm[at + DOC] !== doc) {
        perTerm[at + DOC] = doc;
        perTerm[at + FREQUENCY] = 0;
      }
      perTerm[at + FREQUENCY]!++;
    }
  }
  const titled = nextStamp();
  for (const id of titleIds) perTerm[id * FIELDS + TITLE] = titled;

  if (n > score.length) {
    centrality = new Float64Array(n);
    titleSim = new Float64Array(n);
    score = new Float64Array(n);
    similarity = new Float64Array(n);
    closed = new Uint8Array(n);
  }
  let maxCentrality = 0;
  let maxTitle = 0;
  for (let i = 0; i < n; i++) {
    const v = vectors[i]!;
    if (v.length === 0) continue;
    let shared = 0;
    let inTitle = 0;
    for (const id of v) {
      const at = id * FIELDS;
      shared += perTerm[at + FREQUENCY]! - 1;
      if (perTerm[at + TITLE] === titled) inTitle++;
    }
    centrality[i] = shared / Math.sqrt(v.length);
    titleSim[i] = titleIds.length > 0 ? inTitle / Math.sqrt(v.length * titleIds.length) : 0;
    if (centrality[i]! > maxCentrality) maxCentrality = centrality[i]!;
    if (titleSim[i]! > maxTitle) maxTitle = titleSim[i]!;
  }
  const wLead = weights.lead;
  const wTitle = maxTitle > 0 ? weights.title : 0;
  const wCentral = Math.max(0, 1 - wLead - wTitle);
  let top = 0;
  for (let i = 0; i < n; i++) {
    const c = maxCentrality > 0 ? centrality[i]! / maxCentrality : 0;
    const t = maxTitle > 0 ? titleSim[i]! / maxTitle : 0;
    const base = wCentral * c + wTitle * t + wLead / (1 + candidates[i]!.position);
    score[i] = base * weights.flawPenalty ** candidates[i]!.flaws;
    if (score[i]! > score[top]!) top = i;
  }
  return pick(candidates, vectors, top, maxChars, maxSentences, weights);
}

function pick(
  candidates: Candidate[],
  vectors: number[][],
  top: number,
  maxChars: number,
  maxSentences: number,
  weights: RankWeights,
): string {
  const n = candidates.length;
  const topText = candidates[top]!.text;
  if (topText.length > maxChars) {
    let fitting = -1;
    for (let i = 0; i < n; i++) {
      if (candidates[i]!.text.length <= maxChars && (fitting < 0 || score[i]! > score[fitting]!)) fitting = i;
    }
    if (fitting < 0 || score[fitting]! < CLOSE_ENOUGH * score[top]!) return cutAtWord(topText, maxChars);
  }

  const chosen: number[] = [];
  // similarity[i]: highest cosine to a picked sentence; closed[i]: picked or ruled out.
  similarity.fill(0, 0, n);
  closed.fill(0, 0, n);
  let used = 0;
  while (chosen.length < maxSentences) {
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      if (closed[i]) continue;
      if (similarity[i]! > weights.redundancy) {
        closed[i] = 1;
        continue;
      }
      if (used + candidates[i]!.text.length + (chosen.length > 0 ? 1 : 0) > maxChars) continue;
      const value = score[i]! - weights.novelty * similarity[i]!;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0 || (chosen.length > 0 && bestValue < weights.follow * score[chosen[0]!]!)) break;
    closed[best] = 1;
    used += candidates[best]!.text.length + (chosen.length > 0 ? 1 : 0);
    chosen.push(best);
    updateSimilarity(vectors, vectors[best]!);
  }
  chosen.sort((a, b) => a - b);
  return chosen.map((i) => candidates[i]!.text).join(' ');
}

/** Raise each open candidate's similarity to the highest cosine with a picked sentence. */
function updateSimilarity(vectors: number[][], picked: number[]): void {
  if (picked.length === 0) return;
  const mark = nextStamp();
  for (const id of picked) perTerm[id * FIELDS + PICKED] = mark;
  for (let i = 0; i < vectors.length; i++) {
    if (closed[i]) continue;
    const v = vectors[i]!;
    if (v.length === 0) continue;
    let shared = 0;
    for (const id of v) if (perTerm[id * FIELDS + PICKED] === mark) shared++;
    const cosine = shared / Math.sqrt(v.length * picked.length);
    if (cosine > similarity[i]!) similarity[i] = cosine;
  }
}

/** `text` cut at the last word boundary that leaves room for "…" within `maxChars`. */
export function cutAtWord(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const room = maxChars - ELLIPSIS.length;
  if (room <= 0) return '';
  let end = room;
  // A cut is at a word boundary when the next character is a space.
  while (end > 0 && text.charCodeAt(end) !== 32) end--;
  const head = text.slice(0, end).replace(TRAILING_PUNCTUATION, '');
  return head.length > 0 ? head + ELLIPSIS : '';
}
