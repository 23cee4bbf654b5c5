/**
 * Benchmark corpus generator: writes `size` articles as news files in the two formats ingest reads
 * (Google News items with 1–5 headlines, about 60% of the articles; scraped-text pages with bodies of
 * 150–600 words and some web debris, about 40%) under bench/.corpus/<size>/, and reuses a folder
 * whose manifest says it is complete and current.
 *
 * Vocabulary: when ../shared/data holds articles.jsonl and gnews_clusters.jsonl (read only, never
 * copied into the repository), real headlines, outlet names and body sentences are recombined: each
 * synthetic event starts from a real story (a Google News item or a full-text article) and respells
 * its names and numbers consistently, so that one event's headlines from many outlets share words
 * (grouping has real work) while different events built on one story differ. Otherwise a built-in
 * word list and templates are used. Deterministic: a seeded PRNG and per-document seeds.
 *
 * Usage: `tsx bench/generate-corpus.ts 10000 100000` (the benchmark calls `ensureCorpus`).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MONTH_NAMES } from '../src/digest/time.js';
import { DEMONYMS } from '../src/text/demonyms.js';

/** Bump when the output changes, so cached corpora are rebuilt. */
export const GENERATOR_VERSION = 4;
const HERE = dirname(fileURLToPath(import.meta.url));
export const CORPUS_ROOT = join(HERE, '.corpus');
const SHARED_DATA = resolve(process.env.NEWSBRIEF_SHARED_DATA ?? join(HERE, '../../shared/data'));
const MANIFEST = '.manifest.json';
const DAY_MS = 86_400_000;
/** First day of the corpus; dates spread over SPAN_DAYS days. */
const START_MS = Date.UTC(2025, 10, 16);
export const SPAN_DAYS = 60;
const GN_SHARE = 0.6;

export interface CorpusManifest {
  version: number;
  size: number;
  source: 'shared-data' | 'built-in';
  files: number;
  gnFiles: number;
  scrapedFiles: number;
  gnArticles: number;
  scrapedArticles: number;
  events: number;
  outlets: number;
  bytes: number;
  firstDay: string;
  lastDay: string;
  /** A sensible "now" for briefings: noon of the day after the last day. */
  now: string;
  generatedMs: number;
}

