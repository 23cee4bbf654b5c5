import { describe, expect, it } from 'vitest';
import { type GroupInput, StoryGrouper } from '../../../src/briefing/grouping.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-05T12:00:00Z');

let counter = 0;
function art(title: string, outlet: string, at = T0, extra: Partial<GroupInput> = {}): GroupInput {
  counter++;
  return { id: `a_${String(counter).padStart(4, '0')}`, title, body: '', outlet, publishedMs: at, ...extra };
}

/** Unrelated headlines, so that document frequencies look like a real feed. */
const BACKGROUND: [string, string][] = [
  ['Bank of England holds interest rates as inflation eases', 'Reuters'],
  ['Heavy rain floods roads across southern Brazil', 'AP News'],
  ['Tesla shares slide after quarterly deliveries miss forecasts', 'CNBC'],
  ['Nigeria election commission sets date for governorship polls', 'Al Jazeera'],
  ['Scientists find new species of frog in Peruvian rainforest', 'BBC'],
  ['French farmers block motorways in protest over trade deal', 'France 24'],
  ['Indian cricket team names squad for England tour', 'NDTV'],
  ['Wildfire forces evacuations near Perth as heatwave grips Australia', 'ABC News'],
  ['Apple unveils cheaper iPhone model for emerging markets', 'Bloomberg'],
  ['Kenya doctors end strike after pay agreement with government', 'Nation'],
  ['Mexico president proposes overhaul of judicial appointments', 'Reuters'],
  ['Germany coalition agrees on pension reform package', 'DW'],
];

function withBackground(g: StoryGrouper, at = T0): void {
  for (const [title, outlet] of BACKGROUND) g.add([art(title, outlet, at)]);
}

function storyCount(g: StoryGrouper): number {
  return [...g.stories()].length;
}

