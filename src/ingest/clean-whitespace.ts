// Zero-width and other invisible characters that scraped pages leave in text.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
// Every horizontal space, including no-break, thin and ideographic spaces.
const SPACES = /[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;

// Text that collapseWhitespace changes: an invisible character, whitespace other than a single
// space between two other characters. Text without any is returned as it is.
const NEEDS_COLLAPSE = /[\u200b-\u200d\u2060\ufeff\u00ad]|[^\S ]| {2}|^ | $/;
// A line that normaliseLines changes (after invisible characters are gone): horizontal space other
// than a single space, or whitespace at either end.
const NEEDS_SPACING = /[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]| {2}|^\s|\s$/;
const HAS_INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
// Text (after invisible characters are gone) in which some line needs spacing, as NEEDS_SPACING
// finds it line by line: lines end at "\n", and no other line terminator is left.
const ANY_NEEDS_SPACING = /[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]| {2}|^ | $| \n|\n /;
const HAS_LINE_SEPARATOR = /[\u2028\u2029]/;
// Either of the two above, so that most text is scanned once for both.
const HAS_SEPARATOR_OR_INVISIBLE = /[\u2028\u2029\u200b-\u200d\u2060\ufeff\u00ad]/;

/** One line of text: invisible characters removed, every run of whitespace (newlines too) one space. */
export function collapseWhitespace(text: string): string {
  if (!NEEDS_COLLAPSE.test(text)) return text;
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * Normalises line endings (CRLF and lone CR become LF), removes invisible characters, collapses
 * horizontal whitespace within each line and trims every line; paragraph structure is kept.
 */
export function normaliseLines(text: string): string {
  // Each replacement is skipped when the text has nothing it would replace.
  let out = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (HAS_SEPARATOR_OR_INVISIBLE.test(out)) {
    if (HAS_LINE_SEPARATOR.test(out)) out = out.replace(/[\u2028\u2029]/g, '\n');
    if (HAS_INVISIBLE.test(out)) out = out.replace(INVISIBLE, '');
  }
  if (!ANY_NEEDS_SPACING.test(out)) return out;
  return out
    .split('\n')
    .map((line) => (NEEDS_SPACING.test(line) ? line.replace(SPACES, ' ').trim() : line))
    .join('\n');
}

/**
 * Splits text into paragraphs: blocks separated by blank lines, and within a block each line,
 * except that a line broken in mid-sentence (no closing punctuation, next line starts in lower
 * case or with a number) is joined with the next one (hard-wrapped text). A line for which
 * `standsAlone` is true (a heading: "KEYWORDS") is never joined with the next.
 */
export function splitParagraphs(text: string, standsAlone?: (line: string) => boolean): string[] {
  const out: string[] = [];
  let current = '';
  // One pass over the lines: an empty line ends a block (normaliseLines leaves blank lines empty).
  for (const line of normaliseLines(text).split('\n')) {
    if (!line) {
      if (current) out.push(current);
      current = '';
    } else if (current && !endsClause(current) && opensContinuation(line) && !standsAlone?.(current)) {
      current = `${current} ${line}`;
    } else {
      if (current) out.push(current);
      current = line;
    }
  }
  if (current) out.push(current);
  return out;
}

/** `/[.!?:;"'”’)\]]$/.test(text)`: closing punctuation, a quote or a bracket ends the text. */
function endsClause(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return (
    c === 46 ||
    c === 33 ||
    c === 63 ||
    c === 58 ||
    c === 59 ||
    c === 34 ||
    c === 39 ||
    c === 0x201d ||
    c === 0x2019 ||
    c === 41 ||
    c === 93
  );
}

/**
 * `/^[\p{Ll}\d(]/u.test(line)`: a lower-case letter, digit or "(" opens the line (ASCII without
 * the pattern), unless the line is an item of a numbered list ("1. …", "2) …"), a reading time
 * ("3 min read") or an e-mail address alone: those start lines of their own.
 */
function opensContinuation(line: string): boolean {
  const c = line.charCodeAt(0);
  if (c >= 48 && c <= 57) return !LIST_ITEM.test(line) && !READING_TIME.test(line);
  if (c < 128) return ((c >= 97 && c <= 122) || c === 40) && !(line.includes('@') && EMAIL_LINE.test(line));
  return /^\p{Ll}/u.test(line);
}

const LIST_ITEM = /^\d{1,2}[.)]\s/;
/** An e-mail address, as a pattern source. */
export const EMAIL = '[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+';
/** Bullets and arrows that pages set before links and prompts, as a character class's contents. */
export const BULLETS = '▶►▸▷•·»>*■□◆◇●○→';
/** "3 min read", "5-minute read": a page's reading time, on a line of its own. */
export const READING_TIME = /^\d{1,3}[\s-]*min(?:ute)?s?\.?\s+read$/i;
const EMAIL_LINE = new RegExp(`^${EMAIL}$`);

/**
 * `text.split(/\s+/).length` (whitespace runs plus one), counted only up to `cap`: the answer is
 * exact below `cap` and `cap` otherwise, without splitting a long text to compare its length.
 */
export function pieceCount(text: string, cap: number): number {
  let pieces = 1;
  let inRun = false;
  for (let i = 0; i < text.length && pieces < cap; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (space && !inRun) pieces++;
    inRun = space;
  }
  return pieces;
}

/** `text.replace(/\s+/g, '').length`: the number of code units of `text` that are not whitespace. */
export function visibleLength(text: string): number {
  let spaces = 0;
  for (let i = 0; i < text.length; i++) if (isSpace(text.charCodeAt(i))) spaces++;
  return text.length - spaces;
}

/** The code units \s matches: WhiteSpace (tab, VT, FF, space, Zs, BOM) and LineTerminator. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
