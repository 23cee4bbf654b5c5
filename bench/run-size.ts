/**
 * One corpus size, in its own process (spawned by engine.bench.ts, so that its peak RSS is this
 * size's engine alone). Prints progress on stderr and one `RESULT {json}` line on stdout.
 *
 *   node --expose-gc --import tsx bench/run-size.ts <corpus dir> <now ISO>
 *
 * Order: warm the page cache → engine ingest (loadDirectory) → briefings → peak RSS of the engine →
 * parse-only baseline (gray-matter + node-html-parser) → newsbrief's own reading, parsing and
 * cleaning without the engine → MiniSearch build and search → per-stage
 * cost breakdown (a second, instrumented ingest).
 */
import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import MiniSearch from 'minisearch';
import { parse as parseHtml } from 'node-html-parser';
import type { NewsEngine } from '../src/briefing/engine.js';
import { loadDirectory } from '../src/corpus.js';
import { listSourceFiles, readSourceFile, readSourceFiles } from '../src/ingest/index.js';
import type { IndexedArticle } from '../src/model.js';
import { type BenchQuery, makeQueries } from './queries.js';
import { measureStages, type StageCosts } from './stages.js';
import { percentile, shuffled } from './stats.js';

export interface LatencyStats {
  samples: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

export interface SizeResult {
  dir: string;
  files: number;
  gnFiles: number;
  scrapedFiles: number;
  articles: number;
  duplicates: number;
  skipped: number;
  warnings: number;
  stories: number;
  ingestMs: number;
  /** CPU time of the process during ingest (all threads: main, GC helpers), ms. */
  ingestCpuMs: number;
  ingestRate: number;
  parseOnly: { ms: number; rate: number; gnRate: number; scrapedRate: number; articles: number };
  /** newsbrief's own reading, parsing and cleaning (readSourceFiles) without the engine. */
  readParse: { ms: number; rate: number; articles: number };
  queries: { total: number; byKind: Record<string, number>; noMatch: number };
  briefing: LatencyStats;
  /** p50/p99 over the queries of each query's median time (of its runs): robust to a busy machine. */
  briefingMedians: LatencyStats;
  /** The same over each query's median CPU time (process CPU time during the run). */
  briefingCpu: LatencyStats;
  briefingByKind: Record<string, { p50Ms: number; p99Ms: number; cpuP50Ms: number; cpuP99Ms: number }>;
  minisearch: LatencyStats & { buildMs: number; heapMB: number; rssGrowthMB: number };
  minisearchMedians: LatencyStats;
  minisearchCpu: LatencyStats;
  memory: {
    heapAfterIngestMB: number;
    rssAfterIngestMB: number;
    peakRssEngineMB: number;
    peakRssEndMB: number;
  };
  stages: StageCosts;
}

const ROUNDS = 5;
const MB = 1024 * 1024;

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

function log(line: string): void {
  process.stderr.write(`  ${line}\n`);
}

function ms(from: bigint, to: bigint): number {
  return Number(to - from) / 1e6;
}

function stats(samples: number[]): LatencyStats {
  const sorted = samples.slice().sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    samples: sorted.length,
    p50Ms: percentile(sorted, 0.5),
    p90Ms: percentile(sorted, 0.9),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted[sorted.length - 1] ?? 0,
    meanMs: sorted.length > 0 ? sum / sorted.length : 0,
  };
}

/** Runs every query ROUNDS times (each round in another order, after one warm-up round). */
/**
 * Runs every query ROUNDS times (each round in another order, after one warm-up round), timing
 * each run by the wall clock and by the CPU time of the process (what the run costs on a core of
 * its own, whatever else the machine is doing).
 */
function timeQueries(
  queries: readonly BenchQuery[],
  run: (q: string) => void,
): { all: number[]; byQuery: number[][]; cpuByQuery: number[][] } {
  for (const q of queries) run(q.text);
  const byQuery = queries.map(() => [] as number[]);
  const cpuByQuery = queries.map(() => [] as number[]);
  const all: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const i of shuffled(queries.length, round + 1)) {
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      run(queries[i]!.text);
      const t = ms(t0, process.hrtime.bigint());
      const c = process.cpuUsage(c0);
      byQuery[i]!.push(t);
      cpuByQuery[i]!.push((c.user + c.system) / 1000);
      all.push(t);
    }
  }
  return { all, byQuery, cpuByQuery };
}

function medians(byQuery: number[][]): number[] {
  return byQuery.map((runs) => {
    const sorted = runs.slice().sort((a, b) => a - b);
    return sorted[(sorted.length - 1) >> 1] ?? 0;
  });
}

