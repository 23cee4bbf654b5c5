import { describe, expect, it } from 'vitest';
import {
  cleanOutlet,
  cleanTitle,
  looksLikeOutlet,
  splitOutletSuffix,
  stripHeadlineFurniture,
  stripOutletSuffix,
} from '../../../src/ingest/clean-title.js';

describe('cleanTitle and cleanOutlet', () => {
  it('decodes entities, repairs apostrophes and collapses whitespace in titles', () => {
    expect(cleanTitle('  Lee&#39;s trip:&nbsp; Japan s  &quot;shuttle&quot; talks ')).toBe(
      `Lee's trip: Japan's "shuttle" talks`,
    );
  });
  it("removes a wire service's version label, and keeps a publisher's own labels and capitals", () => {
    expect(cleanTitle('(2nd LD) Ferry fares to rise 5% in April')).toBe('Ferry fares to rise 5% in April');
    expect(cleanTitle('(LEAD) Port strike ends')).toBe('Port strike ends');
    expect(cleanTitle('(URGENT) Storm warning for the coast')).toBe('Storm warning for the coast');
    expect(cleanTitle('REFILE-UPDATE 2-Harbour exports rise')).toBe('Harbour exports rise');
    expect(cleanTitle('APTOPIX Harbour Festival Fireworks')).toBe('Harbour Festival Fireworks');
    for (const title of [
      '(News Focus) Ports weigh options',
      'BREAKING: Ferry sinks off the coast',
      'UPDATE: Port reopens',
      'LIVE: Election results',
      'NATO allies meet',
      'UPDATE',
    ]) {
      expect(cleanTitle(title)).toBe(title);
    }
  });
  it('turns a bare site address into a readable outlet name', () => {
    expect(cleanOutlet('https-//www.semafor.com')).toBe('semafor.com');
    expect(cleanOutlet('The Japan&nbsp;Times')).toBe('The Japan Times');
  });
  it('keeps the name of an outlet registered with a slogan, a section or a note', () => {
    expect(cleanOutlet('Harbour Daily – Coastal Current Affairs Magazine')).toBe('Harbour Daily');
    expect(cleanOutlet('Fresh Prices Every Morning | HarbourMarkets.example')).toBe('HarbourMarkets.example');
    expect(cleanOutlet('Local news | Harbour Daily')).toBe('Harbour Daily');
    expect(cleanOutlet('Harbour Port Authority (.gov)')).toBe('Harbour Port Authority');
    expect(cleanOutlet('Mail & Guardian')).toBe('Mail & Guardian');
    expect(cleanOutlet('Radio-Harbour')).toBe('Radio-Harbour');
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
  it('removes the outlet however the page spells it: a longer name, a shorter one or a domain', () => {
    const head = 'Japan exports fall for third month';
    for (const [suffix, outlet] of [
      ['Nikkei Asia', 'Nikkei'],
      ['BBC News', 'BBC'],
      ['CNBC', 'CNBC.com'],
      ['The New York Times', 'nytimes.com'],
      ['Policy Circle', 'policycircle.org'],
      ['Militarnyi', 'militarnyi.com'],
      ['BBC', 'news.bbc.co.uk'],
    ] as const) {
      expect(stripOutletSuffix(`${head} - ${suffix}`, outlet), `${suffix} / ${outlet}`).toBe(head);
    }
  });
  it('removes an outlet glued to the last word, as a careless scrape leaves it', () => {
    expect(stripOutletSuffix('Japan exports fall for third monthReuters', 'Reuters')).toBe(
      'Japan exports fall for third month',
    );
    expect(stripOutletSuffix('Harbour exports rise 5%Harbour Daily', 'Harbour Daily')).toBe(
      'Harbour exports rise 5%',
    );
    expect(stripOutletSuffix('Ferry fares to reach 2,500Harbour Daily', 'Harbour Daily')).toBe(
      'Ferry fares to reach 2,500',
    );
    expect(stripOutletSuffix('Mayor promises "a bridge for all"Harbour Daily', 'Harbour Daily')).toBe(
      'Mayor promises "a bridge for all"',
    );
    // A headline that ends in the outlet's name as a word keeps it.
    expect(stripOutletSuffix('Investors sue Thomson Reuters', 'Reuters')).toBe(
      'Investors sue Thomson Reuters',
    );
  });
  it('removes the outlet in brackets after the headline', () => {
    expect(stripOutletSuffix('Port strike ends after a week (Harbour Daily)', 'Harbour Daily')).toBe(
      'Port strike ends after a week',
    );
    expect(stripOutletSuffix('Port strike ends after a week (AP)', 'AP News')).toBe(
      'Port strike ends after a week',
    );
    expect(stripOutletSuffix('Port strike ends after a week (updated)', 'Harbour Daily')).toBe(
      'Port strike ends after a week (updated)',
    );
  });
  it('keeps a suffix that names another outlet or is not a name', () => {
    expect(stripOutletSuffix('Japan exports fall - Times of India', 'The Japan Times')).toBe(
      'Japan exports fall - Times of India',
    );
    expect(stripOutletSuffix('Seoul rally - news in brief', 'Yonhap News')).toBe(
      'Seoul rally - news in brief',
    );
    expect(stripOutletSuffix('Talks in Tokyo - Japan', 'Kyodo News')).toBe('Talks in Tokyo - Japan');
  });
  it('keeps a suffix that is not the outlet, and a title that is only the outlet', () => {
    expect(stripOutletSuffix('Harris - Trump debate set', 'Reuters')).toBe('Harris - Trump debate set');
    expect(stripOutletSuffix('Ukraine war latest - live', 'The Guardian')).toBe('Ukraine war latest - live');
    expect(stripOutletSuffix('Lee heads for Japan summit', '')).toBe('Lee heads for Japan summit');
  });
});

describe('stripHeadlineFurniture', () => {
  it('removes sections, authors and site names after a bar, and a byline after a dash', () => {
    const cases: Array<[string, string, string]> = [
      [
        'Ferry operator fined over harbour collision | Shipping',
        'Harbour Daily',
        'Ferry operator fined over harbour collision',
      ],
      [
        'Why the port plan will fail the town | Ana Ruiz',
        'Harbour Daily',
        'Why the port plan will fail the town',
      ],
      [
        'Mayor opens new bridge across the river | Local News | harbourdaily.example',
        'Harbour Daily',
        'Mayor opens new bridge across the river',
      ],
      [
        'Mayor opens new bridge across the river | HD Television',
        'Harbour Daily',
        'Mayor opens new bridge across the river',
      ],
      [
        'What the strike taught me about my town - by Jo Park',
        'The Letterbox',
        'What the strike taught me about my town',
      ],
      [
        'Three killed in attack on harbour workers By Reuters',
        'Markets.example',
        'Three killed in attack on harbour workers',
      ],
      [
        'Harbour Daily | Port workers end a week-long strike',
        'Harbour Daily',
        'Port workers end a week-long strike',
      ],
    ];
    for (const [title, outlet, expected] of cases)
      expect(stripHeadlineFurniture(title, outlet), title).toBe(expected);
  });
  it('keeps labels, long tails after a bar, short headlines and dashes inside the headline', () => {
    const cases: Array<[string, string]> = [
      ['Opinion | The harbour deserves better than this', 'Harbour Daily'],
      ['STRIKE ENDS | “We never wanted to walk out, but we had to”', 'Harbour Daily'],
      ['Port strike | Day 3', 'Harbour Daily'],
      ['Ferry fares rise – and commuters pay the price', 'Harbour Daily'],
      ['Town council votes by show of hands on the bridge plan', 'Harbour Daily'],
      ['Harbour guard wounded in attack By Police', 'Harbour Daily'],
      ['Letters | The bridge plan will cost us all dearly', 'Harbour Daily'],
    ];
    for (const [title, outlet] of cases) expect(stripHeadlineFurniture(title, outlet), title).toBe(title);
  });
  it("removes an outlet's acronym after a dash as it removes the outlet's name", () => {
    expect(stripOutletSuffix('Central bank holds rates steady - WSJ', 'The Wall Street Journal')).toBe(
      'Central bank holds rates steady',
    );
    expect(stripOutletSuffix('Council approves bridge – The HDN', 'Harbour Daily News')).toBe(
      'Council approves bridge',
    );
    expect(stripOutletSuffix('Talks stall - NATO', 'The Wall Street Journal')).toBe('Talks stall - NATO');
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
