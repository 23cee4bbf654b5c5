/**
 * Sentence splitting for news prose. A boundary is `.`, `!` or `?` (optionally followed by closing
 * quotes or brackets) before whitespace and an upper-case letter, digit or opening quote, unless the
 * word before the stop is a known abbreviation ("Mr.", "Dec.", "Gov.") or a single initial
 * ("S. Korea", "John F. Kennedy"). Paragraph breaks are always boundaries.
 */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sen rep gov gen lt col maj capt cmdr sgt adm st jr sr inc ltd co corp bros vs etc ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec no nos fig approx dept est univ ave blvd mt ft ' +
    'u.s u.k u.n e.u a.m p.m i.e e.g d.c'
  ).split(' '),
);

const BOUNDARY = /([.!?]+)(["'”’)\]]*)\s+(?=["'“‘(\[]?[\p{Lu}\p{N}])/gu;

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\n+/)) {
    const para = paragraph.trim();
    if (para) splitParagraph(para, out);
  }
  return out;
}

function splitParagraph(para: string, out: string[]): void {
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(para); m !== null; m = BOUNDARY.exec(para)) {
    const stopAt = m.index;
    if (m[1] === '.' && !m[2] && isAbbreviation(para, start, stopAt)) continue;
    const end = stopAt + m[1]!.length + (m[2]?.length ?? 0);
    const sentence = para.slice(start, end).trim();
    if (sentence) out.push(sentence);
    start = m.index + m[0].length;
  }
  const rest = para.slice(start).trim();
  if (rest) out.push(rest);
}

function isAbbreviation(para: string, from: number, stopAt: number): boolean {
  let i = stopAt;
  while (i > from && !/\s/.test(para[i - 1]!)) i--;
  const word = para.slice(i, stopAt).replace(/^["'“‘(\[]+/, '');
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true; // an initial: "S. Korea"
  return ABBREVIATIONS.has(word.toLowerCase());
}
