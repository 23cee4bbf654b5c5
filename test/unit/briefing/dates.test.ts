import { describe, expect, it } from 'vitest';
import { describeAge, formatDate, publishedMs, relativeTime } from '../../../src/briefing/dates.js';

const NOW = new Date('2026-01-14T09:00:00Z');

describe('dates', () => {
  it('reads a day-only date as noon UTC and an instant as itself', () => {
    expect(publishedMs('2026-01-13')).toBe(Date.parse('2026-01-13T12:00:00Z'));
    expect(publishedMs('2026-01-13T08:30:00Z')).toBe(Date.parse('2026-01-13T08:30:00Z'));
  });

  it('says how long ago at the precision of the date', () => {
    expect(relativeTime('2026-01-14', NOW)).toBe('today');
    expect(relativeTime('2026-01-13', NOW)).toBe('yesterday');
    expect(relativeTime('2026-01-11', NOW)).toBe('3 days ago');
    expect(relativeTime('2025-06-04', NOW)).toBe('7 months ago');
    expect(relativeTime('2021-05-13', NOW)).toBe('5 years ago');
    expect(relativeTime('2026-01-14T06:00:00Z', NOW)).toBe('3 hours ago');
    expect(relativeTime('2026-01-14T08:45:00Z', NOW)).toBe('15 min ago');
    expect(relativeTime('2026-01-14T09:30:00Z', NOW)).toBe('just now');
  });

  it("says a date is ahead of the briefing's clock instead of calling it today", () => {
    expect(relativeTime('2026-01-15', NOW)).toBe('today'); // already the 15th in Seoul
    expect(relativeTime('2026-01-20', NOW)).toBe('in 6 days');
    expect(relativeTime('2026-01-14T13:00:00Z', NOW)).toBe('in 4 hours');
    expect(relativeTime('2026-01-14T09:50:00Z', NOW)).toBe('just now'); // clock skew
  });

  it('formats days and instants for people', () => {
    expect(formatDate('2026-01-13')).toBe('13 Jan 2026');
    expect(formatDate('2026-01-13T08:30:00.000Z')).toBe('13 Jan 2026 08:30 UTC');
  });

  it('describes ages in the largest sensible unit', () => {
    expect(describeAge(0.5)).toBe('less than an hour');
    expect(describeAge(1)).toBe('1 hour');
    expect(describeAge(47)).toBe('47 hours');
    expect(describeAge(72)).toBe('3 days');
    expect(describeAge(24 * 90)).toBe('3 months');
  });
});
