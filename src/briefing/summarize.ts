/**
 * Extractive summaries for briefings: a few whole sentences from an article body, or for a
 * headline-only story the other outlets' headlines that add most to the displayed title.
 * Pure functions, fast enough to run once per article at ingest. See summarize-rank.ts for the
 * sentence scoring and summarize-candidates.ts for what is never summary material.
 */
import { isRelatedStoryLine } from '../ingest/clean-related.js';
import { analyseDistinct, beginDocument } from '../text/analyser.js';
import { cutAtWord, DEFAULT_RANK_WEIGHTS, rankSentences } from './summarize-rank.js';

export interface SummaryOptions {
  /** Longest summary, in characters (UTF-16 code units). @defaultValue 320 */
  maxChars: number;
  /** Most sentences (headlines for `summarizeHeadlines`, which uses at most 2). @defaultValue 3 */
  maxSentences: number;
}

export const DEFAULT_SUMMARY_OPTIONS: Readonly<SummaryOptions> = { maxChars: 320, maxSentences: 3 };

function resolve(options: Partial<SummaryOptions> | undefined): SummaryOptions {
  return {
    maxChars: options?.maxChars ?? DEFAULT_SUMMARY_OPTIONS.maxChars,
    maxSentences: options?.maxSentences ?? DEFAULT_SUMMARY_OPTIONS.maxSentences,
  };
}

/**
 * 1–3 extractive sentences from an article body, in original order, within maxChars; '' when the
 * body has no usable sentence. Sentences are whole; only when even the best single sentence is
 * longer than the budget is it cut at a word boundary and ended with "…".
 */
export function summarizeArticle(title: string, body: string, options?: Partial<SummaryOptions>): string {
  const { maxChars, maxSentences } = resolve(options);
  const summary = rankSentences(title, body, maxChars, maxSentences, DEFAULT_RANK_WEIGHTS);
  return summary !== '' ? summary : truncatedTeaser(body, maxChars);
}

const TEASER_MIN_WORDS = 6;

/**
 * The summary of a body that is only a publisher's truncated teaser, one paragraph ending in "…"
 * or "..." ("South Korean stocks rose on Tuesday as chipmakers rallied …"), which holds no whole
 * sentence: the teaser itself, ending in "…" after a whole word (a word the publisher may have cut
 * is dropped), or '' for anything else.
 */
function truncatedTeaser(body: string, maxChars: number): string {
  const text = body.trim();
  const mark = text.endsWith('…') ? 1 : text.endsWith('...') ? 3 : 0;
  if (mark === 0 || text.includes('\n')) return '';
  const before = text.slice(0, -mark);
  const spaced = before.trimEnd() !== before;
  const words = before.split(WHITESPACE).filter((w) => w !== '');
  // Without a space before the mark, the last word may be cut: keep the words before it.
  if (!spaced) words.pop();
  const head = words.join(' ').replace(/[,;:–—-]+$/, '');
  if (words.length < TEASER_MIN_WORDS || !/\p{Ll}/u.test(head)) return '';
  return cutAtWord(`${head}…`, maxChars);
}

/** Live blogs, video and opinion labels: headlines that describe a format, not the news. */
const FORMAT_LABEL =
  /^(?:live|watch|video|listen|opinion|analysis|explainer|podcast|photos?)\b\s*[:|–—-]|\blive (?:updates|blog|coverage)\b/i;
