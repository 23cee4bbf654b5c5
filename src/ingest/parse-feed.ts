import { createHash } from 'node:crypto';
import type { Article } from '../model.js';
import { cleanBody } from './clean-body.js';
import { htmlToText, looksLikeHtml } from './clean-markup.js';
import { repairMojibake } from './clean-mojibake.js';
import {
  cleanOutlet,
  cleanTitle,
  SECTION_WORDS,
  splitOutletSuffix,
  stripHeadlineFurniture,
  stripOutletSuffix,
} from './clean-title.js';
import { collapseWhitespace } from './clean-whitespace.js';
import { articleId, clusterId } from './ids.js';
import { normaliseTags } from './normalise-tags.js';
import { mtimeDate, type ParsedDate } from './parse-date.js';
import { parseFeedDate } from './parse-feed-date.js';
import {
  attr,
  child,
  childNode,
  children,
  hasElements,
  isNode,
  localName,
  readXml,
  textOf,
  type XmlNode,
  type XmlValue,
} from './parse-feed-xml.js';
import { type GoogleNewsHeadline, readGoogleNewsBody } from './parse-google-news.js';

/** What the caller knows about a feed besides its text. */
export interface FeedParseContext {
  /** The feed's URL or file path: copied to every article's `origin`, and the base of relative links. */
  origin: string;
  /** The fallback publication date for an item without a usable date (fetch time, or a file's mtime). */
  now: Date;
  /** How warnings name `now`; default "the time it was read". */
  nowLabel?: string;
}

export type FeedKind = 'rss' | 'atom';

export type FeedParseResult =
  | {
      ok: true;
      kind: FeedKind;
      /** The feed's own title ("" when it has none). */
      title: string;
      /** One document per usable item, in feed order: one article, or one per headline of a Google News item. */
      items: Article[][];
      /**
       * The document key of each item (same index as `items`): a hash of its guid (or link) and
       * title, so the same item read again, from the same or another feed, has the same key.
       */
      itemKeys: string[];
      /** Items left out (no title, no headline, unreadable); each has a warning. */
      skipped: number;
      /** One line each, naming the item: `item 3 ("Headline"): no usable date …`. */
      warnings: string[];
    }
  | { ok: false; reason: string };

/** What one RSS item or Atom entry says, before it becomes articles. */
interface RawItem {
  title: string;
  titleIsHtml: boolean;
  link: string | null;
  guid: string;
  date: string;
  /** The fullest body: content:encoded / Atom content, else description / summary. */
  body: string;
  bodyIsHtml: boolean;
  /** The description / summary, where Google News puts its headline list. */
  summary: string;
  categories: string[];
  /** The item's own outlet: RSS `<source>`, Atom `<source><title>`. */
  source: string;
}

interface FeedInfo {
  kind: FeedKind;
  title: string;
  /** Base for relative links: the feed's own link or its origin. */
  base: string | null;
  entries: XmlNode[];
}

const HTML_PAGE = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html\b|<html[\s>])/i;
const GOOGLE_NEWS_HOST = /^(?:[\w-]+\.)*news\.google\.[a-z.]+$/i;
// An instant this far after `now` is a wrong clock or zone, not a scheduled article.
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

/**
 * Parses an RSS (2.0, 0.9x, 1.0) or Atom feed into one document per item. An ordinary item gives one
 * article: title cleaned, a " - Outlet" suffix naming the item's `<source>` or the feed removed,
 * outlet from `<source>` or the feed's title, body from content:encoded / content or description /
 * summary as clean text, categories as tags. A Google News item (its description an `<ol>` of
 * headlines, each with its outlet) gives one article per headline, sharing a cluster key, as the
 * file reader does. An item without a title or headline is skipped with a warning; one without a
 * usable date gets `ctx.now` with a warning. Mojibake in the document is repaired first
 * (clean-mojibake.ts). Never throws: a document that is not a feed gives
 * `{ ok: false, reason }` ("not XML", "XML parse error at line N: …", "neither RSS nor Atom …").
 */
