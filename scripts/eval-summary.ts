/**
 * Evaluates the extractive summariser on the dev data in ../shared/data/articles.jsonl (Fox News
 * standfirsts and BBC News extractive summaries as references): ROUGE-1/2 precision, recall and F1
 * per collection and overall, next to Lead-1, Lead-3 and budget-matched lead baselines; a 2-fold
 * check of the scoring weights (tune on one half, report on the other); a debris audit (all-caps
 * lines, boilerplate, captions, mid-word cuts); throughput; and a look at headline summaries on
 * ../shared/data/gnews_clusters.jsonl.
 *
 *   npx tsx scripts/eval-summary.ts [--data <articles.jsonl>] [--examples <n>]
 *
 * The data is read in place and never copied. Exits 0 with a message when it is missing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SUMMARY_OPTIONS, summarizeArticle, summarizeHeadlines } from '../src/briefing/summarize.js';
import { extractCandidates } from '../src/briefing/summarize-candidates.js';
import {
  cutAtWord,
  DEFAULT_RANK_WEIGHTS,
  type RankWeights,
  rankSentences,
} from '../src/briefing/summarize-rank.js';
import { splitSentences } from '../src/text/sentences.js';

interface ArticleRecord {
  id: string;
  title: string;
  body: string;
  reference_summary: string | null;
  collection: string;
}

interface Doc {
  id: string;
  title: string;
  body: string;
  reference: string;
  collection: 'fox' | 'bbc';
  fold: 0 | 1;
}

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const argValue = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataPath = resolve(argValue('--data') ?? join(here, '../../shared/data/articles.jsonl'));
const examples = Number(argValue('--examples') ?? 0);
const { maxChars, maxSentences } = DEFAULT_SUMMARY_OPTIONS;

// ---------------------------------------------------------------------------------------------
// ROUGE-N: tokens are lower-cased words (letters and digits), no stemming, clipped n-gram counts.

const WORD = /[\p{L}\p{N}]+/gu;

function ngrams(text: string, n: number): Map<string, number> {
  const tokens = text.toLowerCase().match(WORD) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    out.set(gram, (out.get(gram) ?? 0) + 1);
  }
  return out;
}

interface Prf {
  p: number;
  r: number;
  f: number;
}

function rouge(system: Map<string, number>, reference: Map<string, number>): Prf {
  let overlap = 0;
  let sysTotal = 0;
  let refTotal = 0;
  for (const c of system.values()) sysTotal += c;
  for (const [gram, c] of reference) {
    refTotal += c;
    overlap += Math.min(c, system.get(gram) ?? 0);
  }
  const p = sysTotal > 0 ? overlap / sysTotal : 0;
  const r = refTotal > 0 ? overlap / refTotal : 0;
  return { p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

interface Scores {
  r1: Prf;
  r2: Prf;
  chars: number;
  n: number;
}

type Summarizer = (doc: Doc) => string;

const refCache = new Map<string, [Map<string, number>, Map<string, number>]>();
function refGrams(doc: Doc): [Map<string, number>, Map<string, number>] {
  let grams = refCache.get(doc.id);
  if (grams === undefined) {
    grams = [ngrams(doc.reference, 1), ngrams(doc.reference, 2)];
    refCache.set(doc.id, grams);
  }
  return grams;
}

function evaluate(docs: Doc[], summarize: Summarizer): Scores {
  const total: Scores = { r1: { p: 0, r: 0, f: 0 }, r2: { p: 0, r: 0, f: 0 }, chars: 0, n: 0 };
  for (const doc of docs) {
    const summary = summarize(doc);
    const [ref1, ref2] = refGrams(doc);
    const a = rouge(ngrams(summary, 1), ref1);
    const b = rouge(ngrams(summary, 2), ref2);
    for (const k of ['p', 'r', 'f'] as const) {
      total.r1[k] += a[k];
      total.r2[k] += b[k];
    }
    total.chars += summary.length;
    total.n++;
  }
  for (const k of ['p', 'r', 'f'] as const) {
    total.r1[k] /= Math.max(1, total.n);
    total.r2[k] /= Math.max(1, total.n);
  }
  total.chars /= Math.max(1, total.n);
  return total;
}

// ---------------------------------------------------------------------------------------------
// Baselines.

const lead =
  (k: number): Summarizer =>
  (doc) =>
    splitSentences(doc.body).slice(0, k).join(' ');

/** Leading sentences of the raw body while they fit maxChars (the first cut at a word if too long). */
const leadBudget: Summarizer = (doc) => leadWithin(splitSentences(doc.body));
/** The same, over the summariser's cleaned candidate sentences: isolates the value of the scoring. */
const leadBudgetClean: Summarizer = (doc) =>
  leadWithin(extractCandidates(doc.body, DEFAULT_RANK_WEIGHTS.candidates).map((c) => c.text));

