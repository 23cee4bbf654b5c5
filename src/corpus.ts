import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { type EngineOptions, NewsEngine } from './briefing/engine.js';
import { FEED_REASON, listSourceFiles, readFeedFile, readSourceFiles } from './ingest/index.js';
import { bundledSeedsDir } from './paths.js';

/** What reading a folder did. */
export interface IngestReport {
  dir: string;
  files: number;
  read: number;
  skipped: Array<{ file: string; reason: string }>;
  articles: number;
  duplicates: number;
  warnings: number;
  stories: number;
}

/** Files read between two turns of the event loop while a folder is loaded. */
const YIELD_EVERY = 64;

export interface CorpusLog {
  stderr(text: string): void;
}

/**
 * Reads every article file under `dir` into an engine (or a new one), and saved RSS or Atom files
 * as the feed reader does (one document per item). Bad files are skipped with a one-line warning
 * naming the file and the reason; nothing else is lost. Throws only when the folder
 * itself is unusable.
 */
export async function loadDirectory(
  dir: string,
  log: CorpusLog,
  engine: NewsEngine = new NewsEngine(),
): Promise<{ engine: NewsEngine; report: IngestReport }> {
  const root = resolve(dir);
  const info = await stat(root).catch(() => null);
  if (!info) throw new Error(`no such folder: ${dir}`);
  if (!info.isDirectory()) throw new Error(`not a folder: ${dir}`);
  const files = await listSourceFiles(root);
  const report: IngestReport = {
    dir: root,
    files: files.length,
    read: 0,
    skipped: [],
    articles: 0,
    duplicates: 0,
    warnings: 0,
    stories: 0,
  };
  let sinceYield = 0;
  for (const outcome of readSourceFiles(files)) {
    // Files are read synchronously: give timers and sockets a turn now and then.
    if (++sinceYield === YIELD_EVERY) {
      sinceYield = 0;
      await new Promise<void>((resolveYield) => setImmediate(resolveYield));
    }
    const name = relative(root, outcome.file) || outcome.file;
    // A saved RSS or Atom file is read as the feed reader reads it: one document per item.
    const read =
      !outcome.ok && outcome.reason === FEED_REASON
        ? await readFeedFile(outcome.file)
        : outcome.ok
          ? { ...outcome, documents: [{ articles: outcome.articles }] }
          : outcome;
    if (!read.ok) {
      report.skipped.push({ file: name, reason: read.reason });
      log.stderr(`warning: ${name}: skipped: ${read.reason}\n`);
      continue;
    }
    report.read++;
    for (const warning of read.warnings) log.stderr(`warning: ${name}: ${warning}\n`);
    report.warnings += read.warnings.length;
    for (const document of read.documents) {
      const added = engine.add(document.articles);
      report.articles += added.added.length;
      report.duplicates += added.duplicates.length;
    }
  }
  report.stories = engine.stories().length;
  return { engine, report };
}

/** The CLI's corpus: `dir`, or the bundled seeds when absent. */
export async function loadCorpus(
  dir: string | undefined,
  log: CorpusLog,
  options: Partial<EngineOptions> = {},
): Promise<{ engine: NewsEngine; report: IngestReport; dir: string }> {
  const root = resolve(dir ?? bundledSeedsDir());
  const { engine, report } = await loadDirectory(root, log, new NewsEngine(options));
  return { engine, report, dir: root };
}
