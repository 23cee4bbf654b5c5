import { describe, expect, it } from 'vitest';
import { classifyParagraph, cleanBody } from '../../../src/ingest/clean-body.js';
import { dropMenuRuns, selectMainStory } from '../../../src/ingest/split-stories.js';

describe('classifyParagraph', () => {
  it('tells story text from captions, bylines, teasers and furniture', () => {
    expect(classifyParagraph('The council voted on Monday.').kind).toBe('content');
    expect(classifyParagraph('Advertisement').kind).toBe('dropped');
    expect(classifyParagraph('COAL PRICES CLIMB AS WINTER DEMAND PEAKS').kind).toBe('dropped');
    expect(classifyParagraph('Inspectors examine the tunnel on Saturday. | VALLEY TRIBUNE / POOL').kind).toBe(
      'caption',
    );
    expect(classifyParagraph('Kyodo May 13, 2021').kind).toBe('dated-byline');
    expect(classifyParagraph('By Jane Doe').kind).toBe('byline');
    expect(
      classifyParagraph(
        'Mine operator faces inquiry Sorry, but your browser needs JavaScript to use this site.',
      ),
    ).toEqual({
      kind: 'teaser',
      text: 'Mine operator faces inquiry',
    });
    expect(classifyParagraph('What happens next').kind).toBe('headline');
  });
  it('removes a caption and a credit inside a story paragraph, keeping the story sentences', () => {
    const p = classifyParagraph(
      'A worker inspects the dam in Lyon on March 3, 2025. (Reuters) LYON (Reuters) - Engineers found no damage. Repairs start soon.',
    );
    expect(p).toEqual({
      kind: 'content',
      text: 'LYON (Reuters) - Engineers found no damage. Repairs start soon.',
    });
  });
});

describe('selectMainStory', () => {
  it('cuts the page where a teaser story starts and strips the dateline', () => {
    const story = selectMainStory([
      { kind: 'caption', text: 'x' },
      { kind: 'content', text: 'TOKYO (Kyodo) — Leaders met.' },
      { kind: 'content', text: 'They agreed to meet again.' },
      { kind: 'teaser', text: 'Another headline' },
      { kind: 'content', text: 'Teaser text.' },
    ]);
    expect(story).toEqual(['Leaders met.', 'They agreed to meet again.']);
  });
  it('cuts at a byline that follows a headline and a caption, dropping that headline', () => {
    const story = selectMainStory([
      { kind: 'content', text: 'Main story.' },
      { kind: 'headline', text: 'Second story headline' },
      { kind: 'caption', text: 'Photo.' },
      { kind: 'byline', text: 'By Jane Doe' },
      { kind: 'content', text: 'Second story text.' },
    ]);
    expect(story).toEqual(['Main story.']);
  });
  it('keeps reading past a byline under the standfirst and a final line without a full stop', () => {
    const story = selectMainStory([
      { kind: 'content', text: 'Standfirst sentence.' },
      { kind: 'dated-byline', text: 'Jane Doe May 5, 2025' },
      { kind: 'content', text: 'Body.' },
      { kind: 'headline', text: 'The album is out now' },
    ]);
    expect(story).toEqual(['Standfirst sentence.', 'Body.', 'The album is out now']);
  });
  it('drops navigation menus made of runs of short lines', () => {
    expect(
      dropMenuRuns(['Story text.', 'Facebook', 'World News', 'Sport', 'More text.', 'Subheading']),
    ).toEqual(['Story text.', 'More text.', 'Subheading']);
  });
});

