import { fold } from '../text/index.js';
import { editDistance } from './distance.js';
import { collapseWhitespace, echo } from './sanitise.js';
import { type CommandError, commandError } from './types.js';

export type TimeZoneResult = { ok: true; timeZone: string } | { ok: false; error: CommandError };

/**
 * Zones whose IANA name changed but which older ICU versions (Node 20) still list under the old
 * name. We always output the current IANA name; both spellings are accepted as input.
 */
const RENAMED: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'Africa/Asmera': 'Africa/Asmara',
    'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
    'America/Catamarca': 'America/Argentina/Catamarca',
    'America/Cordoba': 'America/Argentina/Cordoba',
    'America/Godthab': 'America/Nuuk',
    'America/Indianapolis': 'America/Indiana/Indianapolis',
    'America/Jujuy': 'America/Argentina/Jujuy',
    'America/Louisville': 'America/Kentucky/Louisville',
    'America/Mendoza': 'America/Argentina/Mendoza',
    'Asia/Calcutta': 'Asia/Kolkata',
    'Asia/Katmandu': 'Asia/Kathmandu',
    'Asia/Rangoon': 'Asia/Yangon',
    'Asia/Saigon': 'Asia/Ho_Chi_Minh',
    'Atlantic/Faeroe': 'Atlantic/Faroe',
    'Europe/Kiev': 'Europe/Kyiv',
    'Pacific/Enderbury': 'Pacific/Kanton',
    'Pacific/Ponape': 'Pacific/Pohnpei',
    'Pacific/Truk': 'Pacific/Chuuk',
  }),
);

/** Names of UTC itself, all output as "UTC". */
const UTC_NAMES = [
  'UTC',
  'GMT',
  'UCT',
  'Universal',
  'Zulu',
  'Etc/UTC',
  'Etc/GMT',
  'Etc/UCT',
  'Etc/Universal',
  'Etc/Zulu',
  'Etc/Greenwich',
  'Etc/GMT0',
  'Etc/GMT+0',
  'Etc/GMT-0',
];

/** Abbreviations that name one zone. */
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    utc: 'UTC',
    gmt: 'UTC',
    kst: 'Asia/Seoul',
    jst: 'Asia/Tokyo',
    hkt: 'Asia/Hong_Kong',
    sgt: 'Asia/Singapore',
    awst: 'Australia/Perth',
    nzst: 'Pacific/Auckland',
    nzdt: 'Pacific/Auckland',
    msk: 'Europe/Moscow',
  }),
);

/** Abbreviations several zones use: refused, with these zones suggested. */
const AMBIGUOUS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    est: ['America/New_York', 'America/Toronto', 'America/Panama'],
    edt: ['America/New_York', 'America/Toronto', 'America/Detroit'],
    cst: ['America/Chicago', 'Asia/Shanghai', 'America/Havana'],
    cdt: ['America/Chicago', 'America/Winnipeg', 'America/Havana'],
    mst: ['America/Denver', 'America/Phoenix', 'America/Edmonton'],
    mdt: ['America/Denver', 'America/Edmonton', 'America/Boise'],
    pst: ['America/Los_Angeles', 'America/Vancouver', 'Asia/Manila'],
    pdt: ['America/Los_Angeles', 'America/Vancouver', 'America/Tijuana'],
    akst: ['America/Anchorage', 'America/Juneau', 'America/Nome'],
    ast: ['America/Halifax', 'Asia/Riyadh', 'America/Puerto_Rico'],
    ist: ['Asia/Kolkata', 'Asia/Jerusalem', 'Europe/Dublin'],
    bst: ['Europe/London', 'Asia/Dhaka'],
    cet: ['Europe/Paris', 'Europe/Berlin', 'Europe/Madrid'],
    cest: ['Europe/Paris', 'Europe/Berlin', 'Europe/Madrid'],
    eet: ['Europe/Athens', 'Europe/Helsinki', 'Africa/Cairo'],
    eest: ['Europe/Athens', 'Europe/Helsinki', 'Europe/Bucharest'],
    aest: ['Australia/Sydney', 'Australia/Melbourne', 'Australia/Brisbane'],
    aedt: ['Australia/Sydney', 'Australia/Melbourne', 'Australia/Hobart'],
    acst: ['Australia/Adelaide', 'Australia/Darwin'],
  }),
);

