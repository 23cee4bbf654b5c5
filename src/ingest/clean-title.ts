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

/** A headline as text: entities decoded, lost apostrophes restored, whitespace collapsed. */
export function cleanTitle(raw: string): string {
  return repairApostrophes(collapseWhitespace(decodeEntities(raw)));
}

/** An outlet name as text: entities decoded, whitespace collapsed, a bare "https-//www." prefix removed. */
export function cleanOutlet(raw: string): string {
  return collapseWhitespace(decodeEntities(raw))
    .replace(/^(?:https?[:-]\/\/)?(?:www\.)?(?=[\w-]+\.[a-z]{2,})/i, '')
    .replace(/\/$/, '');
}

function sameName(a: string, b: string): boolean {
  const norm = (s: string) =>
    fold(s)
      .replace(/^the\s+/, '')
      .replace(/\s+/g, ' ')
      .trim();
  return norm(a) !== '' && norm(a) === norm(b);
}

/**
 * Removes a trailing " - Outlet", " – Outlet" or " | Outlet" from a headline when it names the
 * known outlet (compared without case, accents or a leading "The"); otherwise the title is
 * returned unchanged.
 */
export function stripOutletSuffix(title: string, outlet: string): string {
  if (!outlet) return title;
  const cut = lastSeparator(title);
  if (!cut) return title;
  const [head, tail] = cut;
  return sameName(tail, outlet) && head !== '' ? head : title;
}

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
