import { describe, expect, it } from 'vitest';
import { readGoogleNewsBody } from '../../../src/ingest/parse-google-news.js';

const li = (href: string, title: string, outlet: string) =>
  `<li><a href="${href}" target="_blank">${title}</a>&nbsp;&nbsp;<font color="#6f6f6f">${outlet}</font></li>`;

describe('readGoogleNewsBody', () => {
  it('reads every list entry from the HTML, with its own outlet and link', () => {
    const body = `<ol>${li('https://news.google.com/rss/articles/A?oc=5', 'Talks resume &amp; stall', 'Reuters')}${li(
      'https://news.google.com/rss/articles/B?oc=5',
      'Japan&#39;s view',
      'The Japan Times',
    )}</ol>`;
    const gn = readGoogleNewsBody(body);
    expect(gn.isGoogleNews).toBe(true);
    expect(gn.warnings).toEqual([]);
    expect(gn.headlines).toEqual([
      {
        title: 'Talks resume & stall',
        outlet: 'Reuters',
        url: 'https://news.google.com/rss/articles/A?oc=5',
      },
      {
        title: "Japan's view",
        outlet: 'The Japan Times',
        url: 'https://news.google.com/rss/articles/B?oc=5',
      },
    ]);
  });
  it('reads a single entry and ignores the full-coverage link', () => {
    const body =
      '<a href="https://news.google.com/rss/articles/C?oc=5">Bees granted legal rights</a>&nbsp;&nbsp;<font color="#6f6f6f">The Guardian</font>' +
      '<strong><a href="https://news.google.com/stories/XYZ?oc=5">View Full Coverage on Google News</a></strong>';
    const gn = readGoogleNewsBody(body);
    expect(gn.headlines).toEqual([
      {
        title: 'Bees granted legal rights',
        outlet: 'The Guardian',
        url: 'https://news.google.com/rss/articles/C?oc=5',
      },
    ]);
  });
  it('skips an unusable entry with a warning and keeps the rest', () => {
    const body = `<ol>${li('https://news.google.com/rss/articles/A', ' ', 'Dock Daily')}<li>no link here</li>${li(
      'not a url',
      'Port strike ends',
      'Harbour News',
    )}</ol>`;
    const gn = readGoogleNewsBody(body);
    expect(gn.headlines).toEqual([{ title: 'Port strike ends', outlet: 'Harbour News', url: null }]);
    expect(gn.warnings).toEqual([
      'headline 1 skipped: no headline text',
      'headline 2 skipped: no link or headline text',
      'headline 3 ("Port strike ends") has no usable link',
    ]);
  });
  it('does not take an article body with a list of links for a headline list', () => {
    const prose =
      '<p>The council met on Monday to discuss the budget, and members argued for three hours about the proposed cuts to library opening hours, road repairs and the new leisure centre.</p>'.repeat(
        2,
      );
    const gn = readGoogleNewsBody(
      `${prose}<ul><li><a href="https://example.org/a">Earlier story</a></li></ul>`,
    );
    expect(gn.isGoogleNews).toBe(false);
  });
});
