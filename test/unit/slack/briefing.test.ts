import { describe, expect, it } from 'vitest';
import { decodeBriefingRef, decodeTagRef } from '../../../adapters/slack/action-values.js';
import { renderBriefing } from '../../../adapters/slack/render/briefing.js';
import type { Briefing, BriefingStory } from '../../../src/model.js';

const NOW = '2026-01-14T09:00:00.000Z';

function story(i: number, extra: Partial<BriefingStory> = {}): BriefingStory {
  return {
    id: `s${i}`,
    title: `Title ${i}`,
    url: `https://news.example/${i}`,
    outlets: [
      { name: 'Reuters', url: `https://reuters.example/${i}` },
      { name: 'Yonhap', url: null },
    ],
    publishedAt: '2026-01-14T06:00:00Z',
    firstPublishedAt: '2026-01-14T06:00:00Z',
    summary: `Summary ${i}.`,
    articleIds: [`a${i}`],
    score: { relevance: 1, coverage: 1, recency: 1, diversity: 1, total: 1 },
    ...extra,
  };
}

function briefing(stories: BriefingStory[], extra: Partial<Briefing> = {}): Briefing {
  return { topic: 'korea', generatedAt: NOW, stories, totalStories: 12, offset: 0, notice: null, ...extra };
}

type AnyBlock = { type: string; text?: { text: string }; elements?: Array<Record<string, unknown>> };
const blocksOf = (m: { blocks: unknown[] }) => m.blocks as AnyBlock[];

