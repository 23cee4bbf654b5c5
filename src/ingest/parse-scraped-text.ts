import { cleanOutlet, cleanTitle } from './clean-title.js';
import { dateOrMtime, type ParsedDate, parseDate } from './parse-date.js';
import { singleArticle } from './single-article.js';
import type { ParseContext, ParseOutcome } from './types.js';

/** The line under a scraped headline: its date, the outlet if named, and the date as written. */
export interface DateLine {
  date: ParsedDate | null;
  outlet: string;
  raw: string;
}

const MONTH_WORD = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i;
const NUMERIC_DATE = /\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b/;
const STAMP_WORD = /^\s*(?:published|updated|posted|last updated|first published)(?:\s+on)?\s*:?\s*/i;

/**
 * Reads the date line of a scraped page: "May 13, 2021 (Mainichi Japan)", "Jan. 5, 2026",
 * "2026-01-05 | Reuters", "Reuters - 5 January 2026", "Published May 13, 2021". A line that is
 * meant as a date line (short, with a month and day, a numeric date, or a short text with an outlet
 * in parentheses) but whose date cannot be read gives date null; a line that is not a date line at
 * all (a first paragraph) gives null.
 */
export function parseDateLine(line: string): DateLine | null {
  const s = line.trim();
  if (s === '' || s.length > 120) return null;
  const candidates: Array<[string, string]> = [];
  const paren = /^(.*?)\s*\(([^()]{1,80})\)$/.exec(s);
  if (paren) candidates.push([paren[1]!, paren[2]!]);
  const sep = /^(.+?)\s+[|–—-]\s+(.+)$/.exec(s);
  if (sep) candidates.push([sep[1]!, sep[2]!], [sep[2]!, sep[1]!]);
  candidates.push([s, '']);
  for (const [datePart, outlet] of candidates) {
    const date = parseDate(datePart.replace(STAMP_WORD, ''));
    if (date) return { date, outlet: cleanOutlet(outlet), raw: datePart.trim() };
  }
  const words = s.split(/\s+/).length;
  const dateLike = (MONTH_WORD.test(s) || NUMERIC_DATE.test(s)) && words <= 10 && !/[.!?]$/.test(s);
  if (paren && paren[1]!.split(/\s+/).length <= 6)
    return { date: null, outlet: cleanOutlet(paren[2]!), raw: paren[1]! };
  if (dateLike) return { date: null, outlet: '', raw: s };
  return null;
}

/**
 * The first line of `text` from offset `from` on (the start of a line) that is not blank, where it
 * starts, and where the line after it starts (past the text's end after the last line); null when
 * every line is blank.
 */
function nextLine(text: string, from: number): { line: string; start: number; next: number } | null {
  let start = from;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    const line = text.slice(start, stop);
    if (line.trim() !== '') return { line, start, next: stop + 1 };
    start = stop + 1;
  }
  return null;
}

/**
 * Parses a scraped news page: a headline line, a date line ("Month D, YYYY (Outlet)"), then the
 * page's text, of which only the main story is kept as the body.
 */
export function parseScrapedText(text: string, ctx: ParseContext): ParseOutcome {
  // Only the first two lines that are not blank are read as lines: the rest of the text is the
  // body, as it is.
  const first = nextLine(text, 0);
  if (first === null) return { ok: false, reason: 'empty file' };
  const title = cleanTitle(first.line);
  if (!/[\p{L}\p{N}]/u.test(title) || title.length > 300) return { ok: false, reason: 'no title' };

  const second = nextLine(text, first.next);
  const dateLine = second ? parseDateLine(second.line) : null;
  const bodyStart = second === null ? text.length : dateLine ? second.next : second.start;

  const { date, warning } = dateOrMtime(dateLine?.date ?? null, dateLine?.raw ?? '', ctx.mtime);
  return singleArticle(
    {
      format: 'scraped-text',
      title,
      outlet: dateLine?.outlet ?? '',
      url: null,
      date,
      dateWarning: warning,
      rawTags: [],
      text: bodyStart < text.length ? text.slice(bodyStart) : '',
    },
    ctx,
  );
}
