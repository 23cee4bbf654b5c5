import type { Article } from '../model.js';
import { cleanBody } from './clean-body.js';
import { splitOutletSuffix, stripHeadlineFurniture, stripOutletSuffix } from './clean-title.js';
import { articleId } from './ids.js';
import { normaliseTags } from './normalise-tags.js';
import type { ParsedDate } from './parse-date.js';
import type { DocumentFormat, ParseContext, ParseOutcome } from './types.js';

/** What a one-article document (scraped text, a front-matter article, a web page) was read as. */
export interface ArticleParts {
  format: DocumentFormat;
  /** The cleaned headline, perhaps still ending in " - Outlet". */
  title: string;
  /** The outlet the document names ('' if none: then it is split off the headline). */
  outlet: string;
  url: string | null;
  date: ParsedDate;
  /** The warning that came with the date (a fallback to the file's time), if any. */
  dateWarning: string | null;
  rawTags: readonly string[];
  /** The story's text before cleaning. */
  text: string;
}

/**
 * The outcome for a document holding one article: the outlet taken off the headline (or split
 * from it when the document names none), the text cleaned into the body, tags normalised, and a
 * warning when no story text is left.
 */
export function singleArticle(parts: ArticleParts, ctx: ParseContext): ParseOutcome {
  let { title, outlet } = parts;
  if (outlet) title = stripOutletSuffix(title, outlet);
  else ({ title, outlet } = splitOutletSuffix(title));
  title = stripHeadlineFurniture(title, outlet);
  const warnings = parts.dateWarning ? [parts.dateWarning] : [];
  const body = cleanBody(parts.text, { title });
  if (body === '') warnings.push('no story text; kept as a headline only');
  const { date, url } = parts;
  const article: Article = {
    id: articleId({ url, outlet, title, publishedAt: date.publishedAt }),
    url,
    title,
    outlet,
    publishedAt: date.publishedAt,
    datePrecision: date.datePrecision,
    tags:
      parts.rawTags.length > 0
        ? normaliseTags(parts.rawTags, { outlets: outlet ? [outlet] : [], headlines: [title] })
        : [],
    body,
    origin: ctx.origin,
  };
  return { ok: true, format: parts.format, articles: [article], warnings };
}
