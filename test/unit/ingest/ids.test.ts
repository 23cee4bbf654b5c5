import { describe, expect, it } from 'vitest';
import { articleId, urlKey } from '../../../src/ingest/index.js';

/** The identity of a URL as the WHATWG URL parser normalises it: what urlKey's fast path must equal. */
function reference(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const name of [...u.searchParams.keys()]) {
      if (/^(utm_|fbclid$|gclid$|oc$|ocid$|cmpid$|smid$)/i.test(name)) u.searchParams.delete(name);
    }
    u.hostname = u.hostname.replace(/^www\./, '');
    return u.toString().replace(/\/$/, '');
  } catch {
    return url.trim();
  }
}

const SCHEMES = ['https://', 'http://', 'HTTPS://', 'ftp://'];
const HOSTS = [
  'www.reuters.com',
  'reuters.com',
  'WWW.Reuters.com',
  'news.google.com',
  'www.com',
  'www',
  'example.co.uk',
  '127.1',
  '0x7f.0.0.1',
  'a-b.example',
  'xn--nxasmq6b.example',
  'xn--bad',
  'example.com:443',
  'example.com:8080',
  'user@example.com',
  'münchen.de',
];
const PATHS = [
  '',
  '/',
  '/world/asia/korea-japan-summit-2026-01-13/',
  '/world/asia/korea-japan-summit-2026-01-13',
  '/a//b',
  '/a/./b',
  '/a/../b',
  '/a/%2e%2E/b',
  '/a/.hidden',
  "/it's-(a)-story;v=1,2:@!$*+~",
  '/100%-sure',
  '/%E2%80%99s',
  '/space here',
  '/quote"d',
  '/back\\slash',
  '/ünïcode',
  '/a?b',
];
const QUERIES = [
  '',
  '?',
  '?oc=5',
  '?utm_source=x&utm_medium=y',
  '?id=42&utm_source=feed',
  '?a&oc=5&b=c',
  '?a&&b=1',
  '?q=korea+japan&oc=5',
  '?q=korea%20japan&oc=5',
  '?q=korea%20japan',
  "?q='x'",
  '?x=1&FBCLID=abc',
  '?x=a.b-c_d*e',
];
const FRAGMENTS = ['', '#', '#section-2', '#a?b=1'];

describe('urlKey', () => {
  it('normalises a URL exactly as the URL parser does, fast path or not', () => {
    let checked = 0;
    const wrong: string[] = [];
    for (const scheme of SCHEMES)
      for (const host of HOSTS)
        for (const path of PATHS)
          for (const query of QUERIES)
            for (const fragment of FRAGMENTS) {
              const url = `${scheme}${host}${path}${query}${fragment}`;
              if (urlKey(url) !== reference(url))
                wrong.push(`${url} → ${urlKey(url)}, not ${reference(url)}`);
              checked++;
            }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });

  it('drops the fragment, tracking parameters, www. and a trailing slash', () => {
    expect(urlKey('https://www.reuters.com/world/asia/summit/?utm_source=rss&oc=5#top')).toBe(
      'https://reuters.com/world/asia/summit',
    );
    expect(urlKey('https://example.com/story?id=7&utm_medium=feed')).toBe('https://example.com/story?id=7');
    expect(urlKey('not a url ')).toBe('not a url');
  });

  it('gives two spellings of one URL one article id', () => {
    const a = { outlet: 'Reuters', title: 'Summit', publishedAt: '2026-01-13T00:00:00.000Z' };
    expect(articleId({ ...a, url: 'https://www.reuters.com/world/summit/?oc=5' })).toBe(
      articleId({ ...a, url: 'https://reuters.com/world/summit#comments' }),
    );
    expect(articleId({ ...a, url: 'https://reuters.com/world/summit' })).not.toBe(
      articleId({ ...a, url: 'https://reuters.com/world/summit-2' }),
    );
  });
});