export function parseFeed(xml: string, ctx: FeedParseContext): FeedParseResult {
  try {
    const text = repairMojibake(xml.replace(/^\ufeff/, '')).trimStart();
    if (text === '') return { ok: false, reason: 'empty document' };
    if (!text.startsWith('<')) return { ok: false, reason: 'not XML' };
    if (HTML_PAGE.test(text)) return { ok: false, reason: 'an HTML page, not a feed' };
    const read = readXml(text);
    if (!read.ok) return read;
    const feed = feedInfo(read.root, ctx.origin);
    if (typeof feed === 'string') return { ok: false, reason: feed };

    const items: Article[][] = [];
    const itemKeys: string[] = [];
    const warnings: string[] = [];
    feed.entries.forEach((entry, i) => {
      let label = `item ${i + 1}`;
      try {
        const raw = feed.kind === 'atom' ? atomEntry(entry, feed.base) : rssItem(entry, feed.base);
        label = itemLabel(i, raw);
        const made = toArticles(raw, feed, ctx);
        for (const warning of made.warnings) warnings.push(`${label}: ${warning}`);
        if (made.articles.length === 0) return;
        items.push(made.articles);
        itemKeys.push(itemKey(raw));
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        warnings.push(`${label} skipped: unreadable (${message})`);
      }
    });
    const skipped = feed.entries.length - items.length;
    return { ok: true, kind: feed.kind, title: feed.title, items, itemKeys, skipped, warnings };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, reason: `unreadable feed: ${message}` };
  }
}

function feedInfo(root: XmlNode, origin: string): FeedInfo | string {
  const rootName = Object.keys(root).find(
    (k) => !k.startsWith('?') && !k.startsWith('#') && !k.startsWith('@_'),
  );
  if (rootName === undefined) return 'neither RSS nor Atom (no root element)';
  const top = root[rootName];
  const node: XmlNode = isNode(top) ? top : {};
  const name = localName(rootName).toLowerCase();
  const originBase = httpUrl(origin, null);
  if (name === 'rss' || name === 'rdf') {
    const channel = childNode(node, 'channel');
    if (!channel && name === 'rss') return 'RSS without a <channel>';
    const entries = children(name === 'rss' ? channel : node, 'item').filter(isNode);
    const title = textOf(child(channel, 'title'));
    const base = originBase ?? httpUrl(textOf(child(channel, 'link')), null);
    return { kind: 'rss', title: cleanTitle(title), base, entries };
  }
  if (name === 'feed') {
    const base = httpUrl(attr(top, 'base') ?? '', originBase) ?? originBase;
    const title = textConstruct(child(node, 'title'));
    return {
      kind: 'atom',
      title: cleanTitle(title.text),
      base,
      entries: children(node, 'entry').filter(isNode),
    };
  }
  return `neither RSS nor Atom (the root element is <${rootName}>)`;
}

