/**
 * Golden tests on the bundled corpus (docs/seeds.md describes every file and event): what a user of
 * `newsbrief brief` sees on the seeds at their reference date.
 */
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NewsEngine, type StoryView } from '../../../src/briefing/engine.js';
import { loadDirectory } from '../../../src/corpus.js';
import { bundledSeedsDir } from '../../../src/paths.js';

const NOW = new Date('2026-01-14T09:00:00Z');
let engine: NewsEngine;
let warnings: string[];

function fileOf(engine: NewsEngine, story: StoryView): Set<string> {
  return new Set(story.articles.flatMap((a) => engine.originsOf(a.id).map((o) => basename(o).slice(0, 3))));
}

/** The story holding a file's (first) article, by the file's 3-digit number. */
function storyOfFile(n: string): StoryView {
  const story = engine.stories().find((s) => fileOf(engine, s).has(n));
  if (!story) throw new Error(`no story holds file ${n}`);
  return story;
}

beforeAll(async () => {
  warnings = [];
  ({ engine } = await loadDirectory(bundledSeedsDir(), { stderr: (line) => warnings.push(line) }));
});

describe('the bundled seeds', () => {
  it('read without a warning', () => {
    expect(warnings).toEqual([]);
  });

  it('group the 2026 summit item into one story with its four outlets and a readable summary', () => {
    const summit = storyOfFile('000');
    const outlets = summit.outlets.map((o) => o.name);
    expect(outlets).toEqual(
      expect.arrayContaining(['Reuters', 'Foreign Policy', 'Time Magazine', 'Nikkei Asia']),
    );
    expect(summit.title).toBe("South Korea's Lee to head for Japan summit a week after meeting China's Xi");
    expect(summit.summary.length).toBeGreaterThan(40);
    expect(summit.summary).toMatch(/^[A-Z].*[.!?]$/);
    expect(summit.summary).not.toMatch(/&nbsp;|ReutersJapan|<|>/);
  });

  it('group each multi-outlet event across files into one story', () => {
    // Two Google News items are merged only when near-certain (Google already judged them separate
    // stories), so the pre-summit item 000 and the single-headline quake item 017 stay on their own.
    const events: string[][] = [
      ['010', '011', '012'],
      ['013', '014', '015'],
      ['018', '019'],
      ['041', '042'],
      ['043', '044'],
      ['022', '023', '024'],
      ['025', '026', '027'],
      ['028', '029', '030'],
      ['031', '032', '033', '034'],
      ['035', '036', '037'],
      ['038', '039', '040'],
    ];
    for (const files of events) {
      const ids = new Set(files.map((f) => storyOfFile(f).id));
      expect(ids.size, `files ${files.join(', ')} should be one story`).toBe(1);
    }
  });

  it('keep distinct events apart', () => {
    const apart: Array<[string, string]> = [
      ['010', '056'], // the 2026 summit vs the 2023 Yoon–Kishida summit
      ['010', '004'], // vs the 2021 intelligence chief visit
      ['016', '035'], // BOJ rates vs US inflation
      ['021', '054'], // the 2026 opposition leader vs the 2025 election
      ['055', '057'], // archery gold vs Paris closing
      ['022', '051'], // hottest year vs COP30
      ['013', '010'], // missile launch vs summit, which mention each other
    ];
    for (const [a, b] of apart) expect(storyOfFile(a).id, `${a} vs ${b}`).not.toBe(storyOfFile(b).id);
  });

  it('keep the merged body text when asked to retain bodies', async () => {
    const { engine: retaining } = await loadDirectory(
      bundledSeedsDir(),
      { stderr: () => undefined },
      new NewsEngine({ retainBodies: true }),
    );
    const story = retaining.stories().find((s) => fileOf(retaining, s).has('011'));
    const yonhap = story?.articles.find((a) => a.outlet === 'Yonhap');
    expect(yonhap?.body.length).toBeGreaterThan(200);
    expect(yonhap?.body).not.toMatch(/\(END\)/);
  });

  it('keep each duplicate once, with the full text and every file it came from', () => {
    const yonhap = storyOfFile('011').articles.filter((a) => a.outlet === 'Yonhap');
    expect(yonhap).toHaveLength(1);
    // The headline-only copy (010) gained the scraped page's text (011): its summary comes from it.
    expect(yonhap[0]!.summary).toMatch(/Nara/);
    expect(yonhap[0]!.summary.length).toBeGreaterThan(80);
    expect(
      engine
        .originsOf(yonhap[0]!.id)
        .map((o) => basename(o).slice(0, 3))
        .sort(),
    ).toEqual(['010', '011']);
    const aljazeera = storyOfFile('032').articles.filter((a) => a.outlet === 'Al Jazeera');
    expect(aljazeera).toHaveLength(1);
    const ap = storyOfFile('014').articles.filter((a) => a.outlet === 'AP News');
    expect(ap).toHaveLength(1);
  });
});

