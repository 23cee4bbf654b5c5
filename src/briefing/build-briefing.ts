import type { Briefing, BriefingStory, IndexedArticle } from '../model.js';
import { terms, tokenize } from '../text/index.js';
import type { BriefOptions, EngineOptions, StoryView } from './engine.js';
import { type CandidateFields, type RankingOptions, rankTopOf } from './rank.js';
import type { SearchHits } from './search-index.js';
import { grow } from './typed-arrays.js';

/** What a briefing needs from the engine: lookups only, no mutation. */
export interface BriefingSource {
  search(query: string): SearchHits;
  articleAt(slot: number): IndexedArticle | undefined;
  storyOf(articleId: string): StoryView | undefined;
  /**
   * Optional shortcut, with storyByIndex: a number for the story of the article at a slot (-1 when
   * `articleAt(slot)` or its `storyOf` is undefined), such that `storyByIndex(n)` is that story's
   * view, the same object within one briefing.
   */
  storyIndexAt?(slot: number): number;
  storyByIndex?(index: number): StoryView;
  suggest(query: string): string[];
  /** The known word a word that matches nothing surely meant (a typo's fix), or null. */
  correct?(word: string): string | null;
}

/**
 * Topic → briefing: each matching article lifts its story; the story's relevance is its best
 * article's BM25F score times the square of the share of query words that article matched (so
 * "south korea" prefers articles with both words), scaled down when the topic is an aside in the story
 * (named in one headline of five); stories are ranked (rank.ts), paged, and a notice
 * says when nothing matched or only old stories did.
 */
export function buildBriefing(
  source: BriefingSource,
  topic: string,
  options: BriefOptions,
  engine: EngineOptions,
): Briefing {
  const nowMs = options.now.getTime();
  const limit = Math.max(1, options.limit ?? 5);
  const offset = Math.max(0, options.offset ?? 0);
  const sinceMs = options.since?.getTime() ?? Number.NEGATIVE_INFINITY;
  const exclude = options.excludeArticleIds;
  const base = { topic, generatedAt: options.now.toISOString(), offset };

  const hits = source.search(topic);
  const words = unknownWords(topic, hits.unknownTerms);
  const corrected =
    words.length > 0 && !options.exactTopic ? correctedBriefing(source, topic, words, options, engine) : null;
  if (corrected) return corrected;
  const best = bestPerStory(source, hits);

  if (best.views.length === 0) {
    return {
      ...base,
      stories: [],
      totalStories: 0,
      notice: { kind: 'no-match', suggestions: source.suggest(topic) },
    };
  }

  // The stories that pass the filters, then those of them relevant enough, with their relevance;
  // the newest article among those.
  const eligible: number[] = [];
  let top = 0;
  let anyComplete = false;
  for (let b = 0; b < best.views.length; b++) {
    const view = best.views[b]!;
    if (view.newestMs < sinceMs) continue;
    if (exclude && view.articles.some((a) => exclude.has(a.id))) continue;
    eligible.push(b);
    top = Math.max(top, best.relevance[b]!);
    if (best.complete[b]) anyComplete = true;
  }
  const floors = relevanceFloors(top, anyComplete, engine.ranking);
  const kept: StoryView[] = [];
  const keptRelevance: number[] = [];
  let newest = Number.NEGATIVE_INFINITY;
  for (const b of eligible) {
    const view = best.views[b]!;
    if (best.relevance[b]! < (best.complete[b] ? floors.full : floors.partial)) continue;
    kept.push(view);
    keptRelevance.push(best.relevance[b]!);
    newest = Math.max(newest, view.newestMs);
  }

  const { ranked, total } = rankTopOf(
    kept,
    keptRelevance,
    VIEW_FIELDS,
    nowMs,
    engine.ranking,
    offset + limit,
  );
  const stories: BriefingStory[] = ranked.slice(offset, offset + limit).map(({ item: view, score }) => ({
    id: view.id,
    title: view.title,
    url: view.url,
    outlets: view.outlets,
    publishedAt: view.publishedAt,
    firstPublishedAt: view.firstPublishedAt,
    summary: view.summary,
    articleIds: view.articles.map((a) => a.id),
    score,
  }));

  const newestAgeHours = (nowMs - newest) / 3_600_000;
  const notice =
    total > 0 && newestAgeHours > engine.staleAfterHours
      ? ({ kind: 'only-old', newestAgeHours } as const)
      : null;
  const unmatched =
    words.length > 0 && total > 0 ? { unmatched: { words, suggestions: source.suggest(words[0]!) } } : {};
  return { ...base, stories, totalStories: total, notice, ...unmatched };
}

