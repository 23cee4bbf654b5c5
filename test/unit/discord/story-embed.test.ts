import { describe, expect, it } from 'vitest';
import { embedsLength, LIMITS, withinLimits } from '../../../adapters/discord/render/message.js';
import { fitEmbeds, storyEmbed } from '../../../adapters/discord/render/story-embed.js';
import type { BriefingStory } from '../../../src/model.js';

function story(overrides: Partial<BriefingStory> = {}): BriefingStory {
  return {
    id: 's1',
    title: 'Lee and Takaichi meet in Nara',
    url: 'https://news.example/1',
    outlets: [{ name: 'Yonhap', url: 'https://yna.example/1' }],
    publishedAt: '2026-01-14T07:00:00Z',
    firstPublishedAt: '2026-01-14T07:00:00Z',
    summary: 'The leaders agreed to revive shuttle diplomacy.',
    articleIds: ['a1'],
    score: { relevance: 1, coverage: 1, recency: 1, diversity: 1, total: 1 },
    ...overrides,
  };
}

describe('storyEmbed', () => {
  it('links the numbered title, names the outlets, and stamps the time', () => {
    expect(storyEmbed(story(), 3)).toEqual({
      title: '3. Lee and Takaichi meet in Nara',
      url: 'https://news.example/1',
      color: expect.any(Number),
      author: { name: 'Yonhap' },
      description: 'The leaders agreed to revive shuttle diplomacy.',
      timestamp: '2026-01-14T07:00:00.000Z',
    });
  });

  it('puts a day-only date in the footer and links every outlet of a multi-outlet story', () => {
    const embed = storyEmbed(
      story({
        publishedAt: '2026-01-13',
        outlets: [
          { name: 'Yonhap', url: 'https://yna.example/1' },
          { name: 'Kyodo [Japan]', url: 'javascript:alert(1)' },
          { name: 'NHK', url: null },
          { name: 'Reuters', url: 'https://reuters.example/1' },
        ],
      }),
      1,
    );
    expect(embed.footer).toEqual({ text: '13 Jan 2026' });
    expect(embed.timestamp).toBeUndefined();
    expect(embed.author).toEqual({ name: 'Yonhap · Kyodo [Japan] · NHK +1' });
    expect(embed.fields).toEqual([
      {
        name: 'Sources',
        value: '[Yonhap](https://yna.example/1) · Kyodo Japan · NHK · [Reuters](https://reuters.example/1)',
        inline: false,
      },
    ]);
  });

  it('drops links that are not http(s)', () => {
    expect(storyEmbed(story({ url: 'javascript:alert(1)' }), 1).url).toBeUndefined();
  });

  it('stays within every limit whatever the article holds', () => {
    const huge = story({
      title: 'T'.repeat(1000),
      summary: 'word '.repeat(3000),
      outlets: Array.from({ length: 300 }, (_, i) => ({
        name: `Outlet ${'x'.repeat(50)} ${i}`,
        url: `https://o.example/${'p'.repeat(100)}/${i}`,
      })),
    });
    const embed = storyEmbed(huge, 10);
    expect(withinLimits({ content: '', embeds: [embed] })).toBe(true);
    expect(embed.title!.length).toBe(LIMITS.title);
    expect(embed.fields![0]!.value).toMatch(/\+\d+ more$/);
  });
});

describe('fitEmbeds', () => {
  it('shortens the longest summaries first to fit 6,000 characters, keeping every story', () => {
    const embeds = Array.from({ length: 10 }, (_, i) =>
      storyEmbed(story({ summary: `${i} ${'lorem ipsum '.repeat(i === 0 ? 300 : 40)}` }), i + 1),
    );
    expect(embedsLength(embeds)).toBeGreaterThan(LIMITS.total);
    const fitted = fitEmbeds(embeds);
    expect(fitted).toHaveLength(10);
    expect(embedsLength(fitted)).toBeLessThanOrEqual(LIMITS.total);
    expect(fitted[0]!.description!.length).toBeLessThan(embeds[0]!.description!.length);
  });

  it('leaves out trailing stories when shortening is not enough, and never more than 10', () => {
    const embeds = Array.from({ length: 12 }, (_, i) =>
      storyEmbed(
        story({
          title: 'T'.repeat(250),
          summary: 's'.repeat(200),
          outlets: Array.from({ length: 8 }, (_, j) => ({
            name: 'O'.repeat(40) + j,
            url: `https://o.example/${'p'.repeat(60)}`,
          })),
        }),
        i + 1,
      ),
    );
    const fitted = fitEmbeds(embeds);
    expect(fitted.length).toBeLessThan(10);
    expect(withinLimits({ content: '', embeds: fitted })).toBe(true);
  });
});
