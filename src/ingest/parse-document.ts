import { repairMojibake } from './clean-mojibake.js';
import { hasFrontMatter } from './parse-front-matter.js';
import { parseFrontMatterDocument } from './parse-front-matter-document.js';
import { looksLikeHtmlPage, parseHtmlPage } from './parse-html-page.js';
import { parseScrapedText } from './parse-scraped-text.js';
import type { ParseContext, ParseOutcome } from './types.js';

export const FEED_REASON = 'RSS/Atom files are read by the feed reader';

/**
 * BOMs removed, line endings normalised to "\n", leading blank lines and indentation dropped, and
 * mojibake repaired ("Koreaâ€™s" → "Korea’s", see clean-mojibake.ts).
 */
export function normaliseDocument(text: string): string {
  const noBom = repairMojibake(text.replace(/^\ufeff+/, ''));
  return (noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom).replace(/^\s+/, '');
}

/** True for an XML document such as an RSS or Atom feed (read by the feed reader, not here). */
export function looksLikeFeed(text: string): boolean {
  return /^<(?:\?xml|rss|feed|rdf:RDF)\b/i.test(text);
}

/**
 * Parses one news document, detecting its format by content: YAML front matter (a Google News
 * item, or an article with a Markdown or HTML body), a saved web page (HTML with a doctype), or
 * scraped text (headline line, date line, page text). Never throws: unusable input gives `{ ok: false, reason }` with a one-line reason.
 */
export function parseDocument(text: string, ctx: ParseContext): ParseOutcome {
  try {
    const doc = normaliseDocument(text);
    if (doc.trim() === '') return { ok: false, reason: 'empty file' };
    if (looksLikeFeed(doc)) return { ok: false, reason: FEED_REASON };
    if (looksLikeHtmlPage(doc)) return parseHtmlPage(doc, ctx);
    if (/^---[a-z]+[ \t]*\n/i.test(doc))
      return { ok: false, reason: 'malformed front matter: only YAML is read' };
    if (hasFrontMatter(doc)) return parseFrontMatterDocument(doc, ctx);
    return parseScrapedText(doc, ctx);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `unreadable document: ${message.split('\n')[0]}` };
  }
}
