import { fold } from './fold.js';
import { stem } from './stem.js';
import { STOPWORDS } from './stopwords.js';

// Dotted acronyms ("U.S.", "U.N.") become one token ("us", "un") before word splitting.
const DOTTED_ACRONYM = /\b(?:\p{L}\.){2,}/gu;
const WORD = /[\p{L}\p{N}]+(?:['][\p{L}\p{N}]+)*/gu;

/** Folded word tokens, possessive "'s" removed, inner apostrophes dropped ("don't" → "dont"). */
export function tokenize(text: string): string[] {
  const folded = fold(text).replace(DOTTED_ACRONYM, (m) => m.replace(/\./g, ''));
  const out: string[] = [];
  for (const match of folded.matchAll(WORD)) {
    let token = match[0];
    if (token.endsWith("'s")) token = token.slice(0, -2);
    if (token.includes("'")) token = token.replace(/'/g, '');
    if (token.length > 0) out.push(token);
  }
  return out;
}

/** Index terms: tokens without stopwords, stemmed. The one analyser shared by search and grouping. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    if (STOPWORDS.has(token)) continue;
    out.push(stem(token));
  }
  return out;
}
