import * as crypto from 'node:crypto';
import { tokenize } from '../text/index.js';

/** Normalised title used to detect the same headline from the same outlet: folded word tokens. */
export function titleKey(title: string): string {
  return tokenize(title).join(' ');
}

/** Query parameters that only track a click: left out of a URL's identity. */
const TRACKING_PARAM = /^(utm_|fbclid$|gclid$|oc$|ocid$|cmpid$|smid$)/i;

/**
 * A URL the fast path of urlKey reads itself: lower-case http(s) scheme and host name (no port,
 * no user, no numeric last label, which the URL parser would read as an IPv4 address), a path of
 * characters the URL parser leaves as they are and without dot segments, a query of letters,
 * digits and `-._*=&` (which neither the parser nor a re-serialised URLSearchParams changes), any
 * fragment. Punycode hosts ("xn--") and "%2e" dots go the long way.
 */
const PLAIN_URL =
  /^(https?:\/\/)(?:www\.)?((?:[a-z0-9-]+\.)*[a-z-][a-z0-9-]*)((?:\/[A-Za-z0-9\-_~!$&'()*+,;=:@%][A-Za-z0-9\-._~!$&'()*+,;=:@%]*|\/)*)(?:\?([A-Za-z0-9\-._*=&]*))?(?:#.*)?$/;

/** Normalised URL used for identity: no fragment, no tracking parameters, no trailing slash. */
export function urlKey(url: string): string {
  // Most news URLs are plain: normalised here as the URL parser would, without building a URL.
  const plain = PLAIN_URL.exec(url);
  if (plain && !/%2e/i.test(plain[3]!) && !plain[2]!.includes('xn--'))
    return plainUrlKey(plain[1]!, plain[2]!, plain[3]!, plain[4]);
  try {
    const u = new URL(url);
    u.hash = '';
    for (const name of [...u.searchParams.keys()]) {
      if (TRACKING_PARAM.test(name)) u.searchParams.delete(name);
    }
    u.hostname = u.hostname.replace(/^www\./, '');
    return u.toString().replace(/\/$/, '');
  } catch {
    return url.trim();
  }
}

/**
 * urlKey of a URL PLAIN_URL matched: an empty path is "/"; a query that loses a tracking
 * parameter is written again as URLSearchParams writes it (`name=value` joined by "&", nothing
 * when none is left), one that keeps them all stays as it is.
 */
function plainUrlKey(scheme: string, host: string, path: string, query: string | undefined): string {
  let out = `${scheme}${host}${path === '' ? '/' : path}`;
  if (query !== undefined) {
    let removed = false;
    const kept: string[] = [];
    for (const pair of query.split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      if (TRACKING_PARAM.test(eq < 0 ? pair : pair.slice(0, eq))) removed = true;
      else kept.push(eq < 0 ? `${pair}=` : pair);
    }
    if (!removed) out += `?${query}`;
    else if (kept.length > 0) out += `?${kept.join('&')}`;
  }
  return out.endsWith('/') ? out.slice(0, -1) : out;
}

/** One-shot hashing (Node ≥ 20.12) where there is one: a tenth of the cost of createHash for a short text. */
const oneShot: ((algorithm: string, data: string) => string) | undefined =
  typeof crypto.hash === 'function' ? crypto.hash : undefined;

function hash(text: string): string {
  const hex = oneShot ? oneShot('sha1', text) : crypto.createHash('sha1').update(text).digest('hex');
  return hex.slice(0, 16);
}

/**
 * Stable article id: from the URL when there is one, else from outlet, title and day, so the same
 * article read on two machines or twice on one gets the same id.
 */
export function articleId(a: {
  url: string | null;
  outlet: string;
  title: string;
  publishedAt: string;
}): string {
  if (a.url) return `a_${hash(`u:${urlKey(a.url)}`)}`;
  return `a_${hash(`t:${titleKey(a.outlet)}|${titleKey(a.title)}|${a.publishedAt.slice(0, 10)}`)}`;
}

/** Stable id for a group of articles published together (a Google News item). */
export function clusterId(seed: string): string {
  return `c_${hash(seed)}`;
}