/**
 * The relevance a story needs to be listed, given the best relevance `top` among the stories that
 * pass the filters and whether one of them matches every word of the topic (`anyComplete`):
 * `minRelevance` of the best (below it, a passing mention), and for a story none of whose articles
 * matches every word, `minPartialRelevance` of the best when some other story does. Without the
 * second, "korea missile" listed today's story on any missile above the launches: a partial match
 * scores at most a quarter of a full one on a two-word topic (coordination²), so this keeps only
 * one whose one word weighs more than both words of the best full match. Applied before ranking,
 * so that the notice about old matches reads only the stories listed.
 */
function relevanceFloors(
  top: number,
  anyComplete: boolean,
  ranking: RankingOptions,
): { full: number; partial: number } {
  const full = ranking.minRelevance * top;
  return { full, partial: anyComplete ? Math.max(full, ranking.minPartialRelevance * top) : full };
}

/**
 * The briefing on the topic with each word that matches nothing replaced by the known word it
 * surely meant (`japna` → `japan`), when there is such a word for each and that topic has stories:
 * its topic is the corrected one (so "More" pages it), and `unmatched` names the words replaced.
 */
function correctedBriefing(
  source: BriefingSource,
  topic: string,
  words: readonly string[],
  options: BriefOptions,
  engine: EngineOptions,
): Briefing | null {
  if (!source.correct) return null;
  const fixes = new Map<string, string>();
  for (const word of words) {
    const fix = source.correct(word);
    if (fix === null) return null;
    fixes.set(word, fix);
  }
  const fixed = tokenize(topic)
    .map((token) => fixes.get(token) ?? token)
    .join(' ');
  const briefing = buildBriefing({ ...source, correct: undefined }, fixed, options, engine);
  if (briefing.totalStories === 0 || briefing.unmatched) return null;
  return {
    ...briefing,
    unmatched: { words: [...words], suggestions: [...new Set(fixes.values())], corrected: fixed },
  };
}

/** The topic's words (as the user typed them, folded) whose terms are among `unknown`. */
function unknownWords(topic: string, unknown: readonly string[]): string[] {
  if (unknown.length === 0) return [];
  const words: string[] = [];
  for (const token of tokenize(topic)) {
    const term = terms(token)[0];
    if (term !== undefined && unknown.includes(term) && !words.includes(token)) words.push(token);
  }
  return words;
}

/** A story view as a ranking candidate (the fields buildBriefing used to copy into one). */
const VIEW_FIELDS: CandidateFields<StoryView> = {
  storyId: (view) => view.id,
  outletCount: (view) => Math.max(1, view.outlets.length),
  newestMs: (view) => view.newestMs,
  titleTerms: (view) => view.titleTerms,
};

/**
 * Below this share of a story's articles matching, the topic is an aside in the story and its
 * relevance is scaled down (topicShare).
 */
const ASIDE_SHARE = 1 / 3;

/**
 * The story's relevance from its best article's and from how much of the story matches: `on` is
 * the sum of its matching articles' coordination factors. A story where at least a third of the
 * articles match keeps its best article's score; below that the topic is an aside (a stray item in
 * a Google News cluster, one mention in a big story) and the score falls linearly to half of it:
 * one headline of five keeps 80 %.
 */
