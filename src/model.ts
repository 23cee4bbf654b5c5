/**
 * The platform-neutral data model of newsbrief: what ingest produces, what the engine groups and
 * ranks, and what adapters render. Plain JSON-serialisable values only.
 */

/** How precise a publication date is: a day ("2026-01-13") or an instant ("2026-01-13T08:30:00Z"). */
export type DatePrecision = 'day' | 'instant';

/** One news article from one outlet, cleaned and normalised. */
export interface Article {
  /** Stable id: a hash of the url, or of outlet + title + day when there is no url. */
  id: string;
  /** Canonical link; for Google News items the news.google.com article token URL; null when unknown. */
  url: string | null;
  /** Headline without a trailing " - Outlet" suffix, entities decoded, whitespace collapsed. */
  title: string;
  /** Display name of the publisher ("Reuters", "Nikkei Asia"); "" when unknown. */
  outlet: string;
  /**
   * UTC publication date with the precision of the source: "YYYY-MM-DD" (day) or a full ISO-8601
   * instant ending in "Z".
   */
  publishedAt: string;
  datePrecision: DatePrecision;
  /** Lower-case topic tags; tags that only name the outlet are dropped. */
  tags: string[];
  /** Clean body text, paragraphs separated by "\n\n"; "" for headline-only articles. */
  body: string;
  /** Where it came from: an absolute file path or a feed URL. */
  origin: string;
  /**
   * Articles that share a cluster key were published as one story by their source (the headlines of
   * one Google News item); the engine never splits them.
   */
  clusterKey?: string;
}

/** An article as the engine holds it: with its summary, computed once at ingest. */
export interface IndexedArticle extends Article {
  /** 0–3 extractive sentences from the body within the summary budget; "" for headline-only articles. */
  summary: string;
}

/** A link to one outlet's coverage of a story. */
export interface OutletLink {
  name: string;
  url: string | null;
}

/** The parts of a story's score, all in [0, 1] except `total`. See docs/ranking.md. */
export interface ScoreParts {
  relevance: number;
  coverage: number;
  recency: number;
  /** Multiplier in (0, 1] applied when the story is close to one ranked above it (1 = no penalty). */
  diversity: number;
  total: number;
}

/** One story as it appears in a briefing. */
export interface BriefingStory {
  id: string;
  title: string;
  url: string | null;
  /** Distinct outlets covering the story, the representative article's outlet first. */
  outlets: OutletLink[];
  /** Newest publication date among the story's articles (same format as Article.publishedAt). */
  publishedAt: string;
  /** Oldest publication date among the story's articles. */
  firstPublishedAt: string;
  summary: string;
  articleIds: string[];
  score: ScoreParts;
}

export type BriefingNotice =
  | { kind: 'no-match'; suggestions: string[] }
  | { kind: 'only-old'; newestAgeHours: number };

/** A briefing on one topic: the value every renderer (text, Slack, Discord) starts from. */
export interface Briefing {
  topic: string;
  /** ISO instant the briefing was built for (the `now` passed in). */
  generatedAt: string;
  stories: BriefingStory[];
  /** Number of matching stories before paging. */
  totalStories: number;
  /** Index of the first story in `stories` among all matching stories (for "More" paging). */
  offset: number;
  notice: BriefingNotice | null;
  /**
   * Words of the topic that no article mentions (a typo, say), with known topics close to the
   * first of them, when the stories match the topic's other words; or, with `corrected`, the
   * topic the briefing is on instead, each such word replaced by the known word it surely meant
   * ("japna" → "japan"). Absent when every word matches.
   */
  unmatched?: { words: string[]; suggestions: string[]; corrected?: string };
}

/** A story as listed by `newsbrief stories --json`. */
export interface StoryRecord {
  id: string;
  title: string;
  summary: string;
  publishedAt: string;
  articles: Array<{ id: string; title: string; outlet: string; url: string | null; file: string }>;
}
