import { readFile } from 'node:fs/promises';
import { type FeedStore, newFeedState } from '../ports/feed-store.js';

export type FeedUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Checks a feed URL and puts it in the one form used as its key everywhere (the FEEDS list, the
 * CLI, the store): `new URL(…).href`, without a fragment. Only http and https; no user name or
 * password (they would be shown by `feeds list` and in logs).
 */
export function normaliseFeedUrl(raw: string): FeedUrlCheck {
  const value = raw.trim();
  if (value === '') return { ok: false, reason: 'empty' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    const hint = /^[\w-]+(?:\.[\w-]+)+(?:[/:?]|$)/.test(value) ? ' (missing http:// or https://)' : '';
    return { ok: false, reason: `not a URL${hint}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, reason: `not an http or https URL (${url.protocol.replace(/:$/, '')})` };
  if (url.hostname === '') return { ok: false, reason: 'no host name' };
  if (url.username || url.password)
    return { ok: false, reason: 'user names and passwords in feed URLs are not supported' };
  url.hash = '';
  return { ok: true, url: url.href };
}

export interface FeedList {
  /** Valid URLs, normalised, without duplicates, in the order given. */
  urls: string[];
  /** One line per invalid entry: `line 3: "ftp://x": not an http or https URL`. */
  errors: string[];
}

function quoted(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
}

/**
 * Parses a list of feed URLs separated by commas, whitespace or newlines. Lines starting with "#"
 * and text after " #" are comments; blank lines are ignored. Invalid entries are reported (with
 * their line number when the text has several lines) and left out; the rest are kept.
 */
export function parseFeedList(text: string): FeedList {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n?|\n/);
  const numbered = lines.length > 1;
  const urls: string[] = [];
  const errors: string[] = [];
  lines.forEach((line, i) => {
    const content = line.replace(/(?:^|\s)#.*$/, '');
    for (const entry of content.split(/[\s,]+/)) {
      if (entry === '') continue;
      const check = normaliseFeedUrl(entry);
      if (!check.ok) errors.push(`${numbered ? `line ${i + 1}: ` : ''}${quoted(entry)}: ${check.reason}`);
      else if (!urls.includes(check.url)) urls.push(check.url);
    }
  });
  return { urls, errors };
}

/**
 * Reads the FEEDS setting: a list of URLs (see parseFeedList), or, when the value contains no
 * "://", the path of a file with one URL per line. An unreadable file is an error line and an empty
 * list (the feeds already in the store keep being polled).
 */
export async function loadFeedList(
  value: string | undefined,
  read: (path: string) => Promise<string> = (path) => readFile(path, 'utf8'),
): Promise<FeedList & { source: string }> {
  const v = (value ?? '').trim();
  if (v === '') return { urls: [], errors: [], source: 'FEEDS' };
  if (v.includes('://')) return { ...parseFeedList(v), source: 'FEEDS' };
  let text: string;
  try {
    text = await read(v);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? String(error));
    return {
      urls: [],
      errors: [`cannot read ${v} (${why}); FEEDS is a list of feed URLs or the path of a file listing them`],
      source: v,
    };
  }
  const list = parseFeedList(text);
  return { ...list, errors: list.errors.map((e) => `${v}: ${e}`), source: v };
}

/**
 * Adds the listed feeds that the store does not have. FEEDS is additive and re-read at every start:
 * feeds added with `newsbrief feeds add` stay when they are not listed; a listed feed removed with
 * `newsbrief feeds remove` comes back at the next start (take it out of FEEDS to remove it for
 * good); a disabled feed stays disabled (`feeds add` enables it again).
 */
export async function syncFeeds(
  urls: readonly string[],
  store: FeedStore,
  now: Date,
): Promise<{ added: string[]; existing: string[] }> {
  const added: string[] = [];
  const existing: string[] = [];
  for (const url of urls) {
    if (await store.get(url)) existing.push(url);
    else {
      await store.put(newFeedState(url, now));
      added.push(url);
    }
  }
  return { added, existing };
}