function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function allArticles(engine: NewsEngine): IndexedArticle[] {
  const out: IndexedArticle[] = [];
  for (const story of engine.stories()) out.push(...story.articles);
  return out;
}

/**
 * The articles with their body text, read again from the files: the engine doesn't keep bodies
 * (EngineOptions.retainBodies), but the queries' rare body words and MiniSearch's index need them.
 * `every`: read every n-th file only.
 */
async function withBodies(
  articles: readonly IndexedArticle[],
  files: readonly string[],
  every = 1,
): Promise<IndexedArticle[]> {
  const bodies = new Map<string, string>();
  for (let i = 0; i < files.length; i += every) {
    const outcome = await readSourceFile(files[i]!);
    if (outcome.ok) for (const a of outcome.articles) if (a.body) bodies.set(a.id, a.body);
  }
  return articles.map((a) => {
    const body = bodies.get(a.id);
    return body === undefined ? a : { ...a, body };
  });
}

/** gray-matter + node-html-parser alone on the same files (scraped files: read + line split). */
async function parseOnly(files: readonly string[]): Promise<SizeResult['parseOnly']> {
  let articles = 0;
  let gnArticles = 0;
  let gnNs = 0n;
  let scrapedArticles = 0;
  let scrapedNs = 0n;
  const t0 = process.hrtime.bigint();
  for (const file of files) {
    const s = process.hrtime.bigint();
    const text = readFileSync(file, 'utf8');
    if (text.startsWith('---')) {
      const fm = matter(text, { language: 'yaml' });
      const root = parseHtml(fm.content, { comment: false });
      const items = root.querySelectorAll('li');
      let n = 0;
      if (items.length > 0) {
        for (const li of items) if (li.querySelector('a')?.text) n++;
      } else if (root.querySelector('a')?.text) n = 1;
      if (typeof fm.data.title === 'string' && n > 0) {
        articles += n;
        gnArticles += n;
      }
      gnNs += process.hrtime.bigint() - s;
    } else {
      const lines = text.split('\n');
      if (lines.length > 0) {
        articles++;
        scrapedArticles++;
      }
      scrapedNs += process.hrtime.bigint() - s;
    }
  }
  const total = ms(t0, process.hrtime.bigint());
  return {
    ms: total,
    rate: articles / (total / 1000),
    gnRate: gnArticles / (Number(gnNs) / 1e9),
    scrapedRate: scrapedArticles / (Number(scrapedNs) / 1e9),
    articles,
  };
}

/**
 * What loadDirectory does before the engine: read, decode, parse and clean every file
 * (readSourceFiles), nothing indexed, grouped or summarised. The rate ingest could reach if the
 * engine cost nothing.
 */
function readParse(files: readonly string[]): SizeResult['readParse'] {
  let articles = 0;
  const t0 = process.hrtime.bigint();
  for (const outcome of readSourceFiles(files)) if (outcome.ok) articles += outcome.articles.length;
  const total = ms(t0, process.hrtime.bigint());
  return { ms: total, rate: articles / (total / 1000), articles };
}

