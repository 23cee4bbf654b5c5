import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clusterId, parseDocument } from '../../../src/ingest/index.js';
import { fixturePath, MTIME } from './helpers.js';

const ctx = { origin: '/news/file.txt', mtime: MTIME };
const parseFixture = (name: string) =>
  parseDocument(readFileSync(fixturePath(name), 'utf8'), { origin: fixturePath(name), mtime: MTIME });

describe('parseDocument: scraped text', () => {
  it('tolerates a BOM, CRLF line endings, leading blank lines and a date line without outlet', () => {
    const outcome = parseFixture('scraped-crlf-bom.txt');
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.format).toBe('scraped-text');
    const a = outcome.articles[0]!;
    expect(a.title).toBe('City library reopens after two-year renovation');
    expect(a.outlet).toBe('');
    expect(a.publishedAt).toBe('2026-01-05');
    expect(a.body).toBe(
      'The central library reopened on Monday after a renovation that added a rooftop reading room and doubled the children’s section.\n\n' +
        'Visitors queued before the doors opened, and staff said more than 2,000 people came through in the first hour.',
    );
    expect(a.body).not.toContain('\r');
  });
  it('keeps only the main story of a page with teaser stories', () => {
    const outcome = parseFixture('scraped-multi-story.txt');
    if (!outcome.ok) throw new Error(outcome.reason);
    const a = outcome.articles[0]!;
    expect(a.outlet).toBe('Valley Tribune');
    expect(a.body).toBe(
      'Rescuers freed all 12 miners trapped underground since Friday, officials said Monday, after drilling a new shaft through 40 meters of rock.\n\n' +
        'The miners were taken to hospital for checks, and none had serious injuries, the regional governor said. "They are tired, hungry and very happy," she told reporters.',
    );
  });
  it('drops the furniture of a news portal: menus, prompts, rights notices, share bars, addresses, most-viewed lists', () => {
    const outcome = parseFixture('scraped-portal-furniture.txt');
    if (!outcome.ok) throw new Error(outcome.reason);
    const a = outcome.articles[0]!;
    expect(a.title).toBe('Seoul to expand subway night service from March');
    expect(a.outlet).toBe('Han River Times');
    expect(a.body).toBe(
      'Seoul will run subway trains until 2 a.m. on Fridays from March, the city government said Monday, extending late-night service on six lines after a pilot last year drew more than 1.2 million riders.\n\n' +
        'The city said the extension would cost about 4 billion won (US$2.7 million) a year.\n\n' +
        '"We expect demand to grow further as nightlife districts recover," a city official said.\n\n' +
        'Riders had asked for the change in a city survey, in which 72 percent backed later trains.',
    );
  });
  it('keeps a list that closes the story (a line-up), and the headlines of a page that has no prose', () => {
    const lineUp = parseDocument(
      'Seeds named for the harbour open\nJanuary 13, 2026 (Harbour Wire)\nOrganisers named the seeds on Tuesday.\n1 Ana Silva (Brazil)\n2 Mei Tanaka (Japan)\n',
      ctx,
    );
    expect(lineUp.ok && lineUp.articles[0]!.body).toBe(
      'Organisers named the seeds on Tuesday.\n\n1 Ana Silva (Brazil)\n\n2 Mei Tanaka (Japan)',
    );
    const headlinesOnly = parseDocument(
      'Morning briefing\nJanuary 13, 2026 (Harbour Wire)\nFerry operators cut winter routes as fuel costs rise\nPort cities sign a data sharing deal in Busan\n',
      ctx,
    );
    expect(headlinesOnly.ok && headlinesOnly.articles[0]!.body).toBe(
      'Ferry operators cut winter routes as fuel costs rise\n\nPort cities sign a data sharing deal in Busan',
    );
  });
  // The body each page of furniture leaves: its story's paragraphs and nothing else.
  it.each([
    [
      'a wire header line, the sign-off and the links to other stories after the story',
      'scraped-wire-links.txt',
      [
        'The mayors of five port cities agreed Tuesday to share ferry timetables and passenger data, as operators struggle with rising fuel costs and falling winter demand.',
        'The agreement, signed in Busan, takes effect in April, city officials said.',
        'Crews at the three largest ports will also train together twice a year.',
      ],
    ],
    [
      "labelled captions and credits, and a name set above the reporter's role",
      'scraped-labelled-captions.txt',
      [
        "MPs have passed the government's housing bill by 312 votes to 250 after a late-night debate.",
        'The bill will require councils to approve 300,000 new homes a year, ministers said.',
        'Opposition parties said the targets were unrealistic.',
      ],
    ],
    [
      'a reading time, link notes, a standards link and the topic list of a wire page',
      'scraped-wire-furniture.txt',
      [
        'Exports from the harbour rose for a fourth straight month in December, port data showed on Thursday, as demand for cranes offset weak car shipments, the port authority said.',
        'Exports grew 6.1% year-on-year, beating a median forecast of 4.5%.',
      ],
    ],
    [
      "a newsletter form's fine print, a promotion marker and a page's topic list",
      'scraped-newsletter-furniture.txt',
      [
        'Hundreds of people were forced to leave their homes along the river on Thursday after two days of rain swelled it past its banks.',
        'The weather service issued 12 flood warnings, mostly for towns downstream of the dam.',
        'The county said it would open two more shelters on Friday.',
      ],
    ],
    [
      "a reporter's address before the sign-off, keywords and a most-liked list",
      'scraped-wire-signoff-keywords.txt',
      [
        'The mayors of three port cities agreed Tuesday to speed up talks on a shared ferry pass, officials said.',
        'The pass would cover six routes and could be sold from June, the officials said.',
      ],
    ],
    [
      'a date alone on its line and a subscription pitch',
      'scraped-subscription-pitch.txt',
      [
        'The harbour stock index closed at a record high on Wednesday, as a weaker currency lifted shipping and crane makers.',
        'The index rose 1.8% to 4,140.35, above its previous peak set in November.',
      ],
    ],
    [
      'a list of links inside the story, an ad label, a credit for assistance and an update note',
      'scraped-market-wire-notes.txt',
      [
        'Shares of the largest crane maker jumped as much as 9% on Monday after it reported record orders from ports in Asia.',
        'The company said orders rose 62% in the fourth quarter from a year earlier, beating analyst estimates.',
        '“Demand remains far ahead of supply,” Chief Executive Officer Lisa Tran said on a call with analysts.',
      ],
    ],
    [
      "ad labels, gift links, a dateline alone, a caption credited in brackets and the reporter's bio",
      'scraped-portal-page-furniture.txt',
      [
        'The city council on Sunday approved a new levy on ferry tickets, the first increase in a decade, after months of debate over how to pay for aging piers.',
        'The levy will add 50 cents to a typical ticket, officials said.',
      ],
    ],
    [
      "a menu of topics and the comments' heading after the story",
      'scraped-topics-and-comments.txt',
      [
        'Ferry crews at 12 operators will strike next month in a long-running dispute over pay, their union has announced.',
        'The walkout on 14 February is expected to cause widespread disruption.',
      ],
    ],
    [
      'an embedded list of links with its screen-reader marks, a timestamp, the sources, a byline with an address and a link to another language',
      'scraped-embedded-list.txt',
      [
        "Thousands of opposition supporters rallied in the capital on Sunday, demanding a recount of last month's disputed vote.",
        'Police fired tear gas to disperse crowds near the election office, witnesses said.',
        'The election office has rejected calls for a recount, saying the vote was free and fair.',
      ],
    ],
  ] as const)('drops %s', (_what, fixture, body) => {
    const outcome = parseFixture(fixture);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.articles[0]!.body).toBe(body.join('\n\n'));
  });
  it('strips a " - Outlet" suffix from the headline when the date line names that outlet', () => {
    const outcome = parseDocument(
      'Dam repairs finish early - River Post\nJune 2, 2025 (River Post)\nThe repairs finished early.',
      ctx,
    );
    expect(outcome.ok && outcome.articles[0]!.title).toBe('Dam repairs finish early');
  });
  it('repairs mojibake in the headline, the outlet and the body', () => {
    const outcome = parseDocument(
      'Seoulâ€™s mayor opens â€œsmartâ€\u009d bus stops\nMarch 3, 2026 (CafÃ© Daily)\n' +
        'The mayor said the stops â€” heated, with screens â€” would be built citywide.',
      ctx,
    );
    if (!outcome.ok) throw new Error(outcome.reason);
    const a = outcome.articles[0]!;
    expect(a.title).toBe('Seoul’s mayor opens “smart” bus stops');
    expect(a.outlet).toBe('Café Daily');
    expect(a.body).toBe('The mayor said the stops — heated, with screens — would be built citywide.');
  });
  it('refuses text with no headline line', () => {
    expect(parseDocument('\n\n   \n', ctx)).toEqual({ ok: false, reason: 'empty file' });
    expect(parseDocument('***\nJune 2, 2025\nText.', ctx)).toEqual({ ok: false, reason: 'no title' });
  });
});

