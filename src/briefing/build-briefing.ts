import type { Briefing, BriefingStory, IndexedArticle } from '../model.js';
import type { BriefOptions, EngineOptions, StoryView } from './engine.js';
import { type RankCandidate, rankStories } from './rank.js';
import type { SearchHits } from './search-index.js';

/** What a briefing needs from the engine: lookups only, no mutation. */
export interface BriefingSource {
  search(query: string): SearchHits;
  articleAt(slot: number): IndexedArticle | undefined;
  storyOf(articleId: string): StoryView | undefined;
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
  const best = new Map<string, { view: StoryView; relevance: number }>();
  for (let i = 0; i < hits.slots.length; i++) {
    const article = source.articleAt(hits.slots[i]!);
    if (!article) continue;
    const view = source.storyOf(article.id);
    if (!view) continue;
    const coordination = (hits.matchedTerms[i]! / Math.max(1, hits.queryTermCount)) ** 2;
    const relevance = hits.scores[i]! * coordination;
    const current = best.get(view.id);
    if (!current || relevance > current.relevance) best.set(view.id, { view, relevance });
  }

  if (best.size === 0) {
    return {
      ...base,
      stories: [],
      totalStories: 0,
      notice: { kind: 'no-match', suggestions: source.suggest(topic) },
    };
  }

  const candidates: RankCandidate[] = [];
  const views = new Map<string, StoryView>();
  for (const { view, relevance } of best.values()) {
    if (view.newestMs < sinceMs) continue;
    if (exclude && view.articles.some((a) => exclude.has(a.id))) continue;
    views.set(view.id, view);
    candidates.push({
      storyId: view.id,
      relevance,
      outletCount: Math.max(1, view.outlets.length),
      newestMs: view.newestMs,
      titleTerms: view.titleTerms,
    });
  }

  const ranked = rankStories(candidates, nowMs, engine.ranking, offset + limit);
  const stories: BriefingStory[] = ranked.slice(offset, offset + limit).map(({ storyId, score }) => {
    const view = views.get(storyId)!;
    return {
      id: view.id,
      title: view.title,
      url: view.url,
      outlets: view.outlets,
      publishedAt: view.publishedAt,
      firstPublishedAt: view.firstPublishedAt,
      summary: view.summary,
      articleIds: view.articles.map((a) => a.id),
      score,
    };
  });

  let newest = Number.NEGATIVE_INFINITY;
  for (const id of views.keys()) newest = Math.max(newest, views.get(id)!.newestMs);
  const newestAgeHours = (nowMs - newest) / 3_600_000;
  const notice =
    ranked.length > 0 && newestAgeHours > engine.staleAfterHours
      ? ({ kind: 'only-old', newestAgeHours } as const)
      : null;
  return { ...base, stories, totalStories: ranked.length, notice };
}
