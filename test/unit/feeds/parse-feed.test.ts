import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/ingest/parse-document.js';
import { outletOfFeedTitle, parseFeed } from '../../../src/ingest/parse-feed.js';
import { parseFeedDate } from '../../../src/ingest/parse-feed-date.js';
import type { Article } from '../../../src/model.js';

const NOW = new Date('2026-01-13T10:00:00Z');
const ORIGIN = 'https://www.seoulledger.example/rss/world.xml';

function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/feeds/${name}`, import.meta.url)), 'utf8');
}

function parsed(xml: string, origin = ORIGIN) {
  const result = parseFeed(xml, { origin, now: NOW });
  if (!result.ok) throw new Error(`expected a feed, got: ${result.reason}`);
  return result;
}

function reason(xml: string): string {
  const result = parseFeed(xml, { origin: ORIGIN, now: NOW });
  if (result.ok) throw new Error('expected a failure');
  expect(result.reason).not.toContain('\n');
  return result.reason;
}

function only(item: Article[] | undefined): Article {
  expect(item).toHaveLength(1);
  return item![0]!;
}

describe('parseFeed: RSS 2.0', () => {
  const feed = parsed(fixture('rss-news.xml'));

  it('reads every usable item as one document, in feed order, and names the feed', () => {
    expect(feed.kind).toBe('rss');
    expect(feed.title).toBe('The Seoul Ledger');
    expect(feed.items.map((item) => only(item).title)).toEqual([
      'Lee, Takaichi agree to revive shuttle diplomacy at Nara summit',
      'Samsung & SK Hynix shares rally on AI chip demand',
      'Heavy snow grounds flights at Jeju airport',
      "Seoul's apartment prices rise for 50th straight week",
      'KOSPI tracks S&P 500 higher as won steadies',
    ]);
    expect(feed.itemKeys).toHaveLength(feed.items.length);
    expect(new Set(feed.itemKeys).size).toBe(feed.items.length);
  });

  it('splits off the " - Outlet" suffix naming the feed, and takes the outlet from the feed title', () => {
    const a = only(feed.items[0]);
    expect(a.outlet).toBe('The Seoul Ledger');
    expect(a.title).not.toContain('Seoul Ledger');
  });

  it('takes the outlet from <source> and splits it off the title; decodes double-escaped entities', () => {
    const a = only(feed.items[3]);
    expect(a.outlet).toBe('Yonhap');
    expect(a.title).toBe("Seoul's apartment prices rise for 50th straight week");
    expect(a.url).toBe('https://en.yna.co.kr/view/AEN20260112004500320');
  });

  it('turns the CDATA content:encoded HTML into clean paragraphs, without the figure caption or entities', () => {
    const a = only(feed.items[0]);
    expect(a.body.split('\n\n')).toEqual([
      'South Korean President Lee Jae-myung and Japanese Prime Minister Sanae Takaichi agreed on Tuesday to resume regular “shuttle” visits between the two capitals, officials said after their summit in Nara.',
      'The two leaders also pledged to launch a dialogue on economic security, covering semiconductor supply chains and critical minerals, Seoul’s presidential office said.',
      'It was Lee’s second trip to Japan since taking office in June.',
    ]);
    expect(a.body).not.toMatch(/&\w+;|&#\d+;|<\w/);
    expect(a.body).not.toContain('Todaiji');
  });

  it('reads an entity-escaped HTML description as paragraphs', () => {
    const a = only(feed.items[1]);
    expect(a.body.split('\n\n')).toHaveLength(2);
    expect(a.body).toMatch(/^Shares of Samsung Electronics and SK Hynix rose more than 4%/);
    expect(a.body).not.toContain('<p>');
  });

  it('reads RFC 822 dates with numeric and named zones as UTC instants', () => {
    expect(only(feed.items[0]).publishedAt).toBe('2026-01-12T23:30:00Z');
    expect(only(feed.items[0]).datePrecision).toBe('instant');
    expect(only(feed.items[1]).publishedAt).toBe('2026-01-13T00:05:00Z'); // 19:05 EST
  });

  it('keeps day precision for a day-only dc:date', () => {
    const a = only(feed.items[4]);
    expect(a.publishedAt).toBe('2026-01-11');
    expect(a.datePrecision).toBe('day');
  });

  it('dates an item with an unusable date at `now`, with a warning naming the item', () => {
    const a = only(feed.items[2]);
    expect(a.publishedAt).toBe('2026-01-13T10:00:00Z');
    expect(feed.warnings).toContain(
      'item 3 ("Heavy snow grounds flights at Jeju airport"): no usable date ("Yesterday afternoon"); using the time it was read',
    );
  });

  it('skips an item without a title with a warning, keeping the others', () => {
    expect(feed.skipped).toBe(1);
    expect(feed.warnings).toContain(
      'item 4 (https://www.seoulledger.example/photos/2026/01/gallery-4471): skipped: no title',
    );
    expect(feed.items.flat().some((a) => a.url?.includes('gallery-4471'))).toBe(false);
  });

  it('normalises categories into tags, dropping the one naming the outlet', () => {
    expect(only(feed.items[0]).tags).toEqual(['politics', 'korea-japan relations']);
    expect(only(feed.items[3]).tags).toEqual(['economy']);
  });

  it('accepts a bare "&" in text (S&P), as feed readers do', () => {
    expect(only(feed.items[4]).title).toBe('KOSPI tracks S&P 500 higher as won steadies');
  });

  it('repairs mojibake in titles and descriptions', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Busan Daily</title>' +
      '<item><title>Busanâ€™s port sets record â€” again</title><link>https://busan.example/a</link>' +
      '<pubDate>Tue, 13 Jan 2026 01:00:00 GMT</pubDate>' +
      '<description>Container traffic rose 4% to a record, the port authority said. â€œA good year,â€\u009d it added.</description>' +
      '</item></channel></rss>';
    const a = only(parsed(xml).items[0]);
    expect(a.title).toBe('Busan’s port sets record — again');
    expect(a.body).toBe(
      'Container traffic rose 4% to a record, the port authority said. “A good year,” it added.',
    );
  });

  it('drops a blog feed\'s "appeared first on" footer, a "Continue reading →" link and a truncation mark', () => {
    const item = (title: string, description: string): string =>
      `<item><title>${title}</title><link>https://harbour.example/${title.length}</link>` +
      `<pubDate>Tue, 13 Jan 2026 01:00:00 GMT</pubDate><description><![CDATA[${description}]]></description></item>`;
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour Daily</title>' +
      item(
        'Ferry fares to rise 5% in April',
        '<p>Ferry fares will rise 5% in April, the operator said.</p><p>The post <a href="https://harbour.example/f">Ferry fares to rise 5% in April</a> appeared first on <a href="https://harbour.example">Harbour Daily</a>.</p>',
      ) +
      item(
        'Storm warning for the coast',
        'Forecasters warned of gales on Wednesday. <a href="/s">Continue reading &rarr;</a>',
      ) +
      item('Port strike ends', 'Dockworkers returned to work on Tuesday after a two-day strike. [&#8230;]') +
      '</channel></rss>';
    expect(parsed(xml).items.map((i) => only(i).body)).toEqual([
      'Ferry fares will rise 5% in April, the operator said.',
      'Forecasters warned of gales on Wednesday.',
      'Dockworkers returned to work on Tuesday after a two-day strike.',
    ]);
  });

  it('gives every article the origin and a stable id', () => {
    for (const a of feed.items.flat()) {
      expect(a.origin).toBe(ORIGIN);
      expect(a.id).toMatch(/^a_[0-9a-f]{16}$/);
      expect(a.clusterKey).toBeUndefined();
    }
    expect(
      parsed(fixture('rss-news.xml'))
        .items.flat()
        .map((a) => a.id),
    ).toEqual(feed.items.flat().map((a) => a.id));
  });
});

