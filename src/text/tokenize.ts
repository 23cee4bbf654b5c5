import { fold } from './fold.js';

// Dotted acronyms ("U.S.", "U.N.") become one token ("us", "un") before word splitting.
const DOTTED_ACRONYM = /\b(?:\p{L}\.){2,}/gu;
/** In lower-case ASCII text, DOTTED_ACRONYM can only match where this does. */
const MAY_HAVE_ACRONYM = /[a-z]\.[a-z]\./;

/** Folded word tokens, possessive "'s" removed, inner apostrophes dropped ("don't" → "dont"). */
export function tokenize(text: string): string[] {
  // Fast path for ASCII text (most news text): folding is lower-casing, \p{L} is [a-z] and \p{N}
  // is [0-9], so a character scan finds exactly the tokens the WORD pattern finds.
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) return tokenizeFolded(fold(text));
  }
  let lower = text.toLowerCase();
  if (MAY_HAVE_ACRONYM.test(lower)) lower = lower.replace(DOTTED_ACRONYM, (m) => m.replace(/\./g, ''));
  return scanAscii(lower);
}

/** Text with non-ASCII characters: folded, then the same scan with a Unicode test per character. */
function tokenizeFolded(folded: string): string[] {
  return scanUnicode(folded.replace(DOTTED_ACRONYM, (m) => m.replace(/\./g, '')));
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Per BMP code unit (surrogates aside): 0 = not yet known, 1 = \p{L} or \p{N}, 2 = neither. */
const wordUnits = new Uint8Array(0x10000);
const wordAstral = new Map<number, boolean>();

/** Whether a code point is \p{L} or \p{N}; answers are cached. */
function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  if (cp < 0x10000) {
    let known = wordUnits[cp]!;
    if (known === 0) {
      known = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 2;
      wordUnits[cp] = known;
    }
    return known === 1;
  }
  let astral = wordAstral.get(cp);
  if (astral === undefined) {
    astral = WORD_CHAR.test(String.fromCodePoint(cp));
    wordAstral.set(cp, astral);
  }
  return astral;
}

/** The code point at i (a surrogate pair is one; a lone surrogate is itself). */
function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? s.codePointAt(i)! : c;
}

/** WORD's matches (it works on code points: a surrogate pair is one character). */
function scanUnicode(s: string): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const cp = codePointAt(s, i);
    const width = cp > 0xffff ? 2 : 1;
    if (!isWordCodePoint(cp)) {
      i += width;
      continue;
    }
    const start = i;
    let apostrophe = false;
    i += width;
    for (;;) {
      while (i < n) {
        const c = codePointAt(s, i);
        if (!isWordCodePoint(c)) break;
        i += c > 0xffff ? 2 : 1;
      }
      if (i + 1 < n && s.charCodeAt(i) === 39 && isWordCodePoint(codePointAt(s, i + 1))) {
        apostrophe = true;
        i += 1;
        continue;
      }
      break;
    }
    if (apostrophe) pushToken(out, s.slice(start, i));
    else out.push(s.slice(start, i));
  }
  return out;
}

function pushToken(out: string[], raw: string): void {
  let token = raw;
  if (token.endsWith("'s")) token = token.slice(0, -2);
  if (token.includes("'")) token = token.replace(/'/g, '');
  if (token.length > 0) out.push(token);
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** WORD's matches in lower-case ASCII text: runs of [a-z0-9], joined by single inner apostrophes. */
function scanAscii(s: string): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let apostrophe = false;
    i++;
    for (;;) {
      while (i < n && isWordChar(s.charCodeAt(i))) i++;
      if (i + 1 < n && s.charCodeAt(i) === 39 && isWordChar(s.charCodeAt(i + 1))) {
        apostrophe = true;
        i += 2;
        continue;
      }
      break;
    }
    if (apostrophe) pushToken(out, s.slice(start, i));
    else out.push(s.slice(start, i));
  }
  return out;
}
