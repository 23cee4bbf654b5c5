import { pieceCount } from './clean-whitespace.js';

/**
 * Inline "related story" links that some sites set in capitals between paragraphs: "NATO WARNS
 * RUSSIA AFTER POLAND SHOOTS DOWN 'HUGE NUMBER' OF DRONES". A line with at least four words, at
 * least 15 letters, mostly letters and no lower-case letter at all.
 */
export function isRelatedStoryLine(line: string): boolean {
  if (hasAsciiLowerCase(line)) return false; // most lines: no need for the Unicode test
  const s = line.trim();
  if (/\p{Ll}/u.test(s)) return false;
  const letters = s.match(/\p{L}/gu)?.length ?? 0;
  const visible = s.replace(/\s+/g, '').length;
  return pieceCount(s, 4) >= 4 && letters >= 15 && letters / visible >= 0.6;
}

function hasAsciiLowerCase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}
