import { describe, expect, it } from 'vitest';
import { normaliseTag } from '../../../src/commands/index.js';

const VALID: Array<[string, string]> = [
  ['korea', 'korea'],
  ['Korea', 'korea'],
  ['#Korea', 'korea'],
  ['##korea', 'korea'],
  ['Café', 'cafe'],
  ['ÉLYSÉE', 'elysee'],
  ['south korea', 'south korea'],
  ['  South   Korea ', 'south korea'],
  ['#south_korea', 'south korea'],
  ['korea,', 'korea'],
  ['(korea)', 'korea'],
  ['U.S.', 'us'],
  ['covid-19', 'covid-19'],
  ['Korea’s', "korea's"],
  ['G7', 'g7'],
  ['한국', '한국'],
  ['ＫＯＲＥＡ', 'korea'],
  ['a'.repeat(50), 'a'.repeat(50)],
];

const INVALID: Array<[string, string, string]> = [
  ['...', 'invalid-tag', 'no letters or digits'],
  ['#', 'invalid-tag', 'no letters or digits'],
  ['', 'invalid-tag', 'no letters or digits'],
  ['at&t', 'invalid-tag', "can't hold"],
  ['9/11', 'invalid-tag', "can't hold"],
  ['a'.repeat(51), 'tag-too-long', 'at most 50'],
];

describe('normaliseTag', () => {
  it.each(VALID)('%j → %j', (raw, tag) => {
    expect(normaliseTag(raw)).toStrictEqual({ ok: true, tag });
  });

  it.each(INVALID)('%j → %s', (raw, code, phrase) => {
    const result = normaliseTag(raw);
    if (result.ok) throw new Error(`expected an error, got ${result.tag}`);
    expect(result.error.code).toBe(code);
    expect(result.error.message).toContain(phrase);
  });

  it('is idempotent', () => {
    for (const [, tag] of VALID) expect(normaliseTag(tag)).toStrictEqual({ ok: true, tag });
  });
});
