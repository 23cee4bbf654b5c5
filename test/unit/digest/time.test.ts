import { describe, expect, it } from 'vitest';
import { deliveryJobId } from '../../../src/digest/ids.js';
import {
  isWeekendAt,
  localDateAt,
  localParts,
  nextDelivery,
  zonedTimeToUtc,
} from '../../../src/digest/time.js';

const at = (iso: string) => new Date(iso);

describe('localDateAt', () => {
  it('gives the calendar date in the zone, not in UTC', () => {
    const instant = at('2026-01-13T15:30:00Z');
    expect(localDateAt(instant, 'UTC')).toBe('2026-01-13');
    expect(localDateAt(instant, 'Asia/Seoul')).toBe('2026-01-14');
    expect(localDateAt(at('2026-01-14T03:00:00Z'), 'America/New_York')).toBe('2026-01-13');
  });

  it('reads midnight as hour 0 of the new day', () => {
    const p = localParts(at('2026-01-13T15:00:00Z'), 'Asia/Seoul');
    expect(p).toMatchObject({ year: 2026, month: 1, day: 14, hour: 0, minute: 0, weekday: 3 });
  });

  it('knows weekends locally', () => {
    // Saturday 00:30 in Seoul is still Friday in UTC.
    expect(isWeekendAt(at('2026-01-16T15:30:00Z'), 'Asia/Seoul')).toBe(true);
    expect(isWeekendAt(at('2026-01-16T15:30:00Z'), 'UTC')).toBe(false);
  });
});

describe('zonedTimeToUtc', () => {
  it('round-trips every day of a year in zones with and without DST', () => {
    for (const zone of [
      'Asia/Seoul',
      'America/New_York',
      'Europe/London',
      'Australia/Sydney',
      'Asia/Kolkata',
    ]) {
      for (let d = Date.UTC(2026, 0, 1); d < Date.UTC(2027, 0, 1); d += 86_400_000) {
        const day = new Date(d);
        const date = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
        const instant = zonedTimeToUtc(date, { hour: 8, minute: 15 }, zone);
        const p = localParts(instant, zone);
        expect([p.year, p.month, p.day, p.hour, p.minute]).toEqual([date.year, date.month, date.day, 8, 15]);
      }
    }
  });

  it('moves a time the clocks skip forward by the gap, and takes the first of a repeated time (as cron-parser)', () => {
    // 2026-03-08: New York skips 02:00–03:00; 2026-11-01: it repeats 01:00–02:00.
    expect(
      zonedTimeToUtc({ year: 2026, month: 3, day: 8 }, { hour: 2, minute: 30 }, 'America/New_York'),
    ).toEqual(at('2026-03-08T07:30:00Z'));
    expect(
      zonedTimeToUtc({ year: 2026, month: 11, day: 1 }, { hour: 1, minute: 30 }, 'America/New_York'),
    ).toEqual(at('2026-11-01T05:30:00Z'));
  });
});

describe('nextDelivery', () => {
  const seoul = { time: '08:00', timeZone: 'Asia/Seoul', days: 'daily' } as const;

  it('is the next 08:00 in Asia/Seoul (UTC+9, no DST)', () => {
    const next = nextDelivery(seoul, at('2026-01-13T22:00:00Z')); // 07:00 KST on the 14th
    expect(next.at).toEqual(at('2026-01-13T23:00:00Z'));
    expect(next).toMatchObject({ localDate: '2026-01-14', localTime: '08:00', weekday: 'Wednesday' });
    expect(next.text).toBe('Wednesday 14 January 2026 at 08:00 (Asia/Seoul)');
  });

  it('is strictly after the given instant', () => {
    expect(nextDelivery(seoul, at('2026-01-13T23:00:00Z')).at).toEqual(at('2026-01-14T23:00:00Z'));
    expect(nextDelivery(seoul, at('2026-01-13T22:59:59Z')).at).toEqual(at('2026-01-13T23:00:00Z'));
  });

  it('follows America/New_York across the spring and autumn clock changes', () => {
    const ny = { time: '08:00', timeZone: 'America/New_York', days: 'daily' } as const;
    // Before: EST (UTC-5).
    expect(nextDelivery(ny, at('2026-03-06T14:00:00Z')).at).toEqual(at('2026-03-07T13:00:00Z'));
    // Sunday 8 March starts on EST and is on EDT (UTC-4) by 08:00.
    const sunday = nextDelivery(ny, at('2026-03-07T14:00:00Z'));
    expect(sunday.at).toEqual(at('2026-03-08T12:00:00Z'));
    expect(sunday).toMatchObject({ localDate: '2026-03-08', localTime: '08:00' });
    expect(nextDelivery(ny, sunday.at).at).toEqual(at('2026-03-09T12:00:00Z'));
    // Sunday 1 November: back to EST.
    expect(nextDelivery(ny, at('2026-10-31T13:00:00Z')).at).toEqual(at('2026-11-01T13:00:00Z'));
  });

  it('gives the shifted time on the day a time is skipped', () => {
    const early = { time: '02:30', timeZone: 'America/New_York', days: 'daily' } as const;
    const next = nextDelivery(early, at('2026-03-07T12:00:00Z'));
    expect(next.at).toEqual(at('2026-03-08T07:30:00Z'));
    expect(next.localTime).toBe('03:30');
  });

  it('skips the weekend in the subscription zone for weekdays', () => {
    const weekdays = { time: '08:00', timeZone: 'Asia/Seoul', days: 'weekdays' } as const;
    // Friday 16 Jan 09:00 KST → Monday 19 Jan 08:00 KST, which is Sunday in UTC.
    const next = nextDelivery(weekdays, at('2026-01-16T00:00:00Z'));
    expect(next.at).toEqual(at('2026-01-18T23:00:00Z'));
    expect(next.weekday).toBe('Monday');
    // A daily subscription gets Saturday.
    expect(nextDelivery(seoul, at('2026-01-16T00:00:00Z')).weekday).toBe('Saturday');
  });

  it('rejects a malformed time', () => {
    expect(() =>
      nextDelivery({ time: '8:00', timeZone: 'UTC', days: 'daily' }, at('2026-01-01T00:00:00Z')),
    ).toThrow(RangeError);
  });
});

describe('deliveryJobId', () => {
  it('is stable, distinct per date, free of colons and never all digits', () => {
    const id = deliveryJobId('discord.111.222', '2026-01-14');
    expect(id).toBe(deliveryJobId('discord.111.222', '2026-01-14'));
    expect(id).not.toBe(deliveryJobId('discord.111.222', '2026-01-15'));
    expect(id).not.toContain(':');
    expect(id).not.toMatch(/^\d+$/);
    expect(deliveryJobId('odd:id', '2026-01-14')).not.toContain(':');
  });
});
