import { urlKey } from '../ingest/ids.js';
import type { Article, Briefing, IndexedArticle, OutletLink } from '../model.js';
import { fold, terms, tokenize } from '../text/index.js';
import { buildBriefing } from './build-briefing.js';
import { publishedMs } from './dates.js';
import { type GrouperOptions, leadLength, StoryGrouper } from './grouping.js';
import { HeldArticle } from './held-article.js';
import { DEFAULT_RANKING, type RankingOptions } from './rank.js';
import { SearchIndex } from './search-index.js';
import { type SummaryOptions, summarizeArticle, summarizeHeadlines } from './summarize.js';
import { Vocabulary } from './vocabulary.js';

export interface EngineOptions {
  ranking: RankingOptions;
  summary: Partial<SummaryOptions>;
  grouping: Partial<GrouperOptions>;
  /** A briefing whose newest match is older than this says so. @defaultValue 168 (7 days) */
  staleAfterHours: number;
  /**
   * Keep each article's body text after it was indexed, grouped and summarised (`article(id).body`,
   * `stories()[i].articles[j].body`). Off by default: nothing in a briefing reads it, and at 100k
   * articles the bodies are about a third of the engine's memory. @defaultValue false
   */
  retainBodies: boolean;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  ranking: DEFAULT_RANKING,
  summary: {},
  grouping: {},
  staleAfterHours: 168,
  retainBodies: false,
};

/** A story as the engine sees it: its articles and the values derived from them. */
export interface StoryView {
  id: string;
  articles: readonly IndexedArticle[];
  title: string;
  url: string | null;
  outlets: OutletLink[];
  publishedAt: string;
  firstPublishedAt: string;
  newestMs: number;
  summary: string;
  titleTerms: ReadonlySet<string>;
}

export interface BriefOptions {
  /** The clock: recency is measured against it. */
  now: Date;
  /** Stories per page. @defaultValue 5 */
  limit?: number;
  /** First story of the page among all matches. @defaultValue 0 */
  offset?: number;
  /** Only stories with an article published at or after this instant. */
  since?: Date;
  /** Leave out stories that contain any of these article ids (already delivered). */
  excludeArticleIds?: ReadonlySet<string>;
  /**
   * Brief on the topic exactly as given: a word that no article mentions is not replaced by the
   * known word it surely meant ("japna" → "japan"), as it is for a person asking. Digests set it:
   * a subscribed tag is a standing order, not a typo to fix silently each morning.
   */
  exactTopic?: boolean;
}

export interface AddReport {
  /** Articles that were new. */
  added: IndexedArticle[];
  /** Articles already known (same url, or same outlet and title), with the id they duplicate. */
  duplicates: Array<{ article: Article; duplicateOf: string }>;
}

interface Stored {
  slot: number;
  article: HeldArticle;
  /** Other files or feeds the same article was read from. */
  alsoFrom: string[];
}

/**
 * The in-memory briefing engine: an article store with dedup, a search index and story groups, all
 * maintained at ingest, so a briefing is one index lookup plus ranking. Deterministic: the same
 * articles added in the same order give the same stories and ids.
 */
export class NewsEngine {
  readonly options: EngineOptions;
  private readonly slots: Array<Stored | undefined> = [];
  private readonly byId = new Map<string, Stored>();
  private readonly byUrl = new Map<string, string>();
  private readonly byTitle = new Map<string, string>();
  private readonly index = new SearchIndex();
  private readonly grouper: StoryGrouper;
  private readonly vocabulary = new Vocabulary();
  private readonly storyCache = new Map<
    string,
    { key: string; view: StoryView; generation: number; index: number }
  >();
  /** Story views by the index number of their cache entry (see storyIndexAtSlot). */
  private readonly viewByIndex: StoryView[] = [];
  /**
   * Bumped by every add and remove: story membership and articles only change there, so a view
   * cached in the current generation is returned without asking the grouper for its members again.
   */
  private generation = 0;
  /** Per index slot: the index number of its story view (-1: none), valid while slotViewGen[slot] is generation + 1. */
  private slotViewIndex = new Int32Array(1024);
  private slotViewGen = new Int32Array(1024);

