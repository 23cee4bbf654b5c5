/**
 * Evaluates the story grouper on the dev data in shared/data (never copied into the repo).
 *
 *   npx tsx scripts/eval-grouping.ts [--seed N] [--options '{"joinThreshold":0.5}'] [--no-bench]
 *
 * Pair model — the logistic pair model (PAIR_MODEL in src/briefing/grouping.ts) is fitted here: on
 * the pairs of headlines of different outlets, the same day, sharing a term or number, with features
 * computed as the grouper does when the headlines arrive one by one in the seeded shuffle below.
 * Scenario 1 — every Google News headline alone (no clusterKey, body '', the item's date), in a
 * seeded shuffle that interleaves the items; pairwise precision / recall / F1 against the items as
 * gold stories, for the grouper and for a TF-IDF cosine average-link baseline over same-day pairs
 * (batch, so it sees every headline at once); then a 2-fold split by item: pair model and threshold
 * fitted on one half, reported on the other.
 * Scenario 2 — whole items as batches with their clusterKey, plus every dated Fox News full-text
 * article (those linked to an item belong to it, the others count as stories of their own, which
 * understates precision: some report an item's event without being listed in it): how many linked
 * ones land in their item's story, how many item–item merges happen, and the precision of the pairs
 * that span two documents.
 * Throughput — the dev headlines and a synthetic 100k-article stream built by recombining them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DEFAULT_GROUPER_OPTIONS,
  type GrouperOptions,
  type GroupInput,
  localIdf,
  type PairModel,
  StoryGrouper,
  titleFeatures,
} from '../src/briefing/grouping.js';
import { terms } from '../src/text/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const DATA_DIR = resolve(here, '../../shared/data');
const CLUSTERS = resolve(DATA_DIR, 'gnews_clusters.jsonl');
const ARTICLES = resolve(DATA_DIR, 'articles.jsonl');
const DAY = 86_400_000;

export interface Item {
  id: string;
  dayMs: number;
  headlines: { title: string; outlet: string }[];
}

export interface Headline {
  id: string;
  gold: number;
  title: string;
  outlet: string;
  publishedMs: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  predictedPairs: number;
  goldPairs: number;
}

function noonUtc(date: string): number {
  return Date.parse(`${date}T12:00:00Z`);
}

export function loadItems(): Item[] {
  const items: Item[] = [];
  for (const line of readFileSync(CLUSTERS, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const raw = JSON.parse(line) as {
      id: string;
      date: string;
      headlines: { title: string; outlet: string }[];
    };
    items.push({
      id: raw.id,
      dayMs: noonUtc(raw.date),
      headlines: raw.headlines.map((h) => ({ title: h.title, outlet: h.outlet })),
    });
  }
  return items;
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function shuffle<T>(xs: T[], seed: number): T[] {
  const out = xs.slice();
  const r = rng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Fold of an item (0 or 1) from a hash of its id. */
export function foldOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % 2;
}

export function headlinesOf(items: readonly Item[], seed: number): Headline[] {
  const out: Headline[] = [];
  items.forEach((item, gold) => {
    item.headlines.forEach((h, i) => {
      out.push({
        id: `a_${item.id.slice(3)}_${i}`,
        gold,
        title: h.title,
        outlet: h.outlet,
        publishedMs: item.dayMs,
      });
    });
  });
  return shuffle(out, seed);
}

/** Pairwise precision / recall / F1 of a predicted labelling against gold labels. */
export function pairwise(gold: readonly number[], pred: readonly string[]): Scores {
  const pairs = (counts: Map<string, number>): number => {
    let n = 0;
    for (const c of counts.values()) n += (c * (c - 1)) / 2;
    return n;
  };
  const g = new Map<string, number>();
  const p = new Map<string, number>();
  const both = new Map<string, number>();
  for (let i = 0; i < gold.length; i++) {
    const gk = String(gold[i]);
    const pk = pred[i]!;
    g.set(gk, (g.get(gk) ?? 0) + 1);
    p.set(pk, (p.get(pk) ?? 0) + 1);
    const bk = `${gk}\u0000${pk}`;
    both.set(bk, (both.get(bk) ?? 0) + 1);
  }
  const tp = pairs(both);
  const predictedPairs = pairs(p);
  const goldPairs = pairs(g);
  const precision = predictedPairs ? tp / predictedPairs : 1;
  const recall = goldPairs ? tp / goldPairs : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, predictedPairs, goldPairs };
}