describe('parseDocument: a saved web page', () => {
  it('reads the headline, outlet, date, URL and tags from its metadata and the story from the page', () => {
    const outcome = parseFixture('html-page-jsonld.html');
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.format).toBe('html-page');
    expect(outcome.warnings).toEqual([]);
    const a = outcome.articles[0]!;
    expect(a.title).toBe('Port cities sign ferry pass deal');
    expect(a.outlet).toBe('Harbour Wire');
    expect(a.publishedAt).toBe('2026-01-13T00:15:00Z');
    expect(a.url).toBe('https://harbour.example/news/ferry-pass');
    expect(a.tags).toEqual(['ferries', 'busan']);
    expect(a.body).toBe(
      'The mayors of three port cities signed a deal on Tuesday for a shared ferry pass covering six routes, officials said.\n\n' +
        'The pass will go on sale in June & cost 30,000 won a month.',
    );
  });
  it('reads a piece of a page without a doctype the same way', () => {
    const outcome = parseDocument(
      '<head><title>Ferry pass sales open | Harbour Daily</title></head>\n<div><p>Sales of the new ferry pass opened on Monday, officials said.</p></div>\n',
      ctx,
    );
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.format).toBe('html-page');
    expect(outcome.articles[0]).toMatchObject({
      title: 'Ferry pass sales open',
      outlet: 'Harbour Daily',
      body: 'Sales of the new ferry pass opened on Monday, officials said.',
    });
  });
  it('takes a page without a title for what it is: no title', () => {
    expect(parseDocument('<!DOCTYPE html><html><body><p>Text.</p></body></html>', ctx)).toEqual({
      ok: false,
      reason: 'no title',
    });
  });
});

