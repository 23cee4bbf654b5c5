import { describe, expect, it } from 'vitest';
import { parseTime } from '../../../src/commands/index.js';

describe('parseTime', () => {
  it.each([
    ['08:00', '08:00'],
    ['8:00', '08:00'],
    ['8', '08:00'],
    ['0', '00:00'],
    ['8am', '08:00'],
    ['8AM', '08:00'],
    ['8 pm', '20:00'],
    ['8:30pm', '20:30'],
    ['8:30 p.m.', '20:30'],
    ['20:15', '20:15'],
    ['23:59', '23:59'],
    ['12am', '00:00'],
    ['12:15am', '00:15'],
    ['12pm', '12:00'],
    ['noon', '12:00'],
    ['Midnight', '00:00'],
  ])('%j → %s', (input, time) => {
    expect(parseTime(input)).toStrictEqual({ ok: true, time });
  });

  it.each([
    ['25:00', 'hours go from 00 to 23'],
    ['24', 'hours go from 00 to 23'],
    ['12:60', 'minutes go from 00 to 59'],
    ['8:5', 'two digits'],
    ['8:005', 'two digits'],
    ['13pm', 'from 1 to 12'],
    ['0pm', 'from 1 to 12'],
    ['0800', 'could not read'],
    ['8.30', 'could not read'],
    ['soon', 'could not read'],
  ])('%j is refused: %s', (input, phrase) => {
    const result = parseTime(input);
    if (result.ok) throw new Error(`expected an error, got ${result.time}`);
    expect(result.error.code).toBe('invalid-time');
    expect(result.error.message).toContain(phrase);
  });
});
