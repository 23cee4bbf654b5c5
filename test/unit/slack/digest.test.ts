import { describe, expect, it } from 'vitest';
import { renderDigest } from '../../../adapters/slack/render/digest.js';
import type { BriefingStory } from '../../../src/model.js';
import type { Digest } from '../../../src/ports/publisher.js';

function story(i: number, long = false): BriefingStory {
  return {
    id: `s${i}`,
    title: long ? `${i} ${'headline '.repeat(100)}` : `Title ${i}`,
    url: `https://news.example/${i}`,
    outlets: [{ name: 'Reuters', url: `https://reuters.example/${i}` }],
    publishedAt: '2026-01-13',
    firstPublishedAt: '2026-01-13',
    summary: long ? 'Sentence & more. '.repeat(300) : `Summary ${i}.`,
    articleIds: [`a${i}`],
    score: { relevance: 1, coverage: 1, recency: 1, diversity: 1, total: 1 },
  };
}

function digest(stories: BriefingStory[]): Digest {
  return {
    subscriptionId: 'slack.T1.C1',
    channel: { platform: 'slack', teamId: 'T1', channelId: 'C1' },
    tags: ['korea', 'japan'],
    localDate: '2026-01-14',
    timeZone: 'Asia/Seoul',
    briefing: {
      topic: 'korea, japan',
      generatedAt: '2026-01-14T09:00:00.000Z',
      stories,
      totalStories: stories.length,
      offset: 0,
      notice: null,
    },
  };
}

type AnyBlock = { type: string; text?: { text: string } };

describe('renderDigest', () => {
  it('renders a small digest as one message with a header, stories and a footer', () => {
    const [part, ...rest] = renderDigest(digest([story(1), story(2)]));
    expect(rest).toEqual([]);
    expect(part?.index).toBe(0);
    expect(part?.of).toBe(1);
    expect(part?.storyIds).toEqual(['s1', 's2']);
    const blocks = (part?.blocks ?? []) as AnyBlock[];
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'divider', 'section', 'context']);
    expect(blocks[0]?.text?.text).toBe('News digest · korea and japan · 14 Jan 2026');
    expect(blocks[1]?.text?.text).toContain('yesterday');
    expect(part?.text).toContain('Title 1 · Title 2');
  });

  it('splits 60 stories into parts within 50 blocks, in order, deterministically', () => {
    const stories = Array.from({ length: 60 }, (_, i) => story(i));
    const parts = renderDigest(digest(stories));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.blocks.length).toBeLessThanOrEqual(50);
      expect(p.of).toBe(parts.length);
    }
    expect(parts.flatMap((p) => p.storyIds)).toEqual(stories.map((s) => s.id));
    expect(renderDigest(digest(stories))).toEqual(parts);
    const second = parts[1]?.blocks[0] as { type: string; elements: Array<{ text: string }> };
    expect(second.type).toBe('context');
    expect(second.elements[0]?.text).toContain('continued (part 2 of');
  });

  it('splits long stories by text size and trims each to 3,000 characters', () => {
    const parts = renderDigest(digest(Array.from({ length: 12 }, (_, i) => story(i, true))));
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) {
      let total = 0;
      for (const b of p.blocks as AnyBlock[]) {
        if (b.type === 'section') expect(b.text?.text.length).toBeLessThanOrEqual(3000);
        total += b.text?.text.length ?? 0;
      }
      expect(total).toBeLessThanOrEqual(11_000);
    }
  });

  it('renders an empty digest as one short message', () => {
    const parts = renderDigest(digest([]));
    expect(parts).toHaveLength(1);
    expect(JSON.stringify(parts[0]?.blocks)).toContain(
      'No new stories on korea and japan since the last digest.',
    );
  });
});
