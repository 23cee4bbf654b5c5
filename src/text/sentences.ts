/**
 * Sentence splitting for news prose. A boundary is `.`, `!` or `?` (optionally followed by closing
 * quotes or brackets) before whitespace and an upper-case letter, digit or opening quote, except:
 *
 * - after a title or prefix that always precedes a name or number ("Mr.", "Gov.", "Gen.", "vs.",
 *   and "No." before a digit);
 * - after an initial or dotted initials ("S. Korea", "John F. Kennedy", "J.J. McCarthy");
 * - after an abbreviation that can also end a sentence ("U.S.", "p.m.", "Inc.", "Dec.", "Calif."),
 *   unless the next word is one that typically opens a sentence ("in the U.S. The …" splits,
 *   "the U.S. Senate" does not);
 * - after a quoted exclamation or question followed by its attribution
 *   (`"Get out!" Trump said.` stays one sentence).
 *
 * Paragraph breaks are always boundaries.
 */

/** Abbreviations that precede a name or number and so never end a sentence. */
const NEVER_FINAL = new Set(
  (
    'mr mrs ms messrs dr prof sen sens rep reps gov govs gen gens lt col maj capt cmdr sgt adm st rev hon pres ' +
    'supt det insp vs fig mt ft'
  ).split(' '),
);

/** Abbreviations that may end a sentence: a boundary only when a sentence-opening word follows. */
const MAY_END = new Set(
  (
    'inc ltd co corp bros etc jr sr approx dept est univ ave blvd ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'u.s u.s.a u.k u.n e.u a.m p.m i.e e.g d.c ' +
    'ala ariz ark calif colo conn del fla ill ind kan ky md mass mich minn miss mont neb nev okla ore pa tenn ' +
    'tex va vt wash wis wyo'
  ).split(' '),
);

/** Words that usually open a sentence; after a MAY_END abbreviation they mark a boundary. */
const OPENERS = new Set(
  (
    'the a an he she it they we i you this that these those there his her its their our my your but and or so ' +
    'yet however in on at for after before when while if as by with from meanwhile also still then now some ' +
    'many most not one all both each every other another despite although though because since during what ' +
    'where why how who which earlier later last'
  ).split(' '),
);

const BOUNDARY = /([.!?]+)(["'”’)\]]*)\s+(?=["'“‘([]?[\p{Lu}\p{N}])/gu;
const NEXT_WORD = /^["'“‘([]?([\p{L}]+)/u;
/** "Trump said", "Eyal asked", "He added": the attribution that follows a quoted `!` or `?`. */
const ATTRIBUTION =
  /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3} (?:said|says|asked|asks|added|adds|wrote|writes|told|tells|replied|continued|explained|exclaimed|shouted|posted|tweeted)\b/u;

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const paragraphs = text.includes('\n') ? text.split(/\n+/) : [text];
  for (const paragraph of paragraphs) {
    const para = paragraph.trim();
    if (para) splitParagraph(para, out);
  }
  return out;
}

function splitParagraph(para: string, out: string[]): void {
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(para); m !== null; m = BOUNDARY.exec(para)) {
    const stops = m[1]!;
    const closers = m[2] ?? '';
    const next = m.index + m[0].length;
    if (stops === '.' && !closers) {
      if (!isBoundaryAfterPeriod(para, start, m.index, next)) continue;
    } else if (closers && stops[stops.length - 1] !== '.' && ATTRIBUTION.test(para.slice(next, next + 80))) {
      continue;
    }
    const end = m.index + stops.length + closers.length;
    const sentence = para.slice(start, end).trim();
    if (sentence) out.push(sentence);
    start = next;
  }
  const rest = para.slice(start).trim();
  if (rest) out.push(rest);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
}

function isOpener(c: number): boolean {
  // " ' “ ‘ ( [
  return c === 34 || c === 39 || c === 0x201c || c === 0x2018 || c === 40 || c === 91;
}

/** Longest word that can be an abbreviation, an initial group or a party-state tag ("R-Calif"). */
const LONGEST_ABBREVIATION = 10;

/** Whether the single `.` at `stopAt`, followed by the text at `next`, ends a sentence. */
function isBoundaryAfterPeriod(para: string, from: number, stopAt: number, next: number): boolean {
  let i = stopAt;
  while (i > from && !isSpace(para.charCodeAt(i - 1))) i--;
  while (i < stopAt && isOpener(para.charCodeAt(i))) i++;
  if (stopAt - i > LONGEST_ABBREVIATION || i === stopAt) return true;
  let word = para.slice(i, stopAt);
  const lower = word.toLowerCase();
  if (lower === 'no' || lower === 'nos') return !isDigit(para.charCodeAt(next));
  if (MAY_END.has(lower)) return opensSentence(para, next);
  // "D-Minn." and "R-Calif." carry a state after the party letter.
  const hyphen = word.lastIndexOf('-');
  if (hyphen >= 0) word = word.slice(hyphen + 1);
  const part = hyphen >= 0 ? word.toLowerCase() : lower;
  if (NEVER_FINAL.has(part)) return false;
  if (MAY_END.has(part)) return opensSentence(para, next);
  return !isInitials(word); // "S. Korea", "J.J. McCarthy"
}

/** "S", "J.J", "T.J": single capitals joined by dots. */
function isInitials(word: string): boolean {
  if (word.length % 2 === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (i % 2 === 0 ? !(c >= 65 && c <= 90) : c !== 46) return false;
  }
  return true;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function opensSentence(para: string, next: number): boolean {
  const m = NEXT_WORD.exec(para.slice(next, next + 24));
  return m !== null && OPENERS.has(m[1]!.toLowerCase());
}
