import { decodeFeedBytes } from '../ingest/parse-feed-bytes.js';
import type { FeedState } from '../ports/feed-store.js';

export interface FetchFeedOptions {
  /** Covers the whole exchange: connecting, redirects, headers and body. */
  timeoutMs: number;
  /** The most bytes of (decoded) body read; a larger response fails without being read in full. */
  maxBytes: number;
  userAgent: string;
  /** The fetch to use; Node's global fetch (undici) by default. */
  fetch?: typeof fetch;
  /** The clock, for a Retry-After given as a date. */
  now: Date;
  /** Redirects followed before giving up; default 5. */
  maxRedirects?: number;
  /** Aborts the fetch early (shutdown). */
  signal?: AbortSignal;
}

export type FetchResult =
  | { kind: 'not-modified'; url: string }
  | {
      kind: 'ok';
      /** The URL the body came from, after redirects. */
      url: string;
      status: number;
      body: string;
      etag: string | null;
      lastModified: string | null;
      /** A note on the body ("not valid UTF-8; read as Windows-1252"), or null. */
      warning: string | null;
    }
  | {
      kind: 'failed';
      /** Short and one line: "HTTP 500", "timeout after 15 s", "response larger than 10 MB"… */
      reason: string;
      /** False when retrying soon cannot help (404, a redirect loop, a body too large). */
      retryable: boolean;
      status: number | null;
      /** The server's Retry-After, in milliseconds from `now`, when it sent one. */
      retryAfterMs: number | null;
    };

export const DEFAULT_MAX_REDIRECTS = 5;
const ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A size for people: "10 MB", "512 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} bytes`;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function failed(
  reason: string,
  retryable: boolean,
  status: number | null = null,
  retryAfterMs: number | null = null,
): FetchResult {
  return { kind: 'failed', reason, retryable, status, retryAfterMs };
}

class TooLarge extends Error {}

/**
 * Fetches a feed once. Sends the validators of the last 200 (If-None-Match, If-Modified-Since),
 * accepts gzip, deflate and brotli (fetch decodes them), follows up to 5 redirects, and fails:
 * on a timeout covering headers and body; on a body larger than `maxBytes`, as soon as the
 * Content-Length or the bytes read so far pass it (the rest is never read); on a non-2xx status.
 * Never throws.
 */
export async function fetchFeed(
  url: string,
  state: Pick<FeedState, 'etag' | 'lastModified'> | null,
  opts: FetchFeedOptions,
): Promise<FetchResult> {
  const doFetch = opts.fetch ?? fetch;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
  const headers: Record<string, string> = {
    'user-agent': opts.userAgent,
    accept: ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (state?.etag) headers['if-none-match'] = state.etag;
  if (state?.lastModified) headers['if-modified-since'] = state.lastModified;

  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const res = await doFetch(current, { method: 'GET', headers, redirect: 'manual', signal });
      if (REDIRECTS.has(res.status)) {
        await discard(res);
        const location = res.headers.get('location');
        if (!location) return failed(`HTTP ${res.status} without a Location`, false, res.status);
        if (hop >= maxRedirects)
          return failed(`too many redirects (more than ${maxRedirects})`, false, res.status);
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          return failed(`redirect to an invalid URL (${location.slice(0, 100)})`, false, res.status);
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:')
          return failed(`redirect to a non-HTTP URL (${next.protocol})`, false, res.status);
        current = next.toString();
        continue;
      }
      if (res.status === 304) {
        await discard(res);
        return { kind: 'not-modified', url: current };
      }
      if (res.status < 200 || res.status > 299) {
        await discard(res);
        const text = res.statusText ? ` ${res.statusText}` : '';
        return failed(
          `HTTP ${res.status}${text}`,
          isRetryable(res.status),
          res.status,
          retryAfter(res.headers.get('retry-after'), opts.now),
        );
      }
      const tooLarge = `response larger than ${formatBytes(opts.maxBytes)}`;
      // A compressed body's declared length is smaller than the body it decodes to, so it bounds it too.
      const declared = Number(res.headers.get('content-length') ?? Number.NaN);
      if (Number.isFinite(declared) && declared > opts.maxBytes) {
        await discard(res);
        return failed(tooLarge, false, res.status);
      }
      let bytes: Uint8Array;
      try {
        bytes = await readCapped(res, opts.maxBytes);
      } catch (error) {
        if (error instanceof TooLarge) return failed(tooLarge, false, res.status);
        throw error;
      }
      const decoded = decodeFeedBytes(bytes, res.headers.get('content-type'));
      if (!decoded.ok) return failed(`unusable body: ${decoded.reason}`, false, res.status);
      return {
        kind: 'ok',
        url: current,
        status: res.status,
        body: decoded.text,
        etag: res.headers.get('etag'),
        lastModified: res.headers.get('last-modified'),
        warning: decoded.warning,
      };
    }
  } catch (error) {
    if (timeout.aborted) return failed(`timeout after ${seconds(opts.timeoutMs)}`, true);
    if (opts.signal?.aborted) return failed('aborted', true);
    return failed(networkReason(error), true);
  }
}

function isRetryable(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP date; null when absent or unusable. */
function retryAfter(value: string | null, now: Date): number | null {
  if (!value) return null;
  const s = value.trim();
  if (/^\d+$/.test(s)) return Number(s) * 1000;
  const at = Date.parse(s);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

async function discard(res: Response): Promise<void> {
  try {
    await res.body?.cancel();
  } catch {
    // Nothing to do: the connection is dropped either way.
  }
}

/** Reads the body, failing with TooLarge as soon as more than `max` bytes have arrived. */
async function readCapped(res: Response, max: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed (try again later)',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'no response headers (timeout)',
  UND_ERR_BODY_TIMEOUT: 'response body stalled (timeout)',
};

/** A network error as a short reason: "connection refused", "host not found", "TLS error: …". */
function networkReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code && NETWORK_CODES[code]) return NETWORK_CODES[code];
  const message = cause instanceof Error ? cause.message.split('\n')[0]! : String(cause);
  if (code && /CERT|SSL|TLS/i.test(code)) return `TLS error: ${message}`;
  if (error instanceof TypeError && error.message === 'Invalid URL') return 'invalid URL';
  return `network error: ${message}${code && !message.includes(code) ? ` (${code})` : ''}`;
}
