import { pieceCount } from './clean-whitespace.js';

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
  let visible: number;
  if (letters >= 0) visible = asciiVisible(s);
  else {
    if (/\p{Ll}/u.test(s)) return false;
    letters = s.match(/\p{L}/gu)?.length ?? 0;
    visible = s.replace(/\s+/g, '').length;
  }
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

/** The number of characters of ASCII text that are not whitespace. */
function asciiVisible(text: string): number {
  let visible = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && !(c >= 9 && c <= 13)) visible++;
  }
  return visible;
}

function hasAsciiLowerCase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}
