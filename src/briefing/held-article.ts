import type { Article, DatePrecision, IndexedArticle } from '../model.js';
import { ownString } from '../text/index.js';

/** Characters that make V8 store a string two bytes per character. */
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/**
 * An article as the engine holds it for its lifetime: the fields of IndexedArticle in one fixed
 * shape (so that every article shares one hidden class), each string in a copy of its own (a
 * substring would keep the whole file text it was cut from alive), and the body stored compactly:
 * as it is when every character fits in one byte, else as UTF-8 bytes (news bodies are nearly all
 * ASCII, so about half of what V8 keeps for a string with one curly quote in it), decoded when
 * read; or not at all, when the engine doesn't retain bodies (they are indexed and summarised at
 * ingest, and nothing reads them afterwards). `toJSON` gives the plain object.
 */
export class HeldArticle implements IndexedArticle {
  id: string;
  url: string | null;
  title: string;
  outlet: string;
  publishedAt: string;
  datePrecision: DatePrecision;
  tags: string[];
  origin: string;
  clusterKey?: string;
  summary: string;
  /** Whether the article came with body text (kept or not). */
  hasBody: boolean;
  /** Length of that body text, in UTF-16 code units (kept or not). */
  bodyLength: number;
  #body: string | Buffer = '';

  constructor(article: Article, summary: string, retainBody = true) {
    this.id = ownString(article.id);
    this.url = article.url === null ? null : ownString(article.url);
    this.title = ownString(article.title);
    this.outlet = ownString(article.outlet);
    this.publishedAt = ownString(article.publishedAt);
    this.datePrecision = article.datePrecision;
    this.tags = article.tags.map(ownString);
    this.origin = ownString(article.origin);
    this.clusterKey = article.clusterKey === undefined ? undefined : ownString(article.clusterKey);
    this.summary = ownString(summary);
    this.hasBody = article.body !== '';
    this.bodyLength = article.body.length;
    if (retainBody) this.body = article.body;
  }

  get body(): string {
    const body = this.#body;
    return typeof body === 'string' ? body : body.toString('utf8');
  }

  set body(text: string) {
    this.#body = BEYOND_LATIN1.test(text) ? Buffer.from(text, 'utf8') : ownString(text);
  }

  /** The plain article, its fields in the order ingest gives them. */
  toJSON(): IndexedArticle {
    const { id, url, title, outlet, publishedAt, datePrecision, tags, origin, clusterKey, summary } = this;
    const head = { id, url, title, outlet, publishedAt, datePrecision, tags, body: this.body, origin };
    return clusterKey === undefined ? { ...head, summary } : { ...head, clusterKey, summary };
  }
}
