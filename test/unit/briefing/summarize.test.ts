import { describe, expect, it } from 'vitest';
import { summarizeArticle, summarizeHeadlines } from '../../../src/briefing/summarize.js';
import { DEFAULT_RANK_WEIGHTS, rankSentences } from '../../../src/briefing/summarize-rank.js';
import { analyseDistinct, beginDocument, shared } from '../../../src/text/analyser.js';
import { terms } from '../../../src/text/index.js';
import { splitSentences } from '../../../src/text/sentences.js';

const para = (...paragraphs: string[]): string => paragraphs.join('\n\n');

const PORT_TITLE = 'Dockworkers strike shuts Rotterdam port as wage talks collapse';
const PORT = [
  'Dockworkers at the port of Rotterdam walked off the job on Tuesday after wage talks with terminal operators collapsed, halting container traffic at Europe’s busiest port.',
  'The strike, called by the FNV union, is the first full stoppage at the port since 2018 and could last until Friday, union officials said.',
  'Terminal operators said about 40 container ships were waiting at anchor off the Dutch coast by Tuesday evening.',
  'The union is demanding a 9% pay rise over two years, while operators have offered 5%.',
  '"We have been patient for months," said union negotiator Niek Stam.',
  'Shipping lines have begun diverting vessels to Antwerp and Hamburg, adding days to some deliveries.',
  'Rotterdam handled more than 13 million containers last year.',
  'The port authority said it was monitoring the situation.',
];
const PORT_BODY = para(...PORT);

/** The summary's sentences, checked to be whole sentences of the body, in body order. */
function sentencesOf(summary: string, body: string): number[] {
  const at = splitSentences(summary).map((s) => body.indexOf(s));
  expect(at.every((i) => i >= 0)).toBe(true);
  return at;
}