  constructor(options: Partial<EngineOptions> = {}) {
    this.options = {
      ...DEFAULT_ENGINE_OPTIONS,
      ...options,
      ranking: { ...DEFAULT_RANKING, ...options.ranking },
    };
    this.grouper = new StoryGrouper(this.options.grouping);
  }

  /** Number of distinct articles held. */
  get size(): number {
    return this.byId.size;
  }

  /**
   * Adds the articles of one document (a file or a feed item). Articles that share a `clusterKey`
   * stay one story. An article may carry a precomputed `summary` (from storage); otherwise it is
   * summarised here, once.
   */
  add(batch: ReadonlyArray<Article | IndexedArticle>): AddReport {
    this.generation++;
    const report: AddReport = { added: [], duplicates: [] };
    const fresh: Stored[] = [];
    const bodies: string[] = [];
    // Per fresh article: its title's terms and its lead's (null: no lead), as the index read them.
    const read: Array<{ title: string[]; lead: string[] | null }> = [];
    for (const input of batch) {
      const keys = dedupKeys(input);
      const existing = this.findDuplicate(keys);
      if (existing) {
        this.mergeDuplicate(existing, input);
        report.duplicates.push({ article: input, duplicateOf: existing.article.id });
        continue;
      }
      const summary =
        'summary' in input && typeof input.summary === 'string'
          ? input.summary
          : input.body
            ? summarizeArticle(input.title, input.body, this.options.summary)
            : '';
      const article = new HeldArticle(input, summary, this.options.retainBodies);
      const stored: Stored = { slot: this.slots.length, article, alsoFrom: [] };
      this.slots.push(stored);
      this.byId.set(article.id, stored);
      if (keys.url !== null) this.byUrl.set(keys.url, article.id);
      this.byTitle.set(keys.title, article.id);
      const lead = leadLength(input.body);
      const indexed = this.index.add(
        stored.slot,
        { title: article.title, tags: article.tags, body: input.body },
        lead,
      );
      read.push({ title: indexed.title, lead: lead > 0 ? indexed.lead : null });
      this.vocabulary.addArticle(article, keys.titleTokens);
      fresh.push(stored);
      bodies.push(input.body);
      report.added.push(article);
    }
    if (fresh.length > 0) {
      this.grouper.add(
        fresh.map(({ article }, i) => ({
          id: article.id,
          title: article.title,
          body: bodies[i]!,
          outlet: article.outlet,
          publishedMs: publishedMs(article.publishedAt),
          titleTerms: read[i]!.title,
          leadTerms: read[i]!.lead,
          ...(article.clusterKey ? { clusterKey: article.clusterKey } : {}),
        })),
      );
    }
    return report;
  }

  /** Forgets an article (retention expiry). */
  remove(articleId: string): boolean {
    this.generation++;
    const stored = this.byId.get(articleId);
    if (!stored) return false;
    this.byId.delete(articleId);
    this.slots[stored.slot] = undefined;
    const { article } = stored;
    if (article.url && this.byUrl.get(urlKey(article.url)) === articleId)
      this.byUrl.delete(urlKey(article.url));
    const tk = dedupTitleKey(article.outlet, tokenize(article.title));
    if (this.byTitle.get(tk) === articleId) this.byTitle.delete(tk);
    this.index.remove(stored.slot);
    this.grouper.remove(articleId);
    this.vocabulary.removeArticle(article);
    return true;
  }

  /** Forgets every article published before the instant; returns how many. */
  expireBefore(instant: Date): number {
    const limit = instant.getTime();
    const old: string[] = [];
    for (const { article } of this.byId.values()) {
      if (publishedMs(article.publishedAt) < limit) old.push(article.id);
    }
    for (const id of old) this.remove(id);
    return old.length;
  }

  article(articleId: string): IndexedArticle | undefined {
    return this.byId.get(articleId)?.article;
  }

  /** Every source an article was read from: its own origin first, then its duplicates'. */
  originsOf(articleId: string): string[] {
    const stored = this.byId.get(articleId);
    return stored ? [stored.article.origin, ...stored.alsoFrom] : [];
  }

