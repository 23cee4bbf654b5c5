import { pieceCount, visibleLength } from './clean-whitespace.js';

/**
 * Inline "related story" links that some sites set in capitals between paragraphs: "NATO WARNS
 * RUSSIA AFTER POLAND SHOOTS DOWN 'HUGE NUMBER' OF DRONES". A line with at least four words, at
 * least 15 letters, mostly letters and no lower-case letter at all.
 */
export function isRelatedStoryLine(line: string): boolean {
  if (hasAsciiLowerCase(line)) return false; // most lines: no need for the Unicode test
  const s = line.trim();
  // ASCII text (without lower-case letters, as found above) is counted without the Unicode patterns.
  let letters = asciiLetters(s);
  if (letters < 0) {
    if (/\p{Ll}/u.test(s)) return false;
    letters = s.match(/\p{L}/gu)?.length ?? 0;
  }
  const visible = visibleLength(s);
  return pieceCount(s, 4) >= 4 && letters >= 15 && letters / visible >= 0.6;
}

/** The number of letters in ASCII text without lower-case letters; -1 for text that is not ASCII. */
function asciiLetters(text: string): number {
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return -1;
    if (c >= 65 && c <= 90) letters++;
  }
  return letters;
}

function hasAsciiLowerCase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}
