import type { DatePrecision } from '../model.js';

/** A publication date as the data model holds it. */
export interface ParsedDate {
  publishedAt: string;
  datePrecision: DatePrecision;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH_NAME =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;
const MONTH_FIRST = new RegExp(
  `^${WEEKDAY}${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`,
  'i',
);
const DAY_FIRST = new RegExp(
  `^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME},?\\s+(\\d{4})\\b`,
  'i',
);
/** "2026/01/13", "2026.1.13", "2026-1-5": year first, then month and day (see withTime for a time after it). */
const YEAR_FIRST_NUMERIC = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d/.-])/;
/** "13/01/2026", "1.13.2026", "05-06-2026": day and month in an order the numbers may tell. */
const YEAR_LAST_NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\d/.-])/;
/** "2026年1月13日" (Japanese, Chinese) and "2026년 1월 13일" (Korean); a time after it is ignored. */
const CJK_DATE = /^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/;
const RFC_2822 = new RegExp(
  `^${WEEKDAY}\\d{1,2}\\s+${MONTH_NAME}\\s+\\d{4}\\s+\\d{2}:\\d{2}(?::\\d{2})?\\s*(?:GMT|UTC|UT|Z|[+-]\\d{4})$`,
  'i',
);

/**
 * Time zones a page may name after a clock time, as minutes east of UTC. Only unambiguous ones:
 * "CST" (China or the US Central) and "IST" (India or Ireland) are left out, and so is "ET".
 */
const ZONES: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  KST: 540,
  JST: 540,
  HKT: 480,
  SGT: 480,
  AEST: 600,
  AEDT: 660,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  BST: 60,
  EST: -300,
  EDT: -240,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};
/** A clock time and a zone after a date: ", 10:21 KST", " at 8:30 a.m. EST", " 18:42:05 (GMT+9)". */
const TIME_WITH_ZONE =
  /^\s*(?:[,|–—-]\s*|at\s+)?(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*(?:([ap])\.?\s?m\.?)?\s*\(?\s*(?:([A-Z]{1,4})(?:\s*([+-]\d{1,2})(?::?(\d{2}))?)?|([+-]\d{2}):?(\d{2}))\s*\)?(?![\p{L}\d])/u;

/**
 * The instant of a day at the clock time that follows the date in `rest`, when that names its
 * zone ("10:21 KST", "8:30 a.m. EST", "18:42 GMT+9", "09:00 +0900"); the day itself otherwise (a
 * time without a zone could be anywhere's).
 */
function withTime(day: ParsedDate | null, rest: string): ParsedDate | null {
  if (!day || rest === '') return day;
  const m = TIME_WITH_ZONE.exec(rest);
  if (!m) return day;
  let hours = Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = Number(m[3] ?? 0);
  const half = m[4]?.toLowerCase();
  if (half !== undefined) {
    if (hours < 1 || hours > 12) return day;
    hours = (hours % 12) + (half === 'p' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return day;
  let offset: number;
  if (m[5] !== undefined) {
    const zone = ZONES[m[5]];
    if (zone === undefined) return day;
    const sign = m[6]?.startsWith('-') ? -1 : 1;
    offset = zone + (m[6] ? sign * (Math.abs(Number(m[6])) * 60 + Number(m[7] ?? 0)) : 0);
  } else {
    const sign = m[8]!.startsWith('-') ? -1 : 1;
    offset = sign * (Math.abs(Number(m[8])) * 60 + Number(m[9]));
  }
  const [y, mo, d] = day.publishedAt.split('-').map(Number) as [number, number, number];
  return makeInstant(new Date(Date.UTC(y, mo - 1, d, hours, minutes, seconds) - offset * 60_000));
}

/** Day precision for valid calendar dates between 1900 and 2100; null otherwise. */
export function makeDay(year: number, month: number, day: number): ParsedDate | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  if (Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day)) {
    // The common case, without a Date: what the code below gives for whole numbers.
    if (day > daysInMonth(year, month)) return null;
    const publishedAt = `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
    return { publishedAt, datePrecision: 'day' };
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // February 30th and the like
  return { publishedAt: date.toISOString().slice(0, 10), datePrecision: 'day' };
}

/** The number of days in a month (1–12) of a year of the Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** An instant as an ISO string ending in "Z" (milliseconds dropped when zero). */
export function makeInstant(date: Date): ParsedDate | null {
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  const year = date.getUTCFullYear();
  if (year < 1900 || year > 2100) return null;
  return { publishedAt: date.toISOString().replace('.000Z', 'Z'), datePrecision: 'instant' };
}

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().slice(0, 3)] ?? 0;
}

/**
 * Parses a publication date written by a person or a program: "2026-01-13" (day),
 * "2026-01-13T08:30:00+09:00" or "2026-01-13 08:30" (instant; no zone means UTC),
 * "Tue, 13 Jan 2026 08:30:00 GMT" (instant), "May 13, 2021", "Jan. 5, 2026", "Sept 5 2026",
 * "5 January 2026", "Tuesday, January 13, 2026" (day; a clock time after a written-out date
 * makes an instant only when it names its zone: "January 13, 2026 at 8:30 a.m. EST", "2026-01-13
 * 10:21 KST"), "2026/01/13", "2026年1月13日" and "2026년 1월 13일",
 * and "13/01/2026" or "01/13/2026" where
 * a number above 12 tells the day from the month (day). Returns null for anything else, an
 * impossible date, or an ambiguous one ("05/06/2026", see isAmbiguousDate).
 */
export function parseDate(raw: string): ParsedDate | null {
  const s = raw.trim().replace(/\s+/g, ' ');
  let m = ISO_DAY.exec(s);
  if (m) return makeDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = ISO_INSTANT.exec(s);
  if (m) {
    if (!makeDay(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
    const zone = (m[8] ?? 'Z').toUpperCase();
    const offset =
      zone === 'Z' || zone === 'UTC' || zone === 'GMT'
        ? 'Z'
        : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
    const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ?? ''}${offset}`;
    return makeInstant(new Date(iso));
  }
  if (RFC_2822.test(s)) return makeInstant(new Date(s.replace(/\bUTC$/i, 'GMT')));
  m = MONTH_FIRST.exec(s);
  if (m) return withTime(makeDay(Number(m[3]), monthNumber(m[1]!), Number(m[2])), s.slice(m[0].length));
  m = DAY_FIRST.exec(s);
  if (m) return withTime(makeDay(Number(m[3]), monthNumber(m[2]!), Number(m[1])), s.slice(m[0].length));
  m = YEAR_FIRST_NUMERIC.exec(s);
  if (m) return withTime(makeDay(Number(m[1]), Number(m[3]), Number(m[4])), s.slice(m[0].length));
  m = CJK_DATE.exec(s);
  if (m) return makeDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = YEAR_LAST_NUMERIC.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    // Day first ("13/01") or month first ("01/13") where one of the two cannot be a month; both
    // orders agree on "05/05". Otherwise the date is ambiguous (see isAmbiguousDate).
    if (a > 12 || a === b) return makeDay(Number(m[4]), b, a);
    if (b > 12) return makeDay(Number(m[4]), a, b);
  }
  return null;
}