describe('parseFeed: Atom', () => {
  const feed = parsed(fixture('atom-news.xml'), 'https://tokyowire.example/feed.atom');

  it('reads entries with the feed title as outlet', () => {
    expect(feed.kind).toBe('atom');
    expect(feed.title).toBe('Tokyo Wire');
    expect(feed.items.map((item) => only(item).outlet)).toEqual(['Tokyo Wire', 'Tokyo Wire', 'Tokyo Wire']);
    expect(feed.warnings).toEqual([]);
  });

  it('reads an HTML title as text and resolves a relative alternate link', () => {
    const a = only(feed.items[0]);
    expect(a.title).toBe('Japan’s yen slides past 160 as BOJ holds rates');
    expect(a.url).toBe('https://tokyowire.example/business/2026/01/13/yen-slides');
  });

  it('prefers published to updated, converted to UTC; falls back to updated; keeps day-only dates', () => {
    expect(only(feed.items[0]).publishedAt).toBe('2026-01-12T21:00:00Z');
    expect(only(feed.items[1]).publishedAt).toBe('2026-01-12T12:00:00Z');
    expect(only(feed.items[2])).toMatchObject({ publishedAt: '2026-01-10', datePrecision: 'day' });
  });

  it('takes the body from HTML content (CDATA), XHTML content, or the summary', () => {
    expect(only(feed.items[0]).body).toMatch(
      /^The yen weakened past 160 per dollar on Tuesday.*\n\nFinance Minister Satsuki Katayama said the government was watching currency moves “with a sense of urgency\.”$/,
    );
    expect(only(feed.items[1]).body).toBe(
      'Toyota Motor said on Monday it would recall about 120,000 hybrid vehicles in Japan to fix a software fault that can cause a loss of power.',
    );
    expect(only(feed.items[2]).body).toBe('The session is expected to focus on the supplementary budget.');
  });

  it('reads category terms as tags', () => {
    expect(only(feed.items[0]).tags).toEqual(['markets', 'bank of japan']);
  });
});

