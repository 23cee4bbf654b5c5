import { EMAIL } from './clean-whitespace.js';

/**
 * Byline and timestamp lines: "By Jane Doe", "By JANE DOE and John Roe, Reuters", "Staff Writer",
 * "Jane Doe, Staff Reporter", "Kyodo May 13, 2021", "Updated: May 13, 2021 10:30 a.m.".
 */

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const DATE = `(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`;
const TIME = '(?:[\\s,|–—-]+(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,4})?)?';
const NAME_WORD = "[\\p{Lu}][\\p{L}.'’-]*";
const NAME = `${NAME_WORD}(?:\\s+(?:${NAME_WORD}|de|van|von|da|del|der|la|le|bin|al|el))*`;
const ROLE = `(?:${anyCase('senior chief foreign political special staff business contributing deputy')}\\s+)*${anyCase(
  'writer reporter correspondent editor contributor journalist',
)}s?`;

const BY_LINE = new RegExp(
  `^(?:By|BY|by)\\s+${NAME}(?:\\s*(?:,|and|&)\\s*${NAME})*(?:\\s*[,|–—-]\\s*.{0,60}|\\s*[([]${EMAIL}[)\\]])?$`,
  'u',
);
const ROLE_LINE = new RegExp(`^(?:${NAME}\\s*[,|–—-]?\\s*)?${ROLE}$`, 'u');
/** Sections named after a date: "… | World, All". */
const SECTIONS = "(?:\\s*[|–—-]\\s*[\\p{L}][\\p{L}&,' ]{0,40})?";
// A source name followed by a date: "Kyodo May 13, 2021", "Reuters | Jan 5, 2026 08:30 GMT",
// "KYODO NEWS - Jan 13, 2026 - 18:42 | World, All".
const DATED_LINE = new RegExp(`^(?:By\\s+)?${NAME}(?:\\s*[,|–—-])?\\s+${DATE}${TIME}${SECTIONS}$`, 'u');
const STAMP = `(?:Published|Updated|Posted|Issued|Last updated|First published)(?:\\s+on)?\\s*:?\\s+(?:\\d+\\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\\s+ago|just now|yesterday|today|${DATE}.{0,30}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}.{0,20}|\\d{1,2}[:.]\\d{2}.{0,30})`;
const TIMESTAMP_LINE = new RegExp(`^${STAMP}$`, 'i');
/** A date alone on its line, as pages set it above or below the story: "Jan 21, 2026", "Wednesday, 21 January 2026 10:05 JST". */
const DATE_LINE = new RegExp(`^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?${DATE}${TIME}$`, 'u');
// A timestamp glued after other text: "Referees to explain VAR decisions Published 3 hours ago".
const GLUED_TIMESTAMP = new RegExp(`^(.+?)\\s+${STAMP}$`);

/** Every text GLUED_TIMESTAMP matches holds one of these words (Last updated, First published included). */
const STAMP_WORDS = ['Published', 'Updated', 'Posted', 'Issued', 'updated', 'published'];

/** The text before a timestamp glued to its end ("Headline Published 3 hours ago" → "Headline"); null if none. */
export function beforeGluedTimestamp(line: string): string | null {
  if (!STAMP_WORDS.some((word) => line.includes(word))) return null;
  const m = GLUED_TIMESTAMP.exec(line.trim());
  return m ? m[1]!.trim() : null;
}

/** A regex alternation of the words in lower, Title and UPPER case. */
function anyCase(words: string): string {
  const forms = words.split(' ').flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]);
  return `(?:${forms.join('|')})`;
}

export type BylineKind = 'byline' | 'dated-byline' | 'timestamp';

/**
 * Classifies a whole line as a byline ("By Jane Doe", "Staff Writer"), a byline with a date (a
 * source name and a date: "Kyodo May 13, 2021", which in a scraped page starts a new story) or a
 * timestamp ("Updated May 13, 2021"); null for anything else.
 */
export function bylineKind(line: string): BylineKind | null {
  const s = line.trim();
  if (s.length > 120 || endsLikeSentence(s)) return null;
  // Cheap tests spare most lines the name patterns: every date holds a four-digit year, and a
  // role ends in "r" or "t" ("writer", "correspondent"), or a plural's "s" after one.
  if (/\d{4}/.test(s) && DATED_LINE.test(s)) return 'dated-byline';
  if (TIMESTAMP_LINE.test(s) || (/\d{4}/.test(s) && DATE_LINE.test(s))) return 'timestamp';
  if (BY_LINE.test(s) || (mayEndWithRole(s) && ROLE_LINE.test(s))) return 'byline';
  return null;
}

/**
 * True when the line ends like a sentence: `/[.!?]["'”’]?$/` matches it once an initial, "a.m",
 * "p.m", "Jr." or "Sr." closing it is removed.
 */
function endsLikeSentence(s: string): boolean {
  const t = s.charCodeAt(s.length - 1) === 46 ? s.replace(/\b(?:[ap]\.m|Jr|Sr|[A-Z])\.$/, '') : s;
  let c = t.charCodeAt(t.length - 1);
  if (c === 34 || c === 39 || c === 0x201d || c === 0x2019) c = t.charCodeAt(t.length - 2);
  return c === 46 || c === 33 || c === 63;
}

/** False when a line cannot end with ROLE: its last letter is "r", "R", "t" or "T", or an "s" after one. */
function mayEndWithRole(s: string): boolean {
  let c = s.charCodeAt(s.length - 1);
  if (c === 115) c = s.charCodeAt(s.length - 2);
  return c === 114 || c === 82 || c === 116 || c === 84;
}

const NAME_LINE = new RegExp(`^${NAME}$`, 'u');

/**
 * True for a line of two to four capitalised words (a person's name) above a line that is a
 * byline ("Jane Smith" above "Political reporter"): the two lines are one byline.
 */
export function isNameAboveByline(line: string, next: string | undefined): boolean {
  const s = line.trim();
  if (next === undefined || s.length > 40 || !NAME_LINE.test(s)) return false;
  const words = s.split(/\s+/).length;
  return words >= 2 && words <= 4 && bylineKind(next) === 'byline';
}

/** True for a byline, dated byline or timestamp line. */
export function isBylineLine(line: string): boolean {
  return bylineKind(line) !== null;
}