async function main(): Promise<void> {
  const [dir, nowIso] = process.argv.slice(2);
  if (!dir || !nowIso) throw new Error('usage: run-size.ts <corpus dir> <now ISO>');
  const now = new Date(nowIso);
  const files = await listSourceFiles(dir);
  // The parent warmed the page cache (reading here would count the buffers in this process's peak RSS).
  gc();

  // 1. Ingest.
  log(`ingest: ${files.length.toLocaleString('en-US')} files ...`);
  let warnings = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const { engine, report } = await loadDirectory(dir, {
    stderr: () => {
      warnings++;
    },
  });
  const ingestMs = ms(t0, process.hrtime.bigint());
  const cpu = process.cpuUsage(cpu0);
  const ingestCpuMs = (cpu.user + cpu.system) / 1000;
  const rssAfterIngestMB = process.memoryUsage().rss / MB;
  gc();
  const heapAfterIngestMB = process.memoryUsage().heapUsed / MB;
  log(
    `ingest: ${engine.size} articles in ${ingestMs.toFixed(0)} ms (${Math.round(engine.size / (ingestMs / 1000))} articles/s)`,
  );

  // 2. Briefings.
  const articles = allArticles(engine);
  const noMatch = (q: string) => engine.brief(q, { now, limit: 5 }).notice?.kind === 'no-match';
  // Rare body words from every 8th file's articles (a sample keeps this step out of the peak RSS).
  const queries = makeQueries(await withBodies(articles, files, 8), noMatch);
  const briefTimes = timeQueries(queries, (q) => {
    engine.brief(q, { now, limit: 5 });
  });
  const briefing = stats(briefTimes.all);
  const briefingMedians = stats(medians(briefTimes.byQuery));
  const briefingCpu = stats(medians(briefTimes.cpuByQuery));
  // Per kind: each query's median wall time and median CPU time.
  const wallMedians = medians(briefTimes.byQuery);
  const cpuMedians = medians(briefTimes.cpuByQuery);
  const byKind: Record<string, { wall: number[]; cpu: number[] }> = {};
  queries.forEach((q, i) => {
    const kind = byKind[q.kind] ?? { wall: [], cpu: [] };
    kind.wall.push(wallMedians[i]!);
    kind.cpu.push(cpuMedians[i]!);
    byKind[q.kind] = kind;
  });
  const briefingByKind: SizeResult['briefingByKind'] = {};
  for (const [kind, samples] of Object.entries(byKind)) {
    const wall = stats(samples.wall);
    const cpu = stats(samples.cpu);
    briefingByKind[kind] = { p50Ms: wall.p50Ms, p99Ms: wall.p99Ms, cpuP50Ms: cpu.p50Ms, cpuP99Ms: cpu.p99Ms };
  }
  const noMatchCount = queries.filter((q) => noMatch(q.text)).length;
  const peakRssEngineMB = peakRssMB();
  log(
    `briefing: ${queries.length} queries × ${ROUNDS}: p50 ${briefing.p50Ms.toFixed(2)} ms, p99 ${briefing.p99Ms.toFixed(2)} ms (per-query medians: p99 ${briefingMedians.p99Ms.toFixed(2)} ms)`,
  );
  const ingest = {
    files: report.files,
    articles: engine.size,
    duplicates: report.duplicates,
    skipped: report.skipped.length,
    stories: report.stories,
  };

  // 3. Parse-only baseline on the same files (the engine is kept: MiniSearch gets its articles).
  const baseline = await parseOnly(files);
  log(`parse-only: ${Math.round(baseline.rate)} articles/s`);
  const ownParse = readParse(files);
  log(`read + parse + clean, no engine: ${Math.round(ownParse.rate)} articles/s`);

  // 4. MiniSearch on the same articles and queries.
  const docs = (await withBodies(articles, files)).map((a, id) => ({
    id,
    title: a.title,
    tags: a.tags.join(' '),
    body: a.body,
  }));
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const tb = process.hrtime.bigint();
  const mini = new MiniSearch({ fields: ['title', 'tags', 'body'], storeFields: [] });
  mini.addAll(docs);
  const buildMs = ms(tb, process.hrtime.bigint());
  gc();
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / MB;
  const rssGrowthMB = (process.memoryUsage().rss - rssBefore) / MB;
  const miniTimes = timeQueries(queries, (q) => {
    mini.search(q, { prefix: true });
  });
  const minisearch = { ...stats(miniTimes.all), buildMs, heapMB, rssGrowthMB };
  const minisearchMedians = stats(medians(miniTimes.byQuery));
  const minisearchCpu = stats(medians(miniTimes.cpuByQuery));
  log(
    `minisearch: built in ${buildMs.toFixed(0)} ms; p50 ${minisearch.p50Ms.toFixed(2)} ms, p99 ${minisearch.p99Ms.toFixed(2)} ms`,
  );

  // 5. Stage breakdown: a second ingest, each stage timed on its own.
  const stages = await measureStages(files);
  log(
    `stages: ${Object.entries(stages.ms)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(', ')} ms`,
  );

  const kinds: Record<string, number> = {};
  for (const q of queries) kinds[q.kind] = (kinds[q.kind] ?? 0) + 1;
  const result: SizeResult = {
    dir,
    ...ingest,
    gnFiles: files.filter((f) => f.endsWith('.md')).length,
    scrapedFiles: files.filter((f) => f.endsWith('.txt')).length,
    warnings,
    ingestMs,
    ingestCpuMs,
    ingestRate: engine.size / (ingestMs / 1000),
    parseOnly: baseline,
    readParse: ownParse,
    queries: { total: queries.length, byKind: kinds, noMatch: noMatchCount },
    briefing,
    briefingMedians,
    briefingCpu,
    briefingByKind,
    minisearch,
    minisearchMedians,
    minisearchCpu,
    memory: { heapAfterIngestMB, rssAfterIngestMB, peakRssEngineMB, peakRssEndMB: peakRssMB() },
    stages,
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

await main();
