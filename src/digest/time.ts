/**
 * Wall-clock arithmetic in IANA time zones with `Intl` only (no date library): the local date of an
 * instant, the instant of a local date and time (DST-correct), and the next delivery of a digest.
 */
import type { Subscription } from '../subscriptions/model.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
/** English month names, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** The wall-clock reading of an instant in a time zone. */
export interface LocalParts {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
  /** 0–23. */
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    // Throws a RangeError for an unknown zone: subscriptions only hold validated zones.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock date and time of `instant` in `timeZone`. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const values: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  const year = values.year ?? Number.NaN;
  const month = values.month ?? Number.NaN;
  const day = values.day ?? Number.NaN;
  // Some ICU versions print midnight as 24 even with h23.
  const hour = (values.hour ?? Number.NaN) % 24;
  return {
    year,
    month,
    day,
    hour,
    minute: values.minute ?? Number.NaN,
    second: values.second ?? Number.NaN,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The calendar date of `instant` in `timeZone`, 'YYYY-MM-DD'. */
export function localDateAt(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** True when `instant` falls on a Saturday or Sunday in `timeZone`. */
export function isWeekendAt(instant: Date, timeZone: string): boolean {
  const { weekday } = localParts(instant, timeZone);
  return weekday === 0 || weekday === 6;
}

/** The wall clock of an instant read as if it were UTC, in ms (seconds precision). */
function wallMs(instantMs: number, timeZone: string): number {
  const p = localParts(new Date(instantMs), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/** UTC offset of the zone at an instant, in ms (positive east of Greenwich). */
function offsetMs(instantMs: number, timeZone: string): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return wallMs(whole, timeZone) - whole;
}

/**
 * The instant at which the wall clock of `timeZone` reads the given local date and time. Where
 * the time occurs twice (the hour repeated when clocks go back) it is the first occurrence; where it
 * does not occur (the hour skipped when clocks go forward) it is shifted forward by the length of
 * the gap (02:30 becomes 03:30). Both rules match cron-parser, which BullMQ's job schedulers use, and
 * Temporal's 'compatible' disambiguation.
 */
export function zonedTimeToUtc(
  date: { year: number; month: number; day: number },
  time: { hour: number; minute: number },
  timeZone: string,
): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute);
  const before = offsetMs(wall - DAY_MS, timeZone);
  const after = offsetMs(wall + DAY_MS, timeZone);
  const candidates = [...new Set([wall - before, wall - after])]
    .filter((t) => wallMs(t, timeZone) === wall)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? wall - before);
}

/** Parses 'HH:MM' (24 h); undefined when malformed or out of range. */
export function parseClock(time: string): { hour: number; minute: number } | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : undefined;
}

/** When a digest is next delivered: the instant, and how it reads in the subscription's zone. */
export interface NextDelivery {
  /** The UTC instant. */
  at: Date;
  /** Local date, 'YYYY-MM-DD'. */
  localDate: string;
  /** Local time, 'HH:MM' (differs from the subscription's time only on a day the clocks skip it). */
  localTime: string;
  /** English weekday name, 'Monday'. */
  weekday: string;
  timeZone: string;
  /** Plain text: "Monday 12 January 2026 at 08:00 (Asia/Seoul)". */
  text: string;
}

/** Describes an instant in a zone the way NextDelivery does. */
export function describeLocal(at: Date, timeZone: string): NextDelivery {
  const p = localParts(at, timeZone);
  const localTime = `${pad(p.hour)}:${pad(p.minute)}`;
  const weekday = WEEKDAY_NAMES[p.weekday] ?? '';
  const month = MONTH_NAMES[p.month - 1] ?? '';
  return {
    at,
    localDate: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`,
    localTime,
    weekday,
    timeZone,
    text: `${weekday} ${p.day} ${month} ${p.year} at ${localTime} (${timeZone})`,
  };
}

/**
 * The first delivery strictly after `after`: the subscription's local time on the next allowed day
 * (every day, or Monday to Friday in its zone), as the cron trigger fires it (DST rules as in
 * `zonedTimeToUtc`). Ignores pausing: callers decide whether a paused subscription has one.
 */
export function nextDelivery(
  sub: Pick<Subscription, 'time' | 'timeZone' | 'days'>,
  after: Date,
): NextDelivery {
  const clock = parseClock(sub.time);
  if (clock === undefined) throw new RangeError(`Invalid delivery time '${sub.time}', expected HH:MM`);
  const start = localParts(after, sub.timeZone);
  let day = Date.UTC(start.year, start.month - 1, start.day);
  // A day with the time is found within 3 days (weekends); 8 leaves room for odd zone histories.
  for (let i = 0; i < 8; i++, day += DAY_MS) {
    const d = new Date(day);
    const weekday = d.getUTCDay();
    if (sub.days === 'weekdays' && (weekday === 0 || weekday === 6)) continue;
    const at = zonedTimeToUtc(
      { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() },
      clock,
      sub.timeZone,
    );
    if (at.getTime() > after.getTime()) return describeLocal(at, sub.timeZone);
  }
  // Unreachable for real zones; a safe answer rather than a throw.
  return describeLocal(new Date(after.getTime() + MINUTE_MS), sub.timeZone);
}
