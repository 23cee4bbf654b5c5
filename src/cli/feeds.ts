import { parseArgs } from 'node:util';
import { loadFeedList, normaliseFeedUrl } from '../feeds/feed-list.js';
import { fetchFeed } from '../feeds/fetch-feed.js';
import { DEFAULT_POLL_OPTIONS } from '../feeds/poll-feed.js';
import { parseFeed } from '../ingest/parse-feed.js';
import { type FeedState, type FeedStore, newFeedState } from '../ports/feed-store.js';
import { type CliCommand, type CliIO, UsageError } from './io.js';

/** Opens the feed store the CLI works on (Redis in production); `close` is called when done. */
export type OpenFeedStore = () => Promise<{ store: FeedStore; close(): Promise<void> }>;

export type FeedStatus = 'ok' | 'new' | 'failing' | 'disabled';

/** A feed as `feeds list --json` prints it: its stored state and its status. */
export interface FeedRecord extends FeedState {
  status: FeedStatus;
}

const USAGE = `Usage: newsbrief feeds <command> …

Manages the RSS and Atom feeds newsbrief polls.

Commands:
  add <url…>       add feeds to poll; a disabled feed is enabled again
  remove <url…>    stop polling feeds and forget their state
  list [--json]    every feed: status (ok, failing, disabled and why), last fetch
                   and its outcome, articles seen, next attempt
  check <url>      fetch a feed once and show what newsbrief reads from it,
                   without adding it

Feeds listed in FEEDS are added again at every start of the worker: to remove
one for good, take it out of FEEDS too.

Options:
  --json           (list) print the feeds as JSON
  -h, --help       show this help`;

export function feedStatus(state: FeedState): FeedStatus {
  if (state.disabledReason) return 'disabled';
  if (state.consecutiveFailures > 0) return 'failing';
  return state.lastFetchedAt ? 'ok' : 'new';
}