/** Well-known cities that are not zone names themselves. */
const CITIES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'abu dhabi': 'Asia/Dubai',
    bangalore: 'Asia/Kolkata',
    barcelona: 'Europe/Madrid',
    beijing: 'Asia/Shanghai',
    bengaluru: 'Asia/Kolkata',
    boston: 'America/New_York',
    busan: 'Asia/Seoul',
    canberra: 'Australia/Sydney',
    delhi: 'Asia/Kolkata',
    frankfurt: 'Europe/Berlin',
    geneva: 'Europe/Zurich',
    guangzhou: 'Asia/Shanghai',
    milan: 'Europe/Rome',
    mumbai: 'Asia/Kolkata',
    munich: 'Europe/Berlin',
    'new delhi': 'Asia/Kolkata',
    osaka: 'Asia/Tokyo',
    ottawa: 'America/Toronto',
    'san francisco': 'America/Los_Angeles',
    seattle: 'America/Los_Angeles',
    shenzhen: 'Asia/Shanghai',
    washington: 'America/New_York',
    wellington: 'Pacific/Auckland',
  }),
);

/** Named zones to suggest for UTC offsets that are not whole hours (no Etc/ zone exists for them). */
const FRACTIONAL_OFFSETS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    '+03:30': ['Asia/Tehran'],
    '+04:30': ['Asia/Kabul'],
    '+05:30': ['Asia/Kolkata', 'Asia/Colombo'],
    '+05:45': ['Asia/Kathmandu'],
    '+06:30': ['Asia/Yangon'],
    '+08:45': ['Australia/Eucla'],
    '+09:30': ['Australia/Adelaide', 'Australia/Darwin'],
    '+10:30': ['Australia/Lord_Howe'],
    '+12:45': ['Pacific/Chatham'],
    '-02:30': ['America/St_Johns'],
    '-03:30': ['America/St_Johns'],
    '-09:30': ['Pacific/Marquesas'],
  }),
);

const UTC_OFFSET = /^(?:utc|gmt)([+-])(\d{1,2})(?::?(\d{2}))?$/;
const MAX_ZONE_INPUT = 64;

interface Entry {
  zone: string;
  /** Folded full name ("asia/seoul"), or "" for entries that are only a city. */
  name: string;
  /** Folded city with spaces ("new york"), or "" for zones without a city part (UTC, Etc/*). */
  city: string;
}

interface ZoneData {
  zones: readonly string[];
  byName: ReadonlyMap<string, string>;
  byCity: ReadonlyMap<string, string>;
  regions: ReadonlySet<string>;
  entries: readonly Entry[];
}

let data: ZoneData | undefined;

function nameKey(text: string): string {
  return fold(collapseWhitespace(text)).replace(/ /g, '_');
}

function cityKey(text: string): string {
  return collapseWhitespace(fold(text).replace(/_/g, ' '));
}

function cityOf(zone: string): string {
  if (zone === 'UTC' || zone.startsWith('Etc/')) return '';
  return cityKey(zone.slice(zone.lastIndexOf('/') + 1));
}

function zoneData(): ZoneData {
  if (data) return data;
  const supported = Intl.supportedValuesOf('timeZone');
  const etc: string[] = [];
  for (let n = 1; n <= 14; n++) etc.push(`Etc/GMT-${n}`);
  for (let n = 1; n <= 12; n++) etc.push(`Etc/GMT+${n}`);
  const zones = new Set<string>(['UTC', ...etc]);
  for (const zone of supported) {
    if (!UTC_NAMES.includes(zone)) zones.add(RENAMED.get(zone) ?? zone);
  }
  const byName = new Map<string, string>();
  const byCity = new Map<string, string>();
  const entries: Entry[] = [];
  const add = (name: string, zone: string): void => {
    byName.set(nameKey(name), zone);
    const city = cityOf(name);
    if (city && !byCity.has(city)) byCity.set(city, zone);
    entries.push({ zone, name: nameKey(name), city });
  };
  for (const zone of zones) add(zone, zone);
  for (const [old, zone] of RENAMED) if (zones.has(zone)) add(old, zone);
  for (const name of UTC_NAMES) byName.set(nameKey(name), 'UTC');
  for (const [city, zone] of CITIES) {
    if (!zones.has(zone) || byCity.has(city)) continue;
    byCity.set(city, zone);
    entries.push({ zone, name: '', city });
  }
  const regions = new Set<string>(['etc']);
  for (const zone of zones) if (zone.includes('/')) regions.add(nameKey(zone.slice(0, zone.indexOf('/'))));
  data = { zones: [...zones].sort(), byName, byCity, regions, entries };
  return data;
}

