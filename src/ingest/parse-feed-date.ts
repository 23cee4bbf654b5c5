import { makeInstant, type ParsedDate, parseDate } from './parse-date.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 822 zone names, as offsets in minutes. Military letters other than "Z" are read as UTC. */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  // Zones feeds use in practice, though RFC 822 does not name them.
  BST: 60,
  CET: 60,
  CEST: 120,
  JST: 540,
  KST: 540,
  IST: 330,
  AEST: 600,
  AEDT: 660,
};

// "Tue, 13 Jan 2026 08:30:00 GMT", "13 Jan 26 08:30 +0900", "Tuesday, 13 January 2026 08:30:00 EST"
const RFC_822 =
  /^(?:[a-z]{3,9}\.?,?\s*)?(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([a-z]{1,5}|[+-]\d{2}:?\d{2})?(?:\s*\(.*\))?$/i;

/**
 * Parses an RSS or Atom date: RFC 822 as RSS writes it (with the zone names and two-digit years
 * the RFC allows, and the zones feeds use in practice), or an ISO-8601 date or instant as Atom
 * and Dublin Core write it (see parseDate). Day-only dates keep day precision. Null when unusable.
 */
export function parseFeedDate(raw: string): ParsedDate | null {
  const s = raw.trim().replace(/\s+/g, ' ');
  if (s === '') return null;
  const m = RFC_822.exec(s);
  if (!m) return parseDate(s);
  const day = Number(m[1]);
  const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6] ?? '0');
  if (month < 0 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const offset = zoneOffset(m[7]);
  if (offset === null) return null;
  const utc = Date.UTC(year, month, day, hour, minute, Math.min(second, 59)) - offset * 60_000;
  const check = new Date(Date.UTC(year, month, day));
  if (check.getUTCDate() !== day) return null; // 31 Feb and the like
  return makeInstant(new Date(utc));
}

function zoneOffset(zone: string | undefined): number | null {
  if (zone === undefined) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    return minutes > 14 * 60 ? null : (numeric[1] === '-' ? -1 : 1) * minutes;
  }
  const upper = zone.toUpperCase();
  if (upper in ZONES) return ZONES[upper] ?? 0;
  return upper.length === 1 && upper !== 'J' ? 0 : null;
}