function leadWithin(sentences: string[]): string {
  const out: string[] = [];
  let used = 0;
  for (const s of sentences) {
    if (out.length >= maxSentences) break;
    const cost = s.length + (out.length > 0 ? 1 : 0);
    if (used + cost > maxChars) {
      if (out.length === 0) return cutAtWord(s, maxChars);
      break;
    }
    out.push(s);
    used += cost;
  }
  return out.join(' ');
}

const ours: Summarizer = (doc) => summarizeArticle(doc.title, doc.body);
const withWeights =
  (weights: RankWeights): Summarizer =>
  (doc) =>
    rankSentences(doc.title, doc.body, maxChars, maxSentences, weights);

// ---------------------------------------------------------------------------------------------
// Debris audit: independent of the summariser's own filters.

const DEBRIS: Array<[string, RegExp]> = [
  [
    'boilerplate',
    /click here|sign up|javascript|your browser|fox news app|\bsubscribe\b|newsletter|all rights reserved|continue reading|https?:\/\//i,
  ],
  [
    'caption/credit',
    /\([^)]*\b(?:Photo|Images)\b[^)]*\)|\bphoto\s*(?:by|:|\/)|\|\s*[A-Z]{2,}|getty images|\((?:AP|AFP|Reuters|Kyodo)\)$/i,
  ],
  ['all-caps run', /(?:\b[A-Z][A-Z'’-]+[\s,:]+){4,}[A-Z][A-Z'’-]+\b/],
  ['dateline', /^[A-Z]{3,}[A-Z ,.]*(?:\([^)]*\))?\s*[—–-]\s/],
];

/** Mostly capitals: at least 8 letters, 70% of them upper-case. */
function isShouted(sentence: string): boolean {
  const letters = sentence.match(/\p{L}/gu)?.length ?? 0;
  const upper = sentence.match(/\p{Lu}/gu)?.length ?? 0;
  return letters >= 8 && upper >= 0.7 * letters;
}