const TERMINAL = /[.!?]["'”’)\]]*$/;
/** A member headline whose cosine to the title (or to a pick) reaches this says the same thing. */
const SAME_STORY = 0.6;
/** A headline must bring at least this many terms that the title (and earlier picks) lack. */
const MIN_NEW_TERMS = 2;
const QUESTION_PENALTY = 0.6;
/** A wire photo's slug rather than a headline ("Japan Emperor New Year"): weaker as a summary. */
const SLUG_PENALTY = 0.6;
const SLUG_MAX_WORDS = 5;

const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?$/i;
/** A date's numbers and separators, beside a month's name. */
const DATE_PART = /^(?:[-–—|:,]|\d[\d,.:/-]*(?:st|nd|rd|th)?,?)$/;

/**
 * A few capitalised words and nothing else: no verb or function word in lower case ("Japan
 * Emperor New Year"). `dated` when a date comes with them: a column's heading ("Harbour Strike -
 * 04 January 2026").
 */
function slugKind(headline: string): 'slug' | 'dated' | null {
  let words = headline.split(WHITESPACE);
  const dated = words.some((w) => MONTH.test(w)) && words.some((w) => /^\d/.test(w));
  if (dated) words = words.filter((w) => !MONTH.test(w) && !DATE_PART.test(w));
  if (words.length > SLUG_MAX_WORDS || words.some((w) => /^\p{Ll}/u.test(w))) return null;
  return dated ? 'dated' : 'slug';
}
/** New terms beyond which a headline counts as fully novel. */
const NOVELTY_SATURATION = 4;
/** A second headline is added only if it scores at least this fraction of the first. */
const SECOND_PICK_RATIO = 0.5;
const WHITESPACE = /\s+/g;

interface Headline {
  text: string;
  ids: Set<number>;
  score: number;
  /** `slugKind`: a slug scores less; a dated one is never added after a headline. */
  slug: 'slug' | 'dated' | null;
}

function cosine(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const id of a) if (b.has(id)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}

function newTerms(h: Set<number>, known: Set<number>): number {
  let count = 0;
  for (const id of h) if (!known.has(id)) count++;
  return count;
}

function asSentence(headline: string): string {
  return TERMINAL.test(headline) ? headline : `${headline}.`;
}

/**
 * For a headline-only story (several outlets' headlines, no body): 1–2 other member headlines that
 * best complement the displayed title, joined as sentences; '' if nothing adds information.
 * A headline complements the title when it is on the story (similar to the other members) and
 * says something the title does not (new terms), without repeating it.
 */
export function summarizeHeadlines(
  displayTitle: string,
  otherHeadlines: string[],
  options?: Partial<SummaryOptions>,
): string {
  const { maxChars, maxSentences } = resolve(options);
  const limit = Math.min(2, maxSentences);
  if (limit <= 0 || maxChars <= 0) return '';
  beginDocument();
  const title = new Set(analyseDistinct(displayTitle).ids);
  const titleKey = displayTitle.trim().toLowerCase();
  const seen = new Set<string>([titleKey]);
  const members: Headline[] = [];
  for (const raw of otherHeadlines) {
    const text = raw.replace(WHITESPACE, ' ').trim();
    const key = text.toLowerCase();
    if (text.length === 0 || seen.has(key)) continue;
    seen.add(key);
    members.push({ text, ids: new Set(analyseDistinct(text).ids), score: 0, slug: slugKind(text) });
  }
  if (members.length === 0) return '';

  // The story's centre: how many of the headlines (title included) use each term.
  const frequency = new Map<number, number>();
  for (const ids of [title, ...members.map((m) => m.ids)]) {
    for (const id of ids) frequency.set(id, (frequency.get(id) ?? 0) + 1);
  }
  const open: Headline[] = [];
  for (const m of members) {
    if (m.ids.size === 0 || isRelatedStoryLine(m.text) || FORMAT_LABEL.test(m.text)) continue;
    if (cosine(m.ids, title) >= SAME_STORY || newTerms(m.ids, title) < MIN_NEW_TERMS) continue;
    let support = 0;
    for (const id of m.ids) support += (frequency.get(id) ?? 1) - 1;
    if (support === 0) continue; // shares nothing with the story: off-topic or another language
    const relevance = support / Math.sqrt(m.ids.size);
    const novelty = Math.min(1, newTerms(m.ids, title) / NOVELTY_SATURATION);
    m.score =
      relevance *
      (0.5 + 0.5 * novelty) *
      (m.text.endsWith('?') ? QUESTION_PENALTY : 1) *
      (m.slug ? SLUG_PENALTY : 1);
    open.push(m);
  }
  open.sort((a, b) => b.score - a.score);

  const picks: Headline[] = [];
  const known = new Set(title);
  let used = 0;
  for (const m of open) {
    if (picks.length >= limit) break;
    if (picks.length > 0) {
      if (m.score < SECOND_PICK_RATIO * picks[0]!.score) break;
      if (m.slug === 'dated') continue;
      if (newTerms(m.ids, known) < MIN_NEW_TERMS) continue;
      if (picks.some((p) => cosine(p.ids, m.ids) >= SAME_STORY)) continue;
    }
    const sentence = asSentence(m.text);
    const cost = sentence.length + (picks.length > 0 ? 1 : 0);
    if (used + cost > maxChars) {
      if (picks.length === 0) return cutAtWord(sentence, maxChars);
      continue;
    }
    used += cost;
    picks.push(m);
    for (const id of m.ids) known.add(id);
  }
  // Original (feed) order reads as the outlets listed them.
  picks.sort((a, b) => members.indexOf(a) - members.indexOf(b));
  return picks.map((p) => asSentence(p.text)).join(' ');
}