  /** The story an article belongs to. */
  storyOf(articleId: string): StoryView | undefined {
    const storyId = this.grouper.storyOf(articleId);
    return storyId ? this.story(storyId) : undefined;
  }

  story(storyId: string): StoryView | undefined {
    const cached = this.storyCache.get(storyId);
    if (cached && cached.generation === this.generation) return cached.view;
    const ids = this.grouper.members(storyId);
    if (ids.length === 0) return undefined;
    const key = `${ids.length}:${ids[0]}:${ids[ids.length - 1]}`;
    if (cached && cached.key === key) {
      cached.generation = this.generation;
      return cached.view;
    }
    const articles: IndexedArticle[] = [];
    for (const id of ids) {
      const stored = this.byId.get(id);
      if (stored) articles.push(stored.article);
    }
    if (articles.length === 0) return undefined;
    const view = buildStoryView(storyId, articles, this.options.summary);
    const index = cached ? cached.index : this.viewByIndex.length;
    this.viewByIndex[index] = view;
    this.storyCache.set(storyId, { key, view, generation: this.generation, index });
    return view;
  }

  /** Every story, oldest first (by the insertion of its first article). */
  stories(): StoryView[] {
    const out: StoryView[] = [];
    for (const { id } of this.grouper.stories()) {
      const view = this.story(id);
      if (view) out.push(view);
    }
    return out;
  }

  /** Builds a briefing on a topic: search, group, rank, page. */
  brief(topic: string, options: BriefOptions): Briefing {
    return buildBriefing(
      {
        search: (q) => this.index.search(q),
        articleAt: (slot) => this.slots[slot]?.article,
        storyOf: (articleId) => this.storyOf(articleId),
        storyIndexAt: (slot) => this.storyIndexAtSlot(slot),
        storyByIndex: (index) => this.viewByIndex[index]!,
        suggest: (q) => this.vocabulary.suggest(q, 5),
        correct: (word) => this.vocabulary.correction(word),
      },
      topic,
      options,
      this.options,
    );
  }

  /**
   * The index number of the story view of the article at an index slot (-1 when there is no
   * article or story), cached per slot for the current generation: a briefing resolves each hit
   * with two array reads instead of two map lookups.
   */
  private storyIndexAtSlot(slot: number): number {
    const stamp = this.generation + 1;
    if (slot < this.slotViewGen.length && this.slotViewGen[slot] === stamp) return this.slotViewIndex[slot]!;
    const article = this.slots[slot]?.article;
    const view = article ? this.storyOf(article.id) : undefined;
    const index = view ? this.storyCache.get(view.id)!.index : -1;
    if (slot >= this.slotViewGen.length) {
      const size = Math.max(this.slotViewGen.length * 2, slot + 1);
      const gen = new Int32Array(size);
      gen.set(this.slotViewGen);
      this.slotViewGen = gen;
      const indexes = new Int32Array(size);
      indexes.set(this.slotViewIndex);
      this.slotViewIndex = indexes;
    }
    this.slotViewIndex[slot] = index;
    this.slotViewGen[slot] = stamp;
    return index;
  }

  /** Known topic words and tags starting with (or close to) the input, most common first. */
  suggestTags(input: string, limit = 25): string[] {
    return this.vocabulary.complete(input, limit);
  }

  private findDuplicate(keys: DedupKeys): Stored | undefined {
    const byUrl = keys.url !== null ? this.byUrl.get(keys.url) : undefined;
    const id = byUrl ?? this.byTitle.get(keys.title);
    return id ? this.byId.get(id) : undefined;
  }

