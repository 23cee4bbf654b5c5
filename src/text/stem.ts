import { stemmer } from 'stemmer';
import { DEMONYMS } from './demonyms.js';

/**
 * Porter stem of a folded token, with demonyms mapped to their place first ("koreans" → "korea").
 * Not memoised: the analysers (analyser.ts) keep each token's term, so a token is stemmed once.
 */
export function stem(token: string): string {
  const base = DEMONYMS.get(token) ?? token;
  return base.length <= 2 || /\d/.test(base) ? base : stemmer(base);
}