describe('renderBriefing', () => {
  it('has a header, a section per story with dividers between, a context line and the buttons', () => {
    const out = renderBriefing(briefing([story(1), story(2), story(3)]), { response: 'ephemeral' });
    expect(blocksOf(out).map((b) => b.type)).toEqual([
      'header',
      'section',
      'divider',
      'section',
      'divider',
      'section',
      'context',
      'actions',
    ]);
    expect(blocksOf(out)[0]?.text?.text).toBe('korea · 14 Jan 2026 09:00 UTC');
    expect(blocksOf(out)[1]?.text?.text).toBe(
      '*<https://news.example/1|Title 1>*\n<https://reuters.example/1|Reuters>, Yonhap · 3 hours ago\nSummary 1.',
    );
    expect(out.shown).toBe(3);
    const buttons = blocksOf(out).at(-1)?.elements ?? [];
    expect(buttons.map((b) => b.action_id)).toEqual(['news_more', 'news_share', 'news_subscribe']);
    expect(decodeBriefingRef(String(buttons[0]?.value))).toEqual({
      topic: 'korea',
      offset: 3,
      now: new Date(NOW),
    });
    expect(decodeBriefingRef(String(buttons[1]?.value))).toEqual({
      topic: 'korea',
      offset: 0,
      now: new Date(NOW),
    });
    expect(decodeTagRef(String(buttons[2]?.value))).toBe('korea');
  });

  it('has no More button on the last page and no Share button in the channel', () => {
    const out = renderBriefing(briefing([story(11), story(12)], { offset: 10 }), {
      response: 'in_channel',
      sharedBy: 'U42',
    });
    const ids = (blocksOf(out).at(-1)?.elements ?? []).map((b) => b.action_id);
    expect(ids).toEqual(['news_subscribe']);
    expect(JSON.stringify(out.blocks)).toContain('Stories 11–12 of 12');
    expect(JSON.stringify(out.blocks)).toContain('Shared by <@U42>');
  });

  it('offers no Subscribe button for a topic that cannot be a tag', () => {
    const long = 'korea '.repeat(20).trim();
    const out = renderBriefing(briefing([story(1)], { topic: long }), { response: 'ephemeral' });
    const ids = (blocksOf(out).at(-1)?.elements ?? []).map((b) => b.action_id);
    expect(ids).not.toContain('news_subscribe');
    expect((blocksOf(out)[0]?.text?.text ?? '').length).toBeLessThanOrEqual(150);
  });

  it('says when nothing matches, with close topics', () => {
    const out = renderBriefing(
      briefing([], { totalStories: 0, notice: { kind: 'no-match', suggestions: ['korea', 'kore<a>'] } }),
      { response: 'ephemeral' },
    );
    expect(blocksOf(out).map((b) => b.type)).toEqual(['header', 'section']);
    expect(blocksOf(out)[1]?.text?.text).toBe(
      'No stories match “korea”. Known topics close to it: korea, kore&lt;a&gt;.',
    );
  });

  it('says when a later page is empty', () => {
    const out = renderBriefing(briefing([], { offset: 15 }), { response: 'ephemeral' });
    expect(out.text).toBe('No more stories on “korea”.');
  });

  it('notes when only older stories match', () => {
    const out = renderBriefing(briefing([story(1)], { notice: { kind: 'only-old', newestAgeHours: 200 } }), {
      response: 'ephemeral',
    });
    expect(JSON.stringify(out.blocks)).toContain('Only older stories match: the newest is 8 days old.');
  });

  it('says which word of the topic no article mentions, escaped', () => {
    const out = renderBriefing(
      { ...briefing([story(1)]), unmatched: { words: ['<!channel>'], suggestions: ['korea'] } },
      { response: 'ephemeral' },
    );
    const text = JSON.stringify(out.blocks);
    expect(text).toContain('No article mentions “&lt;!channel&gt;”; these stories match the other words.');
    expect(text).toContain('Known topics close to it: korea.');
    expect(text).not.toContain('<!channel>');
  });

  it('says which topic it briefs on instead of a mistyped one, escaped', () => {
    const out = renderBriefing(
      {
        ...briefing([story(1)]),
        topic: 'korea <@U1>',
        unmatched: { words: ['kroea'], suggestions: ['korea'], corrected: 'korea <@U1>' },
      },
      { response: 'ephemeral' },
    );
    const note = JSON.stringify(out.blocks.filter((b) => b.type === 'context')[0]);
    expect(note).toContain('No article mentions “kroea”; showing stories on “korea &lt;@U1&gt;” instead.');
    expect(note).not.toContain('<@U1>');
  });

  it('keeps huge stories within Slack limits and pages from the last story shown', () => {
    const huge = (i: number) =>
      story(i, {
        title: 'T'.repeat(5000),
        summary: '<&>'.repeat(3000),
        outlets: Array.from({ length: 40 }, (_, j) => ({
          name: `Outlet ${j}`,
          url: `https://o${j}.example/${'x'.repeat(300)}`,
        })),
      });
    const out = renderBriefing(
      briefing(
        Array.from({ length: 10 }, (_, i) => huge(i)),
        { totalStories: 30 },
      ),
      {
        response: 'ephemeral',
      },
    );
    for (const b of blocksOf(out)) {
      if (b.type === 'section') expect(b.text?.text.length).toBeLessThanOrEqual(3000);
    }
    expect(out.blocks.length).toBeLessThanOrEqual(50);
    expect(out.shown).toBeLessThan(10);
    const more = (blocksOf(out).at(-1)?.elements ?? [])[0];
    expect(decodeBriefingRef(String(more?.value))?.offset).toBe(out.shown);
    expect(JSON.stringify(out.blocks)).toContain('+');
  });
});

describe('button values', () => {
  it('refuse values we did not make', () => {
    expect(decodeBriefingRef('not json')).toBeNull();
    expect(decodeBriefingRef(JSON.stringify({ t: '<!channel>', o: 0, n: NOW }))).toBeNull();
    expect(decodeBriefingRef(JSON.stringify({ t: 'korea', o: -1, n: NOW }))).toBeNull();
    expect(decodeBriefingRef(JSON.stringify({ t: 'korea', o: 5, n: 'yesterday' }))).toBeNull();
    expect(decodeTagRef(JSON.stringify({ g: 'at&t' }))).toBeNull();
  });
});
