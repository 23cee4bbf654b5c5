import { fold } from '../text/index.js';
import { repairApostrophes } from './clean-apostrophes.js';
import { decodeEntities } from './clean-entities.js';
import { collapseWhitespace } from './clean-whitespace.js';

// The separators that put an outlet after a headline: " - ", " – ", " — ", " | ".
const SEPARATOR = /\s{1,3}[-–—|]\s{1,3}/g;
// Lower-case words allowed inside an outlet's name ("Times of India", "Le Monde", "Mail & Guardian").
const NAME_PARTICLES = new Set([
  'of',
  'the',
  'and',
  '&',
  'de',
  'la',
  'le',
  'el',
  'for',
  'on',
  'in',
  'at',
  'da',
  'di',
]);

/**
 * A wire service's version label before a headline: "(LEAD)", "(2nd LD)", "(URGENT)",
 * "UPDATE 2-", "REFILE-", "CORRECTED-", "WRAPUP 1-", and AP's "APTOPIX" (a top photo's slug). It
 * says which take of a story this is, or how the wire files it, not
 * what happened; takes of one story then read (and deduplicate) as one. A publisher's own "UPDATE:"
 * or "BREAKING:" is part of its headline and stays.
 */
const VERSION_LABEL =
  /^(?:\((?:LEAD|\d+(?:st|nd|rd|th) LD|LD|URGENT|UPDATED?|CORRECTED|ADVANCE)\)\s*|(?:UPDATE(?: \d+)?|CORRECTED|REFILE|RPT|WRAPUP(?: \d+)?)\s*-\s*|APTOPIX\s+)+/;

/**
 * A headline as text: entities decoded, lost apostrophes restored, whitespace collapsed, a wire
 * service's version label ("(2nd LD)", "UPDATE 2-") removed.
 */
export function cleanTitle(raw: string): string {
  const title = repairApostrophes(collapseWhitespace(decodeEntities(raw)));
  const c = title.charCodeAt(0);
  // Labels open with "(" or a capital letter followed by another: most headlines are spared the pattern.
  if (c !== 40 && !(c >= 65 && c <= 90 && title.charCodeAt(1) >= 65 && title.charCodeAt(1) <= 90))
    return title;
  const bare = title.replace(VERSION_LABEL, '');
  return bare === '' ? title : bare;
}

/** Words that name a section of a site or its feed, not the site: "World", "Top Stories", "RSS Channel". */
export const SECTION_WORDS =
  /^(?:(?:world|news|top|stories|latest|headlines|breaking|business|politics|asia|pacific|europe|africa|americas|middle|east|international|national|local|home|front|page|us|u\.s\.|uk|all|sports?|technology|tech|science|health|opinion|culture|entertainment|economy|markets|nation|region|global|rss|channel|feed|and|&|-)\s*)+$/i;
const OUTLET_SEPARATOR = /\s+[-–—|]\s+/;
const DOMAIN = /^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$/i;
/** Google News's note on a government or charity source: "The White House (.gov)". */
const DOMAIN_NOTE = /\s*\(\.[a-z]{2,4}\)$/i;

/**
 * An outlet name as text: entities decoded, whitespace collapsed, a bare "https-//www." prefix
 * removed, and only the name where a publisher registered more: "The Diplomat – Asia-Pacific
 * Current Affairs Magazine" → "The Diplomat", "Crude Oil Prices Today | OilPrice.com" →
 * "OilPrice.com" (a site's address wins over a slogan), "World news | The Guardian" → "The
 * Guardian", "The White House (.gov)" → "The White House".
 */
export function cleanOutlet(raw: string): string {
  const name = collapseWhitespace(decodeEntities(raw))
    .replace(/^(?:https?[:-]\/\/)?(?:www\.)?(?=[\w-]+\.[a-z]{2,})/i, '')
    .replace(/\/$/, '')
    .replace(DOMAIN_NOTE, '');
  if (!OUTLET_SEPARATOR.test(name)) return name;
  const parts = name.split(OUTLET_SEPARATOR);
  if (parts.some((p) => p === '')) return name;
  return parts.find((p) => DOMAIN.test(p)) ?? parts.find((p) => !SECTION_WORDS.test(p)) ?? name;
}

