import { closeSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { decodeText } from './decode-text.js';
import { FEED_REASON, parseDocument } from './parse-document.js';
import type { FileOutcome } from './types.js';

/** Files larger than this are skipped unless the caller allows more. */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
/** File extensions read as RSS/Atom feeds (see readSourceDocuments), never as news files. */
export const FEED_EXTENSIONS: ReadonlySet<string> = new Set(['.xml', '.rss', '.atom']);

/** A size for people: "512 bytes", "2.3 KB", "3.1 MB". */
function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${value.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}

function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a directory',
    ELOOP: 'too many symbolic links',
    ENAMETOOLONG: 'name too long',
  };
  return `unreadable (${(code && why[code]) ?? code ?? (error instanceof Error ? error.message : 'unknown error')})`;
}

/**
 * Reads and parses one news file. Never throws: a file that cannot be used is skipped with a
 * one-line reason (unreadable, empty, binary, larger than `maxBytes` (2 MB by default), an
 * RSS/Atom feed, malformed front matter, no title, no headline). Warnings (a missing date, an
 * unusable Google News headline) are one line each, without the file name.
 */
export async function readSourceFile(file: string, opts: { maxBytes?: number } = {}): Promise<FileOutcome> {
  return readSourceFileNow(file, opts);
}

/** A file read into memory, not yet parsed. */
interface ReadFile {
  path: string;
  bytes: Buffer;
  mtime: Date;
}

/**
 * The work of readSourceFile, synchronous: one stat, open, read and close per file. A news file is
 * a few kilobytes, so the blocking calls cost less than the thread-pool round trips of the
 * promise API (about a tenth as much per file on a busy machine); callers that read many files
 * in a row (loadDirectory) yield to the event loop between batches.
 */
function readSourceFileNow(file: string, opts: { maxBytes?: number }): FileOutcome {
  const read = readFileNow(file, opts);
  return 'bytes' in read ? parseFileNow(read) : read;
}

/**
 * Reads then parses files a batch at a time (up to READ_BATCH files or READ_BATCH_BYTES bytes):
 * the same outcomes as readSourceFile on each, in order. Reading files back to back and then
 * parsing them costs less than alternating (on a machine measured, a read took a quarter of
 * the time when it did not follow a parse).
 */
export function* readSourceFiles(
  files: readonly string[],
  opts: { maxBytes?: number } = {},
): Generator<FileOutcome, void, undefined> {
  const batch: Array<ReadFile | FileOutcome> = [];
  let next = 0;
  while (next < files.length) {
    batch.length = 0;
    let bytes = 0;
    while (next < files.length && batch.length < READ_BATCH && bytes < READ_BATCH_BYTES) {
      const read = readFileNow(files[next++]!, opts);
      if ('bytes' in read) bytes += read.bytes.length;
      batch.push(read);
    }
    for (let i = 0; i < batch.length; i++) {
      const read = batch[i]!;
      // Let the buffer go as soon as it is parsed.
      batch[i] = SKIPPED;
      yield 'bytes' in read ? parseFileNow(read) : read;
    }
  }
}

const READ_BATCH = 64;
const READ_BATCH_BYTES = 8 * 1024 * 1024;
const SKIPPED: FileOutcome = { ok: false, file: '', reason: '' };

/** Stats and reads one file; a file that cannot be used is a skip outcome with its reason. */
function readFileNow(file: string, opts: { maxBytes?: number }): ReadFile | FileOutcome {
  const path = resolve(file);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const skip = (reason: string): FileOutcome => ({ ok: false, file: path, reason });
  try {
    let info: Stats;
    try {
      info = statSync(path);
    } catch (error) {
      throw new ReadError(unreadable(error));
    }
    if (info.isDirectory()) return skip('unreadable (is a directory)');
    if (!info.isFile()) return skip('unreadable (not a regular file)');
    if (info.size > maxBytes) return skip(`larger than ${size(maxBytes)} (${size(info.size)})`);
    if (FEED_EXTENSIONS.has(extname(path).toLowerCase())) return skip(FEED_REASON);
    const bytes = readAtMost(path, maxBytes, info.size);
    if (bytes.length > maxBytes) return skip(`larger than ${size(maxBytes)} (${size(bytes.length)}+)`);
    return { path, bytes, mtime: info.mtime };
  } catch (error) {
    return skip(error instanceof ReadError ? error.message : unreadable(error));
  }
}

/** Decodes and parses a file read by readFileNow. */
function parseFileNow({ path, bytes, mtime }: ReadFile): FileOutcome {
  const skip = (reason: string): FileOutcome => ({ ok: false, file: path, reason });
  try {
    const decoded = decodeText(bytes);
    if (!decoded.ok) return skip(decoded.reason);
    const outcome = parseDocument(decoded.text, { origin: path, mtime });
    if (!outcome.ok) return skip(outcome.reason);
    const warnings = decoded.warning ? [decoded.warning, ...outcome.warnings] : outcome.warnings;
    return { ok: true, file: path, format: outcome.format, articles: outcome.articles, warnings };
  } catch (error) {
    return skip(unreadable(error));
  }
}

class ReadError extends Error {}

/**
 * Reads up to `limit + 1` bytes, so a file that grew since it was measured is still caught. The
 * buffer starts at the measured size plus one and grows only for a file that grew.
 */
function readAtMost(path: string, limit: number, measured: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    let buffer = Buffer.allocUnsafe(Math.min(measured, limit) + 1);
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (buffer.length > limit) break;
        const next = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
        buffer.copy(next, 0, 0, total);
        buffer = next;
      }
      const wanted = buffer.length - total;
      const bytesRead = readSync(fd, buffer, total, wanted, total);
      total += bytesRead;
      // A regular file reads short only at its end: no second call to learn that it is over.
      if (bytesRead < wanted) break;
    }
    return buffer.subarray(0, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * Every news file under `dir`, recursively, as absolute paths in sorted order. Dot-files and
 * dot-directories are skipped, and so is anything that is not a regular file (a symbolic link is
 * followed; a dangling one is listed, so that reading it reports it). Never throws for an
 * unreadable subdirectory: it is left out.
 */
export async function listSourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  await walk(resolve(dir), out, new Set());
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function walk(dir: string, out: string[], seen: Set<string>): Promise<void> {
  const real = await stat(dir).catch(() => null);
  const key = real ? `${real.dev}:${real.ino}` : dir;
  if (seen.has(key)) return; // a symbolic link loop
  seen.add(key);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out, seen);
    else if (entry.isFile()) out.push(path);
    else if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => null);
      if (target?.isDirectory()) await walk(path, out, seen);
      else if (target?.isFile() || (!target && (await lstat(path).catch(() => null)))) out.push(path);
    }
  }
}
