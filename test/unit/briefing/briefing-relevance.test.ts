import { describe, expect, it } from 'vitest';
import { NewsEngine } from '../../../src/briefing/engine.js';
import { parseDocument } from '../../../src/ingest/parse-document.js';

const NOW = new Date('2026-01-07T00:00:00Z');
const ctx = { origin: '/news/item.md', mtime: NOW };

/** A Google News item (input format a): one story whose members are these headlines. */
function item(date: string, headlines: Array<[title: string, outlet: string]>) {
  const li = headlines
    .map(
      ([title, outlet], i) =>
        `<li><a href="https://news.google.com/rss/articles/${date}-${outlet.replace(/\W/g, '')}-${i}" target="_blank">${title}</a>&nbsp;&nbsp;<font color="#6f6f6f">${outlet}</font></li>`,
    )
    .join('');
  const text = `---\ntitle: "${headlines[0]![0]} - ${headlines[0]![1]}"\ndate: ${date}\n---\n<ol>${li}</ol>\n`;
  const outcome = parseDocument(text, { ...ctx, origin: `/news/${headlines[0]![1]}.md` });
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.articles;
}

describe('story relevance', () => {
  const engine = new NewsEngine();
  // A story about China, every headline naming it, in long headlines.
  engine.add(
    item('2026-01-06', [
      ['China and Pakistan reaffirm their long partnership as regional outreach deepens', 'Wire One'],
      ['Pakistan and China call for verifiable steps against militant groups in the region', 'Wire Two'],
      ['China calls for a closer community with Pakistan at talks in the capital', 'Wire Three'],
      ['Foreign ministers of China and Pakistan meet for strategic dialogue this week', 'Wire Four'],
      ['China pledges support for Pakistan economy during high level visit', 'Wire Five'],
    ]),
  );
  // A story about Turkish exports whose cluster holds one stray headline about China.
  engine.add(
    item('2026-01-06', [
      ['Turkish defence and aviation exports cross ten billion threshold', 'Paper One'],
      ['China BYD tops Tesla', 'Paper Two'],
      ['Turkish trade gap widens, raising fresh market jitters', 'Paper Three'],
      ['Turkish goods exports top record as president hails growth', 'Paper Four'],
      ['Turkish exports and imports show growth under special trade system', 'Paper Five'],
    ]),
  );

  it('puts a story about the topic above one that names it in a single stray headline', () => {
    const briefing = engine.brief('china', { now: NOW, limit: 5 });
    expect(briefing.stories.map((s) => s.title)).toEqual([
      'China and Pakistan reaffirm their long partnership as regional outreach deepens',
      'Turkish defence and aviation exports cross ten billion threshold',
    ]);
  });

  it('briefs on the word a typo surely meant, and says so', () => {
    const typo = engine.brief('pakistn china', { now: NOW, limit: 5 });
    expect(typo.topic).toBe('pakistan china');
    expect(typo.unmatched).toEqual({
      words: ['pakistn'],
      suggestions: ['pakistan'],
      corrected: 'pakistan china',
    });
    expect(typo.stories.map((s) => s.id)).toEqual(
      engine.brief('pakistan china', { now: NOW, limit: 5 }).stories.map((s) => s.id),
    );
    // A letter swap is one edit.
    expect(engine.brief('chnia', { now: NOW }).unmatched?.corrected).toBe('china');
    expect(engine.brief('pakistan china', { now: NOW }).unmatched).toBeUndefined();
  });

  it('names a word no article mentions, and briefs on the others, when no known word is surely meant', () => {
    // Two edits from "pakistan": too far to replace it without asking.
    const typo = engine.brief('pakstn china', { now: NOW, limit: 5 });
    expect(typo.topic).toBe('pakstn china');
    expect(typo.stories.length).toBeGreaterThan(0);
    expect(typo.unmatched?.words).toEqual(['pakstn']);
    expect(typo.unmatched?.corrected).toBeUndefined();
    expect(typo.unmatched?.suggestions).toContain('pakistan');
  });

  it('keeps the topic as given when asked to (digests)', () => {
    const exact = engine.brief('pakistn china', { now: NOW, limit: 5, exactTopic: true });
    expect(exact.topic).toBe('pakistn china');
    expect(exact.unmatched?.corrected).toBeUndefined();
    expect(exact.unmatched?.words).toEqual(['pakistn']);
  });

  it('does not replace a typo when two known words are as close and as common', () => {
    const twins = new NewsEngine();
    twins.add(item('2026-01-06', [['Harbour china factory reopens after the floods', 'Wire One']]));
    twins.add(item('2026-01-06', [['Supply chain delays ease at the harbour', 'Wire Two']]));
    const briefing = twins.brief('chian', { now: NOW });
    expect(briefing.unmatched).toBeUndefined();
    expect(briefing.notice).toEqual({
      kind: 'no-match',
      suggestions: expect.arrayContaining(['china', 'chain']),
    });
  });

  it('finds a story that names only the capital when asked for the country', () => {
    const capitals = new NewsEngine();
    capitals.add(item('2026-01-06', [['Beijing hosts talks on supply chains', 'Wire One']]));
    capitals.add(item('2026-01-06', [['Tokyo fish auction sets a record', 'Wire Two']]));
    expect(capitals.brief('china', { now: NOW }).stories.map((s) => s.title)).toEqual([
      'Beijing hosts talks on supply chains',
    ]);
  });
});

describe('topics of several words', () => {
  const engine = new NewsEngine();
  // Three days old: both words of "korea missile".
  engine.add(
    item('2026-01-04', [
      ['North Korea fires ballistic missile into the sea', 'Wire One'],
      ['North Korea launches missile as Kim watches', 'Wire Two'],
    ]),
  );
  // Today, one word each.
  engine.add(item('2026-01-06', [['Ukraine intercepts missile over Kyiv suburbs', 'Wire Four']]));
  engine.add(item('2026-01-06', [['Band from Korea sells out stadium shows', 'Wire Five']]));

  it('leaves out stories that match only one word of the topic when others match them all', () => {
    const titles = engine.brief('korea missile', { now: NOW, limit: 5 }).stories.map((s) => s.title);
    expect(titles).toEqual(['North Korea fires ballistic missile into the sea']);
    // Each of them is a story on its own word.
    expect(engine.brief('missile', { now: NOW, limit: 5 }).stories.map((s) => s.title)).toContain(
      'Ukraine intercepts missile over Kyiv suburbs',
    );
  });

  it('lists partial matches when no story matches every word', () => {
    const neither = engine.brief('missile stadium', { now: NOW, limit: 5 }).stories.map((s) => s.title);
    expect(neither).toHaveLength(3);
    expect(neither).toContain('Band from Korea sells out stadium shows');
    expect(neither).toContain('Ukraine intercepts missile over Kyiv suburbs');
  });
});
