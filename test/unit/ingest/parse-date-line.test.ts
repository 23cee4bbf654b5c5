import { describe, expect, it } from 'vitest';
import { parseDateLine } from '../../../src/ingest/parse-scraped-text.js';

describe('parseDateLine', () => {
  it('reads the date and the outlet in its usual forms', () => {
    expect(parseDateLine('May 13, 2021 (Mainichi Japan)')).toEqual({
      date: { publishedAt: '2021-05-13', datePrecision: 'day' },
      outlet: 'Mainichi Japan',
      raw: 'May 13, 2021',
    });
    expect(parseDateLine('Jan. 5, 2026')?.date?.publishedAt).toBe('2026-01-05');
    expect(parseDateLine('2026-01-05 | Reuters')?.outlet).toBe('Reuters');
    expect(parseDateLine('Reuters - 5 January 2026')?.date?.publishedAt).toBe('2026-01-05');
    expect(parseDateLine('Published May 13, 2021')?.date?.publishedAt).toBe('2021-05-13');
    expect(parseDateLine('2026年1月13日 (Kyodo News)')).toEqual({
      date: { publishedAt: '2026-01-13', datePrecision: 'day' },
      outlet: 'Kyodo News',
      raw: '2026年1月13日',
    });
  });
  it('recognises a date line whose date cannot be read', () => {
    expect(parseDateLine('Sometime last spring (Town Crier)')).toEqual({
      date: null,
      outlet: 'Town Crier',
      raw: 'Sometime last spring',
    });
    expect(parseDateLine('Febtember 40, 2021')).toEqual({
      date: null,
      outlet: '',
      raw: 'Febtember 40, 2021',
    });
  });
  it('does not take a first paragraph for a date line', () => {
    expect(parseDateLine('2025 was the hottest year on record')).toBeNull();
    expect(parseDateLine('The council met on May 13, 2021 to discuss the budget.')).toBeNull();
  });
});