describe('parseDocument: front matter', () => {
  it('reads a Markdown article: outlet split from the title, instant date, tags, clean body', () => {
    const outcome = parseFixture('article-markdown.md');
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.format).toBe('front-matter');
    const a = outcome.articles[0]!;
    expect(a.title).toBe('Harbour city votes to build "floating" flood barrier');
    expect(a.outlet).toBe('The Coastal Ledger');
    expect(a.url).toBe('https://example.org/news/flood-barrier');
    expect(a.publishedAt).toBe('2026-01-11T23:30:00Z');
    expect(a.datePrecision).toBe('instant');
    expect(a.tags).toEqual(['flooding', 'harbour', 'local']);
    expect(a.body).toBe(
      'The city council voted 7-2 on Monday to build a floating flood barrier across the harbour mouth, a project engineers say could protect 4,000 homes from storm surges.\n\n' +
        'The barrier, which would rest on the seabed and rise when sensors detect a surge, is expected to cost $180 million. Construction could start next year.\n\n' +
        `"We can't keep sandbagging our way through every winter," Mayor Ellen Price said.`,
    );
  });
  it('reads an HTML article with the outlet from a publisher field', () => {
    const outcome = parseFixture('article-html.md');
    if (!outcome.ok) throw new Error(outcome.reason);
    const a = outcome.articles[0]!;
    expect([a.title, a.outlet, a.publishedAt, a.datePrecision]).toEqual([
      'Rail strike halts trains across the north',
      'Northern Courier',
      '2026-01-09',
      'day',
    ]);
    expect(a.body.split('\n\n')).toHaveLength(3);
    expect(a.body).not.toMatch(/Commuters wait|trackPageView|Share this|&[a-z#\d]+;/);
  });
  it('reads a single-headline Google News item and ignores the full-coverage link', () => {
    const outcome = parseFixture('google-news-single.md');
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.format).toBe('google-news');
    expect(outcome.articles).toHaveLength(1);
    const a = outcome.articles[0]!;
    expect([a.title, a.outlet, a.url]).toEqual([
      'Glacier retreat doubles in a decade, survey finds',
      'Alpine Times',
      'https://news.google.com/rss/articles/CBMiFIXTUREsingle01?oc=5',
    ]);
    expect(a.tags).toEqual(['glacier', 'retreat', 'survey']);
    expect(a.clusterKey).toBe(clusterId('https://news.google.com/rss/articles/CBMiFIXTUREsingle01?oc=5'));
  });
  it('skips an unusable headline with a warning, keeps the rest, and reads a time as an instant', () => {
    const outcome = parseFixture('google-news-bad-headline.md');
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.articles.map((a) => [a.title, a.outlet])).toEqual([
      ['Port workers end strike after pay deal', 'Harbour News'],
      ['Dockers & shippers welcome ‘fair’ settlement', 'Shipping Weekly'],
    ]);
    expect(outcome.warnings).toEqual(['headline 2 skipped: no headline text']);
    expect(outcome.articles[0]!.publishedAt).toBe('2026-01-07T14:05:00Z');
    expect(new Set(outcome.articles.map((a) => a.clusterKey)).size).toBe(1);
  });
  it('refuses a Google News body without any usable headline', () => {
    const text =
      '---\ntitle: "X - Y"\ndate: 2026-01-01\n---\n<ol><li><a href="https://news.google.com/rss/articles/A"></a></li></ol>\n';
    expect(parseDocument(text, ctx)).toEqual({
      ok: false,
      reason: 'no headline in the Google News body (1 unusable)',
    });
  });
  it('refuses broken YAML and a missing title with one-line reasons', () => {
    const broken = parseFixture('broken-yaml.md');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.reason).toMatch(/^malformed front matter: [^\n]+$/);
    expect(parseFixture('no-title.md')).toEqual({ ok: false, reason: 'no title' });
  });
  it('takes the title from a leading Markdown heading when the front matter has none', () => {
    const outcome = parseDocument(
      '---\ndate: 2026-01-02\n---\n# Storm warning issued\n\nHeavy rain is expected.\n',
      ctx,
    );
    expect(outcome.ok && [outcome.articles[0]!.title, outcome.articles[0]!.body]).toEqual([
      'Storm warning issued',
      'Heavy rain is expected.',
    ]);
  });
});

