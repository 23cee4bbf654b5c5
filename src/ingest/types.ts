import type { Article } from '../model.js';

/** The input formats ingest recognises, detected by content. */
export type DocumentFormat = 'google-news' | 'front-matter' | 'scraped-text' | 'html-page';

/** What the caller knows about a document besides its text. */
export interface ParseContext {
  /** Where the text came from (absolute file path or URL); copied to every article's `origin`. */
  origin: string;
  /** The file's modification time: the fallback publication date when the text has none. */
  mtime: Date;
}

/**
 * The result of parsing one document. Warnings are one line each and do not repeat the origin:
 * the caller prints `<file>: <warning>`.
 */
export type ParseOutcome =
  | { ok: true; format: DocumentFormat; articles: Article[]; warnings: string[] }
  | { ok: false; reason: string };

/** The result of reading and parsing one file: parsed, or skipped with a one-line reason. */
export type FileOutcome =
  | { ok: true; file: string; format: DocumentFormat; articles: Article[]; warnings: string[] }
  | { ok: false; file: string; reason: string };