/** Every time zone `validateTimeZone` can return, sorted: the IANA zones, "UTC" and Etc/GMT±N. */
export function listTimeZones(): readonly string[] {
  return zoneData().zones;
}

/**
 * True when a single word can only be meant as a time zone: an IANA-style name with a known region
 * ("Asia/Seoul", "asia/seol", "Etc/GMT+5"), UTC/GMT with or without an offset, or a zone
 * abbreviation (KST, EST…). Bare city names are not included: "seoul" could be a tag.
 */
export function looksLikeTimeZone(word: string): boolean {
  const key = nameKey(word);
  if (ABBREVIATIONS.has(key) || AMBIGUOUS.has(key) || UTC_OFFSET.test(key)) return true;
  const slash = key.indexOf('/');
  return slash > 0 && zoneData().regions.has(key.slice(0, slash));
}

function failed(code: 'unknown-time-zone' | 'ambiguous-time-zone', message: string, suggestions?: string[]) {
  return { ok: false, error: commandError(code, message, suggestions) } as const;
}

function unknown(input: string): TimeZoneResult {
  const suggestions = suggestTimeZones(input, 3);
  const hint =
    suggestions.length > 0
      ? ` Did you mean ${orList(suggestions)}?`
      : ' Use a zone name such as Asia/Seoul or Europe/London, a city such as Seoul, or UTC.';
  return failed('unknown-time-zone', `I don't know the time zone ${echo(input)}.${hint}`, suggestions);
}

/** "a", "a or b", "a, b or c". */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Other IANA links ("US/Eastern", "Europe/Belfast") through the runtime's own alias table. */
function viaIntl(input: string): string | undefined {
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: input }).resolvedOptions().timeZone;
    return zoneData().byName.get(nameKey(resolved));
  } catch {
    return undefined;
  }
}

/** The Etc/ zone for a whole-hour UTC offset, or undefined (fractional or out of range). */
function offsetZone(sign: string, hours: number, minutes: number): string | undefined {
  if (minutes !== 0) return undefined;
  if (hours === 0) return 'UTC';
  // IANA's Etc/GMT zones use POSIX signs: UTC+9 is Etc/GMT-9.
  if (sign === '+' && hours <= 14) return `Etc/GMT-${hours}`;
  if (sign === '-' && hours <= 12) return `Etc/GMT+${hours}`;
  return undefined;
}

/** The canonical zone `text` names, or undefined (unknown or ambiguous). No suggestions computed. */
export function lookupTimeZone(text: string): string | undefined {
  const key = nameKey(text);
  if (key === '' || key.length > MAX_ZONE_INPUT) return undefined;
  const abbreviation = ABBREVIATIONS.get(key);
  if (abbreviation !== undefined) return abbreviation;
  if (AMBIGUOUS.has(key)) return undefined;
  const offset = UTC_OFFSET.exec(key);
  if (offset) return offsetZone(offset[1]!, Number(offset[2]), Number(offset[3] ?? '0'));
  const { byName, byCity } = zoneData();
  const named = byName.get(key) ?? byCity.get(cityKey(text));
  if (named !== undefined) return named;
  return key.includes('/') ? viaIntl(text.trim()) : undefined;
}

/**
 * A time zone as typed by a user, resolved to its canonical IANA name. Accepted, case-insensitively:
 * IANA names ("asia/seoul" → "Asia/Seoul"; renamed zones give the current name: "Asia/Calcutta" →
 * "Asia/Kolkata"); UTC and Etc/* ("Etc/UTC" and "GMT" → "UTC"); whole-hour UTC offsets ("UTC+9",
 * "GMT+9" → "Etc/GMT-9", IANA's inverted sign); the city part of a zone ("Seoul", "new york",
 * "Los_Angeles") and a few large cities that are not zone names ("Beijing", "Mumbai"); unambiguous
 * abbreviations (KST, JST, HKT…). Ambiguous abbreviations (EST, PST, IST…) are refused with zones to
 * pick from; unknown names come with up to 3 close matches.
 */
