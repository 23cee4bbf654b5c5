import { readSourceDocuments } from '../ingest/parse-feed-file.js';
import type { Article } from '../model.js';

/** What ingesting one file did, for logs. */
export interface FileIngestReport {
  file: string;
  /** Null when the file was read; else the one-line reason it was skipped. */
  skipped: string | null;
  format: string | null;
  documents: number;
  newDocuments: number;
  articles: number;
  newArticles: number;
  /** One line each, without the file name. */
  warnings: string[];
}

/**
 * Reads one file from a watched folder and ingests its documents: a news file as one document, an
 * RSS/Atom file (`.xml`, `.rss`, `.atom`, or a feed under another name) as one document per item,
 * keyed like fetched feed items. A file that cannot be used is reported, not thrown; errors of
 * `ingest` (the store) propagate, so that the watcher tries the file again.
 */
export async function ingestFile(
  file: string,
  ingest: (docKey: string, articles: Article[]) => Promise<boolean>,
): Promise<FileIngestReport> {
  const outcome = await readSourceDocuments(file);
  if (!outcome.ok)
    return {
      file: outcome.file,
      skipped: outcome.reason,
      format: null,
      documents: 0,
      newDocuments: 0,
      articles: 0,
      newArticles: 0,
      warnings: [],
    };
  let newDocuments = 0;
  let newArticles = 0;
  for (const doc of outcome.documents) {
    if (await ingest(doc.key, doc.articles)) {
      newDocuments++;
      newArticles += doc.articles.length;
    }
  }
  return {
    file: outcome.file,
    skipped: null,
    format: outcome.format,
    documents: outcome.documents.length,
    newDocuments,
    articles: outcome.documents.reduce((n, d) => n + d.articles.length, 0),
    newArticles,
    warnings: outcome.warnings,
  };
}
