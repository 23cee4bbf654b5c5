import { describe, expect, it } from 'vitest';
import { listTimeZones, suggestTimeZones, validateTimeZone } from '../../../src/commands/index.js';

const VALID: Array<[string, string]> = [
  ['Asia/Seoul', 'Asia/Seoul'],
  ['asia/seoul', 'Asia/Seoul'],
  ['ASIA/SEOUL', 'Asia/Seoul'],
  ['  Asia/Tokyo ', 'Asia/Tokyo'],
  ['Seoul', 'Asia/Seoul'],
  ['new york', 'America/New_York'],
  ['New_York', 'America/New_York'],
  ['Los_Angeles', 'America/Los_Angeles'],
  ['los angeles', 'America/Los_Angeles'],
  ['america/argentina/buenos_aires', 'America/Argentina/Buenos_Aires'],
  ['Buenos Aires', 'America/Argentina/Buenos_Aires'],
  ['Asia/Calcutta', 'Asia/Kolkata'],
  ['Asia/Kolkata', 'Asia/Kolkata'],
  ['Kolkata', 'Asia/Kolkata'],
  ['Kiev', 'Europe/Kyiv'],
  ['Europe/Kyiv', 'Europe/Kyiv'],
  ['Saigon', 'Asia/Ho_Chi_Minh'],
  ['Beijing', 'Asia/Shanghai'],
  ['UTC', 'UTC'],
  ['utc', 'UTC'],
  ['Etc/UTC', 'UTC'],
  ['GMT', 'UTC'],
  ['etc/gmt+5', 'Etc/GMT+5'],
  ['Etc/GMT-14', 'Etc/GMT-14'],
  ['UTC+9', 'Etc/GMT-9'],
  ['gmt-5', 'Etc/GMT+5'],
  ['UTC+09:00', 'Etc/GMT-9'],
  ['UTC+0', 'UTC'],
  ['KST', 'Asia/Seoul'],
  ['jst', 'Asia/Tokyo'],
  ['US/Eastern', 'America/New_York'],
];

const INVALID: Array<[input: string, code: string, firstSuggestion?: string]> = [
  ['', 'unknown-time-zone'],
  ['Asia/Seol', 'unknown-time-zone', 'Asia/Seoul'],
  ['Seoull', 'unknown-time-zone', 'Asia/Seoul'],
  ['asia/tokio', 'unknown-time-zone', 'Asia/Tokyo'],
  ['Europe/Seoul', 'unknown-time-zone', 'Asia/Seoul'],
  ['Calcuta', 'unknown-time-zone', 'Asia/Kolkata'],
  ['EST', 'ambiguous-time-zone', 'America/New_York'],
  ['pst', 'ambiguous-time-zone', 'America/Los_Angeles'],
  ['IST', 'ambiguous-time-zone', 'Asia/Kolkata'],
  ['CST', 'ambiguous-time-zone', 'America/Chicago'],
  ['UTC+5:30', 'unknown-time-zone', 'Asia/Kolkata'],
  ['UTC+15', 'unknown-time-zone'],
  ['Atlantis', 'unknown-time-zone'],
  ['constructor', 'unknown-time-zone'],
  ['__proto__', 'unknown-time-zone'],
  ['x'.repeat(100), 'unknown-time-zone'],
];

describe('validateTimeZone', () => {
  it.each(VALID)('%j → %s', (input, zone) => {
    expect(validateTimeZone(input)).toStrictEqual({ ok: true, timeZone: zone });
  });

  it.each(INVALID)('%j → %s', (input, code, first) => {
    const result = validateTimeZone(input);
    if (result.ok) throw new Error(`expected an error, got ${result.timeZone}`);
    expect(result.error.code).toBe(code);
    if (first !== undefined) {
      expect(result.error.suggestions?.[0]).toBe(first);
      expect(result.error.message).toContain(first);
    } else {
      expect(result.error.suggestions).toBeUndefined();
    }
    expect(result.error.suggestions?.length ?? 0).toBeLessThanOrEqual(3);
  });

  it('never echoes markup or mentions', () => {
    for (const input of ['<b>Asia/Seol</b>', '@everyone', 'x@here']) {
      const result = validateTimeZone(input);
      if (result.ok) throw new Error('expected an error');
      expect(result.error.message).not.toMatch(/[<>]|@(everyone|here)/);
    }
  });
});

describe('listTimeZones', () => {
  const zones = listTimeZones();

  it('has the IANA zones under their current names, UTC and Etc/GMT±N, once each', () => {
    expect(zones).toContain('Asia/Seoul');
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).not.toContain('Asia/Calcutta');
    expect(zones).toContain('UTC');
    expect(zones).toContain('Etc/GMT-14');
    expect(zones).toContain('Etc/GMT+12');
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones.length).toBeGreaterThan(400);
  });

  it('only holds zones the runtime can format in, each validating to itself in any case', () => {
    for (const zone of zones) {
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: zone })).not.toThrow();
      expect(validateTimeZone(zone)).toStrictEqual({ ok: true, timeZone: zone });
      expect(validateTimeZone(zone.toLowerCase())).toStrictEqual({ ok: true, timeZone: zone });
    }
  });
});

describe('suggestTimeZones', () => {
  it.each([
    ['Seoull', 'Asia/Seoul'],
    ['asia/seol', 'Asia/Seoul'],
    ['asia/se', 'Asia/Seoul'],
    ['york', 'America/New_York'],
    ['bejing', 'Asia/Shanghai'],
    ['Lisbn', 'Europe/Lisbon'],
    ['EST', 'America/New_York'],
  ])('%j → %s first', (input, zone) => {
    expect(suggestTimeZones(input, 3)[0]).toBe(zone);
  });

  it('returns at most n canonical zones, best first', () => {
    const zones = new Set(listTimeZones());
    const found = suggestTimeZones('america/s', 5);
    expect(found).toHaveLength(5);
    for (const zone of found) expect(zones.has(zone)).toBe(true);
    expect(suggestTimeZones('america/s', 2)).toStrictEqual(found.slice(0, 2));
  });

  it('returns nothing for empty input, n = 0, or nothing close', () => {
    expect(suggestTimeZones('', 3)).toStrictEqual([]);
    expect(suggestTimeZones('   ', 3)).toStrictEqual([]);
    expect(suggestTimeZones('Seoul', 0)).toStrictEqual([]);
    expect(suggestTimeZones('qqqqqqqq', 3)).toStrictEqual([]);
  });
});
