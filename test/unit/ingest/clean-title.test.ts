import { describe, expect, it } from 'vitest';
import {
  cleanOutlet,
  cleanTitle,
  looksLikeOutlet,
  splitOutletSuffix,
  stripOutletSuffix,
} from '../../../src/ingest/clean-title.js';

describe('cleanTitle and cleanOutlet', () => {
  it('decodes entities, repairs apostrophes and collapses whitespace in titles', () => {
    expect(cleanTitle('  Lee&#39;s trip:&nbsp; Japan s  &quot;shuttle&quot; talks ')).toBe(
      `Lee's trip: Japan's "shuttle" talks`,
    );
  });
  it('turns a bare site address into a readable outlet name', () => {
    expect(cleanOutlet('https-//www.semafor.com')).toBe('semafor.com');
    expect(cleanOutlet('The Japan&nbsp;Times')).toBe('The Japan Times');
  });
});

describe('stripOutletSuffix', () => {
  it('removes " - Outlet" or " | Outlet" when it names the known outlet', () => {
    expect(stripOutletSuffix('Lee heads for Japan summit - Reuters', 'Reuters')).toBe(
      'Lee heads for Japan summit',
    );
    expect(stripOutletSuffix('Rally in Istanbul | Daily Sabah', 'Daily Sabah')).toBe('Rally in Istanbul');
    expect(stripOutletSuffix('Shrinking Japan – Japan Times', 'The Japan Times')).toBe('Shrinking Japan');
  });
  it('keeps a suffix that is not the outlet, and a title that is only the outlet', () => {
    expect(stripOutletSuffix('Harris - Trump debate set', 'Reuters')).toBe('Harris - Trump debate set');
    expect(stripOutletSuffix('Ukraine war latest - live', 'The Guardian')).toBe('Ukraine war latest - live');
    expect(stripOutletSuffix('Lee heads for Japan summit', '')).toBe('Lee heads for Japan summit');
  });
});

describe('splitOutletSuffix', () => {
  it('splits off a suffix after the last separator when it looks like an outlet', () => {
    expect(splitOutletSuffix('On to 2050: Life in a shrinking Japan - The Japan Times')).toEqual({
      title: 'On to 2050: Life in a shrinking Japan',
      outlet: 'The Japan Times',
    });
    expect(splitOutletSuffix('Exports jump 35% - focustaiwan.tw')).toEqual({
      title: 'Exports jump 35%',
      outlet: 'focustaiwan.tw',
    });
  });
  it('leaves titles whose last part reads as part of the headline', () => {
    for (const t of [
      'Ukraine war latest - live',
      'Storm hits coast - what we know so far',
      'Markets rally - again?',
      'One - Two',
    ]) {
      expect(splitOutletSuffix(t), t).toEqual({ title: t, outlet: '' });
    }
    expect(looksLikeOutlet('Times of India')).toBe(true);
    expect(looksLikeOutlet('and then the rain came')).toBe(false);
  });
});
