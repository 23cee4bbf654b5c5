import { terms, tokenize } from '../text/index.js';
import { decodeEntities } from './clean-entities.js';
import { collapseWhitespace } from './clean-whitespace.js';

/** Tag values from front matter: a list, or one comma-separated string. */
export function tagValues(value: unknown): string[] {
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (const v of value) if (typeof v === 'string' || typeof v === 'number') out.push(String(v));
    return out;
  }
  if (typeof value === 'string') return value.split(',');
  return [];
}

/** A tag in normal form already: lower-case words, single spaces, nothing to decode or strip. */
const PLAIN_TAG = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/** A site or feed name rather than a topic: "news.google.com", "https://…", "www.example.org". */
function isJunkTag(tag: string): boolean {
  return /^(?:https?:|www\.)/.test(tag) || /^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$/.test(tag) || tag.length > 60;
}

/**
 * Normalises front-matter tags: decoded, trimmed, lower-case, whitespace collapsed, a leading "#"
 * removed, site names ("news.google.com") and duplicates dropped. A tag whose words all come from
 * an outlet's name ("reuters"; "times" from "The Japan Times") is dropped unless those words also
 * appear in one of the headlines ("japan" in "Life in a shrinking Japan").
 */
export function normaliseTags(
  raw: readonly string[],
  context: { outlets: readonly string[]; headlines: readonly string[] },
): string[] {
  const outletWords = new Set(context.outlets.flatMap((o) => tokenize(o.replace(/\.[a-z]{2,}$/i, ' '))));
  // Headline words are compared by stem, so "israel" counts as appearing in "Israeli forces".
  // Built only for a tag made of outlet words, which few tags are.
  let headlineStems: Set<string> | undefined;
  const out: string[] = [];
  for (const value of raw) {
    const tag = PLAIN_TAG.test(value)
      ? value
      : collapseWhitespace(decodeEntities(value)).replace(/^#+/, '').trim().toLowerCase();
    if (tag === '' || isJunkTag(tag) || out.includes(tag)) continue;
    const words = tokenize(tag);
    const onlyOutlet = words.length > 0 && words.every((w) => outletWords.has(w));
    if (onlyOutlet) {
      headlineStems ??= new Set(context.headlines.flatMap((h) => terms(h)));
      const stems = headlineStems;
      if (!terms(tag).every((stem) => stems.has(stem))) continue;
    }
    out.push(tag);
  }
  return out;
}