export function validateTimeZone(input: string): TimeZoneResult {
  const text = collapseWhitespace(input);
  if (text === '') {
    return failed('unknown-time-zone', 'No time zone given. Use a zone name such as Asia/Seoul, or UTC.');
  }
  const found = lookupTimeZone(text);
  if (found !== undefined) return { ok: true, timeZone: found };
  if (text.length > MAX_ZONE_INPUT) return unknown(text);
  const key = nameKey(text);
  const choices = AMBIGUOUS.get(key);
  if (choices !== undefined) {
    const zones = known(choices);
    return failed(
      'ambiguous-time-zone',
      `${echo(text.toUpperCase())} is used by more than one time zone. Use a zone name instead, such as ${orList(zones)}.`,
      zones,
    );
  }
  const offset = UTC_OFFSET.exec(key);
  if (offset) {
    const [, sign, hoursText, minutesText] = offset;
    if (minutesText !== undefined && Number(minutesText) !== 0) {
      const zones = known(
        FRACTIONAL_OFFSETS.get(`${sign}${hoursText!.padStart(2, '0')}:${minutesText}`) ?? [],
      );
      const hint = zones.length > 0 ? `, such as ${orList(zones)}` : '';
      return failed(
        'unknown-time-zone',
        `${echo(text)} is not a whole number of hours from UTC. Use the name of a zone with that offset${hint}.`,
        zones,
      );
    }
    return failed(
      'unknown-time-zone',
      `${echo(text)} is outside the range of UTC offsets, which run from UTC-12 to UTC+14.`,
    );
  }
  return unknown(text);
}

/** The zones of a table that this runtime knows (all of them on any supported Node). */
function known(zones: readonly string[]): string[] {
  const all = new Set(zoneData().zones);
  return zones.filter((zone) => all.has(zone));
}

/** Largest edit distance still counted as close: a third of the length, at least 1. */
function threshold(length: number): number {
  return Math.max(1, Math.floor(length / 3));
}

/**
 * Up to `n` canonical zone names close to `input`, best first: the zones of an abbreviation; exact
 * matches; names or cities that start with the input (or have a word that does: "york" →
 * America/New_York); then names and cities within a small edit distance ("Asia/Seol", "Seoull" →
 * Asia/Seoul). For error messages and for autocomplete.
 */
export function suggestTimeZones(input: string, n: number): string[] {
  const text = collapseWhitespace(input);
  if (text === '' || n <= 0 || text.length > MAX_ZONE_INPUT) return [];
  const key = nameKey(text);
  const slash = key.indexOf('/');
  const region = slash > 0 ? key.slice(0, slash + 1) : '';
  const city = cityKey(text.slice(text.lastIndexOf('/') + 1));
  const best = new Map<string, number>();
  const consider = (zone: string, score: number): void => {
    const current = best.get(zone);
    if (current === undefined || score < current) best.set(zone, score);
  };
  for (const [i, zone] of known(AMBIGUOUS.get(key) ?? []).entries()) consider(zone, i / 10);
  const abbreviation = ABBREVIATIONS.get(key);
  if (abbreviation !== undefined) consider(abbreviation, 0);
  // Typos are judged against the length of the city part: "asia/seol" is close to Asia/Seoul, not Asia/Oral.
  const nameLimit = threshold(city.length);
  const cityLimit = threshold(city.length);
  for (const entry of zoneData().entries) {
    if (entry.name === key || (entry.city !== '' && entry.city === city)) {
      consider(entry.zone, 1);
      continue;
    }
    // Prefix matches on the city stay in the region the input names ("asia/se" → Asia/Seoul only).
    const sameRegion = region === '' || entry.zone.toLowerCase().startsWith(region);
    const cityPrefix = sameRegion && entry.city !== '' && city.length >= 2 && entry.city.startsWith(city);
    if ((key.length >= 2 && entry.name.startsWith(key)) || cityPrefix) {
      consider(entry.zone, 2);
      continue;
    }
    if (sameRegion && city.length >= 3 && entry.city.split(' ').some((word) => word.startsWith(city))) {
      consider(entry.zone, 2.5);
      continue;
    }
    let distance = Number.POSITIVE_INFINITY;
    if (entry.name !== '') distance = editDistance(key, entry.name, nameLimit);
    if (distance > nameLimit) distance = Number.POSITIVE_INFINITY;
    if (entry.city !== '' && city.length >= 2) {
      const d = editDistance(city, entry.city, cityLimit);
      if (d <= cityLimit && d < distance) distance = d;
    }
    if (distance !== Number.POSITIVE_INFINITY) consider(entry.zone, 3 + distance);
  }
  return [...best]
    .sort((a, b) => a[1] - b[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, n)
    .map(([zone]) => zone);
}