export function runGrouper(
  headlines: readonly Headline[],
  options?: Partial<GrouperOptions>,
): { scores: Scores; ms: number; crossDay: number } {
  const inputs = headlines.map((h) => ({ ...h, body: '', titleTerms: terms(h.title) }));
  const grouper = new StoryGrouper(options);
  const t0 = performance.now();
  for (const input of inputs) grouper.add([input]);
  const ms = performance.now() - t0;
  const pred = headlines.map((h) => grouper.storyOf(h.id) ?? h.id);
  // Predicted pairs of headlines dated a day or more apart (never gold here: items carry one date).
  const days = new Map<string, Map<number, number>>();
  pred.forEach((story, i) => {
    const byDay = days.get(story) ?? new Map<number, number>();
    byDay.set(headlines[i]!.publishedMs, (byDay.get(headlines[i]!.publishedMs) ?? 0) + 1);
    days.set(story, byDay);
  });
  let crossDay = 0;
  for (const byDay of days.values()) {
    let n = 0;
    for (const c of byDay.values()) {
      crossDay += n * c;
      n += c;
    }
  }
  return {
    scores: pairwise(
      headlines.map((h) => h.gold),
      pred,
    ),
    ms,
    crossDay,
  };
}

/**
 * Fits the pair model: logistic regression (Newton's method, light L2) of "same item" on the pair
 * features the grouper computes (shared words, their summed local IDF, shared numbers, title
 * lengths), over the pairs of different outlets on the same day that share two or more terms, each
 * scored when its later headline arrives in the stream (as the grouper sees it).
 */
export function fitPairModel(
  headlines: readonly Headline[],
  windowMs = DEFAULT_GROUPER_OPTIONS.windowMs,
): PairModel {
  const radius = Math.ceil(windowMs / DAY);
  const seen: { h: Headline; day: number; words: Set<string>; numbers: string[] }[] = [];
  const dfDay = new Map<string, number>();
  const nDay = new Map<number, number>();
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const h of headlines) {
    const f = titleFeatures(h.title);
    const day = Math.floor(h.publishedMs / DAY);
    const x = { h, day, words: new Set(f.words), numbers: f.numbers };
    nDay.set(day, (nDay.get(day) ?? 0) + 1);
    for (const w of x.words) dfDay.set(`${w}|${day}`, (dfDay.get(`${w}|${day}`) ?? 0) + 1);
    let n = 0;
    for (let d = day - radius; d <= day + radius; d++) n += nDay.get(d) ?? 0;
    const idf = (w: string): number => {
      let df = 0;
      for (let d = day - radius; d <= day + radius; d++) df += dfDay.get(`${w}|${d}`) ?? 0;
      return localIdf(n, df);
    };
    for (const y of seen) {
      if (y.day !== day || y.h.outlet === h.outlet) continue;
      let shared = 0;
      let sumIdf = 0;
      for (const w of x.words) {
        if (!y.words.has(w)) continue;
        shared++;
        sumIdf += idf(w);
      }
      const numbers = x.numbers.filter((v) => y.numbers.includes(v)).length;
      if (shared + numbers < 2) continue;
      rows.push([1, shared, sumIdf, numbers, x.words.size + y.words.size]);
      labels.push(h.gold === y.h.gold ? 1 : 0);
    }
    seen.push(x);
  }
  const w = logistic(rows, labels);
  const r3 = (v: number): number => Math.round(v * 1000) / 1000;
  return { bias: r3(w[0]!), term: r3(w[1]!), idf: r3(w[2]!), number: r3(w[3]!), length: r3(w[4]!) };
}

