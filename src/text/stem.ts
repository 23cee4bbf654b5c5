import { stemmer } from 'stemmer';
import { DEMONYMS } from './demonyms.js';

const cache = new Map<string, string>();
const CACHE_LIMIT = 250_000;

/**
 * Porter stem of a folded token, with demonyms mapped to their place first ("koreans" → "korea").
 * Memoised: news vocabulary is Zipfian, so almost every call is a cache hit.
 */
export function stem(token: string): string {
  let stemmed = cache.get(token);
  if (stemmed === undefined) {
    const base = DEMONYMS.get(token) ?? token;
    stemmed = base.length <= 2 || /\d/.test(base) ? base : stemmer(base);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(token, stemmed);
  }
  return stemmed;
}
