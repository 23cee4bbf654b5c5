import type { Article } from '../model.js';
import { htmlToText, looksLikeHtml, stripMarkdown } from './clean-markup.js';
import { cleanOutlet, cleanTitle } from './clean-title.js';
import { articleId, clusterId } from './ids.js';
import { normaliseTags, tagValues } from './normalise-tags.js';
import { dateOrMtime, parseDate, parseDateValue } from './parse-date.js';
import { type FrontMatter, field, rawScalar, readFrontMatter, textField } from './parse-front-matter.js';
import { readGoogleNewsBody } from './parse-google-news.js';
import { singleArticle } from './single-article.js';
import type { ParseContext, ParseOutcome } from './types.js';

const DATE_KEYS = ['date', 'published', 'publishedAt', 'published_at', 'pubDate', 'datePublished', 'created'];
const URL_KEYS = ['url', 'link', 'canonical', 'canonical_url', 'permalink'];
const OUTLET_KEYS = ['outlet', 'publisher', 'source_name', 'site_name', 'publication', 'site', 'source'];

function httpUrl(value: string | undefined): string | null {
  const s = value?.trim();
  return s && /^https?:\/\/\S+$/i.test(s) ? s : null;
}

function documentDate(fm: FrontMatter, mtime: Date) {
  const raw = rawScalar(fm.yaml, DATE_KEYS);
  const value = field(fm.data, DATE_KEYS);
  const parsed = (raw !== undefined ? parseDate(raw) : null) ?? parseDateValue(value);
  return dateOrMtime(parsed, raw ?? (typeof value === 'string' ? value : ''), mtime);
}

function rawTags(data: Record<string, unknown>): string[] {
  return [
    ...tagValues(field(data, ['tags', 'keywords'])),
    ...tagValues(field(data, ['categories', 'category'])),
  ];
}

/**
 * Parses a document with YAML front matter: a Google News item (a body of headline entries, one
 * article per headline, all sharing a cluster key) or an article (title, optional outlet and url
 * fields, a Markdown or HTML body).
 */
export function parseFrontMatterDocument(text: string, ctx: ParseContext): ParseOutcome {
  const read = readFrontMatter(text);
  if (!read.ok) return read;
  const fm = read.value;
  const gn = readGoogleNewsBody(fm.content);
  if (gn.isGoogleNews) return googleNewsArticles(fm, gn.headlines, gn.warnings, ctx);
  return frontMatterArticle(fm, ctx);
}

function googleNewsArticles(
  fm: FrontMatter,
  headlines: ReturnType<typeof readGoogleNewsBody>['headlines'],
  headlineWarnings: string[],
  ctx: ParseContext,
): ParseOutcome {
  if (headlines.length === 0) {
    const why = headlineWarnings.length > 0 ? ` (${headlineWarnings.length} unusable)` : '';
    return { ok: false, reason: `no headline in the Google News body${why}` };
  }
  const warnings = [...headlineWarnings];
  const { date, warning } = documentDate(fm, ctx.mtime);
  if (warning) warnings.push(warning);
  const tags = normaliseTags(rawTags(fm.data), {
    outlets: headlines.map((h) => h.outlet),
    headlines: headlines.map((h) => h.title),
  });
  const link = httpUrl(textField(fm.data, ['link', 'url'])) ?? headlines.find((h) => h.url)?.url ?? null;
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
  return { ok: true, format: 'google-news', articles, warnings };
}

function frontMatterArticle(fm: FrontMatter, ctx: ParseContext): ParseOutcome {
  let content = looksLikeHtml(fm.content) ? htmlToText(fm.content) : stripMarkdown(fm.content);
  let rawTitle = textField(fm.data, ['title', 'headline']);
  if (rawTitle === undefined || cleanTitle(rawTitle) === '') {
    // A Markdown document may carry its title as its first line, a level-one heading, instead.
    const firstLine = fm.content.split('\n').find((l) => l.trim() !== '') ?? '';
    const heading = /^#\s+(.+?)(?:\s+#+)?$/.exec(firstLine.trim());
    if (!heading) return { ok: false, reason: 'no title' };
    rawTitle = heading[1]!;
    content = stripMarkdown(fm.content.replace(firstLine, ''));
  }
  const title = cleanTitle(rawTitle);
  if (!/[\p{L}\p{N}]/u.test(title)) return { ok: false, reason: 'no title' };

  const outletField = textField(fm.data, OUTLET_KEYS);
  const { date, warning } = documentDate(fm, ctx.mtime);
  return singleArticle(
    {
      format: 'front-matter',
      title,
      outlet: outletField && !/^https?:|\//i.test(outletField) ? cleanOutlet(outletField) : '',
      url: httpUrl(textField(fm.data, URL_KEYS)),
      date,
      dateWarning: warning,
      rawTags: rawTags(fm.data),
      text: content,
    },
    ctx,
  );
}