describe('parseFeed: Google News RSS', () => {
  const feed = parsed(
    fixture('google-news.xml'),
    'https://news.google.com/rss/topics/CAAqJggKIiBDQkFTRWdvSUwyMHZNRGx1YlY4U0FtVnVHZ0pWVXlnQVAB',
  );

  it('makes one article per headline of an item, each with its own outlet and link, sharing a cluster key', () => {
    const story = feed.items[0]!;
    expect(story.map((a) => [a.title, a.outlet])).toEqual([
      ['Lee, Takaichi agree to revive regular shuttle visits at Nara summit', 'The Korea Herald'],
      ["Lee, Takaichi hold summit in Nara, vow 'future-oriented' cooperation", 'Yonhap'],
      ['Japan, S. Korea leaders to launch economic security dialogue', 'Kyodo News'],
    ]);
    expect(new Set(story.map((a) => a.clusterKey)).size).toBe(1);
    expect(story[0]!.clusterKey).toMatch(/^c_[0-9a-f]{16}$/);
    expect(new Set(story.map((a) => a.url)).size).toBe(3);
    expect(story.every((a) => a.url?.startsWith('https://news.google.com/rss/articles/CBMi'))).toBe(true);
    expect(new Set(story.map((a) => a.id)).size).toBe(3);
  });

  it('never glues a headline to its outlet or keeps markup and entities', () => {
    for (const a of feed.items.flat()) {
      expect(a.title).not.toMatch(/Herald|Yonhap|Kyodo News|Guardian|&nbsp;|&#39;|<|\s{2}/);
      expect(a.body).toBe('');
    }
  });

  it('reads a single-headline item without its "View Full Coverage" link', () => {
    const story = feed.items[1]!;
    expect(story).toHaveLength(1);
    expect(story[0]).toMatchObject({
      title: 'Bees granted legal personhood in Peruvian Amazon town',
      outlet: 'The Guardian',
    });
    expect(story[0]!.clusterKey).not.toBe(feed.items[0]![0]!.clusterKey);
  });

  it('dates every headline of an item with its pubDate', () => {
    expect(new Set(feed.items[0]!.map((a) => a.publishedAt))).toEqual(new Set(['2026-01-13T07:53:00Z']));
  });

  it('gives the same articles and cluster key as the file reader for the same story saved as a file', () => {
    const story = feed.items[0]!;
    const li = story
      .map(
        (a) =>
          `<li><a href="${a.url}" target="_blank">${a.title.replace(/'/g, '&#39;')}</a>&nbsp;&nbsp;<font color="#6f6f6f">${a.outlet}</font></li>`,
      )
      .join('');
    const file = `---\ntitle: "${story[0]!.title} - The Korea Herald"\ndate: 2026-01-13T07:53:00Z\nlink: '${story[0]!.url}'\n---\n<ol>${li}</ol>\n`;
    const fromFile = parseDocument(file, { origin: '/data/news/nara.md', mtime: NOW });
    if (!fromFile.ok) throw new Error(fromFile.reason);
    expect(fromFile.format).toBe('google-news');
    expect(fromFile.articles.map((a) => [a.id, a.title, a.outlet, a.clusterKey])).toEqual(
      story.map((a) => [a.id, a.title, a.outlet, a.clusterKey]),
    );
  });
});

describe('parseFeed: documents that are not feeds', () => {
  it('malformed XML names the line of the error', () => {
    expect(reason(fixture('malformed.xml'))).toMatch(/^XML parse error at line 8: /);
  });
  it('an XML document of another kind', () => {
    expect(reason(fixture('not-a-feed.xml'))).toBe('neither RSS nor Atom (the root element is <urlset>)');
  });
  it('text that is not XML, an empty document and an HTML page', () => {
    expect(reason('{"version": "https://jsonfeed.org/version/1.1"}')).toBe('not XML');
    expect(reason('  \n')).toBe('empty document');
    expect(
      reason(
        '<!DOCTYPE html>\n<html><head><title>Consent</title></head><body><p>Accept cookies</p></body></html>',
      ),
    ).toBe('an HTML page, not a feed');
  });
  it('RSS without a channel', () => {
    expect(reason('<rss version="2.0"><item><title>x</title></item></rss>')).toBe('RSS without a <channel>');
  });
  it('never expands DOCTYPE entities (no "billion laughs")', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<rss version="2.0"><channel><title>T</title><item><title>Boom &d;&d;&d;&d;</title><link>https://x.example/a</link><pubDate>Tue, 13 Jan 2026 08:00:00 GMT</pubDate></item></channel></rss>`;
    const feed = parsed(lol);
    expect(only(feed.items[0]).title.length).toBeLessThan(40);
    expect(only(feed.items[0]).title).not.toContain('aaaaaaaaaa');
  });
  it('an empty channel is a feed with no items', () => {
    const feed = parsed('<rss version="2.0"><channel><title>Quiet</title></channel></rss>');
    expect(feed.items).toEqual([]);
    expect(feed.skipped).toBe(0);
  });
});

