import { type FSWatcher, watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { listSourceFiles } from '../ingest/read-files.js';

export interface WatchFoldersOptions {
  /** Period of the full rescan (mtime and size of every file), the safety net for unreliable watches. */
  intervalMs: number;
  /** Closes the watch when aborted. */
  signal?: AbortSignal;
  /** Quiet time after the last change event before the folders are rescanned; default 300 ms. */
  debounceMs?: number;
  /**
   * A file modified less than this long ago is left for a later scan (it may still be being
   * written); default 1000 ms. Not applied by the first scan.
   */
  settleMs?: number;
  /** Use fs.watch (recursive) besides the periodic rescan; default true. */
  useFsWatch?: boolean;
  /**
   * Called when `onFile` throws (the file is tried again at the next scan) or a folder cannot be
   * watched or read; default: a process warning.
   */
  onError?: (error: unknown, where: string) => void;
}

export interface FolderWatch {
  /** Scans now (after any scan in progress); resolves when the new and changed files are handled. */
  rescan(): Promise<void>;
  /** Stops watching; resolves when the file being handled is done. */
  close(): Promise<void>;
}

/**
 * Watches folders of news files: calls `onFile` once for every file at the start (resolving when
 * that first pass is done), then again for each file that is added or changed (by mtime and size).
 * Changes are noticed through `fs.watch(dir, { recursive: true })`, debounced, and by a periodic
 * rescan. Files are handled one at a time. Dot-files are ignored, so a writer that writes
 * `.name.tmp` and renames it is never read half-written. A missing folder is reported and watched
 * for again at each rescan.
 */
export async function watchFolders(
  dirs: readonly string[],
  onFile: (file: string) => Promise<void>,
  opts: WatchFoldersOptions,
): Promise<FolderWatch> {
  const roots = [...new Set(dirs.map((d) => resolve(d)))];
  const debounceMs = opts.debounceMs ?? 300;
  const settleMs = opts.settleMs ?? 1000;
  const useFsWatch = opts.useFsWatch ?? true;
  const onError =
    opts.onError ??
    ((error: unknown, where: string) =>
      process.emitWarning(
        `${where}: ${error instanceof Error ? error.message : String(error)}`,
        'FolderWatch',
      ));

  const known = new Map<string, string>();
  const watchers = new Map<string, FSWatcher>();
  const reported = new Set<string>();
  let closed = false;
  let first = true;
  let scanning: Promise<void> | null = null;
  let again = false;
  let debounceTimer: NodeJS.Timeout | undefined;
  let settleTimer: NodeJS.Timeout | undefined;

  const reportOnce = (key: string, error: unknown, where: string) => {
    if (reported.has(key)) return;
    reported.add(key);
    onError(error, where);
  };

  const startWatcher = (dir: string) => {
    if (!useFsWatch || watchers.has(dir) || closed) return;
    try {
      const watcher = watch(dir, { recursive: true, persistent: true }, (_event, name) => {
        if (name && basename(name.toString()).startsWith('.')) return;
        clearTimeout(debounceTimer);
        debounceTimer = setTimeout(() => void scan(), debounceMs);
      });
      watcher.on('error', (error) => {
        watcher.close();
        watchers.delete(dir);
        onError(error, `watching ${dir}`);
      });
      watchers.set(dir, watcher);
      reported.delete(`watch:${dir}`);
    } catch (error) {
      reportOnce(`watch:${dir}`, error, `watching ${dir} (rescanning every ${opts.intervalMs} ms instead)`);
    }
  };

  const scanOnce = async () => {
    const seen = new Set<string>();
    let unsettled = false;
    for (const dir of roots) {
      const info = await stat(dir).catch((error: unknown) => {
        reportOnce(`dir:${dir}`, error, `reading ${dir}`);
        return null;
      });
      if (!info) continue;
      if (!info.isDirectory()) {
        reportOnce(`dir:${dir}`, new Error('not a folder'), `reading ${dir}`);
        continue;
      }
      reported.delete(`dir:${dir}`);
      startWatcher(dir);
      for (const file of await listSourceFiles(dir)) {
        if (closed) return;
        seen.add(file);
        const fileInfo = await stat(file).catch(() => null);
        if (!fileInfo?.isFile()) continue;
        const signature = `${fileInfo.mtimeMs}:${fileInfo.size}`;
        if (known.get(file) === signature) continue;
        const age = Date.now() - fileInfo.mtimeMs;
        if (!first && age >= 0 && age < settleMs) {
          unsettled = true;
          continue;
        }
        try {
          await onFile(file);
          known.set(file, signature);
        } catch (error) {
          onError(error, file);
        }
      }
    }
    for (const file of known.keys()) if (!seen.has(file)) known.delete(file);
    if (unsettled && !closed) {
      clearTimeout(settleTimer);
      settleTimer = setTimeout(() => void scan(), settleMs);
    }
  };

  const scan = (): Promise<void> => {
    if (closed) return Promise.resolve();
    if (scanning) {
      again = true;
      return scanning;
    }
    scanning = (async () => {
      try {
        do {
          again = false;
          await scanOnce();
          first = false;
        } while (again && !closed);
      } catch (error) {
        onError(error, 'scanning folders');
      } finally {
        scanning = null;
      }
    })();
    return scanning;
  };

  await scan();
  const interval = setInterval(() => void scan(), opts.intervalMs);

  const close = async () => {
    if (closed) return;
    closed = true;
    clearInterval(interval);
    clearTimeout(debounceTimer);
    clearTimeout(settleTimer);
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
    opts.signal?.removeEventListener('abort', onAbort);
    await scanning;
  };
  const onAbort = () => void close();
  if (opts.signal?.aborted) await close();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });

  return { rescan: scan, close };
}
