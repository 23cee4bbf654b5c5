import { tokenCharsHash } from '../text/analyser.js';
import { tokenize } from '../text/index.js';

const NO_WORDS = tokenCharsHash('');

function wordsOf(text: string): string {
  return tokenize(text).join(' ');
}

/**
 * Drops paragraphs that repeat an earlier one (compared by their folded words, so spacing, case
 * and punctuation differences do not matter), keeping the first; also drops paragraphs that only
 * repeat one of `alsoSeen` (the headline, say). Words are compared only between texts whose
 * `tokenCharsHash` agrees.
 */
export function dropRepeatedParagraphs(
  paragraphs: readonly string[],
  alsoSeen: readonly string[] = [],
): string[] {
  const seen = new Map<number, string[]>();
  for (const t of alsoSeen) repeats(t, seen);
  const out: string[] = [];
  for (const p of paragraphs) if (!repeats(p, seen)) out.push(p);
  return out;
}

/**
 * Whether the text repeats the words of one in `seen` (texts by `tokenCharsHash`); records it
 * there if not. Texts without words never repeat.
 */
function repeats(text: string, seen: Map<number, string[]>): boolean {
  const h = tokenCharsHash(text);
  const bucket = seen.get(h);
  if (bucket === undefined) {
    if (h !== NO_WORDS || wordsOf(text) !== '') seen.set(h, [text]);
    return false;
  }
  const words = wordsOf(text);
  if (words === '') return false;
  for (const other of bucket) if (wordsOf(other) === words) return true;
  bucket.push(text);
  return false;
}
