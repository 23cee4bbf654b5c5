/** Autocomplete choices for topics, tag lists, time zones and times, from the core's vocabularies. */

import type { NewsEngine } from '../../src/briefing/engine.js';
import { listTimeZones, suggestTimeZones } from '../../src/commands/index.js';

export interface Choice {
  name: string;
  value: string;
}

/** Discord's limits on autocomplete: 25 choices, name and value 1–100 characters. */
const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

function choices(values: Iterable<string>): Choice[] {
  const out: Choice[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    const v = value.trim();
    if (v === '' || v.length > MAX_CHOICE_LENGTH || seen.has(v)) continue;
    seen.add(v);
    out.push({ name: v, value: v });
    if (out.length === MAX_CHOICES) break;
  }
  return out;
}

/**
 * Topics for /news: known tags and words completing what was typed; with several words, the last
 * one is completed and the others kept ("north ko" → "north korea").
 */
export function topicChoices(engine: Pick<NewsEngine, 'suggestTags'>, input: string): Choice[] {
  const text = input.replace(/\s+/g, ' ').trimStart();
  const space = text.lastIndexOf(' ');
  const head = space === -1 ? '' : text.slice(0, space + 1);
  const last = text.slice(space + 1);
  const whole = engine.suggestTags(text, MAX_CHOICES);
  const completed = head === '' ? [] : engine.suggestTags(last, MAX_CHOICES).map((w) => `${head}${w}`);
  return choices([...(text.trim() === '' ? [] : [text.trim()]), ...whole, ...completed].slice(0, 60)).slice(
    0,
    MAX_CHOICES,
  );
}

/**
 * Tag lists for /digest subscribe: the last comma-separated tag is completed, the tags before it kept
 * ("korea, jap" → "korea, japan"); tags already in the list are not offered again.
 */
export function tagListChoices(engine: Pick<NewsEngine, 'suggestTags'>, input: string): Choice[] {
  const comma = input.lastIndexOf(',');
  const before =
    comma === -1
      ? []
      : input
          .slice(0, comma)
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean);
  const last = input.slice(comma + 1).trim();
  const prefix = before.length > 0 ? `${before.join(', ')}, ` : '';
  const taken = new Set(before.map((t) => t.toLowerCase()));
  const words = engine.suggestTags(last, MAX_CHOICES * 2).filter((w) => !taken.has(w));
  return choices([...(last !== '' ? [`${prefix}${last}`] : []), ...words.map((w) => `${prefix}${w}`)]);
}

/** Tags the channel follows (plus "all"), filtered by what was typed, for /digest unsubscribe. */
export function followedTagChoices(tags: readonly string[], input: string): Choice[] {
  const q = input.trim().toLowerCase();
  return choices(['all', ...tags].filter((t) => q === '' || t.toLowerCase().includes(q)));
}

/** Zones offered before anything is typed. */
const COMMON_ZONES = [
  'UTC',
  'Asia/Seoul',
  'Asia/Tokyo',
  'Asia/Shanghai',
  'Asia/Singapore',
  'Asia/Kolkata',
  'Australia/Sydney',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Sao_Paulo',
];

/** Time zones for /digest subscribe: close matches of what was typed (zone names, cities, KST…). */
export function timeZoneChoices(input: string, defaultZone: string): Choice[] {
  const text = input.trim();
  if (text === '') return choices([defaultZone, ...COMMON_ZONES]);
  const zones = listTimeZones();
  const q = text.toLowerCase().replace(/\s+/g, '_');
  const contains = zones.filter((z) => z.toLowerCase().includes(q));
  return choices([...suggestTimeZones(text, MAX_CHOICES), ...contains]);
}

const COMMON_TIMES = ['07:00', '08:00', '09:00', '12:00', '17:00', '18:00', '20:00'];

/** Delivery times: what was typed first (the core reads 8am, 20:15, noon…), then common times. */
export function timeChoices(input: string, defaultTime: string): Choice[] {
  const text = input.trim();
  const common = [defaultTime, ...COMMON_TIMES].filter(
    (t) => text === '' || t.startsWith(text) || t.startsWith(`0${text}`),
  );
  return choices([...(text !== '' ? [text] : []), ...common]);
}
