import { fold } from '../text/index.js';
import { echo } from './sanitise.js';
import { type CommandError, commandError } from './types.js';

export type TimeResult = { ok: true; time: string } | { ok: false; error: CommandError };

const FORMATS = 'Write it like 08:00, 8:30, 20:15, 8am, 8:30pm, noon or midnight.';
const TIME = /^(\d{1,2})(?::(\d+))?(am|pm|a\.m\.?|p\.m\.?)?$/;
const MERIDIEM = /^(?:am|pm|a\.m\.?|p\.m\.?)$/;

/** True for an am/pm word that may follow a time as a separate word ("8 pm"). */
export function isMeridiem(word: string): boolean {
  return MERIDIEM.test(fold(word));
}

/**
 * True for words that can only be a time: with a colon or an am/pm suffix ("08:00", "8pm", "25:00").
 * Bare numbers ("8") and noon/midnight count as times only after `at` or after the tags.
 */
export function isUnmistakableTime(word: string): boolean {
  const w = fold(word);
  return /^\d{1,2}:/.test(w) || /^\d{1,2}(?::\d+)?(?:am|pm|a\.m\.?|p\.m\.?)$/.test(w);
}

/** True for words that are an attempt at a time: starting with a digit, or noon/midnight. */
export function looksLikeTime(word: string): boolean {
  const w = fold(word);
  return /^\d/.test(w) || w === 'noon' || w === 'midnight';
}

function invalid(input: string, why: string): TimeResult {
  return {
    ok: false,
    error: commandError('invalid-time', `${echo(input)} is not a valid time: ${why} ${FORMATS}`),
  };
}

/**
 * A delivery time in 'HH:MM' (24-hour, zero-padded): "08:00", "8:00", "8" → "08:00"; "8am" →
 * "08:00", "8:30pm" → "20:30", "12am" → "00:00", "12pm" → "12:00"; "noon", "midnight". Minutes need
 * two digits; with am/pm the hour is 1–12, without it 0–23.
 */
export function parseTime(input: string): TimeResult {
  const w = fold(input).replace(/\s+/g, '');
  if (w === 'noon') return { ok: true, time: '12:00' };
  if (w === 'midnight') return { ok: true, time: '00:00' };
  const m = TIME.exec(w);
  if (!m) return invalid(input, 'I could not read it as a time.');
  const hourText = m[1]!;
  const minuteText = m[2];
  const meridiem = m[3]?.[0];
  if (minuteText !== undefined && minuteText.length !== 2) {
    return invalid(input, 'minutes need two digits, from 00 to 59 (8:05, not 8:5).');
  }
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) {
      return invalid(input, 'with am or pm the hour goes from 1 to 12 (use 13:00 or 1pm, not 13pm).');
    }
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hour > 23) {
    return invalid(input, 'hours go from 00 to 23 (use 00:00 or midnight for the start of the day).');
  }
  if (minute > 59) return invalid(input, 'minutes go from 00 to 59.');
  return { ok: true, time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}
