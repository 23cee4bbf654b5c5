import { tokenize } from '../text/index.js';

/**
 * Drops paragraphs that repeat an earlier one (compared by their folded words, so spacing, case
 * and punctuation differences do not matter), keeping the first; also drops paragraphs that only
 * repeat one of `alsoSeen` (the headline, say).
 */
export function dropRepeatedParagraphs(
  paragraphs: readonly string[],
  alsoSeen: readonly string[] = [],
): string[] {
  const seen = new Set(alsoSeen.map((t) => tokenize(t).join(' ')).filter((k) => k !== ''));
  const out: string[] = [];
  for (const p of paragraphs) {
    const key = tokenize(p).join(' ');
    if (key === '') {
      out.push(p);
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}