describe('parseFeed: item keys', () => {
  const item = (title: string, guid: string, description: string) =>
    `<rss version="2.0"><channel><title>T</title><item><title>${title}</title><guid isPermaLink="false">${guid}</guid><link>https://x.example/${guid}</link><description>${description}</description><pubDate>Tue, 13 Jan 2026 08:00:00 GMT</pubDate></item></channel></rss>`;

  it('are the same for the same guid and title, whatever else changes, and differ otherwise', () => {
    const key = (xml: string) => parsed(xml).itemKeys[0];
    const base = key(item('Chip exports jump', 'g1', 'First version.'));
    expect(key(item('Chip exports jump', 'g1', 'Edited text.'))).toBe(base);
    expect(key(item('Chip exports jump 20%', 'g1', 'First version.'))).not.toBe(base);
    expect(key(item('Chip exports jump', 'g2', 'First version.'))).not.toBe(base);
  });
});

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 13 Jan 2026 08:30:00 GMT', '2026-01-13T08:30:00Z'],
    ['Tue, 13 Jan 2026 08:30:00 +0900', '2026-01-12T23:30:00Z'],
    ['13 Jan 2026 08:30 PST', '2026-01-13T16:30:00Z'],
    ['Tuesday, 13 January 2026 08:30:00 EDT', '2026-01-13T12:30:00Z'],
    ['Tue, 13 Jan 26 08:30:00 Z', '2026-01-13T08:30:00Z'],
    ['Tue, 13 Jan 2026 08:30:00 +00:00', '2026-01-13T08:30:00Z'],
    ['2026-01-13T08:30:00+09:00', '2026-01-12T23:30:00Z'],
    ['2026-01-13T08:30:00.250Z', '2026-01-13T08:30:00.250Z'],
  ])('%s → %s', (raw, iso) => {
    expect(parseFeedDate(raw)).toEqual({ publishedAt: iso, datePrecision: 'instant' });
  });
  it('keeps day precision for a day', () => {
    expect(parseFeedDate('2026-01-13')).toEqual({ publishedAt: '2026-01-13', datePrecision: 'day' });
  });
  it.each([
    '',
    'yesterday',
    'Tue, 31 Feb 2026 08:30:00 GMT',
    'Tue, 13 Foo 2026 08:30:00 GMT',
    '13 Jan 2026 25:00 GMT',
  ])('null for %j', (raw) => {
    expect(parseFeedDate(raw)).toBeNull();
  });
});

describe('outletOfFeedTitle', () => {
  it('takes the outlet out of a feed title that also names a section or repeats it in a slogan', () => {
    expect(outletOfFeedTitle('Harbour Daily - World')).toBe('Harbour Daily');
    expect(outletOfFeedTitle('World news | The Harbour Post')).toBe('The Harbour Post');
    expect(outletOfFeedTitle('Example.com - RSS Channel - Asia')).toBe('Example.com');
    expect(outletOfFeedTitle('Latest & Breaking News on Harbour TV | Harbour TV')).toBe('Harbour TV');
    expect(outletOfFeedTitle('Harbour Daily')).toBe('Harbour Daily');
    expect(outletOfFeedTitle('Global News')).toBe('Global News');
    expect(outletOfFeedTitle('Harbour Daily - Port Post')).toBe('Harbour Daily - Port Post');
  });
});
