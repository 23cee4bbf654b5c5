/**
 * The ingest service: one document's articles (a file, a feed item) summarised once and appended
 * to the shared article log, unless the same document was appended before (by this or any other
 * worker). Every process's engine then picks the batch up from the log (see engine-sync.ts).
 */
import { summarizeArticle } from '../briefing/summarize.js';
import type { Article, IndexedArticle } from '../model.js';
import type { ArticleStore } from '../ports/article-store.js';
import type { Metrics } from '../ports/metrics.js';

export type Ingest = (docKey: string, articles: Article[]) => Promise<boolean>;

export interface IngestDeps {
  articles: ArticleStore;
  metrics: Metrics;
  now(): Date;
  /** Longest summary, in characters (SUMMARY_MAX_CHARS). */
  summaryMaxChars: number;
}

/** Adds the extractive summary the engine shows (computed here once, not by every process). */
export function indexArticle(article: Article, summaryMaxChars: number): IndexedArticle {
  return {
    ...article,
    summary: article.body ? summarizeArticle(article.title, article.body, { maxChars: summaryMaxChars }) : '',
  };
}

export function createIngest(deps: IngestDeps): Ingest {
  return async (docKey, articles) => {
    const indexed = articles.map((a) => indexArticle(a, deps.summaryMaxChars));
    const added = await deps.articles.append(docKey, indexed, deps.now());
    if (added) deps.metrics.articlesIngested(articles.length);
    else deps.metrics.articlesSkipped(articles.length);
    return added;
  };
}
