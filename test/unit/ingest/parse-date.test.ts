import { describe, expect, it } from 'vitest';
import { dateOrMtime, mtimeDate, parseDate, parseDateValue } from '../../../src/ingest/parse-date.js';

describe('parseDate', () => {
  it('keeps a day as a day', () => {
    expect(parseDate('2026-01-13')).toEqual({ publishedAt: '2026-01-13', datePrecision: 'day' });
    expect(parseDate('May 13, 2021')).toEqual({ publishedAt: '2021-05-13', datePrecision: 'day' });
    expect(parseDate('Jan. 5, 2026')?.publishedAt).toBe('2026-01-05');
    expect(parseDate('Sept 5 2025')?.publishedAt).toBe('2025-09-05');
    expect(parseDate('5 January 2026')?.publishedAt).toBe('2026-01-05');
    expect(parseDate('Tuesday, January 13, 2026')?.publishedAt).toBe('2026-01-13');
  });
  it('turns a time into a UTC instant', () => {
    expect(parseDate('2026-01-13T08:30:00+09:00')).toEqual({
      publishedAt: '2026-01-12T23:30:00Z',
      datePrecision: 'instant',
    });
    expect(parseDate('2026-01-13 08:30')).toEqual({
      publishedAt: '2026-01-13T08:30:00Z',
      datePrecision: 'instant',
    });
    expect(parseDate('Tue, 13 Jan 2026 08:30:00 GMT')?.publishedAt).toBe('2026-01-13T08:30:00Z');
  });
  it('reads a clock time after a written date as an instant only when it names its zone', () => {
    expect(parseDate('January 13, 2026 at 8:30 a.m. EST')).toEqual({
      publishedAt: '2026-01-13T13:30:00Z',
      datePrecision: 'instant',
    });
    expect(parseDate('2026-01-13 10:21 KST')?.publishedAt).toBe('2026-01-13T01:21:00Z');
    expect(parseDate('13 January 2026 18:42 GMT+9')?.publishedAt).toBe('2026-01-13T09:42:00Z');
    expect(parseDate('January 13, 2026 9:05 p.m. PST')?.publishedAt).toBe('2026-01-14T05:05:00Z');
    expect(parseDate('2026/01/13 09:00 +0900')?.publishedAt).toBe('2026-01-13T00:00:00Z');
    // No zone, an ambiguous one, or an impossible time: the day, as written.
    expect(parseDate('Jan. 13, 2026 10:21')).toEqual({ publishedAt: '2026-01-13', datePrecision: 'day' });
    expect(parseDate('January 13, 2026 10:21 CST')?.datePrecision).toBe('day');
    expect(parseDate('January 13, 2026 25:10 GMT')?.datePrecision).toBe('day');
  });

  it('reads numeric dates when the numbers say which is the day', () => {
    expect(parseDate('2026/01/13')).toEqual({ publishedAt: '2026-01-13', datePrecision: 'day' });
    expect(parseDate('2026.1.5')?.publishedAt).toBe('2026-01-05');
    expect(parseDate('2026-1-5')?.publishedAt).toBe('2026-01-05');
    expect(parseDate('13/05/2021')?.publishedAt).toBe('2021-05-13');
    expect(parseDate('13.05.2021 10:30')?.publishedAt).toBe('2021-05-13');
    expect(parseDate('05/13/2021')?.publishedAt).toBe('2021-05-13');
    expect(parseDate('07-07-2025')?.publishedAt).toBe('2025-07-07');
  });
  it('reads Japanese, Chinese and Korean dates as days', () => {
    expect(parseDate('2026年1月13日')).toEqual({ publishedAt: '2026-01-13', datePrecision: 'day' });
    expect(parseDate('2026年01月13日 08:30')?.publishedAt).toBe('2026-01-13');
    expect(parseDate('2026년 1월 13일')?.publishedAt).toBe('2026-01-13');
    expect(parseDate('2026年2月30日')).toBeNull();
  });
  it('refuses a numeric date that reads as two days, and says why', () => {
    expect(parseDate('05/06/2026')).toBeNull();
    expect(dateOrMtime(null, '05/06/2026', new Date('2026-06-07T00:00:00Z')).warning).toBe(
      `ambiguous date, day or month first ("05/06/2026"); using the file's modification time`,
    );
    expect(parseDate('31/02/2026')).toBeNull();
    expect(parseDate('2026/02/30')).toBeNull();
    expect(parseDate('1/2/3/2026')).toBeNull();
  });
  it('refuses impossible or unreadable dates', () => {
    for (const raw of [
      'February 30, 2021',
      '2026-13-01',
      'Sometime last spring',
      '',
      '13/14/2026',
      'May 13, 1066',
    ]) {
      expect(parseDate(raw), raw).toBeNull();
    }
  });
});

describe('parseDateValue and the fallback', () => {
  it('reads YAML dates and Unix times', () => {
    expect(parseDateValue(new Date('2026-01-13T00:00:00Z'))).toEqual({
      publishedAt: '2026-01-13',
      datePrecision: 'day',
    });
    expect(parseDateValue(new Date('2026-01-13T05:00:00Z'))?.datePrecision).toBe('instant');
    expect(parseDateValue(1768262400)?.publishedAt).toBe('2026-01-13T00:00:00Z');
    expect(parseDateValue({})).toBeNull();
  });
  it('falls back to the full modification time with a one-line warning', () => {
    const mtime = new Date('2026-01-14T09:15:30.250Z');
    expect(mtimeDate(mtime)).toEqual({ publishedAt: '2026-01-14T09:15:30.250Z', datePrecision: 'instant' });
    const { date, warning } = dateOrMtime(null, 'last\nspring', mtime);
    expect(date.publishedAt).toBe('2026-01-14T09:15:30.250Z');
    expect(warning).toBe(`no usable date ("last spring"); using the file's modification time`);
    expect(dateOrMtime(parseDate('2026-01-13'), '2026-01-13', mtime).warning).toBeNull();
  });
});
