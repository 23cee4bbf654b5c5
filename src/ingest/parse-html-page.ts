import { type HTMLElement, parse } from 'node-html-parser';
import { decodeEntities } from './clean-entities.js';
import { htmlToText, looksLikeHtml } from './clean-markup.js';
import { cleanOutlet, cleanTitle } from './clean-title.js';
import { dateOrMtime, parseDate } from './parse-date.js';
import { singleArticle } from './single-article.js';
import type { ParseContext, ParseOutcome } from './types.js';

/**
 * A web page (or a piece of one) saved to a file: it opens with a doctype, or with an element and
 * holds markup. A scraped page never opens with "<": its first line is the headline.
 */
export function looksLikeHtmlPage(text: string): boolean {
  return (
    /^(?:<!doctype\s+html\b|<html\b)/i.test(text) ||
    (/^<[a-z]/i.test(text) && looksLikeHtml(text.slice(0, 20_000)))
  );
}

/** What schema.org's JSON-LD says of a news article (the fields read here). */
interface LinkedArticle {
  headline?: string;
  datePublished?: string;
  publisher?: string;
  keywords: string[];
  url?: string;
}

const ARTICLE_TYPES = /^(?:News|Reportage|Analysis|Opinion|Review|Background)?Article$|^BlogPosting$/;

/** The first article object in the page's JSON-LD blocks, if any (an unreadable block is passed over). */
function linkedArticle(root: HTMLElement): LinkedArticle | null {
  for (const script of root.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.rawText);
    } catch {
      continue;
    }
    const found = findArticle(data, 0);
    if (found) return found;
  }
  return null;
}

function findArticle(node: unknown, depth: number): LinkedArticle | null {
  if (depth > 4 || node === null || typeof node !== 'object') return null;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findArticle(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = node as Record<string, unknown>;
  const types = ([] as unknown[]).concat(record['@type'] ?? []);
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) {
    const publisher = record.publisher as Record<string, unknown> | string | undefined;
    const keywords = record.keywords;
    return {
      headline: text(record.headline),
      datePublished: text(record.datePublished),
      publisher: typeof publisher === 'string' ? publisher : text(publisher?.name),
      keywords: Array.isArray(keywords)
        ? keywords.filter((k): k is string => typeof k === 'string')
        : typeof keywords === 'string'
          ? keywords.split(',')
          : [],
      url: text(record.url),
    };
  }
  return findArticle(record['@graph'], depth + 1);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The content of the first `<meta>` whose property or name is one of `names` (in the order given). */
function meta(root: HTMLElement, names: readonly string[]): string | undefined {
  const byName = new Map<string, string>();
  for (const m of root.querySelectorAll('meta')) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '')
      .trim()
      .toLowerCase();
    const content = m.getAttribute('content');
    if (key && content?.trim() && !byName.has(key)) byName.set(key, content.trim());
  }
  for (const name of names) {
    const value = byName.get(name);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Parses a saved web page: headline, outlet, date, canonical URL and tags from the page's
 * metadata (JSON-LD, Open Graph, `<title>`, `<time>`), and the body from its `<article>` (else
 * `<main>`, else `<body>`), without navigation, asides, figures and footers, cleaned like scraped
 * text.
 */
export function parseHtmlPage(html: string, ctx: ParseContext): ParseOutcome {
  const root = parse(html, { comment: false, blockTextElements: { script: true, style: false } });
  const linked = linkedArticle(root);
  const rawTitle =
    linked?.headline ??
    meta(root, ['og:title', 'twitter:title']) ??
    root.querySelector('title')?.text ??
    root.querySelector('h1')?.text ??
    '';
  const title = cleanTitle(decodeEntities(rawTitle));
  if (!/[\p{L}\p{N}]/u.test(title) || title.length > 300) return { ok: false, reason: 'no title' };

  const rawDate =
    linked?.datePublished ??
    meta(root, [
      'article:published_time',
      'og:published_time',
      'datepublished',
      'pubdate',
      'publishdate',
      'date',
      'dc.date',
      'dcterms.created',
    ]) ??
    root.querySelector('time[datetime]')?.getAttribute('datetime') ??
    '';
  const { date, warning } = dateOrMtime(rawDate ? parseDate(rawDate) : null, rawDate, ctx.mtime);
  const canonical =
    root.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(root, ['og:url']);
  const container =
    root.querySelector('article') ?? root.querySelector('main') ?? root.querySelector('body') ?? root;
  return singleArticle(
    {
      format: 'html-page',
      title,
      outlet: cleanOutlet(
        decodeEntities(
          linked?.publisher ?? meta(root, ['og:site_name', 'application-name', 'publisher']) ?? '',
        ),
      ),
      url: canonical && /^https?:\/\//i.test(canonical) ? canonical : (linked?.url ?? null),
      date,
      dateWarning: warning,
      rawTags: [
        ...(linked?.keywords ?? []),
        ...(meta(root, ['keywords', 'news_keywords'])?.split(',') ?? []),
        ...root.querySelectorAll('meta[property="article:tag"]').map((m) => m.getAttribute('content') ?? ''),
      ],
      text: htmlToText(container.innerHTML),
    },
    ctx,
  );
}