/** Second-level domains under a country's domain (".co.uk", ".com.au", ".or.jp"). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'or', 'ne', 'go']);

/**
 * The words of an outlet's name, folded, without a leading "the"; for a domain ("nytimes.com",
 * "news.bbc.co.uk") its one distinctive label ("nytimes", "bbc").
 */
function outletWords(name: string): string[] {
  const s = fold(name)
    .trim()
    .replace(/^(?:https?:\/\/)?(?:www\.)?/, '');
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(s)) {
    const labels = s.split('.');
    labels.pop(); // the top-level domain
    while (labels.length > 1 && SECOND_LEVEL.has(labels[labels.length - 1]!)) labels.pop(); // ".co.uk"
    return [labels[labels.length - 1]!.replace(/-/g, '')];
  }
  const words = s.split(/[^\p{L}\p{N}&]+/u).filter((w) => w !== '');
  return words[0] === 'the' ? words.slice(1) : words;
}

/** The same name, without case, accents or a leading "The". */
function sameName(a: string, b: string): boolean {
  const x = outletWords(a);
  const y = outletWords(b);
  return x.length > 0 && x.length === y.length && x.every((w, i) => w === y[i]);
}

/**
 * Whether a domain's label or an acronym spells a name: "japantimes" (Japan Times), "nytimes" (New
 * York Times), "wsj" (Wall Street Journal).
 */
function spells(label: string, words: readonly string[]): boolean {
  if (words.length < 2) return false;
  const last = words[words.length - 1]!;
  const initials = words
    .slice(0, -1)
    .map((w) => w[0])
    .join('');
  // An acronym of three letters or more: two ("EU", "US") too often name something else.
  return (
    label === words.join('') ||
    label === initials + last ||
    (label.length >= 3 && label === initials + last[0])
  );
}

/**
 * Whether two spellings name one outlet: the same words (without case, accents or a leading
 * "The"); one name the start of the other ("BBC" and "BBC News", "Nikkei" and "Nikkei Asia"); or
 * a domain or an acronym and the name it spells ("CNBC.com" and "CNBC", "nytimes.com" and "The New
 * York Times", "WSJ" and "The Wall Street Journal").
 */
export function sameOutlet(a: string, b: string): boolean {
  const x = outletWords(a);
  const y = outletWords(b);
  if (x.length === 0 || y.length === 0) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.every((w, i) => w === long[i])) return true;
  return (short.length === 1 && spells(short[0]!, long)) || (long.length === 1 && spells(long[0]!, short));
}

/**
 * Removes a trailing " - Outlet", " – Outlet", " | Outlet" or " (Outlet)" from a headline when it
 * names the known outlet (see sameOutlet), and the outlet's name glued to the headline's last word
 * as a careless scrape leaves it ("…third monthReuters", "…rise 5%Reuters"); otherwise the title is
 * returned unchanged.
 */
export function stripOutletSuffix(title: string, outlet: string): string {
  if (!outlet) return title;
  const cut = lastSeparator(title);
  if (cut) {
    const [head, tail] = cut;
    // A name that is not spelled as the outlet's must at least read as a name.
    if (head !== '' && (sameName(tail, outlet) || (looksLikeOutlet(tail) && sameOutlet(tail, outlet)))) {
      return head;
    }
  }
  const name = outlet.trim();
  const at = title.length - name.length;
  if (/^\p{Lu}/u.test(name) && at > 0 && title.endsWith(name) && GLUED_BEFORE.test(title[at - 1]!)) {
    const head = title.slice(0, at).trim();
    if (head.split(/\s+/).length >= 3) return head;
  }
  // "Talks resume in Seoul (Reuters)"
  const paren = BRACKETED_TAIL.exec(title);
  if (paren && sameOutlet(paren[2]!, outlet) && paren[1]!.split(/\s+/).length >= 3) return paren[1]!;
  return title;
}