/** Logistic regression weights by Newton's method, with a light L2 penalty (not on the intercept). */
function logistic(rows: readonly number[][], labels: readonly number[]): number[] {
  const k = rows[0]?.length ?? 0;
  const w = new Array<number>(k).fill(0);
  for (let iter = 0; iter < 30; iter++) {
    // Augmented Hessian [H | g], then w -= H⁻¹ g by Gaussian elimination with partial pivoting.
    const h = Array.from({ length: k }, () => new Array<number>(k + 1).fill(0));
    rows.forEach((r, i) => {
      const p = 1 / (1 + Math.exp(-r.reduce((acc, v, j) => acc + v * w[j]!, 0)));
      for (let a = 0; a < k; a++) {
        h[a]![k]! += (p - labels[i]!) * r[a]!;
        for (let b = 0; b < k; b++) h[a]![b]! += p * (1 - p) * r[a]! * r[b]!;
      }
    });
    for (let a = 1; a < k; a++) {
      h[a]![k]! += 1e-3 * rows.length * w[a]!;
      h[a]![a]! += 1e-3 * rows.length;
    }
    for (let c = 0; c < k; c++) {
      let piv = c;
      for (let r = c + 1; r < k; r++) if (Math.abs(h[r]![c]!) > Math.abs(h[piv]![c]!)) piv = r;
      [h[c], h[piv]] = [h[piv]!, h[c]!];
      for (let r = c + 1; r < k; r++) {
        const f = h[r]![c]! / h[c]![c]!;
        for (let j = c; j <= k; j++) h[r]![j]! -= f * h[c]![j]!;
      }
    }
    const step = new Array<number>(k).fill(0);
    for (let r = k - 1; r >= 0; r--) {
      let v = h[r]![k]!;
      for (let j = r + 1; j < k; j++) v -= h[r]![j]! * step[j]!;
      step[r] = v / h[r]![r]!;
    }
    for (let a = 0; a < k; a++) w[a]! -= step[a]!;
  }
  return w;
}

/**
 * Baseline: TF-IDF (term counts × ln(N/df)) cosine over `terms()` of the headline, average-link
 * agglomerative clustering (NN-chain), cut where the average similarity falls below `threshold`;
 * optionally only headlines of the same day are similar.
 */
export function runBaseline(headlines: readonly Headline[], threshold: number, sameDayOnly = false): Scores {
  const n = headlines.length;
  const docs = headlines.map((h) => {
    const tf = new Map<string, number>();
    for (const t of terms(h.title)) tf.set(t, (tf.get(t) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const vecs = docs.map((d) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, c] of d) {
      const w = c * Math.log(n / df.get(t)!);
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
  const sim = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let dot = 0;
      const [a, b] = vecs[i]!.size < vecs[j]!.size ? [vecs[i]!, vecs[j]!] : [vecs[j]!, vecs[i]!];
      for (const [t, w] of a) dot += w * (b.get(t) ?? 0);
      if (sameDayOnly && headlines[i]!.publishedMs !== headlines[j]!.publishedMs) dot = 0;
      sim[i * n + j] = dot;
      sim[j * n + i] = dot;
    }
  }
  // NN-chain average linkage on similarities; cluster representative = lowest index.
  const size = new Int32Array(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const merges: { a: number; b: number; s: number }[] = [];
  const chain: number[] = [];
  let remaining = n;
  while (remaining > 1) {
    if (chain.length === 0) chain.push(active.indexOf(1));
    const top = chain[chain.length - 1]!;
    let best = -1;
    let bestSim = -Infinity;
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === top) continue;
      const s = sim[top * n + k]!;
      if (s > bestSim) {
        bestSim = s;
        best = k;
      }
    }
    const prev = chain.length > 1 ? chain[chain.length - 2]! : -1;
    if (prev >= 0 && sim[top * n + prev]! >= bestSim) {
      chain.pop();
      chain.pop();
      const [a, b] = prev < top ? [prev, top] : [top, prev];
      merges.push({ a, b, s: sim[a * n + b]! });
      for (let k = 0; k < n; k++) {
        if (!active[k] || k === a || k === b) continue;
        const v = (size[a]! * sim[a * n + k]! + size[b]! * sim[b * n + k]!) / (size[a]! + size[b]!);
        sim[a * n + k] = v;
        sim[k * n + a] = v;
      }
      size[a] = size[a]! + size[b]!;
      active[b] = 0;
      remaining--;
    } else {
      chain.push(best);
    }
  }
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const m of merges.sort((p, q) => q.s - p.s)) {
    if (m.s < threshold) break;
    parent[find(m.b)] = find(m.a);
  }
  return pairwise(
    headlines.map((h) => h.gold),
    headlines.map((_, i) => String(find(i))),
  );
}

