/**
 * newsbrief as a library: build an engine, add articles from files or strings, brief a topic, list
 * stories.
 *
 * @example
 * ```ts
 * import { NewsEngine, addText, loadDirectory, renderBriefingText } from 'newsbrief';
 * const { engine } = await loadDirectory('./news', { stderr: (line) => process.stderr.write(line) });
 * addText(engine, '---\ntitle: "…"\n…', { origin: 'inline' });
 * const briefing = engine.brief('korea', { now: new Date() });
 * console.log(renderBriefingText(briefing));
 * ```
 */
import type { AddReport, NewsEngine } from './briefing/engine.js';
import { parseDocument, readSourceFile } from './ingest/index.js';
import type { FileOutcome, ParseOutcome } from './ingest/types.js';

export { describeAge, formatDate, relativeTime } from './briefing/dates.js';
export {
  type AddReport,
  type BriefOptions,
  DEFAULT_ENGINE_OPTIONS,
  type EngineOptions,
  NewsEngine,
  type StoryView,
} from './briefing/engine.js';
export { DEFAULT_RANKING, type RankingOptions } from './briefing/rank.js';
export { renderBriefingText } from './briefing/render-text.js';
export { type CorpusLog, type IngestReport, loadDirectory } from './corpus.js';
export { listSourceFiles, parseDocument, readSourceFile } from './ingest/index.js';
export type { DocumentFormat, FileOutcome, ParseOutcome } from './ingest/types.js';
export type * from './model.js';

/** Parses one document held in memory (either format) and adds its articles. */
export function addText(
  engine: NewsEngine,
  text: string,
  options: { origin: string; mtime?: Date },
): ParseOutcome & { added?: AddReport } {
  const outcome = parseDocument(text, { origin: options.origin, mtime: options.mtime ?? new Date() });
  return outcome.ok ? { ...outcome, added: engine.add(outcome.articles) } : outcome;
}

/** Reads one file (either format, detected by content) and adds its articles. */
export async function addFile(
  engine: NewsEngine,
  file: string,
): Promise<FileOutcome & { added?: AddReport }> {
  const outcome = await readSourceFile(file);
  return outcome.ok ? { ...outcome, added: engine.add(outcome.articles) } : outcome;
}