/** What a headline's last word can end in when the outlet's name is glued on: "…monthReuters", "…5%Reuters", "…”Kyodo News". */
const GLUED_BEFORE = /[\p{Ll}\p{N}%"'”’)\].!?]/u;
const BRACKETED_TAIL = /^(.*\S)\s+\(([^()]{2,50})\)$/u;

function lastSeparator(title: string): [string, string] | null {
  let last: RegExpExecArray | null = null;
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(title); m !== null; m = SEPARATOR.exec(title)) last = m;
  if (!last) return null;
  return [title.slice(0, last.index).trim(), title.slice(last.index + last[0].length).trim()];
}

/**
 * True when the text after a headline's last separator reads as an outlet's name: at most six
 * words and 50 characters, every word capitalised (or a particle such as "of"), or a domain
 * ("semafor.com"); no sentence punctuation.
 */
export function looksLikeOutlet(text: string): boolean {
  const s = text.trim();
  if (s === '' || s.length > 50) return false;
  if (/^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$/i.test(s)) return true;
  if (/[.!?:;,"“”]$|^[^\p{Lu}\p{N}]/u.test(s) || /[:;?!]/.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 6) return false;
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || NAME_PARTICLES.has(w.toLowerCase()));
}

/**
 * Splits "Headline - Outlet" into its parts when the text after the last separator looks like an
 * outlet and the headline keeps at least two words; otherwise the outlet is "".
 */
export function splitOutletSuffix(title: string): { title: string; outlet: string } {
  const cut = lastSeparator(title);
  if (cut) {
    const [head, tail] = cut;
    if (looksLikeOutlet(tail) && head.split(/\s+/).length >= 2) return { title: head, outlet: tail };
  }
  return { title, outlet: '' };
}

/** Words and characters of a trailing "| Section" or "| Author" at most (see stripHeadlineFurniture). */
const FURNITURE_WORDS = 5;
const FURNITURE_CHARS = 40;
/** Words a headline keeps at least once its furniture is gone. */
const HEADLINE_WORDS = 4;
/**
 * A byline after a headline: a Substack-style one after a dash (" - by Nelson Merino"), or a news
 * agency's credit that a syndicating site appends (" By Reuters"); "Man shot by police" keeps its
 * words.
 */
const BY_NAME =
  /\s[-–—]\s+by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}$|\s+By (?:Reuters|AFP|AP|Bloomberg|(?:The )?Associated Press|Xinhua|Kyodo|Yonhap|dpa|ANI|PTI|IANS)$/u;

/**
 * Removes what a publisher's page title puts around the headline itself, once the outlet is known:
 * trailing sections and authors after a bar ("… | Spain", "… | Simon Jenkins", "… | National News
 * | mdjonline.com"; at most five words each, and the headline keeps four), a byline after a dash
 * ("… - by Nelson Merino"), and the outlet's own name before a bar ("Xinhua News | Xi
 * congratulates …"). A bar inside a long tail ("KICKER | “With Us Every Step of the Way”") and
 * labels such as "Opinion | …", which tell the reader what kind of piece it is, stay.
 */
export function stripHeadlineFurniture(title: string, outlet: string): string {
  let out = title;
  if (out.includes('|')) {
    for (let i = 0; i < 2; i++) {
      const bar = out.lastIndexOf(' | ');
      if (bar < 0) break;
      const tail = out.slice(bar + 3).trim();
      const head = out.slice(0, bar).trim();
      if (tail.length > FURNITURE_CHARS || wordCount(tail) > FURNITURE_WORDS) break;
      if (wordCount(head) < HEADLINE_WORDS) break;
      out = head;
    }
    const first = out.indexOf(' | ');
    if (first > 0 && outlet && sameOutlet(out.slice(0, first), outlet)) {
      const rest = out.slice(first + 3).trim();
      if (wordCount(rest) >= HEADLINE_WORDS) out = rest;
    }
  }
  if (out.includes(' by ') || out.includes(' By ')) {
    const bare = out.replace(BY_NAME, '');
    if (wordCount(bare) >= HEADLINE_WORDS) out = bare;
  }
  return out;
}

function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