describe('cleanBody', () => {
  it('cleans a page into the main story only', () => {
    const page = [
      'By Kenta Hoshino, Staff Writer',
      'A worker checks a gauge at the plant on Sunday. | KYODO',
      'OSAKA — Power was restored to 20,000 homes on Sunday, the utility said.',
      'Advertisement',
      'Crews worked through the night, and the company didn t expect further cuts.',
      'POWER CUTS HIT NORTHERN TOWNS AS STORM MOVES EAST',
      'Crews worked through the night, and the company didn t expect further cuts.',
      'Share this article',
      'Utility shares fall on outage costs Sorry, but your browser needs Javascript to use this site.',
      'Traders sold utility shares on Monday.',
    ].join('\n');
    expect(cleanBody(page)).toBe(
      "Power was restored to 20,000 homes on Sunday, the utility said.\n\nCrews worked through the night, and the company didn't expect further cuts.",
    );
  });
  it('drops a first paragraph that repeats the headline and decodes entities', () => {
    expect(
      cleanBody('Floods close schools\nSchools &amp; roads closed.', { title: 'Floods close schools' }),
    ).toBe('Schools & roads closed.');
  });
  it('drops kicker links and promotions of the site, and takes the kicker off the lead', () => {
    const page = [
      'EXCLUSIVE: The harbour authority will close the old ferry terminal next spring, according to a letter seen by reporters.',
      'RATE SHOCK: 5 big changes to mortgages taking effect across the U.S.',
      'The terminal opened in 1962 and handled two million passengers a year at its peak.',
      'Get the latest updates on the harbour, exclusive interviews and more on HarbourTimes.com.',
      'A new terminal is being built on the east quay.',
    ].join('\n\n');
    expect(cleanBody(page)).toBe(
      'The harbour authority will close the old ferry terminal next spring, according to a letter seen by reporters.\n\n' +
        'The terminal opened in 1962 and handled two million passengers a year at its peak.\n\n' +
        'A new terminal is being built on the east quay.',
    );
  });
  it('ends the story at the heading of a list of other stories, not at a "Related" link', () => {
    const page = [
      'The harbour authority will close the old ferry terminal next spring, officials said.',
      'Related',
      'The terminal opened in 1962 and handled two million passengers a year at its peak.',
      'More from Business',
      'Shipping line orders four new ferries for the northern route.',
      'Fuel prices fall for a third week.',
    ].join('\n\n');
    expect(cleanBody(page)).toBe(
      'The harbour authority will close the old ferry terminal next spring, officials said.\n\n' +
        'The terminal opened in 1962 and handled two million passengers a year at its peak.',
    );
  });
  it('keeps a quotation that sounds like furniture, and drops what a prompt leaves for the reader', () => {
    const quoted =
      'An email later stated, "We will be cancelling your reservation. You should see a cancellation email in your inbox shortly."';
    expect(cleanBody(`The hotel cancelled the booking on Monday, guests said.\n\n${quoted}`)).toBe(
      `The hotel cancelled the booking on Monday, guests said.\n\n${quoted}`,
    );
    expect(
      cleanBody(
        'The hotel cancelled the booking on Monday, guests said.\n\nAs a subscriber, you have 10 gift articles to give each month. Anyone can read what you share.',
      ),
    ).toBe('The hotel cancelled the booking on Monday, guests said.');
  });

  it('keeps the heading of a list of other stories out of a menu run, so the story ends there', () => {
    expect(dropMenuRuns(['Home', 'News', 'Most Viewed', 'Sport'], (p) => p === 'Most Viewed')).toEqual([
      'Most Viewed',
    ]);
    // A menu above the story that holds such a heading does not end a story that has not begun.
    expect(
      cleanBody(
        'Home\nNews\nTrending\nSport\nWeather\nThe council approved the budget on Monday, officials said.',
      ),
    ).toBe('The council approved the budget on Monday, officials said.');
  });

  it('drops the link to the rest of the story after a teaser', () => {
    expect(cleanBody('Ferry crews returned to work on Tuesday … Continue reading')).toBe(
      'Ferry crews returned to work on Tuesday …',
    );
    expect(cleanBody('Ferry crews returned to work on Tuesday. [Read more »]')).toBe(
      'Ferry crews returned to work on Tuesday.',
    );
    // Inside a story, a short paragraph that ends in one is a teaser for another story.
    expect(
      cleanBody(
        'Ferry crews returned to work on Tuesday, the union said.\n\nPORT SHOCK – Crane maker quits the harbour. Continue reading …',
      ),
    ).toBe('Ferry crews returned to work on Tuesday, the union said.');
    expect(
      cleanBody(
        'Ferry crews returned to work on Tuesday, the union said.\n\nGo deeper: The port strike, explained',
      ),
    ).toBe('Ferry crews returned to work on Tuesday, the union said.');
    expect(cleanBody('Officials said they would read more of the report on Monday.')).toBe(
      'Officials said they would read more of the report on Monday.',
    );
  });

  it('cleans long runs of spaces, capitals and dotted words like any other text', () => {
    // Inputs that make a careless pattern backtrack for minutes; each must come back at once.
    expect(cleanBody(`Harbour news.${' '.repeat(250_000)}Fares rise, opens new tab`)).toBe(
      'Harbour news. Fares rise',
    );
    expect(cleanBody(`Harbour news.${' '.repeat(250_000)}Fares rise. […]`)).toBe('Harbour news. Fares rise.');
    const caps = `AB ${'CD '.repeat(50_000)}end.`;
    expect(cleanBody(caps)).toBe(caps);
    expect(cleanBody(`Get the news on ${'a.'.repeat(50_000)}com`)).toBe('');
  });
  it('returns an empty body for a page of furniture only', () => {
    expect(cleanBody('Advertisement\nShare this article\nSign up for our newsletter')).toBe('');
  });
});