// ------------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: small, fast, good enough for a corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a of a string mixed with a seed: a stable choice that does not depend on call order. */
function hash(seed: number, text: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

/** Zipf-like sampler over ranks 0..n-1 with exponent s (precomputed cumulative weights). */
function zipf(n: number, s: number): (rand: () => number) => number {
  const cum = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / (i + 1) ** s;
    cum[i] = total;
  }
  return (rand) => {
    const x = rand() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

// ------------------------------------------------------------------------------------------------
// Vocabulary pool

interface Pool {
  source: 'shared-data' | 'built-in';
  /** Headline variants of one real story (one Google News item, or one article's title). */
  stories: string[][];
  /** Paragraphs of real article bodies. */
  bodies: string[][];
  /** Per story: the body closest to it (its own for a full-text article), or -1. */
  storyBody: number[];
  outlets: string[];
  /** Capitalised words that are names (never seen in lower case). */
  names: string[];
  /** Place names (countries and the like) seen in the data. */
  places: string[];
  nameSet: ReadonlySet<string>;
  placeSet: ReadonlySet<string>;
}

interface GnRecord {
  headlines: Array<{ title: string; outlet: string }>;
}
interface ArticleRecord {
  title: string;
  outlet: string;
  body: string;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

const PLACE_WORDS = new Set<string>();
for (const [demonym, place] of DEMONYMS) {
  PLACE_WORDS.add(demonym);
  PLACE_WORDS.add(place);
}
const CAPITALISED = /\b\p{Lu}\p{Ll}{2,}\b/gu;
/** Capitalised function words that are never respelled. */
const KEEP = new Set(
  'The A An In On At For With From After Before As By To Of And But Or Why How What Who When Where Here This That These Those Its His Her Their Our Your Amid Over Under Into Is Are Was Were Will Can Could Would Should Not No New Live Watch Opinion Analysis Video Breaking Update Updates'.split(
    ' ',
  ),
);

const STOP = new Set(
  'the a an of to in on at for with from by and or but as is are was were be its his her their after over amid into says said will than that this what who how why new'.split(
    ' ',
  ),
);

function loadSharedPool(): Pool | null {
  const gnPath = join(SHARED_DATA, 'gnews_clusters.jsonl');
  const artPath = join(SHARED_DATA, 'articles.jsonl');
  if (!existsSync(gnPath) || !existsSync(artPath)) return null;
  const gn = readJsonl<GnRecord>(gnPath);
  const articles = readJsonl<ArticleRecord>(artPath);
  const stories: string[][] = [];
  const outlets = new Set<string>();
  for (const item of gn) {
    const titles = item.headlines.map((h) => h.title.trim()).filter((t) => t.length > 12);
    for (const h of item.headlines) if (h.outlet.trim()) outlets.add(h.outlet.trim());
    if (titles.length > 0) stories.push(titles);
  }
  const storyBody: number[] = stories.map(() => -1);
  const bodies: string[][] = [];
  for (const a of articles) {
    if (a.outlet) outlets.add(a.outlet);
    const paragraphs = a.body
      .split('\n')
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
    if (paragraphs.length >= 3) bodies.push(paragraphs);
    if (a.title.trim().length > 12) {
      stories.push([a.title.trim()]);
      storyBody.push(paragraphs.length >= 3 ? bodies.length - 1 : -1);
    }
  }
  // A Google News story gets the body that shares most words with its headlines.
  const wordsOf = (text: string) =>
    new Set((text.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => !STOP.has(w)));
  const byWord = new Map<string, number[]>();
  bodies.forEach((b, i) => {
    for (const w of wordsOf(b.slice(0, 3).join(' '))) {
      const list = byWord.get(w);
      if (list) list.push(i);
      else byWord.set(w, [i]);
    }
  });
  stories.forEach((titles, s) => {
    if (storyBody[s] !== -1) return;
    const score = new Map<number, number>();
    for (const w of wordsOf(titles.join(' '))) {
      const list = byWord.get(w);
      if (!list || list.length > 200) continue;
      for (const i of list) score.set(i, (score.get(i) ?? 0) + 1 / Math.log2(2 + list.length));
    }
    let best = -1;
    let bestScore = 0.6;
    for (const [i, v] of score)
      if (v > bestScore || (v === bestScore && i < best)) [best, bestScore] = [i, v];
    storyBody[s] = best;
  });
  // Names: capitalised words never seen in lower case anywhere.
  const lower = new Set<string>();
  const capital = new Map<string, number>();
  const scan = (text: string) => {
    for (const m of text.matchAll(/\p{L}+/gu)) {
      const w = m[0];
      if (w === w.toLowerCase()) lower.add(w);
    }
    for (const m of text.matchAll(CAPITALISED)) capital.set(m[0], (capital.get(m[0]) ?? 0) + 1);
  };
  for (const s of stories) for (const t of s) scan(t);
  for (const b of bodies) for (const p of b) scan(p);
  const names: string[] = [];
  const places: string[] = [];
  for (const [w, n] of capital) {
    if (n < 2 || KEEP.has(w) || lower.has(w.toLowerCase())) continue;
    if (PLACE_WORDS.has(w.toLowerCase())) places.push(w);
    else names.push(w);
  }
  names.sort();
  places.sort();
  return {
    source: 'shared-data',
    stories,
    bodies,
    storyBody,
    outlets: [...outlets].sort(),
    names,
    places,
    nameSet: new Set(names),
    placeSet: new Set(places),
  };
}

// Built-in fallback: templates over a small world of places, people, bodies and topics.
const B_PLACES = [
  'Japan',
  'Korea',
  'China',
  'Taiwan',
  'India',
  'Pakistan',
  'Iran',
  'Israel',
  'Gaza',
  'Ukraine',
  'Russia',
  'Poland',
  'Germany',
  'France',
  'Britain',
  'Spain',
  'Italy',
  'Greece',
  'Turkey',
  'Syria',
  'Egypt',
  'Sudan',
  'Kenya',
  'Nigeria',
  'Ghana',
  'Brazil',
  'Argentina',
  'Chile',
  'Peru',
  'Mexico',
  'Canada',
  'Venezuela',
  'Cuba',
  'Haiti',
  'Australia',
  'Indonesia',
  'Vietnam',
  'Thailand',
  'Philippines',
  'Malaysia',
  'Bangladesh',
  'Nepal',
  'Afghanistan',
  'Iraq',
  'Yemen',
  'Lebanon',
  'Jordan',
  'Qatar',
  'Norway',
  'Sweden',
  'Finland',
  'Denmark',
  'Greenland',
  'Hungary',
  'Romania',
  'Serbia',
  'Uganda',
  'Ethiopia',
  'Somalia',
  'Colombia',
];
const B_NAMES = [
  'Takaichi',
  'Lee',
  'Xi',
  'Modi',
  'Sharif',
  'Pezeshkian',
  'Netanyahu',
  'Zelensky',
  'Putin',
  'Tusk',
  'Merz',
  'Macron',
  'Starmer',
  'Sanchez',
  'Meloni',
  'Erdogan',
  'Sisi',
  'Ruto',
  'Tinubu',
  'Lula',
  'Milei',
  'Boric',
  'Sheinbaum',
  'Carney',
  'Maduro',
  'Albanese',
  'Prabowo',
  'Anwar',
  'Marcos',
  'Guterres',
  'Rutte',
  'Lagarde',
  'Powell',
  'Trump',
  'Vance',
  'Rubio',
  'Hegseth',
  'Bessent',
  'Orban',
  'Museveni',
  'Kagame',
  'Abiy',
  'Petro',
];
const B_ORGS = ['NATO', 'UN', 'WHO', 'IMF', 'EU', 'OPEC', 'FIFA', 'IAEA', 'ASEAN', 'G7', 'G20', 'ICC'];
const B_SUBJECTS = [
  'election',
  'ceasefire',
  'summit',
  'earthquake',
  'floods',
  'wildfire',
  'tariffs',
  'inflation',
  'strike',
  'protests',
  'budget',
  'trade deal',
  'missile test',
  'drone attack',
  'heatwave',
  'outbreak',
  'court ruling',
  'interest rates',
  'oil prices',
  'refugees',
  'border talks',
  'peace plan',
  'sanctions',
  'corruption probe',
  'storm',
  'landslide',
  'power cuts',
  'vaccine rollout',
  'satellite launch',
  'chip exports',
  'rail strike',
];
const B_VERBS = [
  'warns of',
  'agrees on',
  'rejects',
  'backs',
  'delays',
  'announces',
  'condemns',
  'probes',
  'eases',
  'tightens',
  'extends',
  'suspends',
  'approves',
  'faces',
  'braces for',
  'reports',
  'pledges aid after',
];
const B_TAILS = [
  'amid rising tensions',
  'after talks collapse',
  'as death toll rises',
  'ahead of key vote',
  'in first visit since 2019',
  'despite pressure from allies',
  'officials say',
  'report says',
  'for third straight month',
  'after overnight clashes',
  'as markets slide',
  'in landmark ruling',
];
const B_SENTENCES = [
  'Officials in {P} said on {D} that the {S} had affected thousands of people across the region.',
  '{N} told reporters that the government would act quickly, but gave no timetable.',
  'The {O} said it was monitoring the situation closely and urged all sides to show restraint.',
  'Analysts said the decision could weigh on growth in {P} for the rest of the year.',
  'Local media reported that at least {K} people had been detained since the start of the week.',
  'The move follows months of negotiations between {P} and {Q} over the {S}.',
  '{N} has faced mounting criticism at home over his handling of the {S}.',
  'Critics said the plan did little to address the underlying causes of the crisis.',
  'Markets in {P} fell {K} percent in early trading before recovering some losses.',
  'A spokesperson for {N} declined to comment on the reports when contacted on {D}.',
  'The {O} estimated that the cost of the {S} could exceed {K} million dollars.',
  'Residents described scenes of confusion as emergency services struggled to reach the worst-hit areas.',
  'Diplomats from {Q} are expected to arrive in {P} later this week for further talks.',
  'The ministry said the measures would remain in place until at least the end of the month.',
  'Opposition leaders called for an independent inquiry and the resignation of senior officials.',
  'It was not immediately clear how many people had been affected, officials said.',
];
const B_OUTLET_WORDS = [
  'Times',
  'Herald',
  'Post',
  'Tribune',
  'News',
  'Daily',
  'Gazette',
  'Observer',
  'Chronicle',
  'Journal',
  'Independent',
  'Record',
  'Express',
  'Star',
  'Mirror',
  'Courier',
  'Dispatch',
  'Monitor',
  'Review',
  'Today',
];

function loadBuiltInPool(): Pool {
  const rand = rng(7);
  const stories: string[][] = [];
  for (let i = 0; i < 1500; i++) {
    const p = pick(rand, B_PLACES);
    const s = pick(rand, B_SUBJECTS);
    const v = pick(rand, B_VERBS);
    const n = pick(rand, B_NAMES);
    const o = pick(rand, B_ORGS);
    const q = pick(rand, B_PLACES);
    const k = 2 + Math.floor(rand() * 400);
    stories.push([
      `${p} ${v} ${s} ${pick(rand, B_TAILS)}`,
      `${n} ${v} ${s} in ${p}`,
      `${o} ${v} ${p} ${s} as ${q} watches`,
      `${p}'s ${s}: ${k} things to know`,
      `${s[0]!.toUpperCase()}${s.slice(1)} in ${p}: ${n} says ${q} must act`,
    ]);
  }
  const bodies: string[][] = [];
  for (let i = 0; i < 400; i++) {
    const paragraphs: string[] = [];
    const count = 6 + Math.floor(rand() * 10);
    for (let j = 0; j < count; j++) {
      const sentences: string[] = [];
      for (let k = 0; k < 2 + Math.floor(rand() * 3); k++) {
        sentences.push(
          pick(rand, B_SENTENCES)
            .replace('{P}', pick(rand, B_PLACES))
            .replace('{Q}', pick(rand, B_PLACES))
            .replace('{N}', pick(rand, B_NAMES))
            .replace('{O}', pick(rand, B_ORGS))
            .replace('{S}', pick(rand, B_SUBJECTS))
            .replace('{D}', pick(rand, ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']))
            .replace('{K}', String(2 + Math.floor(rand() * 300))),
        );
      }
      paragraphs.push(sentences.join(' '));
    }
    bodies.push(paragraphs);
  }
  const outlets = new Set<string>([
    'Reuters',
    'AP News',
    'AFP',
    'BBC',
    'Al Jazeera',
    'Bloomberg',
    'Kyodo News',
  ]);
  for (const p of B_PLACES) for (const w of B_OUTLET_WORDS) outlets.add(`The ${p} ${w}`);
  return {
    source: 'built-in',
    stories,
    bodies,
    storyBody: stories.map((_, i) => i % bodies.length),
    outlets: [...outlets].sort(),
    names: B_NAMES.filter((n) => n.length >= 3),
    places: B_PLACES,
    nameSet: new Set(B_NAMES),
    placeSet: new Set(B_PLACES),
  };
}

function loadPool(): Pool {
  const pool = loadSharedPool() ?? loadBuiltInPool();
  // Guarantee ≥ 300 outlets: add regional titles built from place names when the data has fewer.
  if (pool.outlets.length < 320) {
    const extra = new Set(pool.outlets);
    for (const p of B_PLACES) for (const w of B_OUTLET_WORDS) if (extra.size < 400) extra.add(`${p} ${w}`);
    pool.outlets = [...extra].sort();
  }
  return pool;
}

// ------------------------------------------------------------------------------------------------
// Events and headline variants

interface Event {
  seed: number;
  story: number;
  body: number;
  day: number;
}

/** An event's consistent respelling of names, places and numbers in its source story. */
function respell(text: string, event: Event, pool: Pool): string {
  return text
    .replace(CAPITALISED, (w) => {
      if (KEEP.has(w)) return w;
      const isPlace = pool.placeSet.has(w);
      if (!isPlace && !pool.nameSet.has(w)) return w;
      const h = hash(event.seed, w);
      if (h % 10 < 4) return w; // keep 40% of the real names
      const list = isPlace ? pool.places : pool.names;
      return list[(h >>> 4) % list.length]!;
    })
    .replace(/\b\d{1,3}\b/g, (n) => {
      const h = hash(event.seed, `#${n}`);
      return h % 2 === 0 ? n : String(2 + ((h >>> 3) % 97));
    });
}

const PREFIXES = ['Live updates: ', 'Analysis: ', 'Watch: ', 'Explainer: ', 'Breaking: ', 'Opinion: '];
const SUFFIXES = [
  ', officials say',
  ', report says',
  ' amid tensions',
  ' after talks',
  ': what we know',
  ' - sources',
  ' as pressure mounts',
  ', state media reports',
  ' in latest blow',
  ' on Monday',
  ' on Tuesday',
  ' on Wednesday',
  ' on Thursday',
  ' on Friday',
];
const SWAPS: Array<[RegExp, string]> = [
  [/\bsays\b/, 'warns'],
  [/\bwarns\b/, 'says'],
  [/\bkilled\b/, 'dead'],
  [/\bhits\b/, 'strikes'],
  [/\bplans\b/, 'moves'],
  [/\bpresident\b/i, 'leader'],
  [/\bgovernment\b/i, 'officials'],
  [/\btalks\b/, 'negotiations'],
  [/\bUS\b/, 'U.S.'],
  [/\bover\b/, 'amid'],
];

/** A headline of the event as one outlet words it: a source variant, maybe rewritten. */
function variant(event: Event, pool: Pool, rand: () => number, attempt: number): string {
  const sources = pool.stories[event.story]!;
  let title = respell(pick(rand, sources), event, pool);
  const mutations = attempt + (rand() < 0.55 ? 1 : 0) + (rand() < 0.2 ? 1 : 0);
  for (let m = 0; m < mutations; m++) {
    const r = rand();
    if (r < 0.15) title = pick(rand, PREFIXES) + title;
    else if (r < 0.45) title = title.replace(/[.!?]$/, '') + pick(rand, SUFFIXES);
    else if (r < 0.7) {
      const [re, to] = pick(rand, SWAPS);
      title = title.replace(re, to);
    } else if (r < 0.85) {
      const words = title.split(' ');
      if (words.length > 6) {
        words.splice(1 + Math.floor(rand() * (words.length - 2)), 1);
        title = words.join(' ');
      }
    } else {
      // Another outlet's phrasing of a second source variant glued on.
      const other = respell(pick(rand, sources), event, pool).split(' ').slice(0, 4).join(' ');
      title = `${title.replace(/[.!?]$/, '')}; ${other}`;
    }
  }
  return title.replace(/\s+/g, ' ').trim();
}

// ------------------------------------------------------------------------------------------------
// Documents

interface DocPlan {
  event: number;
  kind: 'gn' | 'scraped';
  headlines: number;
  day: number;
  seed: number;
}

function isoDay(day: number): string {
  return new Date(START_MS + day * DAY_MS).toISOString().slice(0, 10);
}

function yamlDouble(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function yamlSingle(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 90);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
function token(rand: () => number, length: number): string {
  let out = 'CBMi';
  for (let i = 0; i < length; i++) out += B64[Math.floor(rand() * 64)]!;
  return out;
}

function tagsFor(title: string, outlet: string, rand: () => number): string[] {
  const words = [...new Set(title.toLowerCase().match(/[a-z]{4,}/g) ?? [])].filter((w) => !STOP.has(w));
  const tags: string[] = [];
  while (tags.length < 4 && words.length > 0)
    tags.push(words.splice(Math.floor(rand() * words.length), 1)[0]!);
  const outletWord = outlet.toLowerCase().match(/[a-z]{4,}/)?.[0];
  if (outletWord && rand() < 0.5) tags.splice(Math.floor(rand() * (tags.length + 1)), 0, outletWord);
  return tags;
}

function renderGoogleNews(
  day: number,
  entries: Array<{ title: string; outlet: string; url: string }>,
): string {
  const lead = entries[0]!;
  const description = entries.map((e) => `${e.title}&nbsp;&nbsp;${e.outlet}`).join('');
  const rand = rng(hash(day, lead.url));
  const lines = [
    '---',
    `title: ${yamlDouble(`${lead.title} - ${lead.outlet}`)}`,
    `date: ${isoDay(day)}`,
    `description: ${yamlDouble(entries.length === 1 ? `${description}View Full Coverage on Google News` : description)}`,
    `summary: ${yamlDouble(description)}`,
    `slug: ${yamlDouble(slug(`${lead.title} ${lead.outlet}`))}`,
    "image: ''",
    `link: ${yamlSingle(lead.url)}`,
    "source: 'https://news.google.com/rss/topics/CAAqJggKIiBDQkFTRWdvSUwyMHZNRGx1YlY4U0FtVnVHZ0pWVXlnQVAB?hl=en-US&gl=US&ceid=US:en'",
    'categories:',
    "- 'news.google.com'",
    'tags:',
    ...tagsFor(lead.title, lead.outlet, rand).map((t) => `- ${yamlSingle(t)}`),
    '',
    'draft: false',
    '---',
  ];
  const anchor = (e: { title: string; outlet: string; url: string }) =>
    `<a href="${e.url}" target="_blank">${html(e.title)}</a>&nbsp;&nbsp;<font color="#6f6f6f">${html(e.outlet)}</font>`;
  const body =
    entries.length === 1
      ? `${anchor(lead)}<strong><a href="https://news.google.com/stories/${token(rand, 60)}?hl=en-US&gl=US&ceid=US:en&oc=5" target="_blank">View Full Coverage on Google News</a></strong>`
      : `<ol>${entries.map((e) => `<li>${anchor(e)}</li>`).join('')}</ol>`;
  return `${lines.join('\n')}\n${body}\n`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function dateLine(day: number, outlet: string, rand: () => number): string {
  const d = new Date(START_MS + day * DAY_MS);
  const written = `${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
  const r = rand();
  if (r < 0.6) return `${written} (${outlet})`;
  if (r < 0.7) return `Published ${written} | ${outlet}`;
  if (r < 0.8) return `${isoDay(day)} | ${outlet}`;
  if (r < 0.9) return `${outlet} - ${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  const hh = String(Math.floor(rand() * 24)).padStart(2, '0');
  const mm = String(Math.floor(rand() * 60)).padStart(2, '0');
  return `${isoDay(day)}T${hh}:${mm}:00Z | ${outlet}`;
}

const MENU = [
  'Home',
  'World',
  'Politics',
  'Business',
  'Sport',
  'Culture',
  'Science',
  'Opinion',
  'Video',
  'Contact us',
];
const JS_NOTICE =
  'Sorry, but your browser needs Javascript to use this site. If you re not sure how to activate it, please refer to this site: https://www.enable-javascript.com/';

function wordCount(text: string): number {
  return text.split(/\s+/).length;
}

function renderScraped(
  event: Event,
  pool: Pool,
  day: number,
  outlet: string,
  title: string,
  teaser: string,
  rand: () => number,
): string {
  const target = 150 + Math.floor(rand() * 451);
  const paragraphs: string[] = [];
  const weekday = WEEKDAYS[new Date(START_MS + day * DAY_MS).getUTCDay()]!;
  const lead = title.replace(/^[A-Z][a-z]+ updates?: |^(?:Analysis|Watch|Explainer|Breaking|Opinion): /, '');
  const city = pick(rand, pool.places).toUpperCase();
  paragraphs.push(`${city} (${outlet}) — ${lead.replace(/[.!?]$/, '')}, officials said on ${weekday}.`);
  let words = wordCount(paragraphs[0]!);
  let source = event.body;
  let at = Math.floor(rand() * 3);
  let guard = 0;
  while (words < target && guard++ < 200) {
    const body = pool.bodies[source]!;
    if (at >= body.length) {
      source = (source + 1 + Math.floor(rand() * 7)) % pool.bodies.length;
      at = 0;
      continue;
    }
    let p = respell(body[at++]!, event, pool);
    const w = wordCount(p);
    if (words + w > target + 40) {
      // Trim the last paragraph at a sentence end near the target.
      const sentences = p.split(/(?<=[.!?])\s+/);
      let kept = '';
      for (const s of sentences) {
        if (words + wordCount(`${kept} ${s}`) > target + 20 && kept) break;
        kept = kept ? `${kept} ${s}` : s;
      }
      p = kept;
    }
    paragraphs.push(p);
    words += wordCount(p);
  }
  // Web debris around and inside the story.
  const out: string[] = [];
  if (rand() < 0.25) out.push(...MENU.slice(0, 3 + Math.floor(rand() * 5)));
  if (rand() < 0.35)
    out.push(
      `${pick(rand, pool.names)} ${pick(rand, pool.names)} speaks to reporters. (AP Photo/${pick(rand, pool.names)} ${pick(rand, pool.names)})`,
    );
  if (rand() < 0.4) out.push(`By ${pick(rand, pool.names)} ${pick(rand, pool.names)}`);
  paragraphs.forEach((p, i) => {
    out.push(p);
    if (i === 1 && rand() < 0.3) out.push('Advertisement');
    if (i === 2 && rand() < 0.3) out.push(`RELATED: ${teaser.toUpperCase()}`);
    if (i === 3 && rand() < 0.15) out.push('CLICK HERE TO SIGN UP FOR OUR NEWSLETTER');
  });
  const r = rand();
  if (r < 0.3) out.push(`${teaser} ${JS_NOTICE}`, `${pick(rand, pool.bodies)[0]!}`);
  else if (r < 0.5) out.push(`Copyright ${isoDay(day).slice(0, 4)} ${outlet}. All rights reserved.`);
  if (rand() < 0.3) out.push('Follow us', ...MENU.slice(0, 4 + Math.floor(rand() * 4)));
  const separator = rand() < 0.5 ? '\n' : '\n\n';
  const titleLine = rand() < 0.2 ? `${title} - ${outlet}` : title;
  return `${titleLine}\n${dateLine(day, outlet, rand)}\n${out.join(separator)}\n`;
}

// ------------------------------------------------------------------------------------------------
// The corpus

function corpusDir(size: number): string {
  return join(CORPUS_ROOT, String(size));
}

function readManifest(dir: string): CorpusManifest | null {
  try {
    return JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as CorpusManifest;
  } catch {
    return null;
  }
}

/** The corpus folder for `size` articles, generated unless a complete current one is there. */
export function ensureCorpus(
  size: number,
  log: (line: string) => void = () => {},
): { dir: string; manifest: CorpusManifest } {
  const dir = corpusDir(size);
  const sharedPresent =
    existsSync(join(SHARED_DATA, 'gnews_clusters.jsonl')) && existsSync(join(SHARED_DATA, 'articles.jsonl'));
  const existing = readManifest(dir);
  if (
    existing &&
    existing.version === GENERATOR_VERSION &&
    existing.size === size &&
    existing.source === (sharedPresent ? 'shared-data' : 'built-in')
  ) {
    return { dir, manifest: existing };
  }
  const started = performance.now();
  log(`generating ${size.toLocaleString('en-US')} articles in ${dir} ...`);
  const manifest = generate(size, dir);
  manifest.generatedMs = Math.round(performance.now() - started);
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  log(
    `  ${manifest.files.toLocaleString('en-US')} files, ${(manifest.bytes / 1e6).toFixed(1)} MB, ${manifest.generatedMs} ms (${manifest.source})`,
  );
  return { dir, manifest };
}

function generate(size: number, dir: string): CorpusManifest {
  const pool = loadPool();
  const rand = rng(0x5eed ^ size);
  const outletRank = zipf(pool.outlets.length, 0.9);
  // Outlets in a stable shuffled order so that the big ones are not alphabetical.
  const outletOrder = pool.outlets
    .map((o) => ({ o, k: hash(11, o) }))
    .sort((a, b) => a.k - b.k)
    .map(({ o }) => o);

  // Plan: events of Pareto-distributed size, each split into Google News items and scraped pages.
  const events: Event[] = [];
  const plans: DocPlan[] = [];
  let articles = 0;
  let gnArticles = 0;
  while (articles < size) {
    const story = Math.floor(rand() * pool.stories.length);
    const randomBody = Math.floor(rand() * pool.bodies.length);
    const event: Event = {
      seed: hash(events.length, 'event'),
      story,
      body: pool.storyBody[story]! >= 0 ? pool.storyBody[story]! : randomBody,
      day: Math.floor(rand() * SPAN_DAYS),
    };
    const index = events.length;
    events.push(event);
    const eventSize = Math.min(80, Math.floor(1 / (1 - rand()) ** (1 / 1.25)));
    let left = Math.min(eventSize, size - articles);
    while (left > 0) {
      const jitter = rand();
      const day = Math.min(SPAN_DAYS - 1, event.day + (jitter < 0.7 ? 0 : jitter < 0.9 ? 1 : 2));
      const wantGn = gnArticles < GN_SHARE * (articles + 1) ? rand() < 0.8 : rand() < 0.2;
      if (wantGn) {
        const r = rand();
        const k = Math.min(left, r < 0.3 ? 1 : r < 0.35 ? 2 : r < 0.4 ? 3 : r < 0.45 ? 4 : 5);
        plans.push({ event: index, kind: 'gn', headlines: k, day, seed: hash(plans.length, 'doc') });
        left -= k;
        articles += k;
        gnArticles += k;
      } else {
        plans.push({ event: index, kind: 'scraped', headlines: 1, day, seed: hash(plans.length, 'doc') });
        left--;
        articles++;
      }
    }
  }
  // Files in date order (as a crawler writes them), stable within a day.
  const order = plans.map((_, i) => i).sort((a, b) => plans[a]!.day - plans[b]!.day || a - b);

  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const usedTitles = new Set<string>();
  const outletsUsed = new Set<string>();
  let bytes = 0;
  let gnFiles = 0;
  let scrapedFiles = 0;
  let scrapedArticles = 0;
  gnArticles = 0;
  let currentSub = '';
  order.forEach((planIndex, seq) => {
    const plan = plans[planIndex]!;
    const event = events[plan.event]!;
    const r = rng(plan.seed);
    const chosen = new Set<string>();
    const entries: Array<{ title: string; outlet: string; url: string }> = [];
    for (let h = 0; h < plan.headlines; h++) {
      let outlet = outletOrder[outletRank(r)]!;
      for (let tries = 0; chosen.has(outlet) && tries < 20; tries++) outlet = outletOrder[outletRank(r)]!;
      chosen.add(outlet);
      let title = '';
      for (let attempt = 0; attempt < 8; attempt++) {
        title = variant(event, pool, r, attempt);
        if (attempt === 7) title = `${title} (${plan.day + 1}/${seq})`;
        const key = `${outlet.toLowerCase()}|${title
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim()}`;
        if (!usedTitles.has(key)) {
          usedTitles.add(key);
          break;
        }
      }
      outletsUsed.add(outlet);
      entries.push({
        title,
        outlet,
        url: `https://news.google.com/rss/articles/${token(r, 90 + Math.floor(r() * 120))}?oc=5`,
      });
    }
    const text =
      plan.kind === 'gn'
        ? renderGoogleNews(plan.day, entries)
        : renderScraped(
            event,
            pool,
            plan.day,
            entries[0]!.outlet,
            entries[0]!.title,
            variant(events[(plan.event + 1) % events.length]!, pool, r, 0),
            r,
          );
    const sub = `d${String(Math.floor(seq / 1000)).padStart(3, '0')}`;
    if (sub !== currentSub) {
      mkdirSync(join(dir, sub), { recursive: true });
      currentSub = sub;
    }
    const name = `${isoDay(plan.day).replace(/-/g, '')}_${String(seq).padStart(6, '0')}_${(plan.seed >>> 0).toString(16).padStart(8, '0')}.${plan.kind === 'gn' ? 'md' : 'txt'}`;
    writeFileSync(join(dir, sub, name), text);
    bytes += Buffer.byteLength(text);
    if (plan.kind === 'gn') {
      gnFiles++;
      gnArticles += entries.length;
    } else {
      scrapedFiles++;
      scrapedArticles++;
    }
  });
  const lastDay = plans.reduce((m, p) => Math.max(m, p.day), 0);
  return {
    version: GENERATOR_VERSION,
    size,
    source: pool.source,
    files: plans.length,
    gnFiles,
    scrapedFiles,
    gnArticles,
    scrapedArticles,
    events: events.length,
    outlets: outletsUsed.size,
    bytes,
    firstDay: isoDay(0),
    lastDay: isoDay(lastDay),
    now: new Date(START_MS + (lastDay + 1) * DAY_MS + DAY_MS / 2).toISOString(),
    generatedMs: 0,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number);
  for (const size of sizes.length > 0 ? sizes : [10_000]) ensureCorpus(size, (l) => console.log(l));
}