/** Scenario 2: items as clustered batches plus the Fox full-text articles linked to items. */
export function runScenario2(
  items: readonly Item[],
  seed: number,
  options?: Partial<GrouperOptions>,
): {
  foxInGold: number;
  fox: number;
  foxLinked: number;
  itemMerges: number;
  crossPrecision: number;
  crossPairs: number;
} {
  const fox: { title: string; body: string; dayMs: number; gold: string }[] = [];
  if (existsSync(ARTICLES)) {
    for (const line of readFileSync(ARTICLES, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const a = JSON.parse(line) as {
        title: string;
        body: string;
        date: string | null;
        gnews_cluster_id?: string;
      };
      // Every dated Fox article, with its full text: those linked to an item belong to it, the
      // others are counted as stories of their own (the gold does not say which event they report).
      if (a.date) {
        fox.push({
          title: a.title,
          body: a.body,
          dayMs: noonUtc(a.date),
          gold: a.gnews_cluster_id ?? `fox:${fox.length}`,
        });
      }
    }
  }
  type Doc = { batch: GroupInput[]; gold: string };
  const docs: Doc[] = items.map((item) => ({
    gold: item.id,
    batch: item.headlines.map((h, i) => ({
      id: `a_${item.id.slice(3)}_${i}`,
      title: h.title,
      body: '',
      outlet: h.outlet,
      publishedMs: item.dayMs,
      clusterKey: item.id,
    })),
  }));
  fox.forEach((f, i) => {
    docs.push({
      gold: f.gold,
      batch: [{ id: `a_fox${i}`, title: f.title, body: f.body, outlet: 'Fox News', publishedMs: f.dayMs }],
    });
  });
  const order = shuffle(docs, seed);
  const grouper = new StoryGrouper(options);
  for (const d of order) grouper.add(d.batch);
  const goldOf = new Map<string, string>();
  const docOf = new Map<string, number>();
  order.forEach((d, i) => {
    for (const a of d.batch) {
      goldOf.set(a.id, d.gold);
      docOf.set(a.id, i);
    }
  });
  let foxInGold = 0;
  fox.forEach((f, i) => {
    const s = grouper.storyOf(`a_fox${i}`);
    if (s && grouper.members(s).some((m) => !m.startsWith('a_fox') && goldOf.get(m) === f.gold)) foxInGold++;
  });
  let itemMerges = 0;
  let cross = 0;
  let crossTrue = 0;
  for (const story of grouper.stories()) {
    const golds = new Set<string>();
    for (const m of story.articleIds) if (!m.startsWith('a_fox')) golds.add(goldOf.get(m)!);
    itemMerges += Math.max(0, golds.size - 1);
    const ids = story.articleIds;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        if (docOf.get(ids[i]!) === docOf.get(ids[j]!)) continue;
        cross++;
        if (goldOf.get(ids[i]!) === goldOf.get(ids[j]!)) crossTrue++;
      }
    }
  }
  return {
    foxInGold,
    fox: fox.length,
    foxLinked: fox.filter((f) => !f.gold.startsWith('fox:')).length,
    itemMerges,
    crossPrecision: cross ? crossTrue / cross : 1,
    crossPairs: cross,
  };
}

/**
 * A synthetic stream recombining dev-headline words: each event has 2–4 core words drawn from the
 * distinct words (mostly rare ones) and a day in a 30-day span; each of its 1–12 reports mixes the
 * core words with filler drawn from the running text of all headlines (so common words stay
 * common), from a random outlet, at a random time of that day.
 */