/** Whether a date reads as a valid day both day first and month first ("05/06/2026"). */
export function isAmbiguousDate(raw: string): boolean {
  const m = YEAR_LAST_NUMERIC.exec(raw.trim());
  if (!m) return false;
  const [a, b, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
  return a !== b && makeDay(year, a, b) !== null && makeDay(year, b, a) !== null;
}

/**
 * Parses a date value from front matter: a string (see parseDate), a Date that a YAML parser made
 * (midnight UTC is read as a day), or a Unix time in seconds or milliseconds.
 */
export function parseDateValue(value: unknown): ParsedDate | null {
  if (typeof value === 'string') return parseDate(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const midnight =
      value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() + value.getUTCMilliseconds() === 0;
    return midnight
      ? makeDay(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate())
      : makeInstant(value);
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (value > 1e9 && value < 1e10) return makeInstant(new Date(value * 1000));
    if (value > 1e12 && value < 1e13) return makeInstant(new Date(value));
  }
  return null;
}

/** The fallback when a document has no usable date: the file's modification time, as an instant. */
export function mtimeDate(mtime: Date): ParsedDate {
  const date = Number.isNaN(mtime.getTime()) ? new Date(0) : mtime;
  return { publishedAt: date.toISOString().replace('.000Z', 'Z'), datePrecision: 'instant' };
}

/**
 * How far a document's date may lie past its file's modification time: a page cannot be published
 * after it was saved, but a date in another time zone or a scheduled release can run a little ahead.
 */
const MAX_AHEAD_OF_FILE_MS = 2 * 86_400_000;

/** Whether a date lies too far past the file's modification time to be its publication date. */
function isAfterFile(date: ParsedDate, mtime: Date): boolean {
  const saved = mtime.getTime();
  if (Number.isNaN(saved)) return false;
  const start = Date.parse(date.datePrecision === 'day' ? `${date.publishedAt}T00:00:00Z` : date.publishedAt);
  return start - saved > MAX_AHEAD_OF_FILE_MS;
}

/**
 * The document's date, or the file's modification time with a warning when the date is missing,
 * unreadable, or later than the file itself (a bad date: "2099" would otherwise top every briefing
 * as the newest story). `raw` is the date as written, for the warning ('' when the document has none).
 */
export function dateOrMtime(
  parsed: ParsedDate | null,
  raw: string,
  mtime: Date,
): { date: ParsedDate; warning: string | null } {
  if (parsed && !isAfterFile(parsed, mtime)) return { date: parsed, warning: null };
  const shown = raw.replace(/\s+/g, ' ').trim();
  const quoted = shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
  const why = parsed
    ? 'date later than the file itself'
    : isAmbiguousDate(shown)
      ? 'ambiguous date, day or month first'
      : 'no usable date';
  return {
    date: mtimeDate(mtime),
    warning: `${shown === '' ? 'no date' : `${why} ("${quoted}")`}; using the file's modification time`,
  };
}
