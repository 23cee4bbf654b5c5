import { createHash } from 'node:crypto';
import { tokenize } from '../text/index.js';

/** Normalised title used to detect the same headline from the same outlet: folded word tokens. */
export function titleKey(title: string): string {
  return tokenize(title).join(' ');
}

/** Normalised URL used for identity: no fragment, no tracking parameters, no trailing slash. */
export function urlKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const name of [...u.searchParams.keys()]) {
      if (/^(utm_|fbclid$|gclid$|oc$|ocid$|cmpid$|smid$)/i.test(name)) u.searchParams.delete(name);
    }
    u.hostname = u.hostname.replace(/^www\./, '');
    return u.toString().replace(/\/$/, '');
  } catch {
    return url.trim();
  }
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
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