describe('summarizeArticle', () => {
  it('chooses the lead of a typical news story', () => {
    expect(summarizeArticle(PORT_TITLE, PORT_BODY, { maxSentences: 1 })).toBe(PORT[0]);
    const summary = summarizeArticle(PORT_TITLE, PORT_BODY);
    expect(summary.startsWith(PORT[0]!)).toBe(true);
    expect(summary).not.toContain(PORT[7]);
  });

  it('prefers the lead to a later sentence that centrality alone would pick', () => {
    const lead =
      'Dockworkers at the port of Rotterdam walked off the job on Tuesday after wage talks with terminal operators collapsed.';
    const body = para(
      lead,
      'Container ships queued at anchor off the Dutch coast while the terminals stood idle.',
      'Operators said some container ships would be diverted to Antwerp if the terminals stayed shut.',
      'Shipping analysts said a backlog of container ships could take weeks to clear.',
    );
    const title = 'Rotterdam dockworkers strike after wage talks collapse';
    expect(summarizeArticle(title, body, { maxSentences: 1 })).toBe(lead);
    const centralityOnly = { ...DEFAULT_RANK_WEIGHTS, lead: 0, title: 0 };
    expect(rankSentences(title, body, 320, 1, centralityOnly)).not.toBe(lead);
  });

  it('keeps to the budget with whole sentences and never cuts a word', () => {
    for (const maxChars of [200, 260, 320, 400]) {
      const summary = summarizeArticle(PORT_TITLE, PORT_BODY, { maxChars });
      expect(summary.length).toBeGreaterThan(0);
      expect(summary.length).toBeLessThanOrEqual(maxChars);
      expect(summary).toMatch(/[.!?]["”]?$/);
      sentencesOf(summary, PORT_BODY);
    }
  });

  it('cuts the best sentence at a word boundary, with "…", only when no sentence fits', () => {
    const summary = summarizeArticle(PORT_TITLE, PORT_BODY, { maxChars: 60 });
    expect(summary.length).toBeLessThanOrEqual(60);
    expect(summary.endsWith('…')).toBe(true);
    const head = summary.slice(0, -1);
    expect(PORT[0]!.startsWith(head)).toBe(true);
    expect(PORT[0]![head.length]).toBe(' ');
  });

  it('returns at most maxSentences sentences, in the order of the body', () => {
    for (const maxSentences of [1, 2, 3]) {
      const at = sentencesOf(
        summarizeArticle(PORT_TITLE, PORT_BODY, { maxSentences, maxChars: 1000 }),
        PORT_BODY,
      );
      expect(at.length).toBe(maxSentences);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
    }
  });

  it('does not pad the summary with a sentence worth much less than the first', () => {
    const title = 'Volcano erupts on Iceland peninsula, forcing evacuation of fishing town';
    const lead =
      'A volcano erupted on Iceland’s Reykjanes peninsula on Sunday, sending lava towards the fishing town of Grindavik, which was evacuated overnight.';
    const body = para(
      lead,
      'Snow fell all day.',
      'Tourists filmed the glow from the Blue Lagoon car park.',
      'Many took pictures.',
    );
    expect(summarizeArticle(title, body)).toBe(lead);
    // Without the share, the budget's room is filled with what is left.
    const padded = rankSentences(title, body, 320, 3, { ...DEFAULT_RANK_WEIGHTS, follow: 0 });
    expect(padded.startsWith(lead)).toBe(true);
    expect(padded.length).toBeGreaterThan(lead.length);
  });

  it('keeps body order when a later sentence is picked first', () => {
    const FLOOD = [
      'Police told people in the old quarter to pack a bag and leave before dark.',
      'Schools will stay closed until Wednesday, the council said.',
      'Engineers said the water could peak on Monday.',
      'On Sunday night the river burst its banks, flooding the town hall.',
      'The town hall was last flooded when the river burst its banks in 2020.',
    ];
    const title = 'River bursts its banks, flooding town hall';
    const body = para(...FLOOD);
    // The fourth sentence scores best and is picked first; the lead comes second.
    expect(summarizeArticle(title, body, { maxSentences: 1 })).toBe(FLOOD[3]);
    expect(summarizeArticle(title, body, { maxSentences: 2 })).toBe(`${FLOOD[0]} ${FLOOD[3]}`);
  });

  const DRONES_TITLE = 'Poland scrambles jets after Russian drones cross into its airspace';
  const DRONES_BODY = para(
    'WARSAW, Poland (AP) — Poland scrambled fighter jets on Wednesday after several Russian drones crossed into its airspace during an overnight attack on western Ukraine, the military said.',
    "NATO WARNS RUSSIA AFTER POLAND SHOOTS DOWN 'HUGE NUMBER' OF DRONES",
    'Polish jets patrol the sky over Warsaw as Russian drones cross into Poland, on Sept. 10, 2025. (AP Photo/Czarek Sokolowski)',
    'CLICK HERE TO GET THE FOX NEWS APP',
    'Russian drones cross Polish airspace again Sorry, but your browser needs Javascript to use this site. If you are not sure how to activate it, please refer to this site: https://www.enable-javascript.com/',
    'Defense officials inspect the wreckage of Russian drones that crossed into Poland. | POOL / AFP-JIJI',
    'Click here to sign up for our newsletter on Russian drones, Poland and its airspace, delivered to your inbox.',
    'Polish and allied aircraft shot down at least four drones over the eastern Lublin region, Poland’s operational command said.',
    'The government closed the airspace over Lublin and Rzeszow airports for several hours as a precaution.',
  );

  it('never chooses related-story lines, captions, credits or boilerplate, and drops datelines', () => {
    const summary = summarizeArticle(DRONES_TITLE, DRONES_BODY, { maxChars: 2000, maxSentences: 3 });
    expect(summary.startsWith('Poland scrambled fighter jets on Wednesday')).toBe(true);
    for (const debris of [
      'WARSAW',
      '(AP)',
      'NATO WARNS',
      'Photo',
      'CLICK',
      'Click',
      'Javascript',
      'POOL',
      'AFP',
      'newsletter',
    ]) {
      expect(summary).not.toContain(debris);
    }
    expect(sentencesOf(summary, DRONES_BODY)).toHaveLength(3);
  });

  it('drops a photo caption whose agency credit opens the next sentence, and that dateline', () => {
    const body = para(
      'South Korean President Lee Jae-myung arrives at the prime minister’s office in Tokyo on Jan. 13, 2026. (Kyodo) TOKYO (Kyodo) Visiting South Korean President Lee Jae-myung agreed with Japanese Prime Minister Sanae Takaichi on Tuesday to expand cooperation on supply chains, a government source said.',
      'The two leaders also discussed North Korea’s missile launches.',
    );
    const summary = summarizeArticle('Lee and Takaichi agree to expand supply chain cooperation', body);
    expect(summary.startsWith('Visiting South Korean President Lee Jae-myung agreed')).toBe(true);
    expect(summary).not.toContain('arrives');
    expect(summary).not.toContain('Kyodo');
  });

  const SNOW_TITLE = 'Heavy snow strands visitors at Japanese mountain shrine';
  const SNOW = [
    'Heavy snow stranded more than 100 visitors overnight at a mountain shrine in central Japan, local officials said on Sunday.',
    'Rescue teams reached the shrine on Monday morning with food and blankets.',
    'More than 100 visitors were stranded overnight by heavy snow at a mountain shrine in central Japan, local officials said.',
    'The shrine sits about 1,000 meters up a mountain reached by a single road.',
  ];
  const SNOW_BODY = para(...SNOW);

  it('never chooses two near-identical sentences', () => {
    const summary = summarizeArticle(SNOW_TITLE, SNOW_BODY, { maxChars: 1000 });
    expect(summary).toContain(SNOW[0]);
    expect(summary).not.toContain(SNOW[2]);
    // Control: without the redundancy check the repeat is chosen, so the check is what keeps it out.
    const unchecked = { ...DEFAULT_RANK_WEIGHTS, redundancy: 1, novelty: 0 };
    expect(rankSentences(SNOW_TITLE, SNOW_BODY, 1000, 3, unchecked)).toContain(SNOW[2]);
  });

  it('never shows a piece of a quotation that runs over several sentences', () => {
    const body = para(
      'Ted Cruz said college football was in crisis and called on Congress to regulate payments to players this year.',
      '"It is an absolute crisis. Congress needs to act now to protect college football and its players," he wrote on X.',
      '‘I have seen this before. What are you going to do?’',
    );
    const summary = summarizeArticle('Cruz says college football in crisis', body, { maxChars: 1000 });
    expect(summary).toBe(
      'Ted Cruz said college football was in crisis and called on Congress to regulate payments to players this year.',
    );
  });

  it('prefers a declarative sentence to a close question or dangling opening', () => {
    const body = para(
      'Could the city’s new bus lanes cut commuting times for thousands of riders this winter?',
      'The city opened 12 kilometers of new bus lanes on Monday to cut commuting times for thousands of riders.',
      'But drivers say the bus lanes have made traffic worse on the main roads into the city.',
    );
    const summary = summarizeArticle('City opens new bus lanes to cut commuting times', body, {
      maxSentences: 1,
    });
    expect(summary).toBe(
      'The city opened 12 kilometers of new bus lanes on Monday to cut commuting times for thousands of riders.',
    );
  });

  it('prefers a report to an exclamation that says the same', () => {
    const report =
      'The city opened 12 kilometers of new bus lanes on Monday to cut commuting times for riders.';
    const body = para(
      'The new bus lanes will finally cut commuting times for thousands of riders in the city!',
      report,
      'Officials said the lanes would be extended to the airport next year.',
    );
    const title = 'City opens new bus lanes to cut commuting times';
    expect(summarizeArticle(title, body, { maxSentences: 1 })).toBe(report);
  });

  it('prefers a quote with an introduced speaker to one whose speaker is only "he" or a surname', () => {
    const named =
      '"The new bus lanes will cut commuting times for thousands of riders," transport commissioner Ana Ruiz said.';
    const body = para(
      '"The new bus lanes will cut commuting times for thousands of riders in the city," he said.',
      '"The new bus lanes will cut commuting times for thousands of our riders," Ruiz said.',
      named,
      'Officials said the lanes would be extended to the airport next year.',
    );
    const title = 'City opens new bus lanes to cut commuting times';
    expect(summarizeArticle(title, body, { maxSentences: 1 })).toBe(named);
  });

  it("shows a feed's truncated teaser when the body holds no whole sentence, ending after a whole word", () => {
    const title = 'Harbour stocks rise as crane makers rally';
    expect(summarizeArticle(title, 'Harbour stocks rose on Tuesday as crane makers rallied …')).toBe(
      'Harbour stocks rose on Tuesday as crane makers rallied…',
    );
    // Without a space before the mark the publisher may have cut the last word: it goes.
    expect(summarizeArticle(title, 'Harbour stocks rose on Tuesday as crane makers ral...')).toBe(
      'Harbour stocks rose on Tuesday as crane makers…',
    );
    expect(summarizeArticle(title, 'Stocks rose …')).toBe('');
  });

  it('leaves a section\'s label out of the summary ("Why it matters:")', () => {
    const body = para(
      'Harbour stocks rose on Friday, led by crane makers, after strong earnings from a rival port.',
      'Why it matters: Demand for cranes from new container terminals is driving a rally across the region.',
    );
    const summary = summarizeArticle('Crane makers lead harbour stocks higher', body);
    expect(summary).toContain('Demand for cranes from new container terminals');
    expect(summary).not.toContain('Why it matters');
  });

  it('summarises a wall of text without line breaks from whole sentences', () => {
    const wall = Array.from(
      { length: 400 },
      (_, i) => `Ship ${i + 1} waited off the coast of Rotterdam on day ${i + 1}.`,
    );
    const summary = summarizeArticle('Ships wait off Rotterdam', wall.join(' '));
    expect(summary.length).toBeGreaterThan(0);
    expect(summary.length).toBeLessThanOrEqual(320);
    expect(splitSentences(summary).every((s) => wall.includes(s))).toBe(true);
  });

  it('returns "" without a usable sentence, and a lone sentence as it is', () => {
    expect(summarizeArticle('Title', '')).toBe('');
    expect(summarizeArticle('Title', ' \n\n \n')).toBe('');
    expect(summarizeArticle('Title', 'Maybe.')).toBe('');
    expect(
      summarizeArticle('Title', para('CLICK HERE TO GET THE FOX NEWS APP', 'Sign up for our newsletter.')),
    ).toBe('');
    expect(summarizeArticle('Title', 'Breaking news from the capital')).toBe('');
    const lone = 'The central bank raised its key interest rate by a quarter point on Thursday.';
    expect(summarizeArticle('Central bank raises rates', lone)).toBe(lone);
  });
});

describe('summarizeHeadlines', () => {
  const title = 'Japan: More than 100 shelter overnight in shrine due to heavy snow';

  it('adds the member headline that complements the title, never the title or a repeat of it', () => {
    const summary = summarizeHeadlines(title, [
      title,
      'More than 100 shelter overnight in Japan shrine due to heavy snow',
      'Snow traps vehicles in 23-km traffic jam on highway in western Japan',
      'Maxay yihiin howlaha loo igmaday xafiiska?',
    ]);
    expect(summary).toBe('Snow traps vehicles in 23-km traffic jam on highway in western Japan.');
  });

  it("prefers a headline to a wire photo's slug", () => {
    const summary = summarizeHeadlines('Streaker bares all for the emperor', [
      'Harbour Emperor New Year',
      'The emperor and his family greet New Year well-wishers at the palace',
    ]);
    expect(summary).toBe('The emperor and his family greet New Year well-wishers at the palace.');
  });

  it("prefers a headline to a column's dated heading", () => {
    const summary = summarizeHeadlines('Harbour strike: what we know on day five', [
      'Harbour Strike - 04 January 2026',
      'Dock workers reject new pay offer as harbour strike enters fifth day',
    ]);
    expect(summary).toBe('Dock workers reject new pay offer as harbour strike enters fifth day.');
  });

  it('adds up to two complementary headlines that say different things', () => {
    const summary = summarizeHeadlines(title, [
      'Snow traps vehicles in 23-km traffic jam on highway in western Japan',
      'Weather officials warn of more heavy snow in eastern and northern Japan',
      'Snow traps vehicles in a 23-km traffic jam on a western Japan highway',
    ]);
    expect(splitSentences(summary)).toHaveLength(2);
    expect(summary).toContain('Weather officials warn');
    expect(summary.match(/traffic jam/g)).toHaveLength(1);
  });

  it('returns "" when nothing adds information, and keeps to the budget', () => {
    expect(summarizeHeadlines(title, [])).toBe('');
    expect(
      summarizeHeadlines(title, [
        title,
        'Japan: more than 100 shelter overnight in shrine due to heavy snow',
      ]),
    ).toBe('');
    const long =
      'Snow traps hundreds of vehicles in a 23-km traffic jam on an expressway in western Japan for a second night';
    const cut = summarizeHeadlines(title, [long], { maxChars: 50 });
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
  });
});

describe('the summariser’s term analysis', () => {
  it('gives the distinct terms of terms(), as ids', () => {
    const texts = [
      'Korea’s U.S.-led talks don’t start until 9 a.m. on Jan. 5, officials said.',
      'The café’s rock’n’roll night drew Zelenskyy’s envoys and 3,000 fans.',
      'DOCKWORKERS in Rotterdam walked off the job; e.g. the 2018 strike.',
    ];
    for (const text of texts) {
      beginDocument();
      const { ids, words } = analyseDistinct(text);
      expect(ids.map((id) => shared.term(id))).toEqual([...new Set(terms(text))]);
      expect(ids.length).toBeGreaterThan(3);
      expect(words).toBeGreaterThan(ids.length);
    }
  });
});

describe('splitSentences on news prose', () => {
  it('keeps initials, titles and party-state tags inside the sentence', () => {
    expect(splitSentences('Purdy threw a pick six to T.J. Edwards on the first drive.')).toHaveLength(1);
    expect(
      splitSentences('Reps. Ro Khanna, D-Calif., and Thomas Massie, R-Ky., wrote the bill.'),
    ).toHaveLength(1);
    expect(splitSentences('She met U.S. Senate leaders and Gov. Roy Cooper on Friday.')).toHaveLength(1);
  });

  it('ends a sentence at an abbreviation when a sentence-opening word follows', () => {
    expect(splitSentences('The drone was built in the U.S. He said it failed twice.')).toEqual([
      'The drone was built in the U.S.',
      'He said it failed twice.',
    ]);
    expect(
      splitSentences('It was ranked No. 1 in the poll. The answer was no. Then it changed.'),
    ).toHaveLength(3);
  });

  it('keeps a quoted exclamation or question with its attribution', () => {
    expect(splitSentences('"Get out now!" Trump said. Then he left the room.')).toEqual([
      '"Get out now!" Trump said.',
      'Then he left the room.',
    ]);
    expect(splitSentences('"Is it over?" Eyal asked.')).toHaveLength(1);
  });
});
