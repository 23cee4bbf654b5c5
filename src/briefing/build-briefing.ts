import type { Briefing, BriefingStory, IndexedArticle } from '../model.js';
import type { BriefOptions, EngineOptions, StoryView } from './engine.js';
import { type CandidateFields, rankTopOf } from './rank.js';
import type { SearchHits } from './search-index.js';

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
}

/**
 * Topic → briefing: each matching article lifts its story; the story's relevance is its best
 * article's BM25F score times the square of the share of query words that article matched (so
 * "south korea" prefers articles with both words); stories are ranked (rank.ts), paged, and a notice
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
  const best = bestPerStory(source, hits);

  if (best.views.length === 0) {
    return {
      ...base,
      stories: [],
      totalStories: 0,
      notice: { kind: 'no-match', suggestions: source.suggest(topic) },
    };
  }

  // The stories that pass the filters, with their relevance; the newest article among them.
  const kept: StoryView[] = [];
  const keptRelevance: number[] = [];
  let newest = Number.NEGATIVE_INFINITY;
  for (let b = 0; b < best.views.length; b++) {
    const view = best.views[b]!;
    if (view.newestMs < sinceMs) continue;
    if (exclude && view.articles.some((a) => exclude.has(a.id))) continue;
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
  return { ...base, stories, totalStories: total, notice };
}

/** A story view as a ranking candidate (the fields buildBriefing used to copy into one). */
const VIEW_FIELDS: CandidateFields<StoryView> = {
  storyId: (view) => view.id,
  outletCount: (view) => Math.max(1, view.outlets.length),
  newestMs: (view) => view.newestMs,
  titleTerms: (view) => view.titleTerms,
};

/** Scratch for bestPerStory: per story number, the best relevance and the briefing that set it. */
let bestRelevance = new Float64Array(1024);
let bestStamp = new Int32Array(1024);
let stampNo = 0;

/**
 * Each matching story with the best relevance among its articles (BM25F score × coordination), in
 * the order of their first hit. Stories are told apart by id: within one briefing a story id has
 * one view object.
 */
function bestPerStory(source: BriefingSource, hits: SearchHits): { views: StoryView[]; relevance: number[] } {
  const views: StoryView[] = [];
  const relevance: number[] = [];
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
      const r = hits.scores[i]! * (hits.matchedTerms[i]! / terms) ** 2;
      if (n >= bestStamp.length) {
        const size = Math.max(2 * bestStamp.length, n + 1);
        const stamps = new Int32Array(size);
        stamps.set(bestStamp);
        bestStamp = stamps;
        const values = new Float64Array(size);
        values.set(bestRelevance);
        bestRelevance = values;
      }
      if (bestStamp[n] !== stamp) {
        bestStamp[n] = stamp;
        bestRelevance[n] = r;
        where.push(n);
      } else if (r > bestRelevance[n]!) bestRelevance[n] = r;
    }
    for (const n of where) {
      views.push(storyByIndex(n));
      relevance.push(bestRelevance[n]!);
    }
    return { views, relevance };
  }
  const at = new Map<string, number>();
  for (let i = 0; i < hits.slots.length; i++) {
    const article = source.articleAt(hits.slots[i]!);
    if (!article) continue;
    const view = source.storyOf(article.id);
    if (!view) continue;
    const r = hits.scores[i]! * (hits.matchedTerms[i]! / terms) ** 2;
    const k = at.get(view.id);
    if (k === undefined) {
      at.set(view.id, views.length);
      views.push(view);
      relevance.push(r);
    } else if (r > relevance[k]!) relevance[k] = r;
  }
  return { views, relevance };
}