  /**
   * Keeps one article for two copies. The kept one takes the body (and summary) of the copy when it
   * had none (a Google News headline later read in full) or when the copy's is a fuller version,
   * at least FULLER times as long and not older (a wire story's later take, a page after its feed
   * teaser); and a publisher URL over a news.google.com token. Every origin is remembered.
   */
  private mergeDuplicate(existing: Stored, copy: Article | IndexedArticle): void {
    if (copy.origin !== existing.article.origin && !existing.alsoFrom.includes(copy.origin)) {
      existing.alsoFrom.push(copy.origin);
    }
    const kept = existing.article;
    const fuller =
      kept.hasBody &&
      copy.body.length >= FULLER * kept.bodyLength &&
      publishedMs(copy.publishedAt) >= publishedMs(kept.publishedAt);
    if ((!kept.hasBody && copy.body) || fuller) {
      const summary =
        'summary' in copy && typeof copy.summary === 'string'
          ? copy.summary
          : summarizeArticle(kept.title, copy.body, this.options.summary);
      const withBody = { ...kept.toJSON(), body: copy.body };
      existing.article = new HeldArticle(withBody, summary, this.options.retainBodies);
      // Re-index under a new slot so the body's words become searchable.
      this.index.remove(existing.slot);
      this.slots[existing.slot] = undefined;
      existing.slot = this.slots.length;
      this.slots.push(existing);
      this.index.add(existing.slot, withBody);
      this.storyCache.delete(this.grouper.storyOf(kept.id) ?? '');
    }
    if (copy.url && (!kept.url || (isGoogleNewsUrl(kept.url) && !isGoogleNewsUrl(copy.url)))) {
      const { article } = existing;
      existing.article = new HeldArticle({ ...article.toJSON(), url: copy.url }, article.summary, true);
      existing.article.hasBody = article.hasBody;
      existing.article.bodyLength = article.bodyLength;
      this.byUrl.set(urlKey(copy.url), kept.id);
      this.storyCache.delete(this.grouper.storyOf(kept.id) ?? '');
    }
  }
}

/** A copy's body replaces the kept one's from this many times its length (a fuller version). */
const FULLER = 1.2;

/** What two copies of one article share: the normalised URL, or the outlet and title. */
interface DedupKeys {
  url: string | null;
  title: string;
  /** `tokenize(article.title)`, which the title key is made of (and the vocabulary reads). */
  titleTokens: readonly string[];
}

function dedupKeys(article: Article): DedupKeys {
  const titleTokens = tokenize(article.title);
  return {
    url: article.url ? urlKey(article.url) : null,
    title: dedupTitleKey(article.outlet, titleTokens),
    titleTokens,
  };
}

/** The outlet folded and the title's tokens (`titleKey`, from tokens the caller has). */
function dedupTitleKey(outlet: string, titleTokens: readonly string[]): string {
  return `${fold(outlet).trim()}|${titleTokens.join(' ')}`;
}

function isGoogleNewsUrl(url: string): boolean {
  return /^https?:\/\/news\.google\.com\//.test(url);
}

/**
 * Derived story values. The first article added is the story's anchor: its title and link head the
 * story. The summary is the first article summary available, else a complement of other outlets'
 * headlines.
 */
function buildStoryView(id: string, articles: IndexedArticle[], summary: Partial<SummaryOptions>): StoryView {
  const anchor = articles[0]!;
  const outlets: OutletLink[] = [];
  const seen = new Set<string>();
  let newest = Number.NEGATIVE_INFINITY;
  let oldest = Number.POSITIVE_INFINITY;
  let publishedAt = anchor.publishedAt;
  let firstPublishedAt = anchor.publishedAt;
  for (const a of articles) {
    const key = fold(a.outlet).trim();
    if (key && !seen.has(key)) {
      seen.add(key);
      outlets.push({ name: a.outlet, url: a.url });
    }
    const ms = publishedMs(a.publishedAt);
    if (ms > newest) {
      newest = ms;
      publishedAt = a.publishedAt;
    }
    if (ms < oldest) {
      oldest = ms;
      firstPublishedAt = a.publishedAt;
    }
  }
  const withSummary = articles.find((a) => a.summary);
  const storySummary = withSummary
    ? withSummary.summary
    : summarizeHeadlines(
        anchor.title,
        articles.slice(1).map((a) => a.title),
        summary,
      );
  return {
    id,
    articles,
    title: anchor.title,
    url: anchor.url,
    outlets,
    publishedAt,
    firstPublishedAt,
    newestMs: newest,
    summary: storySummary,
    titleTerms: new Set(terms(anchor.title)),
  };
}
