import { describe, expect, it } from 'vitest';
import { RecordingPublisher, splitDigest } from '../../../src/digest/recording-publisher.js';
import type { BriefingStory } from '../../../src/model.js';
import { type Digest, type PublishContext, PublishError } from '../../../src/ports/publisher.js';
import { subscription } from './fixtures.js';

function digest(stories: number): Digest {
  const sub = subscription();
  return {
    subscriptionId: sub.id,
    channel: sub.channel,
    tags: ['korea'],
    localDate: '2026-01-14',
    timeZone: sub.timeZone,
    briefing: {
      topic: 'korea',
      generatedAt: '2026-01-13T23:00:00.000Z',
      stories: Array.from(
        { length: stories },
        (_, i): BriefingStory => ({
          id: `s_${i}`,
          title: `Story ${i}`,
          url: null,
          outlets: [{ name: 'Yonhap', url: null }],
          publishedAt: '2026-01-13T02:00:00Z',
          firstPublishedAt: '2026-01-13T02:00:00Z',
          summary: '',
          articleIds: [`a_${i}`],
          score: { relevance: 1, coverage: 1, recency: 1, diversity: 1, total: 1 },
        }),
      ),
      totalStories: stories,
      offset: 0,
      notice: null,
    },
  };
}

function context(sentParts: number[] = [], recorded: number[] = []): PublishContext {
  return {
    idempotencyKey: 'k',
    sentParts: new Set(sentParts),
    resumed: sentParts.length > 0,
    recordPart: async (i) => {
      recorded.push(i);
    },
  };
}

describe('splitDigest', () => {
  it('splits stories into parts of 3 by default, the header in the first', () => {
    const parts = splitDigest(digest(7));
    expect(parts.map((p) => p.storyIds)).toEqual([['s_0', 's_1', 's_2'], ['s_3', 's_4', 's_5'], ['s_6']]);
    expect(parts[0]?.text).toMatch(/^News digest for 2026-01-14: korea\n1\. Story 0 \(Yonhap\)/);
    expect(parts[2]?.text).toBe('7. Story 6 (Yonhap)');
  });

  it('gives an empty digest one part', () => {
    expect(splitDigest(digest(0))).toHaveLength(1);
  });
});

describe('RecordingPublisher', () => {
  it('skips sent parts and records the others', async () => {
    const publisher = new RecordingPublisher();
    const recorded: number[] = [];
    await publisher.publish(digest(7), context([1], recorded));
    expect(recorded).toEqual([0, 2]);
    expect(publisher.posts.map((p) => p.index)).toEqual([0, 2]);
  });

  it('fails scripted calls in order, then succeeds', async () => {
    const publisher = new RecordingPublisher();
    publisher
      .failNext({ kind: 'rate-limited', retryAfterMs: 250 })
      .failNext({ kind: 'permanent', action: 'remove' })
      .succeedNext()
      .failNext({ kind: 'server-error', status: 500 });
    const failures: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      try {
        await publisher.publish(digest(1), context());
        failures.push('ok');
      } catch (error) {
        failures.push(error instanceof PublishError ? error.failure : error);
      }
    }
    expect(failures).toEqual([
      { kind: 'rate-limited', retryAfterMs: 250 },
      { kind: 'permanent', action: 'remove' },
      'ok',
      { kind: 'transient' },
      'ok',
    ]);
    expect(publisher.calls.map((c) => c.result)).toEqual([
      'rate-limited',
      'permanent',
      'ok',
      'server-error',
      'ok',
    ]);
  });

  it('marks a part re-posted with the same key and index as a repeat', async () => {
    const publisher = new RecordingPublisher();
    await publisher.publish(digest(1), context());
    await publisher.publish(digest(1), context());
    await publisher.publish(digest(1), { ...context(), idempotencyKey: 'other' });
    expect(publisher.posts.map((p) => p.repeat)).toEqual([false, true, false]);
    expect(publisher.delivered()).toHaveLength(2);
  });
});
