/**
 * `npm run bench`: the engine benchmark. Builds (or reuses) corpora of 10k and 100k articles, runs
 * each size in a fresh child process (one JS thread), and prints one table with the targets:
 *
 * - ingest rate (loadDirectory: read, parse, clean, summarise, index, group) next to the rate of
 *   its reading, parsing and cleaning alone (no engine), and of gray-matter + node-html-parser
 *   alone on the same files;
 * - briefing latency p50/p99 over ~240 varied queries next to MiniSearch's search-only p50/p99 on the
 *   same articles and queries, and their ratio;
 * - peak RSS of the engine process, heap after ingest, MiniSearch's own memory;
 * - the cost of each ingest stage.
 *
 * Environment: BENCH_SIZES=10000,100000 (default); BENCH_PIN=1 pins each child to one core with taskset
 * (on a busy machine that measures the machine's load more than the engine).
 * Not part of `npm test`; no timing is asserted anywhere.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_ROOT, type CorpusManifest, ensureCorpus } from './generate-corpus.js';
import type { SizeResult } from './run-size.js';
import type { Stage } from './stages.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const TARGETS = { ingestRate: 10_000, briefingP99Ms: 20, ratio: 1.5, peakRssMB: 600 };

function cpuModel(): string {
  const list = cpus();
  return list[0]?.model.trim() || 'unknown CPU';
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Reads every file once through one reused buffer, so that the child measures a warm page cache. */
function warmPageCache(dir: string): void {
  const buffer = Buffer.allocUnsafe(1 << 20);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const fd = openSync(join(entry.parentPath, entry.name), 'r');
    try {
      while (readSync(fd, buffer, 0, buffer.length, null) > 0) {}
    } finally {
      closeSync(fd);
    }
  }
}