export function synthetic(
  items: readonly Item[],
  count: number,
  seed: number,
): (GroupInput & { event: number })[] {
  const r = rng(seed);
  const tokens: string[] = [];
  const outlets: string[] = [];
  for (const item of items) {
    for (const h of item.headlines) {
      for (const w of h.title.split(/\s+/)) if (w) tokens.push(w);
      outlets.push(h.outlet);
    }
  }
  const distinct = [...new Set(tokens)];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: (GroupInput & { event: number })[] = [];
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (let event = 0; out.length < count; event++) {
    const core = Array.from({ length: 2 + Math.floor(r() * 3) }, () => pick(distinct));
    const day = start + Math.floor(r() * 30) * DAY;
    const reports = 1 + Math.floor(12 * r() ** 3);
    for (let k = 0; k < reports && out.length < count; k++) {
      const filler = Array.from({ length: 4 + Math.floor(r() * 6) }, () => pick(tokens));
      const words = [...core.filter(() => r() < 0.85), ...filler];
      out.push({
        id: `a_syn${out.length}`,
        title: shuffle(words, Math.floor(r() * 1e9)).join(' '),
        body: '',
        outlet: pick(outlets),
        publishedMs: day + Math.floor(r() * DAY),
        event,
      });
    }
  }
  return shuffle(out, seed + 1);
}

function pct(x: number): string {
  return (100 * x).toFixed(1).padStart(5);
}

function line(label: string, s: Scores): string {
  return `${label.padEnd(44)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  (pairs ${s.predictedPairs}/${s.goldPairs})`;
}

const JOIN_GRID = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8];
// The baseline's cut is tuned the same way (best F1 with precision ≥ 0.9 on the tuning half).
const BASE_GRID = [0.1, 0.125, 0.15, 0.175, 0.2, 0.225, 0.25, 0.3, 0.35, 0.4, 0.5];

/** Highest F1 among settings with precision ≥ 0.9 on the tuning half (else highest precision). */
function pick<T>(grid: readonly T[], score: (x: T) => Scores): T {
  let best: T = grid[0] as T;
  let bestKey = -Infinity;
  for (const x of grid) {
    const s = score(x);
    const key = s.precision >= 0.9 ? 1 + s.f1 : s.precision;
    if (key > bestKey) {
      bestKey = key;
      best = x;
    }
  }
  return best;
}

