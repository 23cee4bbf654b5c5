import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../src/briefing/search-index.js';
import { terms } from '../../../src/text/index.js';

function indexOf(docs: Array<{ title: string; body?: string; tags?: string[] }>): SearchIndex {
  const index = new SearchIndex();
  docs.forEach((d, slot) => {
    index.add(slot, { title: d.title, body: d.body ?? '', tags: d.tags ?? [] });
  });
  return index;
}

function ranked(index: SearchIndex, query: string): number[] {
  const hits = index.search(query);
  return hits.slots
    .map((slot, i) => ({ slot, score: hits.scores[i]! }))
    .sort((a, b) => b.score - a.score)
    .map((h) => h.slot);
}

describe('SearchIndex', () => {
  const docs = [
    { title: 'Seoul hosts summit on chip supply chains' },
    { title: 'S. Korea fires back at tariff threat' },
    { title: 'Korean won slides to a two-year low' },
    { title: 'Brazil election enters runoff', body: 'Voters in Brazil go to the polls again.' },
    { title: 'Café owners in Zürich protest rent rises' },
    { title: 'Markets', body: 'A long essay that mentions korea once among many other words about markets.' },
  ];
  const index = indexOf(docs);

  it('finds "Korean" and "S. Korea" for the query korea', () => {
    const found = ranked(index, 'korea');
    expect(found).toContain(1);
    expect(found).toContain(2);
    expect(found).not.toContain(3);
    expect(found.indexOf(0)).toBeGreaterThan(found.indexOf(1)); // Seoul, below Korea itself
  });

  it('finds a story that names only the capital for its country, below one that names the country', () => {
    const places = indexOf([
      { title: 'Tokyo governor calls snap election' },
      { title: 'Japan governor calls snap election' },
      { title: 'Kremlin rejects ceasefire plan', body: 'Moscow said the plan was unacceptable.' },
      { title: 'Air travel rebounds in Buenos Aires' },
      { title: 'ICE director Lyons defends raids' },
      { title: 'Türkiye exports hit a record' },
    ]);
    expect(ranked(places, 'japan')).toEqual([1, 0]);
    expect(ranked(places, 'japanese')).toEqual([1, 0]);
    expect(ranked(places, 'russia')).toEqual([2]);
    expect(ranked(places, 'turkey')).toEqual([5]); // the country's own name for itself
    // A city finds itself, not its whole country; names that stem to common words are not places.
    expect(ranked(places, 'tokyo')).toEqual([0]);
    expect(ranked(places, 'argentina')).toEqual([]);
    expect(ranked(places, 'france')).toEqual([]);
    expect(ranked(index, 'korea')).toContain(0); // "Seoul hosts summit …"
  });

  it('ranks a title match above a passing mention in the body', () => {
    const found = ranked(index, 'korea');
    expect(found.indexOf(5)).toBeGreaterThan(found.indexOf(1));
    expect(found.indexOf(5)).toBeGreaterThan(found.indexOf(2));
  });

  it('folds case and accents both ways', () => {
    expect(ranked(index, 'CAFE zurich')).toEqual([4]);
    expect(ranked(index, 'café ZÜRICH')).toEqual([4]);
  });

  it('matches stems and prefixes ("elections" finds "election", "sum" finds nothing, "summ" finds "summit")', () => {
    expect(ranked(index, 'elections')).toEqual([3]);
    expect(ranked(index, 'summ')).toEqual([0]);
  });

  it('does not expand three-letter words or search lone letters beside other words', () => {
    const short = indexOf([
      { title: 'Weather service warns of storms' },
      { title: 'War enters its fifth year' },
      { title: 'Doctors praise vitamin K for newborns' },
      { title: 'Pop stars fill the stadium' },
    ]);
    expect(ranked(short, 'war')).toEqual([1]); // not "warns"
    expect(ranked(short, 'k-pop')).toEqual([3]); // not vitamin K
    expect(ranked(short, 'k')).toEqual([2]); // a lone letter alone is still a query
  });

  it('counts how many query terms each document matched', () => {
    const hits = index.search('brazil runoff voters');
    const i = hits.slots.indexOf(3);
    expect(hits.queryTermCount).toBe(3);
    expect(hits.matchedTerms[i]).toBe(3);
  });

  it('returns nothing for stopwords only or unknown words', () => {
    expect(index.search('the and of').slots).toEqual([]);
    expect(index.search('xylophone').slots).toEqual([]);
  });

  it('prefers the words of a several-word query side by side, in title or body, to the words apart', () => {
    const filler = 'Officials met on Monday to discuss the budget for the coming year. '.repeat(30);
    const phrased = indexOf([
      // Both words in a short title: BM25 alone ranks this first.
      { title: 'Interest grows as crime rates fall' },
      { title: 'Savers across the country cheer as banks raise interest rates again' },
      // The phrase deep in a long body, far past the lead.
      { title: 'Budget talks drag on', body: `${filler} The bank also left interest rates unchanged.` },
      { title: 'Budget talks resume', body: `${filler} Interest in the plan was low. Tax rates stay.` },
    ]);
    const order = ranked(phrased, 'interest rates');
    expect(order.indexOf(1)).toBeLessThan(order.indexOf(0));
    expect(order.indexOf(2)).toBeLessThan(order.indexOf(3));
    // Either order: "rates of interest".
    const reversed = ranked(phrased, 'rates interest');
    expect(reversed.indexOf(1)).toBeLessThan(reversed.indexOf(0));
    // One word: no phrase to prefer.
    expect(ranked(phrased, 'interest')[0]).toBe(0);
    const korea = indexOf([
      { title: 'North Korea fires missile as the south protests' },
      { title: 'South Korea launches its own satellite from a distant site' },
    ]);
    expect(ranked(korea, 'south korea')).toEqual([1, 0]);
  });

  it('forgets removed documents, also after compaction', () => {
    const idx = indexOf(docs);
    idx.remove(1);
    expect(ranked(idx, 'korea')).not.toContain(1);
    expect(idx.size).toBe(docs.length - 1);
    const big = new SearchIndex();
    for (let i = 0; i < 3000; i++)
      big.add(i, { title: `story ${i % 2 ? 'korea' : 'japan'}`, body: '', tags: [] });
    for (let i = 0; i < 2000; i++) big.remove(i);
    const found = big.search('korea');
    expect(found.slots.length).toBe(500);
    expect(found.slots.every((s) => s >= 2000)).toBe(true);
    // Postings of removed documents still wait for a compaction: scores stay positive all the same.
    expect(found.scores.every((score) => score > 0)).toBe(true);
    expect(big.search('story').scores.every((score) => score > 0)).toBe(true);
    // Phrases survive the compaction: "korea story" side by side only in the odd slots' titles.
    big.add(5000, { title: 'story of a summit in korea', body: '', tags: [] });
    const phrase = big.search('korea story');
    const at = (slot: number) => phrase.scores[phrase.slots.indexOf(slot)]!;
    expect(at(2001)).toBeGreaterThan(at(5000));
  });
});