describe('StoryGrouper', () => {
  it('groups one event reported by three outlets in different words', () => {
    const g = new StoryGrouper();
    withBackground(g);
    const a = art(
      'Magnitude 6.8 earthquake strikes off northern Chile coast, tsunami warning issued',
      'Reuters',
    );
    const b = art(
      'Strong 6.8 quake shakes northern Chile, prompting tsunami warning',
      'AP News',
      T0 + 3_600_000,
    );
    const c = art(
      'Chile earthquake: tsunami warning lifted after 6.8 magnitude quake hits north',
      'BBC',
      T0 + 7_200_000,
    );
    for (const x of [a, b, c]) g.add([x]);
    const s = g.storyOf(a.id);
    expect(s).toBeDefined();
    expect(g.storyOf(b.id)).toBe(s);
    expect(g.storyOf(c.id)).toBe(s);
    expect(g.members(s!)).toEqual([a.id, b.id, c.id]);
    // The background articles stay on their own.
    expect(storyCount(g)).toBe(BACKGROUND.length + 1);
  });

  it('keeps two different events about the same country apart', () => {
    const g = new StoryGrouper();
    withBackground(g);
    const budget1 = art("Japan's parliament approves record defence budget amid China tensions", 'Reuters');
    const budget2 = art(
      'Japan passes record military spending plan as regional tensions rise',
      'Nikkei Asia',
    );
    const snow = art('Heavy snowfall strands thousands of drivers on Japan expressway', 'NHK');
    const quake = art('Earthquake rattles Japan coast, no tsunami expected', 'Kyodo');
    for (const x of [budget1, budget2, snow, quake]) g.add([x]);
    expect(g.storyOf(budget1.id)).toBe(g.storyOf(budget2.id));
    expect(g.storyOf(snow.id)).not.toBe(g.storyOf(budget1.id));
    expect(g.storyOf(quake.id)).not.toBe(g.storyOf(budget1.id));
    expect(g.storyOf(quake.id)).not.toBe(g.storyOf(snow.id));
  });

  it('collapses near-identical copies, also from another outlet days later', () => {
    const g = new StoryGrouper();
    withBackground(g);
    const ap = art('Israel strikes multiple sites in Lebanon ahead of a key disarmament meeting', 'AP News');
    const politico = art(
      'Israel strikes multiple sites in Lebanon ahead of a key disarmament meeting',
      'Politico',
    );
    const later = art(
      'Israel strikes multiple sites in Lebanon ahead of key disarmament meeting',
      'Yahoo News',
      T0 + 2 * DAY,
    );
    for (const x of [ap, politico, later]) g.add([x]);
    expect(g.members(g.storyOf(ap.id)!)).toEqual([ap.id, politico.id, later.id]);
  });

  it('never splits a Google News batch, however different its headlines', () => {
    const g = new StoryGrouper();
    withBackground(g);
    const batch = [
      art('Trump Is Going For Regime Change in Venezuela', 'persuasion.community', T0, { clusterKey: 'c_1' }),
      art('The risks of building nations', 'The Telegraph', T0, { clusterKey: 'c_1' }),
      art('When America Starts to Get a Little Motion', 'National Review', T0, { clusterKey: 'c_1' }),
    ];
    g.add(batch);
    const s = g.storyOf(batch[0]!.id)!;
    expect(g.members(s)).toEqual(batch.map((b) => b.id));
    expect(s).toBe(`s_${batch[0]!.id.slice(2)}`);
    // A later document with more articles of the same cluster joins it.
    const more = art('Five questions about the Venezuela operation', 'Vox', T0, { clusterKey: 'c_1' });
    g.add([more]);
    expect(g.storyOf(more.id)).toBe(s);
  });

  it('lets a later single article join the matching Google News story', () => {
    const g = new StoryGrouper();
    withBackground(g);
    const item = [
      art('Tokyo fish auction sees bluefin tuna fetching record $3.2m', 'BBC', T0, { clusterKey: 'c_tuna' }),
      art('Sushi chain owner pays $3.2M for massive bluefin tuna', 'Fox Business', T0, {
        clusterKey: 'c_tuna',
      }),
      art("'Tuna King' pays record £2.4m for giant bluefin at Tokyo auction", 'The Guardian', T0, {
        clusterKey: 'c_tuna',
      }),
    ];
    const other = [
      art('Japan prime minister visits shrine on new year', 'Kyodo', T0, { clusterKey: 'c_other' }),
      art('Japanese leader marks new year with shrine visit', 'NHK', T0, { clusterKey: 'c_other' }),
    ];
    g.add(item);
    g.add(other);
    const single = art(
      'Giant bluefin tuna sells for record $3.2 million at Tokyo new year auction',
      'CNN',
      T0 + 3_600_000,
    );
    g.add([single]);
    expect(g.storyOf(single.id)).toBe(g.storyOf(item[0]!.id));
    expect(g.storyOf(other[0]!.id)).not.toBe(g.storyOf(item[0]!.id));
  });

  it('lets a lone article join a Google News story seen a day later (items are dated when seen)', () => {
    const g = new StoryGrouper();
    withBackground(g);
    const item = [
      art('Uganda votes on Thursday as Museveni seeks to extend four-decade rule', 'Reuters', T0 + DAY, {
        clusterKey: 'c_ug',
      }),
      art("Uganda election 2026: What you need to know about Thursday's vote", 'BBC', T0 + DAY, {
        clusterKey: 'c_ug',
      }),
      art('EC dispatches ballot papers to all 146 districts ahead of polls', 'Daily Monitor', T0 + DAY, {
        clusterKey: 'c_ug',
      }),
    ];
    g.add(item);
    const lone = art('Ugandans brace for Thursday vote amid fears of internet shutdown', 'The East African');
    g.add([lone]);
    expect(g.storyOf(lone.id)).toBe(g.storyOf(item[0]!.id));
  });

  describe('an article that links two stories of one event', () => {
    /** Headlines that make "Chile" and "wildfire" common words of the day, as they are in a real feed. */
    const COMMON: [string, string][] = [
      ['Chile copper output rises for third month as new mine opens', 'Mining Weekly'],
      ['Chile central bank holds interest rate steady', 'Bloomberg'],
      ['Chile football coach names squad for World Cup qualifiers', 'ESPN'],
      ['Canada wildfire smoke drifts over northern United States', 'CBC'],
      ['California utility settles wildfire lawsuit for $200 million', 'LA Times'],
      ['Chile and Argentina sign lithium cooperation deal', 'Buenos Aires Times'],
      ['Greek island wildfire contained after two days', 'Kathimerini'],
    ];
    const EVACUATION = 'Chile wildfire drives thousands from homes in Vina del Mar hills';
    const EMERGENCY = 'Army sent to Valparaiso as Chile declares wildfire emergency in region';
    const BRIDGE = 'Vina del Mar wildfire: thousands flee homes as army is sent to Valparaiso';

    function groupInOrder(titles: readonly string[]): {
      g: StoryGrouper;
      ids: Map<string, string>;
      before: number;
    } {
      const g = new StoryGrouper();
      withBackground(g);
      for (const [title, outlet] of COMMON) g.add([art(title, outlet)]);
      const before = storyCount(g);
      const ids = new Map<string, string>();
      titles.forEach((title, i) => {
        const a = art(title, `Outlet ${title.length}`, T0 + (i + 1) * 3_600_000);
        ids.set(title, a.id);
        g.add([a]);
      });
      return { g, ids, before };
    }

    it('merges them, so the stories do not depend on the order the articles arrive in', () => {
      for (const order of [
        [EVACUATION, BRIDGE, EMERGENCY],
        [EVACUATION, EMERGENCY, BRIDGE],
        [EMERGENCY, EVACUATION, BRIDGE],
        [BRIDGE, EMERGENCY, EVACUATION],
      ]) {
        const { g, ids, before } = groupInOrder(order);
        const story = g.storyOf(ids.get(order[0]!)!);
        expect(
          order.map((t) => g.storyOf(ids.get(t)!)),
          order.join(' / '),
        ).toEqual([story, story, story]);
        // The older story keeps its id.
        expect(story).toBe(`s_${ids.get(order[0]!)!.slice(2)}`);
        expect(storyCount(g)).toBe(before + 1);
      }
    });

    it('does not fuse two events that a new headline shares words with', () => {
      const g = new StoryGrouper();
      withBackground(g);
      for (const [title, outlet] of COMMON) g.add([art(title, outlet)]);
      const fire = [
        art('Chile wildfire drives thousands from homes in Vina del Mar hills', 'Reuters', T0 + 3_600_000),
        art('Thousands flee Vina del Mar homes as Chile wildfire spreads', 'AP News', T0 + 7_200_000),
      ];
      const copper = [
        art('Chile copper mine strike halts output at Escondida', 'Mining Weekly', T0 + 3_600_000),
        art('Escondida copper mine strike enters second week in Chile', 'Bloomberg', T0 + 7_200_000),
      ];
      for (const a of [...fire, ...copper]) g.add([a]);
      const both = art(
        'Chile wildfire reaches Escondida copper mine road as thousands flee Vina del Mar',
        'El Mercurio',
        T0 + 10_800_000,
      );
      g.add([both]);
      expect(g.storyOf(fire[1]!.id)).toBe(g.storyOf(fire[0]!.id));
      expect(g.storyOf(copper[1]!.id)).toBe(g.storyOf(copper[0]!.id));
      expect(g.storyOf(copper[0]!.id)).not.toBe(g.storyOf(fire[0]!.id));
    });
  });

  it('uses the titleTerms it is given instead of analysing the title again', () => {
    const g = new StoryGrouper();
    withBackground(g);
    const a = art('Alpha', 'Reuters', T0, { titleTerms: ['volcano', 'erupt', 'iceland', 'grindavik'] });
    const b = art('Beta', 'AP News', T0, {
      titleTerms: ['iceland', 'volcano', 'erupt', 'grindavik', 'lava'],
    });
    g.add([a]);
    g.add([b]);
    expect(g.storyOf(b.id)).toBe(g.storyOf(a.id));
  });

  it('merges two Google News items only on strong evidence', () => {
    const g = new StoryGrouper();
    withBackground(g);
    const a = [
      art('Guinea votes in first presidential election since 2021 coup', 'Al Jazeera', T0, {
        clusterKey: 'c_a',
      }),
      art('Guinea holds presidential election with junta leader expected to win', 'PBS', T0, {
        clusterKey: 'c_a',
      }),
    ];
    const b = [
      art("Weak turnout seen in Myanmar's election, first since 2021 coup", 'Reuters', T0, {
        clusterKey: 'c_b',
      }),
      art('Myanmar junta holds election that critics call a sham', 'BBC', T0, { clusterKey: 'c_b' }),
    ];
    g.add(a);
    g.add(b);
    expect(g.storyOf(a[0]!.id)).not.toBe(g.storyOf(b[0]!.id));
    // The same item published twice under two keys (a re-fetch) is one story.
    const copy = a.map((x) => ({ ...x, id: `${x.id}_copy`, clusterKey: 'c_a2' }));
    g.add(copy);
    expect(g.storyOf(copy[0]!.id)).toBe(g.storyOf(a[0]!.id));
  });

  it('does not join a headline to a story on its common words alone', () => {
    const g = new StoryGrouper();
    withBackground(g);
    const a = art('Seven dead, dozens missing after migrant boat capsizes off Gambia', 'BBC', T0);
    const b = art('Seven bodies recovered, 96 rescued after migrant boat capsizes', 'Reuters', T0);
    const c = art('Seven Canadians among dozens injured in Peru train crash', 'CBC', T0);
    g.add([a]);
    g.add([b]);
    g.add([c]);
    expect(g.storyOf(b.id)).toBe(g.storyOf(a.id));
    expect(g.storyOf(c.id)).not.toBe(g.storyOf(a.id));
  });

  it('keeps two same-day pieces of one outlet apart, unlike the same pieces from two outlets', () => {
    const victims = 'Swiss police identify victims of ski resort bar fire';
    const probe = 'Swiss prosecutors open criminal case against ski resort bar owners after fire';
    const same = new StoryGrouper();
    withBackground(same);
    const r1 = art(victims, 'Reuters');
    const r2 = art(probe, 'Reuters', T0 + 2 * 3_600_000);
    same.add([r1]);
    same.add([r2]);
    expect(same.storyOf(r1.id)).not.toBe(same.storyOf(r2.id));
    // Control: the same two headlines from different outlets are one story.
    const diff = new StoryGrouper();
    withBackground(diff);
    const d1 = art(victims, 'Reuters');
    const d2 = art(probe, 'AP News', T0 + 2 * 3_600_000);
    diff.add([d1]);
    diff.add([d2]);
    expect(diff.storyOf(d1.id)).toBe(diff.storyOf(d2.id));
    // A third outlet's piece may join only one of the two Reuters stories.
    const third = art(
      'Swiss ski resort bar fire: victims identified as criminal case opens',
      'BBC',
      T0 + 3 * 3_600_000,
    );
    same.add([third]);
    const s3 = same.storyOf(third.id);
    expect([same.storyOf(r1.id), same.storyOf(r2.id)].filter((s) => s === s3).length).toBeLessThanOrEqual(1);
  });

  it('gives stable ids: the older story keeps its id in a merge, and a rerun gives the same ids', () => {
    const run = (): { id: string; articleIds: readonly string[] }[] => {
      counter = 1000;
      const g = new StoryGrouper();
      withBackground(g);
      const first = art('Thailand releases 18 Cambodian soldiers as ceasefire holds', 'Al Jazeera');
      g.add([first]);
      expect(g.storyOf(first.id)).toBe(`s_${first.id.slice(2)}`);
      // A later Google News item holding a copy of it merges into the older story.
      const item = [
        art('Thailand Releases 18 Cambodian POWs as Border Ceasefire Holds', 'Bloomberg', T0, {
          clusterKey: 'c_th',
        }),
        art('Thailand releases 18 Cambodian soldiers as ceasefire holds', 'Yahoo', T0, {
          clusterKey: 'c_th',
        }),
        art('Cambodia welcomes home prisoners of war', 'Khmer Times', T0, { clusterKey: 'c_th' }),
      ];
      g.add(item);
      expect(g.storyOf(item[2]!.id)).toBe(`s_${first.id.slice(2)}`);
      expect(g.members(`s_${item[0]!.id.slice(2)}`)).toEqual([]);
      g.add([art('Kenya doctors end strike after pay deal with government', 'The Standard')]);
      return [...g.stories()].map((s) => ({ id: s.id, articleIds: [...s.articleIds] }));
    };
    const one = run();
    const two = run();
    expect(two).toEqual(one);
    expect(one.some((s) => s.articleIds.length === 4)).toBe(true);
  });

  it('removes articles: the story keeps its id while it has members', () => {
    const g = new StoryGrouper();
    withBackground(g);
    const a = art('Khaleda Zia, first female Bangladesh prime minister, dies aged 80', 'The Guardian');
    const b = art("Bangladesh's first female prime minister Khaleda Zia dies aged 80", 'BBC', T0 + 3_600_000);
    const c = art('Khaleda Zia, former Bangladeshi prime minister, dies at 80', 'The Hill', T0 + 7_200_000);
    for (const x of [a, b, c]) g.add([x]);
    const s = g.storyOf(a.id)!;
    expect(g.members(s)).toEqual([a.id, b.id, c.id]);
    g.remove(a.id);
    expect(g.storyOf(a.id)).toBeUndefined();
    expect(g.storyOf(b.id)).toBe(s);
    expect(g.members(s)).toEqual([b.id, c.id]);
    g.remove(b.id);
    g.remove(c.id);
    expect(g.members(s)).toEqual([]);
    expect([...g.stories()].some((x) => x.id === s)).toBe(false);
    g.remove('a_unknown');
    expect(g.size).toBe(BACKGROUND.length);
    // A removed article no longer attracts its copies.
    const again = art(
      'Khaleda Zia, first female Bangladesh prime minister, dies aged 80',
      'CNN',
      T0 + DAY / 2,
    );
    g.add([again]);
    expect(g.members(g.storyOf(again.id)!)).toEqual([again.id]);
  });

  it('separates the same words months apart', () => {
    const g = new StoryGrouper();
    withBackground(g);
    const jan = art('Magnitude 6.5 earthquake shakes southern Mexico', 'Reuters');
    const mar = art('Magnitude 6.5 earthquake shakes southern Mexico', 'AP News', T0 + 60 * DAY);
    const janCopy = art('Magnitude 6.5 earthquake shakes southern Mexico', 'CNN', T0 + 3_600_000);
    for (const x of [jan, mar, janCopy]) g.add([x]);
    expect(g.storyOf(jan.id)).not.toBe(g.storyOf(mar.id));
    expect(g.storyOf(janCopy.id)).toBe(g.storyOf(jan.id));
  });

  it('treats different numbers as evidence of different stories', () => {
    const g = new StoryGrouper();
    withBackground(g);
    const d1 = art('Russia-Ukraine war: list of key events, day 1,406', 'Al Jazeera');
    const d2 = art('Russia-Ukraine war: list of key events, day 1,408', 'Al Jazeera', T0 + 2 * DAY);
    const d1b = art('Russia-Ukraine war: key events on day 1,406', 'Yahoo', T0 + 3_600_000);
    for (const x of [d1, d2, d1b]) g.add([x]);
    expect(g.storyOf(d1.id)).not.toBe(g.storyOf(d2.id));
    expect(g.storyOf(d1b.id)).toBe(g.storyOf(d1.id));
  });

  it('stays consistent through many additions and removals (compaction)', () => {
    const g = new StoryGrouper();
    const ids: string[] = [];
    for (let e = 0; e < 900; e++) {
      const at = T0 + (e % 30) * DAY;
      for (let k = 0; k < 3; k++) {
        const id = `a_e${e}_${k}`;
        ids.push(id);
        g.add([
          {
            id,
            title: `Event${e} zeta${e} ${['report', 'update', 'analysis'][k]} alpha${(e * 7 + k) % 50}`,
            body: '',
            outlet: `o${k}`,
            publishedMs: at,
          },
        ]);
      }
    }
    for (let e = 0; e < 900; e++) expect(g.storyOf(`a_e${e}_2`)).toBe(`s_e${e}_0`);
    for (let e = 0; e < 600; e++) for (let k = 0; k < 3; k++) g.remove(`a_e${e}_${k}`);
    expect(g.size).toBe(900);
    expect(storyCount(g)).toBe(300);
    for (let e = 600; e < 900; e++) {
      expect(g.members(`s_e${e}_0`)).toEqual([`a_e${e}_0`, `a_e${e}_1`, `a_e${e}_2`]);
    }
    // New articles still find their stories after compaction.
    g.add([
      {
        id: 'a_new',
        title: 'Event899 zeta899 follow-up',
        body: '',
        outlet: 'o9',
        publishedMs: T0 + (899 % 30) * DAY,
      },
    ]);
    expect(g.storyOf('a_new')).toBe('s_e899_0');
  });

  describe('full articles: the lead must bear out a pair', () => {
    const HEADLINE = 'Volcano erupts near Reykjavik as flights are grounded across Iceland';
    // Shares "Reykjavik" and "flights" with the headline, but reports something else.
    const OTHER_TITLE = 'Reykjavik flights: budget airline adds winter routes to Boston';
    const OTHER_BODY = repeatTo(
      'The budget airline said it would add three weekly flights between Reykjavik and Boston from ' +
        'December, with fares starting at 199 dollars. Its chief executive told investors that ' +
        'winter demand for northern lights tours had doubled and that more routes would follow. ',
      120,
    );
    const SAME_TITLE = 'Reykjavik flights halted after volcanic eruption on Reykjanes peninsula';
    const SAME_BODY = repeatTo(
      'A volcano erupted near Reykjavik on Monday night, and Iceland grounded all flights from ' +
        'Keflavik airport as a plume of ash drifted over the capital. Civil protection officials ' +
        'said lava erupts from a new fissure and that the grounded flights would resume once ' +
        'the ash cloud clears. ',
      120,
    );

    function pair(title: string, body: string): { joined: boolean } {
      const g = new StoryGrouper();
      withBackground(g);
      const head = art(HEADLINE, 'Reuters');
      const full = art(title, 'Travel Weekly', T0 + 3_600_000, { body });
      g.add([head]);
      g.add([full]);
      return { joined: g.storyOf(head.id) === g.storyOf(full.id) };
    }

    it('keeps a full article apart from a headline it shares two title words with when its lead reports another event', () => {
      expect(pair(OTHER_TITLE, OTHER_BODY).joined).toBe(false);
    });

    it('groups the same two titles when there is no body to read (the title model alone links them)', () => {
      expect(pair(OTHER_TITLE, '').joined).toBe(true);
    });

    it("groups a full article whose lead reports the headline's event", () => {
      expect(pair(SAME_TITLE, SAME_BODY).joined).toBe(true);
    });

    it('treats a short body (an RSS description) as no evidence either way', () => {
      const short = 'The airline adds three weekly flights between Reykjavik and Boston.';
      expect(pair(OTHER_TITLE, short).joined).toBe(true);
    });

    it("keeps two full articles apart when neither lead reports the other's event", () => {
      const g = new StoryGrouper();
      withBackground(g);
      const a = art(OTHER_TITLE, 'Travel Weekly', T0, { body: OTHER_BODY });
      const b = art(SAME_TITLE, 'RUV', T0 + 3_600_000, { body: SAME_BODY });
      g.add([a]);
      g.add([b]);
      expect(g.storyOf(a.id)).not.toBe(g.storyOf(b.id));
    });
  });
});

/** `text` repeated until it has at least `words` words. */
function repeatTo(text: string, words: number): string {
  let out = text;
  while (out.split(/\s+/).length < words) out += text;
  return out.trim();
}