describe('parseDocument: dates and other formats', () => {
  it('falls back to the modification time with a warning when the date is unusable', () => {
    const outcome = parseFixture('bad-date.txt');
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.articles[0]!.publishedAt).toBe('2026-01-14T09:00:00Z');
    expect(outcome.articles[0]!.datePrecision).toBe('instant');
    expect(outcome.articles[0]!.outlet).toBe('Town Crier');
    expect(outcome.warnings).toEqual([
      `no usable date ("Sometime last spring"); using the file's modification time`,
    ]);
  });
  it('falls back the same way when front matter has no date', () => {
    const outcome = parseDocument('---\ntitle: Quiet day\n---\nNothing happened.\n', ctx);
    expect(outcome.ok && outcome.warnings).toEqual([`no date; using the file's modification time`]);
    expect(outcome.ok && outcome.articles[0]!.publishedAt).toBe('2026-01-14T09:00:00Z');
  });
  it('says "no date" for scraped text without a date line', () => {
    const outcome = parseDocument(
      'Quiet day in the harbour\n\nNothing happened at the harbour today.\n',
      ctx,
    );
    expect(outcome.ok && outcome.warnings).toEqual([`no date; using the file's modification time`]);
    expect(outcome.ok && outcome.articles[0]!.body).toBe('Nothing happened at the harbour today.');
  });
  it('does not trust a date later than the file itself, but allows a day of time zones', () => {
    const page = (date: string) =>
      parseDocument(`Rocket lifts off\n${date} (Space Wire)\n\nThe rocket lifted off on time.\n`, ctx);
    const bad = page('March 3, 2099');
    if (!bad.ok) throw new Error(bad.reason);
    expect(bad.articles[0]!.publishedAt).toBe('2026-01-14T09:00:00Z');
    expect(bad.warnings).toEqual([
      `date later than the file itself ("March 3, 2099"); using the file's modification time`,
    ]);
    const ahead = page('January 15, 2026');
    expect(ahead.ok && ahead.articles[0]!.publishedAt).toBe('2026-01-15');
    expect(ahead.ok && ahead.warnings).toEqual([]);
    const front = parseDocument('---\ntitle: Rocket lifts off\ndate: 2031-05-01\n---\nIt flew.\n', ctx);
    expect(front.ok && front.articles[0]!.publishedAt).toBe('2026-01-14T09:00:00Z');
  });
  it('leaves RSS and Atom documents to the feed reader', () => {
    expect(parseDocument('<?xml version="1.0"?><rss></rss>', ctx)).toEqual({
      ok: false,
      reason: 'RSS/Atom files are read by the feed reader',
    });
  });
});