function when(iso: string, now: Date): string {
  const at = new Date(iso);
  const shown = `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  const minutes = Math.round((at.getTime() - now.getTime()) / 60_000);
  const span = (m: number) =>
    m < 60 ? `${m} min` : m < 48 * 60 ? `${Math.round(m / 60)} h` : `${Math.round(m / 1440)} days`;
  if (minutes === 0) return `${shown} (now)`;
  return minutes < 0 ? `${shown} (${span(-minutes)} ago)` : `${shown} (in ${span(minutes)})`;
}

function statusLine(state: FeedState): string {
  switch (feedStatus(state)) {
    case 'disabled': {
      const reason = state.disabledReason ?? '';
      return /^disabled\b/i.test(reason) ? reason : `disabled: ${reason}`;
    }
    case 'failing':
      return `failing (${state.consecutiveFailures}): ${state.lastError ?? state.lastOutcome ?? 'unknown error'}`;
    case 'new':
      return 'new (not fetched yet)';
    default:
      return 'ok';
  }
}

/** The text of `feeds list`: one block per feed. */
export function renderFeedList(feeds: FeedState[], now: Date): string {
  if (feeds.length === 0) return 'No feeds. Add one with: newsbrief feeds add <url>\n';
  const counts = new Map<FeedStatus, number>();
  for (const f of feeds) counts.set(feedStatus(f), (counts.get(feedStatus(f)) ?? 0) + 1);
  const parts = (['ok', 'new', 'failing', 'disabled'] as const)
    .filter((s) => counts.has(s))
    .map((s) => `${counts.get(s)} ${s}`);
  const lines = [`${feeds.length} feed${feeds.length === 1 ? '' : 's'} (${parts.join(', ')})`, ''];
  for (const f of feeds) {
    const next = f.disabledReason
      ? 'none (disabled; "newsbrief feeds add" enables it again)'
      : f.nextAttemptAt && Date.parse(f.nextAttemptAt) > now.getTime()
        ? when(f.nextAttemptAt, now)
        : 'at the next poll';
    lines.push(
      f.url,
      `  status         ${statusLine(f)}`,
      `  last fetch     ${f.lastFetchedAt ? when(f.lastFetchedAt, now) : 'never'}`,
      `  last outcome   ${f.lastOutcome ?? '-'}`,
      `  articles seen  ${f.articlesSeen}`,
      `  next attempt   ${next}`,
      '',
    );
  }
  return `${lines.join('\n')}`;
}

async function withStore<T>(open: OpenFeedStore, use: (store: FeedStore) => Promise<T>): Promise<T> {
  const { store, close } = await open();
  try {
    return await use(store);
  } finally {
    await close();
  }
}

/** URLs from the arguments, normalised; invalid ones are reported on stderr. */
function urlArguments(args: string[], io: CliIO, what: string): { urls: string[]; invalid: number } {
  if (args.length === 0) throw new UsageError(`feeds ${what} needs at least one URL`);
  const urls: string[] = [];
  let invalid = 0;
  for (const arg of args) {
    const check = normaliseFeedUrl(arg);
    if (check.ok) {
      if (!urls.includes(check.url)) urls.push(check.url);
    } else {
      io.stderr(`invalid: ${JSON.stringify(arg)}: ${check.reason}\n`);
      invalid++;
    }
  }
  return { urls, invalid };
}

async function add(args: string[], io: CliIO, open: OpenFeedStore): Promise<number> {
  const { urls, invalid } = urlArguments(args, io, 'add');
  if (urls.length > 0)
    await withStore(open, async (store) => {
      for (const url of urls) {
        const existing = await store.get(url);
        if (!existing) {
          await store.put(newFeedState(url, io.now()));
          io.stdout(`added: ${url}\n`);
        } else if (existing.disabledReason) {
          const was = existing.disabledReason;
          await store.put({ ...existing, disabledReason: null, consecutiveFailures: 0, nextAttemptAt: null });
          io.stdout(`enabled again: ${url} (was ${/^disabled\b/i.test(was) ? was : `disabled: ${was}`})\n`);
        } else {
          io.stdout(`already added: ${url}\n`);
        }
      }
    });
  return invalid > 0 ? 1 : 0;
}

async function remove(args: string[], io: CliIO, open: OpenFeedStore): Promise<number> {
  const { urls, invalid } = urlArguments(args, io, 'remove');
  let missing = 0;
  const configured = new Set((await loadFeedList(io.env.FEEDS)).urls);
  if (urls.length > 0)
    await withStore(open, async (store) => {
      for (const url of urls) {
        if (await store.remove(url)) io.stdout(`removed: ${url}\n`);
        else {
          io.stderr(`not found: ${url}\n`);
          missing++;
        }
        if (configured.has(url))
          io.stderr(
            `note: ${url} is listed in FEEDS and will be added again at the next start; take it out of FEEDS to remove it for good\n`,
          );
      }
    });
  return invalid + missing > 0 ? 1 : 0;
}

async function list(json: boolean, io: CliIO, open: OpenFeedStore): Promise<number> {
  const feeds = await withStore(open, (store) => store.list());
  if (json) {
    const records: FeedRecord[] = feeds.map((f) => ({ ...f, status: feedStatus(f) }));
    io.stdout(`${JSON.stringify(records, null, 2)}\n`);
  } else io.stdout(renderFeedList(feeds, io.now()));
  return 0;
}

async function check(args: string[], io: CliIO, fetchImpl: typeof fetch | undefined): Promise<number> {
  if (args.length !== 1) throw new UsageError('feeds check needs exactly one URL');
  const checked = normaliseFeedUrl(args[0]!);
  if (!checked.ok) {
    io.stderr(`invalid: ${JSON.stringify(args[0])}: ${checked.reason}\n`);
    return 1;
  }
  const now = io.now();
  const fetched = await fetchFeed(checked.url, null, {
    timeoutMs: DEFAULT_POLL_OPTIONS.timeoutMs,
    maxBytes: DEFAULT_POLL_OPTIONS.maxBytes,
    userAgent: DEFAULT_POLL_OPTIONS.userAgent,
    fetch: fetchImpl,
    now,
  });
  if (fetched.kind !== 'ok') {
    io.stderr(`${checked.url}: ${fetched.kind === 'failed' ? fetched.reason : 'not modified'}\n`);
    return 1;
  }
  const feed = parseFeed(fetched.body, { origin: checked.url, now, nowLabel: 'the time it was fetched' });
  if (!feed.ok) {
    const reason = /\bnot a feed\b/.test(feed.reason) ? feed.reason : `not a feed: ${feed.reason}`;
    io.stderr(`${checked.url}: ${reason}\n`);
    return 1;
  }
  const articles = feed.items.flat();
  const lines = [
    `${feed.kind === 'rss' ? 'RSS' : 'Atom'} feed "${feed.title}": ${feed.items.length} item${feed.items.length === 1 ? '' : 's'}, ${articles.length} article${articles.length === 1 ? '' : 's'}${feed.skipped > 0 ? ` (${feed.skipped} skipped)` : ''}`,
    ...articles
      .slice(0, 10)
      .map(
        (a) => `  ${a.publishedAt.slice(0, 16).replace('T', ' ')}  ${a.title} (${a.outlet || 'no outlet'})`,
      ),
    ...(articles.length > 10 ? [`  … and ${articles.length - 10} more`] : []),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  for (const warning of [...(fetched.warning ? [fetched.warning] : []), ...feed.warnings])
    io.stderr(`warning: ${warning}\n`);
  return 0;
}

/**
 * The `feeds` command, working on the store that `openStore` opens (the lead wires Redis from
 * REDIS_URL); `fetch` is for `feeds check` (tests pass a fake).
 */
export function createFeedsCommand(
  openStore: OpenFeedStore,
  opts: { fetch?: typeof fetch } = {},
): CliCommand {
  return {
    name: 'feeds',
    summary: 'Add, remove, list and check the RSS/Atom feeds newsbrief polls',
    usage: USAGE,
    async run(args, io) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { json: { type: 'boolean' } },
      });
      const [sub, ...rest] = positionals;
      if (values.json && sub !== 'list') throw new UsageError('--json goes with feeds list');
      switch (sub) {
        case 'add':
          return add(rest, io, openStore);
        case 'remove':
        case 'rm':
          return remove(rest, io, openStore);
        case 'list':
        case 'ls':
          if (rest.length > 0) throw new UsageError('feeds list takes no arguments');
          return list(values.json ?? false, io, openStore);
        case 'check':
          return check(rest, io, opts.fetch);
        case undefined:
          throw new UsageError('feeds needs a command: add, remove, list or check');
        default:
          throw new UsageError(`unknown feeds command "${sub}"`);
      }
    },
  };
}