function topicShare(best: number, on: number, articles: number): number {
  const share = on / Math.max(1, articles);
  return share >= ASIDE_SHARE ? best : best * (0.5 + (0.5 * share) / ASIDE_SHARE);
}

/**
 * Scratch for bestPerStory: per story number, the best relevance, the matching share, whether an
 * article matched every query word, and the briefing that set them.
 */
let bestRelevance = new Float64Array(1024);
let matchingShare = new Float64Array(1024);
let bestComplete = new Uint8Array(1024);
let bestStamp = new Int32Array(1024);
let stampNo = 0;

/** The matching stories of a search, with their relevance, and whether one article matched every query word. */
interface StoryMatches {
  views: StoryView[];
  relevance: number[];
  complete: boolean[];
}

/**
 * Each matching story with its relevance (topicShare of its best article's BM25F score ×
 * coordination), in the order of their first hit. Stories are told apart by id: within one
 * briefing a story id has one view object.
 */
function bestPerStory(source: BriefingSource, hits: SearchHits): StoryMatches {
  const views: StoryView[] = [];
  const relevance: number[] = [];
  const complete: boolean[] = [];
  const terms = Math.max(1, hits.queryTermCount);
  const { storyIndexAt, storyByIndex } = source;
  if (storyIndexAt && storyByIndex) {
    if (stampNo === 0x7fffffff) {
      bestStamp.fill(0);
      stampNo = 0;
    }
    const stamp = ++stampNo;
    const where: number[] = [];
    for (let i = 0; i < hits.slots.length; i++) {
      const n = storyIndexAt(hits.slots[i]!);
      if (n < 0) continue;
      const coordination = (hits.matchedTerms[i]! / terms) ** 2;
      const r = hits.scores[i]! * coordination;
      bestStamp = grow(bestStamp, n + 1, (m) => new Int32Array(m));
      bestRelevance = grow(bestRelevance, n + 1, (m) => new Float64Array(m));
      matchingShare = grow(matchingShare, n + 1, (m) => new Float64Array(m));
      bestComplete = grow(bestComplete, n + 1, (m) => new Uint8Array(m));
      if (bestStamp[n] !== stamp) {
        bestStamp[n] = stamp;
        bestRelevance[n] = r;
        matchingShare[n] = coordination;
        bestComplete[n] = coordination === 1 ? 1 : 0;
        where.push(n);
      } else {
        if (r > bestRelevance[n]!) bestRelevance[n] = r;
        matchingShare[n]! += coordination;
        if (coordination === 1) bestComplete[n] = 1;
      }
    }
    for (const n of where) {
      const view = storyByIndex(n);
      views.push(view);
      relevance.push(topicShare(bestRelevance[n]!, matchingShare[n]!, view.articles.length));
      complete.push(bestComplete[n] === 1);
    }
    return { views, relevance, complete };
  }
  const at = new Map<string, number>();
  const on: number[] = [];
  for (let i = 0; i < hits.slots.length; i++) {
    const article = source.articleAt(hits.slots[i]!);
    if (!article) continue;
    const view = source.storyOf(article.id);
    if (!view) continue;
    const coordination = (hits.matchedTerms[i]! / terms) ** 2;
    const r = hits.scores[i]! * coordination;
    const k = at.get(view.id);
    if (k === undefined) {
      at.set(view.id, views.length);
      views.push(view);
      relevance.push(r);
      on.push(coordination);
      complete.push(coordination === 1);
    } else {
      if (r > relevance[k]!) relevance[k] = r;
      on[k]! += coordination;
      if (coordination === 1) complete[k] = true;
    }
  }
  return {
    views,
    relevance: relevance.map((r, k) => topicShare(r, on[k]!, views[k]!.articles.length)),
    complete,
  };
}
