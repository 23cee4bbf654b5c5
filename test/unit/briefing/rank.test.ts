import { describe, expect, it } from 'vitest';
import { DEFAULT_RANKING, type RankCandidate, rankStories } from '../../../src/briefing/rank.js';

const NOW = Date.parse('2026-01-14T09:00:00Z');
const HOUR = 3_600_000;

function candidate(id: string, over: Partial<RankCandidate> = {}): RankCandidate {
  return {
    storyId: id,
    relevance: 10,
    outletCount: 1,
    newestMs: NOW - HOUR,
    titleTerms: new Set([id, `${id}x`]),
    ...over,
  };
}

describe('rankStories', () => {
  it('prefers the fresher of two equally relevant, equally covered stories', () => {
    const out = rankStories(
      [candidate('old', { newestMs: NOW - 96 * HOUR }), candidate('new')],
      NOW,
      DEFAULT_RANKING,
    );
    expect(out.map((r) => r.storyId)).toEqual(['new', 'old']);
  });

  it('prefers wider coverage at equal relevance and age', () => {
    const out = rankStories([candidate('one'), candidate('five', { outletCount: 5 })], NOW, DEFAULT_RANKING);
    expect(out.map((r) => r.storyId)).toEqual(['five', 'one']);
    expect(out[0]!.score.coverage).toBeGreaterThan(out[1]!.score.coverage);
  });

  it('normalises relevance to the best match and drops passing mentions', () => {
    const out = rankStories(
      [
        candidate('a', { relevance: 20 }),
        candidate('b', { relevance: 10 }),
        candidate('c', { relevance: 0.5 }),
      ],
      NOW,
      DEFAULT_RANKING,
    );
    expect(out.map((r) => r.storyId)).toEqual(['a', 'b']);
    expect(out[0]!.score.relevance).toBe(1);
    expect(out[1]!.score.relevance).toBeCloseTo(0.5);
  });

  it('halves recency after one half-life and never rewards future dates', () => {
    const [r] = rankStories([candidate('a', { newestMs: NOW - 36 * HOUR })], NOW, DEFAULT_RANKING);
    expect(r!.score.recency).toBeCloseTo(0.5);
    const [f] = rankStories([candidate('f', { newestMs: NOW + 10 * HOUR })], NOW, DEFAULT_RANKING);
    expect(f!.score.recency).toBe(1);
  });

  it('keeps a strong older match in view for weeks but lets a years-old one fall below recent news', () => {
    const DAY = 24 * HOUR;
    // Ten days old and a perfect match: still ahead of this morning's passing mention.
    const weeks = rankStories(
      [
        candidate('tenDays', { relevance: 10, newestMs: NOW - 10 * DAY }),
        candidate('today', { relevance: 2 }),
      ],
      NOW,
      DEFAULT_RANKING,
    );
    expect(weeks.map((r) => r.storyId)).toEqual(['tenDays', 'today']);
    // Four years old and a perfect match: behind last week's moderately relevant story.
    const years = rankStories(
      [
        candidate('2021', { relevance: 10, outletCount: 5, newestMs: NOW - 4 * 365 * DAY }),
        candidate('lastWeek', { relevance: 4, newestMs: NOW - 7 * DAY }),
      ],
      NOW,
      DEFAULT_RANKING,
    );
    expect(years.map((r) => r.storyId)).toEqual(['lastWeek', '2021']);
    // Alone, the old story is still shown (the briefing says how old it is).
    expect(
      rankStories([candidate('2021', { newestMs: NOW - 4 * 365 * DAY })], NOW, DEFAULT_RANKING),
    ).toHaveLength(1);
  });

  it('pushes a near-repeat of a story already ranked below a distinct one', () => {
    const same = new Set(['lee', 'takaichi', 'summit', 'nara']);
    const out = rankStories(
      [
        candidate('first', { relevance: 10, titleTerms: same }),
        candidate('repeat', { relevance: 9.5, titleTerms: new Set([...same, 'shuttl']) }),
        candidate('other', { relevance: 8 }),
      ],
      NOW,
      DEFAULT_RANKING,
    );
    expect(out.map((r) => r.storyId)).toEqual(['first', 'other', 'repeat']);
    expect(out[2]!.score.diversity).toBeLessThan(1);
    expect(out[2]!.score.total).toBeCloseTo(
      out[2]!.score.relevance *
        (0.6 + 0.4 * out[2]!.score.coverage) *
        (0.3 + 0.7 * out[2]!.score.recency) *
        out[2]!.score.diversity,
    );
  });

  it('gives the same head whatever page size is asked for', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      candidate(`s${i}`, { relevance: 40 - i, titleTerms: new Set([`t${i % 7}`, `u${i % 5}`]) }),
    );
    const full = rankStories(many, NOW, DEFAULT_RANKING).map((r) => r.storyId);
    const head = rankStories(many, NOW, DEFAULT_RANKING, 10).map((r) => r.storyId);
    expect(head.slice(0, 10)).toEqual(full.slice(0, 10));
    expect(head).toHaveLength(full.length);
  });
});
