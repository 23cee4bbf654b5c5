import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleId, clusterId, parseDocument, readSourceFile } from '../../../src/ingest/index.js';
import { MTIME, SEED_GOOGLE_NEWS, SEED_SCRAPED, seedPath } from './helpers.js';

const EXPECTED_004_BODY =
  'Visiting South Korean intelligence chief Park Jie Won met with Japanese Prime Minister Yoshihide Suga on Wednesday, ' +
  'a diplomatic source said, the meeting coming at a time when relations between their nations remain strained. ' +
  "South Korea's Yonhap News Agency reported Thursday the head of the National Intelligence Service conveyed to Suga " +
  "during the meeting the need to improve bilateral ties and his nation's intention to work to that end, and the " +
  'Japanese leader echoed the need.';

describe('seed 000 (Google News item)', () => {
  const file = seedPath(SEED_GOOGLE_NEWS);
  const outcome = parseDocument(readFileSync(file, 'utf8'), { origin: file, mtime: MTIME });
  if (!outcome.ok) throw new Error(outcome.reason);

  it('is read as Google News with one article per headline, each with its own outlet', () => {
    expect(outcome.format).toBe('google-news');
    expect(outcome.warnings).toEqual([]);
    expect(outcome.articles.map((a) => [a.title, a.outlet])).toEqual([
      ["South Korea's Lee to head for Japan summit a week after meeting China's Xi", 'Reuters'],
      ['Japan, South Korea push for closer ties to counter regional tension', 'Reuters'],
      ['Japan Courts South Korea Amid Rift With China', 'Foreign Policy'],
      ['Amid China-Japan Spat, Both Countries Court South Korea', 'Time Magazine'],
      ["Takaichi, Lee reiterate neighboring countries' role in regional stability", 'Nikkei Asia'],
    ]);
  });

  it('never glues headlines and outlets together or leaks entities', () => {
    for (const a of outcome.articles) {
      for (const text of [a.title, a.outlet]) {
        expect(text).not.toContain('ReutersJapan');
        expect(text).not.toContain('&nbsp;');
        expect(text).not.toContain('&');
        expect(text).not.toMatch(/\s{2,}|^\s|\s$/);
      }
    }
  });

  it('takes urls from the links, the day from the front matter, and one cluster key for the item', () => {
    const link =
      'https://news.google.com/rss/articles/CBMisAFBVV95cUxQYnZlenc3Y3RRSnJZNHVxRy1LNy1KRkw3U0tKSlMzTDlVWU1sM0x2U3dONnlLS0NJYUhZOXpBbW9LalU5RURHOHhNSHc0NWl1OXJqTENXbTluU0NsTGxfZjVJeXFENXMzWVplb0VWN1M0ZHRJWUE0eVE4YV9jT24wYjhiRTNHYUg4eVI4VXZxWi1jOWkxTlV1NUR4YWRkR2xhc2pxcHZDeVJBcmplNEsyeg?oc=5';
    expect(outcome.articles[0]!.url).toBe(link);
    const urls = outcome.articles.map((a) => a.url);
    expect(new Set(urls).size).toBe(5);
    for (const a of outcome.articles) {
      expect(a.url).toMatch(/^https:\/\/news\.google\.com\/rss\/articles\/CBMi[\w-]+\?oc=5$/);
      expect(a.publishedAt).toBe('2026-01-13');
      expect(a.datePrecision).toBe('day');
      expect(a.body).toBe('');
      expect(a.origin).toBe(file);
      expect(a.clusterKey).toBe(clusterId(link));
      expect(a.id).toBe(articleId(a));
    }
  });

  it('keeps the topic tags and drops the outlet tag and the feed category', () => {
    for (const a of outcome.articles) {
      expect([...a.tags].sort()).toEqual(['korea', 'meeting', 'south', 'summit']);
      expect(a.tags).not.toContain('reuters');
      expect(a.tags).not.toContain('news.google.com');
    }
  });
});

describe('seed 004 (scraped page with teaser stories)', () => {
  it('keeps the title, outlet, day and only the main story as the body', async () => {
    const outcome = await readSourceFile(seedPath(SEED_SCRAPED));
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.format).toBe('scraped-text');
    expect(outcome.warnings).toEqual([]);
    expect(outcome.articles).toHaveLength(1);
    const a = outcome.articles[0]!;
    expect(a.title).toBe('S. Korea intel chief meets with Japan PM Suga: diplomatic source');
    expect(a.outlet).toBe('Mainichi Japan');
    expect(a.publishedAt).toBe('2021-05-13');
    expect(a.datePrecision).toBe('day');
    expect(a.url).toBeNull();
    expect(a.tags).toEqual([]);
    expect(a.body).toBe(EXPECTED_004_BODY);
  });

  it('leaves no caption, dateline, boilerplate or teaser text in the body', () => {
    const file = seedPath(SEED_SCRAPED);
    const outcome = parseDocument(readFileSync(file, 'utf8'), { origin: file, mtime: MTIME });
    if (!outcome.ok) throw new Error(outcome.reason);
    const body = outcome.articles[0]!.body;
    for (const debris of [
      'Kyodo',
      'TOKYO',
      'arrives at his office',
      'Javascript',
      'enable-javascript',
      'AFP-JIJI',
      'expresses hope',
      'foreign ministers',
      ' s ',
    ]) {
      expect(body).not.toContain(debris);
    }
  });
});
