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
  /** Whether the text repeats the words of one seen before; records it if not. Texts without words never repeat. */
  const repeats = (text: string): boolean => {
    const h = tokenCharsHash(text);
    const bucket = seen.get(h);
    if (bucket === undefined) {
      if (h !== NO_WORDS || wordsOf(text) !== '') seen.set(h, [text]);
      return false;
    }
    const words = wordsOf(text);
    if (words === '') return false;
    if (bucket.some((other) => wordsOf(other) === words)) return true;
    bucket.push(text);
    return false;
  };
  for (const t of alsoSeen) repeats(t);
  return paragraphs.filter((p) => !repeats(p));
}
