import { describe, expect, it } from 'vitest';
import { buildDigest, digestWindow, emptyDigest, emptyDigestText } from '../../../src/digest/build.js';
import { MemoryDeliveryLog } from '../../../src/ports/index.js';
import { article, engineWith, subscription } from './fixtures.js';

const NOW = new Date('2026-01-13T23:00:00Z'); // 08:00 KST on the 14th

function fixture() {
  const rates = article("South Korea's central bank holds interest rates steady", '2026-01-13T02:00:00Z', {
    outlet: 'Yonhap',
  });
  const missile = article('North Korea fires ballistic missile into the sea', '2026-01-13T03:00:00Z', {
    outlet: 'Reuters',
  });
  const exports = article('Samsung shares rally as Korean exports climb', '2026-01-13T05:00:00Z', {
    outlet: 'Nikkei Asia',
  });
  const old = article('Korea and Japan leaders meet in Nara for summit', '2026-01-11T05:00:00Z', {
    outlet: 'Kyodo',
  });
  const budget = article("Japan's parliament passes record budget", '2026-01-13T04:00:00Z', {
    outlet: 'NHK',
  });
  const engine = engineWith([rates, missile, exports, old, budget]);
  return { engine, rates, missile, exports, old, budget };
}

describe('buildDigest', () => {
  it('holds the stories on the tags from the last 24 hours by default', () => {
    const { engine, rates, missile, exports } = fixture();
    const digest = buildDigest(engine, subscription(), { now: NOW });
    expect(digest).not.toBeNull();
    const ids = digest!.briefing.stories.flatMap((s) => s.articleIds);
    expect(ids.sort()).toEqual([rates.id, missile.id, exports.id].sort());
    expect(digest).toMatchObject({
      subscriptionId: 'slack.T1.C1',
      channel: { platform: 'slack', teamId: 'T1', channelId: 'C1' },
      tags: ['korea'],
      localDate: '2026-01-14',
      timeZone: 'Asia/Seoul',
    });
    expect(digest!.briefing.generatedAt).toBe(NOW.toISOString());
  });

  it('treats tags as alternatives: each tag finds its own stories', () => {
    const { engine, rates, budget, old } = fixture();
    const digest = buildDigest(engine, subscription({ tags: ['korea', 'japan'] }), {
      now: NOW,
      since: new Date('2026-01-10T00:00:00Z'),
    });
    const ids = digest!.briefing.stories.flatMap((s) => s.articleIds);
    expect(ids).toContain(rates.id); // korea only
    expect(ids).toContain(budget.id); // japan only
    expect(ids).toContain(old.id); // both (older, inside the window given)
    expect(new Set(digest!.briefing.stories.map((s) => s.id)).size).toBe(digest!.briefing.stories.length);
    expect(digest!.briefing.topic).toBe('korea, japan');
  });

  it('never replaces a subscribed tag that matches nothing by a word it may have meant', () => {
    const { engine } = fixture();
    expect(engine.brief('japn', { now: NOW }).unmatched?.corrected).toBe('japan');
    expect(buildDigest(engine, subscription({ tags: ['japn'] }), { now: NOW })).toBeNull();
  });

  it('keeps to maxStories, best first', () => {
    const { engine } = fixture();
    const digest = buildDigest(engine, subscription({ maxStories: 2, tags: ['korea', 'japan'] }), {
      now: NOW,
    });
    expect(digest!.briefing.stories).toHaveLength(2);
    const scores = digest!.briefing.stories.map((s) => s.score.total);
    expect(scores[0]).toBeGreaterThanOrEqual(scores[1]!);
  });

  it('leaves out stories with an excluded article and those older than since', () => {
    const { engine, rates, missile, exports } = fixture();
    const digest = buildDigest(engine, subscription(), {
      now: NOW,
      since: new Date('2026-01-13T02:30:00Z'),
      exclude: new Set([missile.id]),
    });
    expect(digest!.briefing.stories.flatMap((s) => s.articleIds)).toEqual([exports.id]);
    expect(digest!.briefing.stories.flatMap((s) => s.articleIds)).not.toContain(rates.id);
  });

  it('is null when nothing qualifies', () => {
    const { engine } = fixture();
    expect(buildDigest(engine, subscription({ tags: ['volcano'] }), { now: NOW })).toBeNull();
    expect(buildDigest(engine, subscription(), { now: new Date('2026-01-20T00:00:00Z') })).toBeNull();
  });

  it('makes an empty digest on request', () => {
    const digest = emptyDigest(subscription({ tags: ['korea', 'japan'] }), NOW);
    expect(digest.briefing.stories).toEqual([]);
    expect(digest.localDate).toBe('2026-01-14');
    expect(emptyDigestText(digest.tags)).toBe('No new stories on korea and japan since the last digest.');
  });
});

describe('digestWindow', () => {
  it('looks back 24 hours before the first digest', async () => {
    const window = await digestWindow('s', NOW, new MemoryDeliveryLog());
    expect(window.since).toEqual(new Date('2026-01-12T23:00:00Z'));
    expect(window.lastDeliveredAt).toBeNull();
    expect([...window.exclude]).toEqual([]);
  });

  it('then starts from the previous digest, less the overlap, capped at 7 days', async () => {
    const log = new MemoryDeliveryLog();
    await log.begin(
      's',
      '2026-01-13',
      { storyIds: ['s1'], articleIds: ['a1', 'a2'] },
      new Date('2026-01-12T23:00:00Z'),
    );
    await log.complete('s', '2026-01-13', new Date('2026-01-12T23:00:05Z'));
    const window = await digestWindow('s', NOW, log);
    expect(window.since).toEqual(new Date('2026-01-12T22:00:05Z'));
    expect([...window.exclude].sort()).toEqual(['a1', 'a2']);
    expect((await digestWindow('s', NOW, log, { overlapMs: 0 })).since).toEqual(
      new Date('2026-01-12T23:00:05Z'),
    );
    const later = new Date('2026-02-13T23:00:00Z');
    expect((await digestWindow('s', later, log)).since).toEqual(new Date('2026-02-06T23:00:00Z'));
  });
});