function runSize(dir: string, manifest: CorpusManifest, pin: boolean): SizeResult {
  const args = ['--expose-gc', '--import', 'tsx', join(HERE, 'run-size.ts'), dir, manifest.now];
  const [cmd, argv] = pin ? ['taskset', ['-c', '0', process.execPath, ...args]] : [process.execPath, args];
  const child = spawnSync(cmd, argv, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (child.status !== 0 || !line) {
    process.stderr.write(child.stdout);
    throw new Error(`benchmark child for ${dir} failed (status ${child.status})`);
  }
  return JSON.parse(line.slice('RESULT '.length)) as SizeResult;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function verdict(ok: boolean): string {
  return ok ? 'PASS' : 'MISS';
}

function main(): void {
  const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map((s) => Number(s.trim()));
  const pin = process.env.BENCH_PIN === '1' && process.platform === 'linux' && existsSync('/usr/bin/taskset');
  console.log('newsbrief engine benchmark');
  console.log(
    `machine: ${cpuModel()}, ${cpus().length} cores, ${fmt(totalmem() / 1024 ** 3, 1)} GB RAM, Node ${process.version}, ${process.platform} ${process.arch}`,
  );
  console.log(
    `each size runs in a fresh child process on one JS thread${pin ? ', pinned to one core (taskset -c 0)' : ' (BENCH_PIN=1 pins it to one core)'}; page cache warm`,
  );
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`load average at start: ${load()} (other work on the machine slows every figure)\n`);

  const results: Array<{ size: number; manifest: CorpusManifest; result: SizeResult }> = [];
  for (const size of sizes) {
    const { dir, manifest } = ensureCorpus(size, (l) => console.log(l));
    console.log(
      `corpus ${fmt(size)}: ${relative(ROOT, dir)} (${manifest.source}; ${fmt(manifest.gnFiles)} Google News files with ${fmt(manifest.gnArticles)} headlines, ${fmt(manifest.scrapedFiles)} scraped pages; ${fmt(manifest.events)} events, ${fmt(manifest.outlets)} outlets, ${manifest.firstDay} … ${manifest.lastDay}, ${fmt(manifest.bytes / 1e6, 1)} MB)`,
    );
    warmPageCache(dir);
    results.push({ size, manifest, result: runSize(dir, manifest, pin) });
  }
  writeFileSync(join(CORPUS_ROOT, 'last-results.json'), `${JSON.stringify(results, null, 2)}\n`);

  const largest = results[results.length - 1]!;
  const cols = results.map(({ size }) => `${size >= 1000 ? `${size / 1000}k` : size}`);
  const row = (
    label: string,
    f: (r: SizeResult) => string,
    target = '',
    check?: (r: SizeResult) => boolean,
  ) => [
    label,
    ...results.map(({ result }) => f(result)),
    target,
    check ? verdict(check(largest.result)) : '',
  ];
  const ratio = (r: SizeResult) => r.briefingMedians.p99Ms / r.minisearchMedians.p99Ms;
  const rawRatio = (r: SizeResult) => r.briefing.p99Ms / r.minisearch.p99Ms;
  const rows = [
    row('articles held (files)', (r) => `${fmt(r.articles)} (${fmt(r.files)})`),
    row('stories', (r) => fmt(r.stories)),
    row(
      'ingest, articles/s (loadDirectory)',
      (r) => fmt(r.ingestRate),
      `≥ ${fmt(TARGETS.ingestRate)}`,
      (r) => r.ingestRate >= TARGETS.ingestRate,
    ),
    row(
      '  ingest wall / CPU time, s',
      (r) => `${fmt(r.ingestMs / 1000, 2)} / ${fmt(r.ingestCpuMs / 1000, 2)}`,
    ),
    row(
      '  articles per CPU second',
      (r) => fmt(r.articles / (r.ingestCpuMs / 1000)),
      `≥ ${fmt(TARGETS.ingestRate)}`,
      (r) => r.articles / (r.ingestCpuMs / 1000) >= TARGETS.ingestRate,
    ),
    row('  read + parse + clean only (no engine), articles/s', (r) => fmt(r.readParse.rate)),
    row('parse only, articles/s (gray-matter+nhp)', (r) => fmt(r.parseOnly.rate)),
    row('  Google News files only', (r) => fmt(r.parseOnly.gnRate)),
    row('  scraped files (read + line split only)', (r) => fmt(r.parseOnly.scrapedRate)),
    row('briefing p50, ms (per-query median)', (r) => fmt(r.briefingMedians.p50Ms, 2)),
    row(
      'briefing p99, ms (per-query median)',
      (r) => fmt(r.briefingMedians.p99Ms, 2),
      `≤ ${TARGETS.briefingP99Ms}`,
      (r) => r.briefingMedians.p99Ms <= TARGETS.briefingP99Ms,
    ),
    row(
      '  all runs: p50 / p99 / max, ms',
      (r) => `${fmt(r.briefing.p50Ms, 2)} / ${fmt(r.briefing.p99Ms, 2)} / ${fmt(r.briefing.maxMs, 1)}`,
    ),
    row('MiniSearch p50, ms (per-query median)', (r) => fmt(r.minisearchMedians.p50Ms, 2)),
    row('MiniSearch p99, ms (per-query median)', (r) => fmt(r.minisearchMedians.p99Ms, 2)),
    row(
      '  all runs: p50 / p99 / max, ms',
      (r) => `${fmt(r.minisearch.p50Ms, 2)} / ${fmt(r.minisearch.p99Ms, 2)} / ${fmt(r.minisearch.maxMs, 1)}`,
    ),
    row(
      'briefing p99 / MiniSearch p99',
      (r) => fmt(ratio(r), 2),
      `≤ ${TARGETS.ratio}`,
      (r) => ratio(r) <= TARGETS.ratio,
    ),
    row('  same, all runs', (r) => fmt(rawRatio(r), 2)),
    row(
      'briefing CPU time p50 / p99, ms',
      (r) => `${fmt(r.briefingCpu.p50Ms, 2)} / ${fmt(r.briefingCpu.p99Ms, 2)}`,
      `p99 ≤ ${TARGETS.briefingP99Ms}`,
      (r) => r.briefingCpu.p99Ms <= TARGETS.briefingP99Ms,
    ),
    row(
      'MiniSearch CPU time p50 / p99, ms',
      (r) => `${fmt(r.minisearchCpu.p50Ms, 2)} / ${fmt(r.minisearchCpu.p99Ms, 2)}`,
    ),
    row(
      '  CPU p99 ratio',
      (r) => fmt(r.briefingCpu.p99Ms / r.minisearchCpu.p99Ms, 2),
      `≤ ${TARGETS.ratio}`,
      (r) => r.briefingCpu.p99Ms / r.minisearchCpu.p99Ms <= TARGETS.ratio,
    ),
    row(
      'peak RSS (engine process), MB',
      (r) => fmt(r.memory.peakRssEngineMB),
      `≤ ${TARGETS.peakRssMB}`,
      (r) => r.memory.peakRssEngineMB <= TARGETS.peakRssMB,
    ),
    row('heap used after ingest, MB', (r) => fmt(r.memory.heapAfterIngestMB)),
    row(
      'MiniSearch index heap, MB (build s)',
      (r) => `${fmt(r.minisearch.heapMB)} (${fmt(r.minisearch.buildMs / 1000, 1)})`,
    ),
  ];
  console.log(`\n${table(['', ...cols, `target (${cols[cols.length - 1]})`, ''], rows)}`);
  const q = largest.result.queries;
  console.log(
    `queries: ${q.total} (${Object.entries(q.byKind)
      .map(([k, n]) => `${n} ${k}`)
      .join(
        ', ',
      )}; ${q.noMatch} match nothing), each run 5× in shuffled rounds after a warm-up; limit 5, fixed now.\n` +
      'p50/p99 "per-query median" are over the queries of each one\'s median of 5 runs (a busy machine preempts single runs); "all runs" over every run;\n' +
      '"CPU time" is the process CPU time of each run (median of 5 per query): the cost on a core of its own, whatever the machine\'s load.',
  );

  const kinds = Object.keys(largest.result.briefingByKind);
  console.log(
    `\n${table(
      ['briefing by query kind, p50 / p99 ms', ...cols.flatMap((c) => [`${c} wall`, `${c} CPU`])],
      kinds.map((k) => [
        k,
        ...results.flatMap(({ result }) => {
          const s = result.briefingByKind[k];
          return s
            ? [`${fmt(s.p50Ms, 2)} / ${fmt(s.p99Ms, 2)}`, `${fmt(s.cpuP50Ms, 2)} / ${fmt(s.cpuP99Ms, 2)}`]
            : ['', ''];
        }),
      ]),
    )}`,
  );

  const stages: Array<[Stage, string]> = [
    ['read', 'read (stat, read, decode)'],
    ['parse', 'parse (incl. clean)'],
    ['clean', '  of which clean (cleanBody)'],
    ['summarise', 'summarise (summarizeArticle)'],
    ['index', 'index (SearchIndex.add)'],
    ['vocabulary', 'vocabulary'],
    ['group', 'group (StoryGrouper.add)'],
    ['storyViews', 'story views (summarizeHeadlines)'],
  ];
  const stageRows: string[][] = stages.map(([key, label]) =>
    [label].concat(
      results.flatMap(({ result }) => [
        fmt(result.stages.ms[key]),
        fmt((1000 * result.stages.ms[key]) / result.stages.articles, 1),
      ]),
    ),
  );
  const sum = (r: SizeResult) => stages.reduce((s, [key]) => (key === 'clean' ? s : s + r.stages.ms[key]), 0);
  stageRows.push(
    ['sum of stages'].concat(
      results.flatMap(({ result }) => [
        fmt(sum(result)),
        fmt((1000 * sum(result)) / result.stages.articles, 1),
      ]),
    ),
    ['engine loadDirectory, CPU (measured run)'].concat(
      results.flatMap(({ result }) => [
        fmt(result.ingestCpuMs),
        fmt((1000 * result.ingestCpuMs) / result.articles, 1),
      ]),
    ),
  );
  console.log(
    `\n${table(['ingest cost by stage (CPU time)', ...cols.flatMap((c) => [`${c} ms`, `${c} µs/article`])], stageRows)}`,
  );
  console.log(
    '(µs/article divides by all articles; summarise and clean only run on the scraped pages, ' +
      `${fmt(largest.result.stages.scrapedArticles)} of ${fmt(largest.result.stages.articles)} at ${cols[cols.length - 1]})`,
  );
  console.log(`\nload average at end: ${load()}`);
  console.log(`results: ${relative(ROOT, join(CORPUS_ROOT, 'last-results.json'))}`);
}

main();