function auditSummary(summary: string): string[] {
  const found: string[] = [];
  if (summary.length === 0) return found;
  for (const [name, re] of DEBRIS) if (re.test(summary)) found.push(name);
  if (splitSentences(summary).some(isShouted)) found.push('shouted sentence');
  if (!/[.!?]["'”’)\]]*$|…$/.test(summary)) found.push('no final stop (cut mid-sentence?)');
  if (summary.length > maxChars) found.push('over budget');
  return found;
}

// ---------------------------------------------------------------------------------------------
// Reporting helpers.

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
function row(name: string, s: Scores): string {
  return (
    `  ${name.padEnd(24)} R1 P/R/F ${pct(s.r1.p)} ${pct(s.r1.r)} ${pct(s.r1.f)}   ` +
    `R2 P/R/F ${pct(s.r2.p)} ${pct(s.r2.r)} ${pct(s.r2.f)}   ${s.chars.toFixed(0).padStart(4)} chars`
  );
}

function foldOf(id: string): 0 | 1 {
  return (createHash('sha1').update(id).digest()[0]! & 1) as 0 | 1;
}

function loadDocs(): Doc[] {
  const docs: Doc[] = [];
  for (const line of readFileSync(dataPath, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as ArticleRecord;
    if (!r.reference_summary) continue;
    docs.push({
      id: r.id,
      title: r.title,
      // The ingest module hands bodies over with paragraphs separated by blank lines.
      body: r.body.split('\n').join('\n\n'),
      reference: r.reference_summary,
      collection: r.id.startsWith('bbc') ? 'bbc' : 'fox',
      fold: foldOf(r.id),
    });
  }
  return docs;
}

// ---------------------------------------------------------------------------------------------

function main(): void {
  if (!existsSync(dataPath)) {
    console.log(`No evaluation data at ${dataPath}; nothing to evaluate.`);
    return;
  }
  const docs = loadDocs();
  const groups: Array<[string, Doc[]]> = [
    ['fox (standfirst ref)', docs.filter((d) => d.collection === 'fox')],
    ['bbc (extractive ref)', docs.filter((d) => d.collection === 'bbc')],
    ['overall', docs],
  ];
  console.log(
    `${docs.length} articles with a reference summary; budget ${maxChars} chars, ≤ ${maxSentences} sentences; ` +
      'ROUGE macro-averaged over articles (%).\n',
  );

  const systems: Array<[string, Summarizer]> = [
    ['Lead-1', lead(1)],
    ['Lead-3', lead(3)],
    ['Lead, budget-matched', leadBudget],
    ['Lead, budget, cleaned', leadBudgetClean],
    ['summarizeArticle', ours],
  ];
  for (const [name, group] of groups) {
    console.log(`${name}: ${group.length} articles`);
    for (const [sys, f] of systems) console.log(row(sys, evaluate(group, f)));
    console.log();
  }

  twoFold(docs);
  audit(docs, systems);
  throughput(docs);
  candidateCap(docs);
  followShare(docs);
  headlines();
  if (examples > 0) showExamples(docs, examples);
}

function twoFold(docs: Doc[]): void {
  const grid: RankWeights[] = [];
  for (const leadW of [0.1, 0.2, 0.3, 0.4, 0.5]) {
    for (const titleW of [0, 0.15, 0.3, 0.45]) {
      if (leadW + titleW <= 0.9) grid.push({ ...DEFAULT_RANK_WEIGHTS, lead: leadW, title: titleW });
    }
  }
  console.log(
    `2-fold check (folds by a hash of the article id; ${grid.length} settings of the lead and title ` +
      'weights tuned on one half by overall ROUGE-2 F1, reported on the other):',
  );
  for (const tuneFold of [0, 1] as const) {
    const tune = docs.filter((d) => d.fold === tuneFold);
    const test = docs.filter((d) => d.fold !== tuneFold);
    let best = grid[0]!;
    let bestF = -1;
    for (const w of grid) {
      const f = evaluate(tune, withWeights(w)).r2.f;
      if (f > bestF) {
        bestF = f;
        best = w;
      }
    }
    console.log(
      `  tuned on fold ${tuneFold} (${tune.length}): lead ${best.lead}, title ${best.title} ` +
        `(defaults: lead ${DEFAULT_RANK_WEIGHTS.lead}, title ${DEFAULT_RANK_WEIGHTS.title}); ` +
        `reported on fold ${1 - tuneFold} (${test.length}):`,
    );
    for (const collection of ['fox', 'bbc', 'all'] as const) {
      const part = collection === 'all' ? test : test.filter((d) => d.collection === collection);
      const tuned = evaluate(part, withWeights(best));
      const defaults = evaluate(part, ours);
      const l1 = evaluate(part, lead(1));
      const l3 = evaluate(part, lead(3));
      const lb = evaluate(part, leadBudget);
      console.log(
        `    ${collection.padEnd(4)} R2 F1: tuned ${pct(tuned.r2.f)}  defaults ${pct(defaults.r2.f)}  ` +
          `Lead-1 ${pct(l1.r2.f)}  Lead-3 ${pct(l3.r2.f)}  lead-budget ${pct(lb.r2.f)}   ` +
          `(R1 F1: tuned ${pct(tuned.r1.f)}  defaults ${pct(defaults.r1.f)})`,
      );
    }
  }
  console.log();
}

function audit(docs: Doc[], systems: Array<[string, Summarizer]>): void {
  console.log(
    'Debris audit (summaries with an all-caps run or line, boilerplate, caption, dateline, no final stop):',
  );
  for (const [name, f] of systems) {
    const counts = new Map<string, number>();
    let bad = 0;
    let empty = 0;
    let example = '';
    for (const doc of docs) {
      const summary = f(doc);
      if (summary.length === 0) empty++;
      const found = auditSummary(summary);
      if (found.length > 0) {
        bad++;
        if (!example) example = `${found.join(', ')}: ${summary.slice(0, 160)}`;
      }
      for (const k of found) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const detail = [...counts].map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(
      `  ${name.padEnd(24)} ${bad} of ${docs.length}${detail ? ` (${detail})` : ''}; empty ${empty}`,
    );
    if (example && name === 'summarizeArticle') console.log(`      e.g. ${example}`);
  }
  console.log();
}

/**
 * Cost per article in CPU time (user + system), the best of several passes: on a shared machine
 * wall-clock time also counts other processes' turns, CPU time does not.
 */
function throughput(docs: Doc[]): void {
  const words = (d: Doc): number => d.body.split(/\s+/).length;
  const around600 = docs.filter((d) => words(d) >= 500 && words(d) <= 700);
  const all = cpuMicros(docs, 7, ours);
  const mid = cpuMicros(around600, 7, ours);
  const meanWords = docs.reduce((s, d) => s + words(d), 0) / docs.length;
  const load = loadavg()[0]!.toFixed(1);
  console.log(
    `Throughput (CPU time, best of 7 passes; one core of ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ` +
      `load average ${load}, Node ${process.version}):\n` +
      `  all ${docs.length} articles (mean ${meanWords.toFixed(0)} words): ${all.toFixed(1)} µs/article = ` +
      `${Math.round(1e6 / all).toLocaleString('en-US')} articles/s\n` +
      `  ${around600.length} articles of 500–700 words: ${mid.toFixed(1)} µs/article = ` +
      `${Math.round(1e6 / mid).toLocaleString('en-US')} articles/s\n`,
  );
}

/** CPU µs per article for `summarize` over `set`, the best of `passes` passes after a warm-up. */
function cpuMicros(set: Doc[], passes: number, summarize: Summarizer): number {
  let sink = 0;
  for (const d of set) sink += summarize(d).length;
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < passes; r++) {
    const start = process.cpuUsage();
    for (const d of set) sink += summarize(d).length;
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / set.length);
  }
  if (sink < 0) console.log(sink);
  return best;
}

/** The cost and the quality of the candidate cap (how many leading sentences are scored). */
function candidateCap(docs: Doc[]): void {
  console.log('Candidate cap (leading candidate sentences scored): overall ROUGE-2 F1 and CPU µs/article');
  for (const candidates of [6, 8, 10, 12, 15, 20]) {
    const weights = { ...DEFAULT_RANK_WEIGHTS, candidates };
    const f = evaluate(docs, withWeights(weights)).r2.f;
    const micros = cpuMicros(docs, 3, withWeights(weights));
    const mark = candidates === DEFAULT_RANK_WEIGHTS.candidates ? '  (default)' : '';
    console.log(
      `  ${String(candidates).padStart(2)}: R2 F1 ${pct(f)}  ${micros.toFixed(1).padStart(6)} µs${mark}`,
    );
  }
  console.log();
}

/**
 * The follow share (a sentence after the first is added only when worth this share of the first):
 * ROUGE-2 F1 per collection for a few values, and a 2-fold check (tuned on one half, reported on
 * the other).
 */
function followShare(docs: Doc[]): void {
  const values = [0, 0.2, 0.3, 0.35, 0.4, 0.5];
  console.log(
    'Follow share (a sentence after the first only when worth this share of the first): ROUGE-2 F1',
  );
  const f = (set: Doc[], follow: number): number =>
    evaluate(set, withWeights({ ...DEFAULT_RANK_WEIGHTS, follow })).r2.f;
  for (const follow of values) {
    const mark = follow === DEFAULT_RANK_WEIGHTS.follow ? '  (default)' : '';
    const fox = docs.filter((d) => d.collection === 'fox');
    const bbc = docs.filter((d) => d.collection === 'bbc');
    console.log(
      `  ${follow.toFixed(2)}: all ${pct(f(docs, follow))}  fox ${pct(f(fox, follow))}  bbc ${pct(f(bbc, follow))}${mark}`,
    );
  }
  for (const tuneFold of [0, 1] as const) {
    const tune = docs.filter((d) => d.fold === tuneFold);
    const test = docs.filter((d) => d.fold !== tuneFold);
    const best = values.reduce((a, b) => (f(tune, b) > f(tune, a) ? b : a));
    console.log(
      `  tuned on fold ${tuneFold}: ${best}; on fold ${1 - tuneFold}: ${pct(f(test, best))} against ${pct(f(test, 0))} at 0 ` +
        `and ${pct(f(test, DEFAULT_RANK_WEIGHTS.follow))} at the default`,
    );
  }
  console.log();
}

interface GnewsItem {
  title: string;
  headlines: Array<{ title: string; outlet: string }>;
}

function headlines(): void {
  const path = join(dirname(dataPath), 'gnews_clusters.jsonl');
  if (!existsSync(path)) return;
  const items = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GnewsItem);
  let multi = 0;
  let filled = 0;
  let chars = 0;
  let repeats = 0;
  const shown: string[] = [];
  for (const item of items) {
    if (item.headlines.length < 2) continue;
    multi++;
    const [first, ...rest] = item.headlines;
    const summary = summarizeHeadlines(
      first!.title,
      rest.map((h) => h.title),
    );
    if (summary) {
      filled++;
      chars += summary.length;
      if (summary.toLowerCase().includes(first!.title.toLowerCase())) repeats++;
      if (shown.length < 4) shown.push(`    "${first!.title}" → ${summary}`);
    }
  }
  console.log(
    `Headline summaries (gnews_clusters.jsonl, first member as the displayed title): ${multi} multi-headline ` +
      `items, ${filled} with a complement (${((100 * filled) / Math.max(1, multi)).toFixed(0)}%), ` +
      `mean ${(chars / Math.max(1, filled)).toFixed(0)} chars, ${repeats} repeating the title. Examples:`,
  );
  console.log(`${shown.join('\n')}\n`);
}

function showExamples(docs: Doc[], n: number): void {
  const step = Math.max(1, Math.floor(docs.length / n));
  for (let i = 0; i < docs.length && i / step < n; i += step) {
    const d = docs[i]!;
    console.log(`--- ${d.id}: ${d.title}\n  OURS: ${summarizeArticle(d.title, d.body)}`);
    console.log(`  LEAD: ${leadBudget(d)}\n  REF:  ${d.reference.slice(0, 300)}`);
  }
}

main();