function main(): void {
  if (!existsSync(CLUSTERS)) {
    console.log(`eval-grouping: ${CLUSTERS} not found; nothing to evaluate.`);
    return;
  }
  const args = process.argv.slice(2);
  const seedArg = args.indexOf('--seed');
  const seed = seedArg >= 0 ? Number(args[seedArg + 1]) : 1;
  const optArg = args.indexOf('--options');
  const options: Partial<GrouperOptions> = optArg >= 0 ? JSON.parse(args[optArg + 1]!) : {};
  const items = loadItems();
  const all = headlinesOf(items, seed);
  const model = (m: PairModel): string => JSON.stringify(m).replace(/"/g, '');
  console.log(`Pair model fitted on all items (seed ${seed}): ${model(fitPairModel(all))}`);
  console.log(
    `\nScenario 1: ${all.length} headlines of ${items.length} Google News items, one per batch (seed ${seed})`,
  );
  console.log(`Options: ${JSON.stringify({ ...DEFAULT_GROUPER_OPTIONS, ...options }).replace(/"/g, '')}`);
  const full = runGrouper(all, options);
  console.log(line('StoryGrouper', full.scores));
  const sameDay = full.scores.predictedPairs - full.crossDay;
  console.log(
    `  of which ${full.crossDay} pairs a day or more apart (false by construction); precision of the same-day pairs ${pct((full.scores.precision * full.scores.predictedPairs) / sameDay)}%`,
  );
  for (const t of [0.15, 0.2, 0.25]) {
    console.log(line(`Baseline, same-day pairs only, ≥ ${t}`, runBaseline(all, t, true)));
  }
  console.log(line('Baseline, all pairs, ≥ 0.2', runBaseline(all, 0.2)));

  console.log('\n2-fold by item (pair model and threshold fitted on one half, reported on the other):');
  const halves = [0, 1].map((f) =>
    headlinesOf(
      items.filter((it) => foldOf(it.id) === f),
      seed,
    ),
  );
  for (const [tune, test] of [
    [0, 1],
    [1, 0],
  ] as const) {
    const fitted = { ...options, model: fitPairModel(halves[tune]!) };
    const join = pick(JOIN_GRID, (t) => runGrouper(halves[tune]!, { ...fitted, joinThreshold: t }).scores);
    const base = pick(BASE_GRID, (t) => runBaseline(halves[tune]!, t, true));
    console.log(`  fold ${tune}: ${model(fitted.model)}, joinThreshold ${join}; baseline ${base}`);
    console.log(
      line(
        `    fold ${test}: StoryGrouper (fitted on ${tune})`,
        runGrouper(halves[test]!, { ...fitted, joinThreshold: join }).scores,
      ),
    );
    console.log(line(`    fold ${test}: StoryGrouper (shipped)`, runGrouper(halves[test]!, options).scores));
    console.log(
      line(`    fold ${test}: Baseline same-day (tuned on ${tune})`, runBaseline(halves[test]!, base, true)),
    );
  }

  console.log('\nScenario 2: items as clustered batches + every dated Fox full-text article');
  const s2 = runScenario2(items, seed, options);
  console.log(
    `  Fox articles: ${s2.fox}, of which linked to an item ${s2.foxLinked}; linked ones in their item's story: ${s2.foxInGold}/${s2.foxLinked}`,
  );
  console.log(
    `  item–item merges (false by construction): ${s2.itemMerges}; cross-document pair precision ${pct(s2.crossPrecision)}% of ${s2.crossPairs} pairs`,
  );
  for (const f of [0, 1]) {
    const half = runScenario2(
      items.filter((it) => foldOf(it.id) === f),
      seed,
      options,
    );
    console.log(
      `  fold ${f}: linked Fox ${half.foxInGold}/${half.foxLinked}, item–item merges ${half.itemMerges}, cross-document precision ${pct(half.crossPrecision)}% of ${half.crossPairs}`,
    );
  }

  if (args.includes('--no-bench')) return;
  console.log('\nThroughput (one core; add() only, with titleTerms passed in as the engine does):');
  const devRun = runGrouper(all, options);
  console.log(
    `  dev headlines: ${all.length} in ${devRun.ms.toFixed(1)} ms = ${((1000 * devRun.ms) / all.length).toFixed(1)} µs/article`,
  );
  const syn = synthetic(items, 100_000, seed);
  const tt = performance.now();
  const inputs = syn.map((a) => ({
    id: a.id,
    title: a.title,
    body: '',
    outlet: a.outlet,
    publishedMs: a.publishedMs,
    titleTerms: terms(a.title),
  }));
  const termsUs = ((performance.now() - tt) * 1000) / syn.length;
  const heap0 = process.memoryUsage().heapUsed;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const g = new StoryGrouper(options);
  for (const input of inputs) g.add([input]);
  const ms = performance.now() - t0;
  const cpuUs = process.cpuUsage(cpu0).user / syn.length;
  const heap1 = process.memoryUsage().heapUsed;
  let stories = 0;
  for (const _ of g.stories()) stories++;
  const synScores = pairwise(
    syn.map((a) => a.event),
    syn.map((a) => g.storyOf(a.id) ?? a.id),
  );
  const us = (1000 * ms) / syn.length;
  console.log(
    `  synthetic: ${syn.length} articles in ${ms.toFixed(0)} ms = ${us.toFixed(1)} µs/article wall, ${cpuUs.toFixed(1)} µs CPU (${Math.round((syn.length * 1000) / ms)}/s); terms() alone ${termsUs.toFixed(1)} µs/article (grouping = ${(us / termsUs).toFixed(2)}× terms)`,
  );
  console.log(`  ${stories} stories, heap +${((heap1 - heap0) / 1e6).toFixed(0)} MB (before GC)`);
  console.log(line('  synthetic events recovered', synScores));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
