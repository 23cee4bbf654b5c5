// Zero-width and other invisible characters that scraped pages leave in text.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
// Every horizontal space, including no-break, thin and ideographic spaces.
const SPACES = /[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;

/** One line of text: invisible characters removed, every run of whitespace (newlines too) one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * Normalises line endings (CRLF and lone CR become LF), removes invisible characters, collapses
 * horizontal whitespace within each line and trims every line; paragraph structure is kept.
 */
export function normaliseLines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(INVISIBLE, '')
    .split('\n')
    .map((line) => line.replace(SPACES, ' ').trim())
    .join('\n');
}

/**
 * Splits text into paragraphs: blocks separated by blank lines, and within a block each line,
 * except that a line broken in mid-sentence (no closing punctuation, next line starts in lower
 * case) is joined with the next one (hard-wrapped text).
 */
export function splitParagraphs(text: string): string[] {
  const out: string[] = [];
  for (const block of normaliseLines(text).split(/\n{2,}/)) {
    let current = '';
    for (const line of block.split('\n')) {
      if (!line) continue;
      if (current && !/[.!?:;"'”’)\]]$/.test(current) && /^[\p{Ll}\d(]/u.test(line)) {
        current = `${current} ${line}`;
      } else {
        if (current) out.push(current);
        current = line;
      }
    }
    if (current) out.push(current);
  }
  return out;
}