describe('briefings on the seeds', () => {
  const brief = (topic: string, limit = 5) => engine.brief(topic, { now: NOW, limit });

  it('korea: Korea stories first, fresh and widely covered ones on top, each with outlets and a summary', () => {
    const b = brief('korea');
    expect(b.stories).toHaveLength(5);
    expect(b.notice).toBeNull();
    for (const s of b.stories) {
      expect(`${s.title} ${s.summary}`).toMatch(/Korea|Korean|Seoul|Lee|Pyongyang/);
      expect(s.outlets.length).toBeGreaterThan(0);
      expect(s.summary).not.toBe('');
    }
    const top = b.stories[0]!;
    expect(top.outlets.length).toBeGreaterThanOrEqual(3);
    expect(Date.parse(`${top.publishedAt.slice(0, 10)}T00:00:00Z`)).toBeGreaterThan(Date.parse('2026-01-10'));
    const old = b.stories.find((s) => s.publishedAt.startsWith('2021'));
    expect(old, 'the 2021 story must not outrank recent Korea news').toBeUndefined();
  });

  it('finds "Korean" and "Seoul"-only stories under korea and korean', () => {
    const all = engine.brief('korea', { now: NOW, limit: 50 }).stories.map((s) => s.title);
    expect(all.some((t) => /Korean/.test(t) && !/Korea\b/.test(t))).toBe(true);
    const korean = engine.brief('korean', { now: NOW, limit: 50 }).stories.map((s) => s.title);
    expect(korean.some((t) => /\bKorea\b/.test(t))).toBe(true);
  });

  it('answers several topics with the right lead story', () => {
    const cases: Array<[string, RegExp]> = [
      ['climate', /hottest|warmest|1\.5|climate/i],
      ['world cup', /World Cup|FIFA/],
      ['earthquake', /quake|earthquake/i],
      ['uganda election', /Uganda/],
      ['inflation', /inflation|CPI|Wall St|Stocks|S&P/i],
      ['suez', /Suez/],
      ['aurelia', /Aurelia/],
    ];
    for (const [topic, lead] of cases) {
      const b = brief(topic, 3);
      expect(b.stories.length, topic).toBeGreaterThan(0);
      expect(b.stories[0]!.title, topic).toMatch(lead);
    }
  });

  it('shows old matches when only old ones exist, and says how old', () => {
    const b = brief('volcano');
    expect(b.stories.length).toBeGreaterThan(0);
    expect(b.notice?.kind).toBe('only-old');
    if (b.notice?.kind === 'only-old') expect(b.notice.newestAgeHours).toBeGreaterThan(24 * 150);
  });

  it('leaves out stories that only mention the topic in passing', () => {
    // Today's markets story names artificial intelligence and a chief investment strategist in its
    // body: a passing mention, which used to lead the one story on an intelligence chief.
    const b = brief('intelligence chief');
    expect(b.stories.map((s) => s.title)).toEqual([
      'S. Korea intel chief meets with Japan PM Suga: diplomatic source',
    ]);
    // The notice reads the stories listed: the markets story no longer hides how old the match is.
    expect(b.notice?.kind).toBe('only-old');
  });

  it('says when nothing matches and suggests close known tags', () => {
    const b = brief('earthquak zzzz');
    expect(b.stories.length).toBeGreaterThan(0);
    const none = brief('xylophone');
    expect(none.stories).toEqual([]);
    expect(none.notice?.kind).toBe('no-match');
    const far = brief('ugnadaa');
    expect(far.notice).toEqual({ kind: 'no-match', suggestions: expect.arrayContaining(['uganda']) });
    // One letter swap from a known topic: the briefing is on that topic, and says so.
    const typo = brief('ugnada');
    expect(typo.topic).toBe('uganda');
    expect(typo.unmatched).toMatchObject({ words: ['ugnada'], corrected: 'uganda' });
    expect(typo.stories.map((s) => s.id)).toEqual(brief('uganda').stories.map((s) => s.id));
  });

  it('pages with offset without repeating a story', () => {
    const first = engine.brief('japan', { now: NOW, limit: 3 });
    const second = engine.brief('japan', { now: NOW, limit: 3, offset: 3 });
    expect(second.offset).toBe(3);
    const ids = [...first.stories, ...second.stories].map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(first.totalStories).toBe(second.totalStories);
  });
});
