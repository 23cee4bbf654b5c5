import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { Article } from '../model.js';
import { FEED_REASON } from './parse-document.js';
import { parseFeed } from './parse-feed.js';
import { decodeFeedBytes } from './parse-feed-bytes.js';
import { FEED_EXTENSIONS, readSourceFile } from './read-files.js';
import type { DocumentFormat } from './types.js';

/** Feed files larger than this are skipped unless the caller allows more (feeds are bigger than articles). */
export const DEFAULT_MAX_FEED_FILE_BYTES = 10 * 1024 * 1024;

/** One document read from a file: its content key (see ArticleStore.append) and its articles. */
export interface SourceDocument {
  key: string;
  articles: Article[];
}

/**
 * The documents of one file: a news file is one document; an RSS or Atom file is one document per
 * item. Skipped with a one-line reason when unusable; warnings are one line each, without the file
 * name.
 */
export type DocumentsOutcome =
  | {
      ok: true;
      file: string;
      format: DocumentFormat | 'rss' | 'atom';
      documents: SourceDocument[];
      warnings: string[];
    }
  | { ok: false; file: string; reason: string };

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}

/**
 * The content key of a news file's document: a hash of its articles without their origin, so the
 * same file read on two machines (or under two paths) has the same key, and an edited file a new one.
 */
export function documentKey(articles: readonly Article[]): string {
  const content = articles.map(({ origin: _origin, ...rest }) => rest);
  return `d_${hash(JSON.stringify(content))}`;
}

function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KB`
    : `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/**
 * Reads an RSS or Atom file: one document per item, keyed like the items of a fetched feed, so the
 * same item fetched and found in a folder is stored once. Items without a date get the file's
 * modification time. Never throws.
 */
export async function readFeedFile(
  file: string,
  opts: { maxBytes?: number } = {},
): Promise<DocumentsOutcome> {
  const path = resolve(file);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_FEED_FILE_BYTES;
  const skip = (reason: string): DocumentsOutcome => ({ ok: false, file: path, reason });
  try {
    const info = await stat(path);
    if (!info.isFile()) return skip('unreadable (not a regular file)');
    if (info.size > maxBytes) return skip(`larger than ${size(maxBytes)} (${size(info.size)})`);
    const bytes = await readFile(path);
    if (bytes.length > maxBytes) return skip(`larger than ${size(maxBytes)} (${size(bytes.length)}+)`);
    const decoded = decodeFeedBytes(bytes);
    if (!decoded.ok) return skip(decoded.reason);
    const feed = parseFeed(decoded.text, {
      origin: path,
      now: info.mtime,
      nowLabel: "the file's modification time",
    });
    if (!feed.ok) return skip(feed.reason);
    const documents = feed.items.map((articles, i) => ({ key: feed.itemKeys[i]!, articles }));
    const warnings = decoded.warning ? [decoded.warning, ...feed.warnings] : feed.warnings;
    return { ok: true, file: path, format: feed.kind, documents, warnings };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return skip(code === 'ENOENT' ? 'unreadable (no such file)' : `unreadable (${code ?? String(error)})`);
  }
}

/**
 * Reads any source file as documents: `.xml`, `.rss` and `.atom` files, and other files whose text
 * is a feed, through the feed parser (one document per item); every other file through
 * readSourceFile (one document). Never throws.
 */
export async function readSourceDocuments(
  file: string,
  opts: { maxBytes?: number; maxFeedBytes?: number } = {},
): Promise<DocumentsOutcome> {
  if (FEED_EXTENSIONS.has(extname(file).toLowerCase()))
    return readFeedFile(file, { maxBytes: opts.maxFeedBytes });
  const outcome = await readSourceFile(file, { maxBytes: opts.maxBytes });
  if (!outcome.ok) {
    // A feed saved under another extension: parseDocument recognised it by its content.
    if (outcome.reason === FEED_REASON) return readFeedFile(file, { maxBytes: opts.maxFeedBytes });
    return outcome;
  }
  return {
    ok: true,
    file: outcome.file,
    format: outcome.format,
    documents: [{ key: documentKey(outcome.articles), articles: outcome.articles }],
    warnings: outcome.warnings,
  };
}