/** An absolute http(s) URL, resolved against `base`; null for anything else. */
function httpUrl(value: string, base: string | null): string | null {
  const s = value.trim();
  if (s === '') return null;
  try {
    const url = base ? new URL(s, base) : new URL(s);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function firstText(node: XmlNode, names: string[]): string {
  for (const name of names) {
    for (const value of children(node, name)) {
      const text = textOf(value).trim();
      if (text !== '') return text;
    }
  }
  return '';
}

function rssItem(item: XmlNode, base: string | null): RawItem {
  const titleValue = child(item, 'title');
  const title = textOf(titleValue);
  let link: string | null = null;
  for (const value of children(item, 'link')) {
    link = httpUrl(textOf(value) || (attr(value, 'href') ?? ''), base);
    if (link) break;
  }
  const guidValue = child(item, 'guid');
  const guid = textOf(guidValue).trim();
  if (!link && attr(guidValue, 'isPermaLink')?.toLowerCase() !== 'false') link = httpUrl(guid, null);
  const encoded = firstText(item, ['encoded']);
  const description = firstText(item, ['description']);
  return {
    title,
    titleIsHtml: looksLikeHtml(title),
    link,
    guid,
    date: firstText(item, ['pubDate', 'date', 'published', 'updated']),
    body: encoded || description,
    bodyIsHtml: looksLikeHtml(encoded || description),
    summary: description,
    categories: [...children(item, 'category'), ...children(item, 'subject')].map((c) => textOf(c)),
    source: textOf(child(item, 'source')),
  };
}

/** An Atom text construct: its text, and whether it is markup (type "html" or "xhtml"). */
function textConstruct(value: XmlValue | undefined): { text: string; html: boolean } {
  const type = attr(value, 'type')?.toLowerCase() ?? 'text';
  if (type === 'xhtml' || hasElements(value)) return { text: textOf(value), html: false };
  const text = textOf(value);
  return { text, html: type === 'html' || type === 'text/html' || looksLikeHtml(text) };
}

function atomEntry(entry: XmlNode, feedBase: string | null): RawItem {
  const base = httpUrl(attr(entry, 'base') ?? '', feedBase) ?? feedBase;
  const title = textConstruct(child(entry, 'title'));
  const links = children(entry, 'link');
  const alternate =
    links.find(
      (l) => (attr(l, 'rel') ?? 'alternate') === 'alternate' && /html/.test(attr(l, 'type') ?? 'html'),
    ) ?? links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  const content = children(entry, 'content').find((c) => attr(c, 'src') === undefined);
  const body = textConstruct(content);
  const summary = textConstruct(child(entry, 'summary'));
  const full = body.text.trim() !== '' ? body : summary;
  const source = childNode(entry, 'source');
  return {
    title: title.text,
    titleIsHtml: title.html,
    link: httpUrl(attr(alternate, 'href') ?? textOf(alternate), base),
    guid: firstText(entry, ['id']),
    date: firstText(entry, ['published', 'issued', 'updated', 'modified', 'date']),
    body: full.text,
    bodyIsHtml: full.html,
    summary: summary.text,
    categories: children(entry, 'category').map((c) => attr(c, 'term') ?? attr(c, 'label') ?? textOf(c)),
    source: source ? textConstruct(child(source, 'title')).text : '',
  };
}

function short(text: string): string {
  const s = collapseWhitespace(text);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function itemLabel(index: number, raw: RawItem): string {
  const title = short(raw.titleIsHtml ? htmlToText(raw.title) : cleanTitle(raw.title));
  if (title) return `item ${index + 1} ("${title}")`;
  return raw.link ? `item ${index + 1} (${raw.link})` : `item ${index + 1}`;
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}

function itemKey(raw: RawItem): string {
  const id = raw.guid || raw.link || '';
  const title = collapseWhitespace(raw.title);
  if (id) return `i_${hash(`${id}\n${title}`)}`;
  return `i_${hash(`\n${title}\n${raw.date}\n${collapseWhitespace(raw.body).slice(0, 1000)}`)}`;
}

function itemDate(raw: RawItem, ctx: FeedParseContext): { date: ParsedDate; warning: string | null } {
  const fallback = mtimeDate(ctx.now);
  const label = ctx.nowLabel ?? 'the time it was read';
  const shown = short(raw.date);
  const parsed = raw.date ? parseFeedDate(raw.date) : null;
  if (!parsed) {
    const what = raw.date ? `no usable date ("${shown}")` : 'no date';
    return { date: fallback, warning: `${what}; using ${label}` };
  }
  if (
    parsed.datePrecision === 'instant' &&
    Date.parse(parsed.publishedAt) - ctx.now.getTime() > MAX_FUTURE_MS
  )
    return { date: fallback, warning: `date in the future ("${shown}"); using ${label}` };
  return { date: parsed, warning: null };
}

function isGoogleNewsLink(url: string | null): boolean {
  if (!url) return false;
  try {
    return GOOGLE_NEWS_HOST.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

function toArticles(
  raw: RawItem,
  feed: FeedInfo,
  ctx: FeedParseContext,
): { articles: Article[]; warnings: string[] } {
  if (raw.summary && looksLikeHtml(raw.summary)) {
    const gn = readGoogleNewsBody(raw.summary);
    const everyOutlet = gn.headlines.length > 0 && gn.headlines.every((h) => h.outlet !== '');
    if (gn.isGoogleNews && (isGoogleNewsLink(raw.link) || everyOutlet))
      return googleNewsArticles(raw, gn.headlines, gn.warnings, ctx);
  }
  return singleArticle(raw, feed, ctx);
}

function googleNewsArticles(
  raw: RawItem,
  headlines: GoogleNewsHeadline[],
  headlineWarnings: string[],
  ctx: FeedParseContext,
): { articles: Article[]; warnings: string[] } {
  if (headlines.length === 0) {
    const why = headlineWarnings.length > 0 ? ` (${headlineWarnings.length} unusable)` : '';
    return { articles: [], warnings: [`skipped: no headline in the Google News list${why}`] };
  }
  const warnings = [...headlineWarnings];
  const { date, warning } = itemDate(raw, ctx);
  if (warning) warnings.push(warning);
  const tags = normaliseTags(raw.categories, {
    outlets: headlines.map((h) => h.outlet),
    headlines: headlines.map((h) => h.title),
  });
  const link = raw.link ?? headlines.find((h) => h.url)?.url ?? null;
  const clusterKey = clusterId(link ?? `${headlines[0]!.outlet}|${headlines[0]!.title}`);
  const articles = headlines.map(
    (h): Article => ({
      id: articleId({ url: h.url, outlet: h.outlet, title: h.title, publishedAt: date.publishedAt }),
      url: h.url,
      title: h.title,
      outlet: h.outlet,
      publishedAt: date.publishedAt,
      datePrecision: date.datePrecision,
      tags: [...tags],
      body: '',
      origin: ctx.origin,
      clusterKey,
    }),
  );
  return { articles, warnings };
}

function singleArticle(
  raw: RawItem,
  feed: FeedInfo,
  ctx: FeedParseContext,
): { articles: Article[]; warnings: string[] } {
  let title = cleanTitle(raw.titleIsHtml ? htmlToText(raw.title) : raw.title);
  if (!/[\p{L}\p{N}]/u.test(title)) return { articles: [], warnings: ['skipped: no title'] };
  const source = cleanOutlet(raw.source);
  const feedOutlet = cleanOutlet(outletOfFeedTitle(feed.title));
  let outlet = source || feedOutlet;
  if (source) title = stripOutletSuffix(title, source);
  if (feedOutlet) title = stripOutletSuffix(title, feedOutlet);
  if (!outlet) ({ title, outlet } = splitOutletSuffix(title));
  title = stripHeadlineFurniture(title, outlet);

  const warnings: string[] = [];
  const { date, warning } = itemDate(raw, ctx);
  if (warning) warnings.push(warning);
  const text = raw.bodyIsHtml ? htmlToText(raw.body) : raw.body;
  const body = cleanBody(text, { title });
  const article: Article = {
    id: articleId({ url: raw.link, outlet, title, publishedAt: date.publishedAt }),
    url: raw.link,
    title,
    outlet,
    publishedAt: date.publishedAt,
    datePrecision: date.datePrecision,
    tags: normaliseTags(raw.categories, { outlets: outlet ? [outlet] : [], headlines: [title] }),
    body,
    origin: ctx.origin,
  };
  return { articles: [article], warnings };
}

const FEED_TITLE_SEPARATOR = /\s+[-–—|>»:]\s+|:\s+/;

/**
 * The outlet in a feed's title without the section it names: "Harbour Daily - World" → "Harbour
 * Daily", "World news | The Guardian" → "The Guardian", "CNN.com - RSS Channel - World" →
 * "CNN.com", and without a slogan that repeats it ("Latest News on Fox News | Fox News" → "Fox
 * News"). A title whose parts are not sections and one name stays as it is.
 */
export function outletOfFeedTitle(title: string): string {
  const parts = title.split(FEED_TITLE_SEPARATOR).map((p) => p.trim());
  if (parts.length < 2 || parts.some((p) => p === '')) return title;
  const names = parts.filter((p) => !SECTION_WORDS.test(p));
  if (names.length === 1) return names[0]!;
  if (names.length === 2) {
    const [a, b] = names as [string, string];
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    if (long.toLowerCase().includes(short.toLowerCase())) return short;
  }
  return title;
}
