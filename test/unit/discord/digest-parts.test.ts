import { describe, expect, it } from 'vitest';
import { digestParts } from '../../../adapters/discord/render/digest.js';
import { withinLimits } from '../../../adapters/discord/render/message.js';
import type { BriefingStory } from '../../../src/model.js';
import type { Digest } from '../../../src/ports/publisher.js';

function digest(stories: BriefingStory[], tags = ['korea', 'japan']): Digest {
  return {
    subscriptionId: 'discord.1.2',
    channel: { platform: 'discord', teamId: '1', channelId: '2' },
    tags,
    localDate: '2026-01-14',
    timeZone: 'Asia/Seoul',
    briefing: {
      topic: tags.join(', '),
      generatedAt: '2026-01-14T00:00:00Z',
      stories,
      totalStories: stories.length,
      offset: 0,
      notice: null,
    },
  };
}

function story(i: number, summaryLength = 100): BriefingStory {
  return {
    id: `s${i}`,
    title: `Story ${i}`,
    url: `https://news.example/${i}`,
    outlets: [{ name: 'Yonhap', url: null }],
    publishedAt: '2026-01-14T07:00:00Z',
    firstPublishedAt: '2026-01-14T07:00:00Z',
    summary: 'x'.repeat(summaryLength),
    articleIds: [`a${i}`],
    score: { relevance: 1, coverage: 1, recency: 1, diversity: 1, total: 1 },
  };
}

describe('digestParts', () => {
  it('is one message for a small digest, headed by its tags and date', () => {
    const parts = digestParts(digest([story(1), story(2)]));
    expect(parts).toHaveLength(1);
    expect(parts[0]!.content).toBe('**News digest: korea and japan** · Wednesday, 14 January 2026');
    expect(parts[0]!.embeds.map((e) => e.title)).toEqual(['1. Story 1', '2. Story 2']);
  });

  it('says so when there is nothing new', () => {
    const [part] = digestParts(digest([]));
    expect(part!.embeds).toEqual([]);
    expect(part!.content).toContain('No new stories on korea and japan since the last digest.');
  });

  it('splits at 10 embeds and at 6,000 characters, keeping order, the header only first', () => {
    const many = digestParts(digest(Array.from({ length: 13 }, (_, i) => story(i + 1))));
    expect(many.map((p) => p.embeds.length)).toEqual([10, 3]);
    expect(many[1]!.content).toBe('');
    const long = digestParts(digest(Array.from({ length: 6 }, (_, i) => story(i + 1, 2500))));
    expect(long.length).toBeGreaterThan(2);
    expect(long.flatMap((p) => p.embeds.map((e) => e.title))).toEqual(
      Array.from({ length: 6 }, (_, i) => `${i + 1}. Story ${i + 1}`),
    );
    for (const part of [...many, ...long]) expect(withinLimits(part)).toBe(true);
  });

  it('is deterministic, so a re-run splits the same way', () => {
    const d = digest(Array.from({ length: 15 }, (_, i) => story(i + 1, 900)));
    expect(digestParts(d)).toEqual(digestParts(d));
  });
});