describe('SearchIndex.add: the terms it read, for story grouping', () => {
  const title = 'U.S. envoy’s visit to Zürich: talks on Korea’s chip exports resume';
  const body =
    'The U.S. envoy arrived in Zürich on Monday. Officials said they don’t expect a deal soon, ' +
    'but Korea’s négociateurs were "hopeful". '.repeat(6) +
    'Later paragraphs mention semiconductors, tariffs and the yen. '.repeat(20);
  const cut = body.indexOf(' ', 200);

  it("returns exactly the analyser's terms of the title and of the lead it was given", () => {
    const read = new SearchIndex().add(0, { title, tags: [], body }, cut);
    expect(read.title).toEqual(terms(title));
    expect(read.lead).toEqual(terms(body.slice(0, cut)));
    expect(read.lead).not.toContain(terms('semiconductors')[0]);
  });

  it('returns the whole body as the lead when the lead covers it, and no lead when none is asked for', () => {
    expect(new SearchIndex().add(0, { title, tags: [], body }, body.length).lead).toEqual(terms(body));
    expect(new SearchIndex().add(0, { title, tags: [], body }).lead).toEqual([]);
  });

  it('indexes the body the same whether or not a lead was read from it', () => {
    const docs = [
      { title, tags: [], body },
      { title: 'Yen weakens as exporters gain', tags: [], body: 'Tariffs and the yen. '.repeat(30) },
    ];
    const plain = new SearchIndex();
    const split = new SearchIndex();
    docs.forEach((d, slot) => {
      plain.add(slot, d);
      split.add(slot, d, d.body.indexOf(' ', 100));
    });
    for (const query of ['semiconductors', 'envoy zurich', 'yen tariffs', 'négociateurs']) {
      const a = plain.search(query);
      const b = split.search(query);
      expect(b.slots).toEqual(a.slots);
      expect(b.scores).toEqual(a.scores);
    }
    expect(plain.search('semiconductors').slots).toContain(0);
  });
});
