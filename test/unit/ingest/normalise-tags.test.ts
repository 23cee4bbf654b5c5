import { describe, expect, it } from 'vitest';
import { normaliseTags, tagValues } from '../../../src/ingest/normalise-tags.js';

describe('normaliseTags', () => {
  it('lower-cases, trims, deduplicates and drops site names', () => {
    expect(
      normaliseTags(
        [
          'Flooding',
          ' flooding ',
          '#Storms',
          'news.google.com',
          'https://example.org',
          'Climate&nbsp;Change',
        ],
        {
          outlets: [],
          headlines: [],
        },
      ),
    ).toEqual(['flooding', 'storms', 'climate change']);
  });
  it('drops a tag that only names an outlet, unless a headline uses the word', () => {
    const context = {
      outlets: ['The Japan Times', 'Reuters'],
      headlines: ['On to 2050: Life in a shrinking Japan', 'Japanese births fall'],
    };
    expect(normaliseTags(['shrinking', 'japan', 'times', 'reuters', 'births'], context)).toEqual([
      'shrinking',
      'japan',
      'births',
    ]);
  });
  it('counts a demonym in a headline as the place', () => {
    expect(
      normaliseTags(['israel'], {
        outlets: ['The Times of Israel'],
        headlines: ['Israeli police raid town'],
      }),
    ).toEqual(['israel']);
    expect(
      normaliseTags(['israel'], { outlets: ['The Times of Israel'], headlines: ['Police raid town'] }),
    ).toEqual([]);
  });
  it('accepts a list or a comma-separated string', () => {
    expect(tagValues(['a', 2, null, { x: 1 }])).toEqual(['a', '2']);
    expect(tagValues('rates, inflation')).toEqual(['rates', ' inflation']);
    expect(tagValues(undefined)).toEqual([]);
  });
});
