/**
 * Benchmark queries drawn from the corpus the engine holds: single words across the frequency
 * range, two-word phrases from headlines, country names, rare words, prefixes of common words and a
 * few typos that match nothing. Deterministic for one corpus.
 */
import type { IndexedArticle } from '../src/model.js';
import { STOPWORDS, tokenize } from '../src/text/index.js';
import { rng } from './generate-corpus.js';

export type QueryKind = 'word' | 'two-word' | 'country' | 'rare' | 'prefix' | 'typo';

export interface BenchQuery {
  text: string;
  kind: QueryKind;
}

const COUNTRIES = [
  'Afghanistan',
  'Argentina',
  'Australia',
  'Brazil',
  'Britain',
  'Canada',
  'China',
  'Colombia',
  'Cuba',
  'Denmark',
  'Egypt',
  'France',
  'Germany',
  'Greece',
  'Greenland',
  'Haiti',
  'India',
  'Indonesia',
  'Iran',
  'Iraq',
  'Ireland',
  'Israel',
  'Italy',
  'Japan',
  'Kenya',
  'Lebanon',
  'Mexico',
  'Nigeria',
  'North Korea',
  'Pakistan',
  'Philippines',
  'Poland',
  'Russia',
  'Saudi Arabia',
  'Somalia',
  'South Africa',
  'South Korea',
  'Spain',
  'Sudan',
  'Sweden',
  'Switzerland',
  'Syria',
  'Taiwan',
  'Thailand',
  'Turkey',
  'Ukraine',
  'United States',
  'Venezuela',
  'Vietnam',
  'Yemen',
];

const ALPHA = /^[a-z]+$/;

function sample<T>(rand: () => number, list: readonly T[], n: number): T[] {
  const copy = list.slice();
  const out: T[] = [];
  while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]!);
  return out;
}

/**
 * About 240 queries. `matchesNothing` tells whether a query finds no story (used to keep only
 * typos that really match nothing, so that the "did you mean" path is measured too).
 */
export function makeQueries(
  articles: Iterable<IndexedArticle>,
  matchesNothing: (query: string) => boolean,
  seed = 42,
): BenchQuery[] {
  const rand = rng(seed);
  const titleFreq = new Map<string, number>();
  const pairFreq = new Map<string, number>();
  const bodyFreq = new Map<string, number>();
  for (const a of articles) {
    const words = tokenize(a.title).filter((w) => ALPHA.test(w) && !STOPWORDS.has(w));
    for (const w of words) if (w.length >= 4) titleFreq.set(w, (titleFreq.get(w) ?? 0) + 1);
    for (let i = 1; i < words.length; i++) {
      if (words[i - 1]!.length < 3 || words[i]!.length < 3) continue;
      const pair = `${words[i - 1]} ${words[i]}`;
      pairFreq.set(pair, (pairFreq.get(pair) ?? 0) + 1);
    }
    // Body words of the articles that carry a body (the caller passes a sample: enough to find
    // rare ones).
    if (a.body) {
      for (const w of tokenize(a.body))
        if (w.length >= 6 && ALPHA.test(w)) bodyFreq.set(w, (bodyFreq.get(w) ?? 0) + 1);
    }
  }
  const byFreq = [...titleFreq.entries()]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .map(([w]) => w);
  const queries: BenchQuery[] = [];
  const seen = new Set<string>();
  const push = (text: string, kind: QueryKind) => {
    if (seen.has(text.toLowerCase())) return false;
    seen.add(text.toLowerCase());
    queries.push({ text, kind });
    return true;
  };

  // 60 single words spread over the 3,000 most common title words (log-spaced ranks).
  const top = byFreq.slice(0, 3000);
  for (let i = 0; i < 60 && top.length > 0; i++) {
    const rank = Math.min(
      top.length - 1,
      Math.floor(Math.exp((Math.log(top.length) * i) / 60)) - 1 + Math.floor(rand() * 3),
    );
    push(top[Math.max(0, rank)]!, 'word');
  }
  // 50 two-word phrases that occur in at least two headlines.
  const pairs = [...pairFreq.entries()]
    .filter(([, c]) => c >= 2)
    .map(([p]) => p)
    .sort();
  for (const p of sample(rand, pairs, 50)) push(p, 'two-word');
  // Up to 30 country names present in the corpus, as a person types them.
  const present = COUNTRIES.filter((c) => c.split(' ').every((w) => titleFreq.has(w.toLowerCase())));
  for (const c of sample(rand, present, 30)) push(c, 'country');
  // 40 rare words (one or two uses in the sampled bodies).
  const rare = [...bodyFreq.entries()]
    .filter(([w, c]) => c <= 2 && !titleFreq.has(w))
    .map(([w]) => w)
    .sort();
  for (const w of sample(rand, rare, 40)) push(w, 'rare');
  // 40 prefixes (3–5 letters) of common words of 6 letters or more.
  const long = byFreq.slice(0, 2000).filter((w) => w.length >= 6);
  for (const w of sample(rand, long, 60)) {
    if (queries.filter((q) => q.kind === 'prefix').length >= 40) break;
    push(w.slice(0, 3 + Math.floor(rand() * 3)), 'prefix');
  }
  // 20 typos that match nothing (letters swapped or replaced in a common word).
  let typos = 0;
  for (let tries = 0; typos < 20 && tries < 2000; tries++) {
    const w = long[Math.floor(rand() * long.length)];
    if (!w) break;
    const chars = w.split('');
    const i = 1 + Math.floor(rand() * (chars.length - 2));
    if (rand() < 0.5) [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
    else chars[i] = 'qxzjvk'[Math.floor(rand() * 6)]!;
    const typo = chars.join('');
    if (typo === w || titleFreq.has(typo) || !matchesNothing(typo)) continue;
    if (push(typo, 'typo')) typos++;
  }
  return queries;
}
