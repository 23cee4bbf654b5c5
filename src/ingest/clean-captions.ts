/**
 * Photo captions and credits that scraped pages leave in the story text: "… arrives at his office
 * in Tokyo on May 13, 2021. (Kyodo)", "… met in China. | POOL / AFP-JIJI", "(AP Photo/Evan Vucci)",
 * "Photo: Reuters", "Image: Getty Images", "[NEWS1]", "NASA/ESA/CSA".
 */
import { pieceCount } from './clean-whitespace.js';

const PHOTO_WORD =
  /\b(?:photo(?:graph)?s?|image|pictures?|file|pool|getty|credit|courtesy|handout|provided|via)\b|\//i;
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const WEEKDAY = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?';

// A credit in parentheses or brackets after a sentence's closing punctuation: "… 2021. (Kyodo)".
const BRACKET_CREDIT_END = /([.!?]["'”’]?)\s*[([]\s*([\p{Lu}][^()[\]]{0,60})[)\]]$/u;
// A credit after a vertical bar at the end of a caption: "| POOL / VIA AFP-JIJI", "| Reuters".
const PIPE_CREDIT = /\s\|\s*([^|]{1,60})$/;
// Credit phrases that end a caption or stand alone: "Photo: Reuters", "AFP via Getty Images",
// "REUTERS/Kim Kyung-Hoon", "AP Photo/Evan Vucci", "Xinhua/Alamy", "NASA/ESA/CSA".
const TRAILING_CREDIT = new RegExp(
  `(?:^|[\\s.!?])(?:${[
    '(?:[Pp]hoto(?:graph)?s?|PHOTO|[Ii]mage|[Pp]icture|[Cc]redit|[Ff]ile photo|[Ii]llustration)(?: by)?\\s*:\\s*[^.!?]{1,60}',
    '(?:[\\p{Lu}][\\p{L}.-]*\\s+)*(?:via\\s+)?(?:[Gg]etty [Ii]mages|GETTY IMAGES|[Ss]hutterstock|[Aa]lamy(?: [Ss]tock [Pp]hoto)?)',
    "(?:[\\p{Lu}]{2,}\\s+)?(?:[\\p{Lu}][\\p{L}-]+|[Pp]hoto|[Ff]ile)\\/[\\p{Lu}][\\p{L}'’-]*(?:[ /][\\p{Lu}][\\p{L}'’-]*){0,4}",
  ].join('|')})$`,
  'u',
);

/**
 * False when TRAILING_CREDIT cannot match at the end of `text` (a cheap test before the expensive
 * pattern). Each of its forms ends the text in its own way: a photo word's ":" followed by text
 * without ".", "!" or "?"; a stock agency's name ("…Images", "…hutterstock", "…lamy", "Alamy Stock
 * Photo"); or a "/" followed by names, that is only letters, apostrophes, hyphens, spaces and
 * slashes. A text passes whenever its end (a suffix) does. Most text ends with a full stop, which
 * rules out the first and third forms at once.
 */
function mayEndWithCreditPhrase(text: string): boolean {
  const n = text.length;
  const last = text.charCodeAt(n - 1);
  if (
    (last === 115 && text.endsWith('mages')) ||
    (last === 83 && text.endsWith('MAGES')) ||
    (last === 107 && text.endsWith('hutterstock')) ||
    (last === 121 && text.endsWith('lamy')) ||
    (last === 111 && text.endsWith('hoto'))
  )
    return true;
  return colonBeforeEnd(text) || slashBeforeNames(text);
}

/** Whether `text` holds a ":" followed by at least one character and no ".", "!" or "?". */
function colonBeforeEnd(text: string): boolean {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63) return false;
    if (c === 58 && i < text.length - 1) return true;
  }
  return false;
}

/**
 * Whether `text` holds a "/" followed by at least one character, and only by characters that may be
 * part of credit names: ASCII letters, "'", "-", spaces, "/" and any non-ASCII character (letters,
 * "’"; not told apart here).
 */
function slashBeforeNames(text: string): boolean {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 47) return i < text.length - 1;
    if (c >= 128 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 32 || c === 39 || c === 45)
      continue;
    return false;
  }
  return false;
}

/** How much of a sentence's end is searched for a credit phrase. */
const TAIL = 160;

// Present-tense verbs typical of captions ("arrives", "speaks", "is seen").
// (The look-behind follows the word boundary, at the same position, so that it is tried only at
// word starts.)
const CAPTION_VERB =
  /\b(?<!\bto )(?:arrives?|speaks?|attends?|gestures?|poses?|walks?|listens?|smiles?|shakes? hands|looks? on|delivers?|sits?|reacts?|takes? part|(?:is|are) seen|pictured|visits?|greets?|inspects?|prays?|mourns?|celebrates?|gathers?|watch(?:es)?|lines? up|checks?|sails?|crosses|clears?|presents?|waits?|queues?|kneels?|rides?|wears?|carries|carry|stand|work|march|rally|plays?|waves? to)\b/i;
// A closing date in a photo description: "… on May 13, 2021.", "… on Jan. 12.", ", Sunday, Jan. 11, 2026."
const PHOTO_DATE_END = new RegExp(
  `(?:\\b(?:on|in)\\s+${WEEKDAY}(?:${MONTH}\\s+\\d{1,2}(?:,\\s+\\d{4})?|\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?|\\d{4})|,\\s+${WEEKDAY}${MONTH}\\s+\\d{1,2},\\s+\\d{4})\\.?$`,
);
// A closing day ("… on January 10.", "… on Sunday, Jan. 11, 2026."), not just a year.
const UNCREDITED_DATE_END = new RegExp(
  `(?:\\bon\\s+${WEEKDAY}(?:${MONTH}\\s+\\d{1,2}(?:,\\s+\\d{4})?|\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?)|,\\s+${WEEKDAY}${MONTH}\\s+\\d{1,2},\\s+\\d{4})\\.?$`,
);
// Past-tense and auxiliary verbs: prose has them, photo captions rarely do.
const PROSE_VERB =
  /\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|do|does|did|said|says|say|told|tells|according|went|came|took|made|gave|found|held|met|won|lost|rose|fell|began|saw|became|left|led|ran|brought|kept|paid|sent|built|spent|struck|hit|cut|put|set|beat|underwent|knew|thought|wrote|spoke|chose|drew|flew|grew|threw|sold|stood|sat|fought|caught|taught|bought|sought|got|let|meant|felt|heard|lay|laid|wore|tore|broke|froze|rode|woke|shot|fled|bled|fed|hung|swore|slid|split|quit|sank|sang|swam|rang|became)\b|(?<![-\p{L}])\p{L}{2,}ed\b(?! by\b)|\p{L}['’](?:s|re|ve|ll|d|m)\b|n['’]t\b/iu;

/** A credit name: photo words, or 1–5 words that all start with a capital ("Kyodo", "AFP-JIJI", "END"). */
function isCreditName(name: string): boolean {
  const words = name.trim().split(/\s+/);
  if (words.length > 8) return false;
  if (PHOTO_WORD.test(name)) return true;
  return words.length <= 5 && words.every((w) => /^[\p{Lu}\p{N}&]/u.test(w));
}

// A credit that labels a photo: "Photo: Reuters", "Image by Jane Doe:".
const PHOTO_LABEL = /^(?:photo(?:graph)?s?|image|picture|credit)(?: by)?\s*:/i;

/** True when `text` is a credit on its own: "(Kyodo)", "[NEWS1]", "(AP Photo/Evan Vucci)", "Getty Images". */
export function isCredit(text: string): boolean {
  const s = text.trim();
  const bracket = /^[([]([^()[\]]{1,60})[)\]]$/.exec(s);
  if (bracket) return isCreditName(bracket[1]!);
  if (PHOTO_LABEL.test(s)) return s.length <= 80;
  return s.length <= 120 && mayEndWithCreditPhrase(s) && pieceCount(s, 9) <= 8 && TRAILING_CREDIT.test(s);
}

/**
 * False when a sentence cannot be a credit or end with one (`isCredit` and `trailingCredit` are
 * then false and null): it does not end with a bracket, holds no "|", does not open with a photo
 * label and cannot end with a credit phrase.
 */
export function mayHaveCredit(sentence: string): boolean {
  const s = sentence.trim();
  const last = s.charCodeAt(s.length - 1);
  return last === 41 || last === 93 || s.includes('|') || PHOTO_LABEL.test(s) || mayEndWithCreditPhrase(s);
}

/**
 * Moves credits that sentence splitting separated from their caption back onto it: a credit
 * opening the next sentence (["… 2021.", "(Kyodo) TOKYO (Kyodo) Visiting …"]) or forming a
 * sentence of its own (["… Cup.", "Image: Getty Images"]).
 */
export function reattachCredits(sentences: readonly string[]): string[] {
  const out: string[] = [];
  for (const sentence of sentences) {
    if (out.length === 0) {
      out.push(sentence);
      continue;
    }
    const m = /^[([]([^()[\]]{1,60})[)\]]\s*/.exec(sentence);
    if (m && isCreditName(m[1]!)) {
      out[out.length - 1] = `${out[out.length - 1]} ${m[0].trim()}`;
      const rest = sentence.slice(m[0].length).trim();
      if (rest) out.push(rest);
    } else if (isCredit(sentence)) {
      out[out.length - 1] = `${out[out.length - 1]} ${sentence.trim()}`;
    } else {
      out.push(sentence);
    }
  }
  return out;
}

/** The credit that ends a sentence after its closing punctuation, or after a bar; null if none. */
export function trailingCredit(sentence: string): { credit: string; rest: string; photo: boolean } | null {
  const s = sentence.trim();
  // BRACKET_CREDIT_END ends in a closing bracket and PIPE_CREDIT needs a bar: test for them first.
  const last = s.charCodeAt(s.length - 1);
  const bracket = last === 41 || last === 93 ? BRACKET_CREDIT_END.exec(s) : null;
  if (bracket && isCreditName(bracket[2]!)) {
    const cut = bracket.index + bracket[1]!.length;
    // A name in capitals in square brackets is how Korean papers credit a photo: "[YONHAP]".
    const photo = PHOTO_WORD.test(bracket[2]!) || (last === 93 && !/\p{Ll}/u.test(bracket[2]!));
    return { credit: s.slice(cut).trim(), rest: s.slice(0, cut).trim(), photo };
  }
  const pipe = s.includes('|') ? PIPE_CREDIT.exec(s) : null;
  if (pipe && isPipeCredit(pipe[1]!))
    return { credit: pipe[1]!.trim(), rest: s.slice(0, pipe.index).trim(), photo: true };
  // Credits are short: only the end of the sentence is searched (from a space, so that the
  // pattern's word boundary holds), which keeps the cost linear on long text.
  const from = s.length > TAIL ? s.indexOf(' ', s.length - TAIL) : 0;
  const tail = from >= 0 ? s.slice(from) : '';
  const phrase = from >= 0 && mayEndWithCreditPhrase(tail) ? TRAILING_CREDIT.exec(tail) : null;
  if (phrase && from + phrase.index > 0) {
    const at = from + phrase.index;
    return { credit: phrase[0].trim(), rest: s.slice(0, at + 1).trim(), photo: true };
  }
  return null;
}

function isPipeCredit(text: string): boolean {
  const t = text.trim();
  if (/[.!?]$/.test(t) || t.split(/\s+/).length > 8) return false;
  return (
    PHOTO_WORD.test(t) || !/\p{Ll}/u.test(t) || /^[\p{Lu}][\p{L}.-]*(?: [\p{Lu}][\p{L}.-]*){0,3}$/u.test(t)
  );
}

/** True when a sentence (credit removed) describes a photo: a present-tense caption verb or a closing date. */
export function describesPhoto(sentence: string): boolean {
  return CAPTION_VERB.test(sentence) || PHOTO_DATE_END.test(sentence.trim());
}

/**
 * True for a caption sentence: one that ends in a photo credit ("| POOL / AFP-JIJI", "(AP Photo/…)",
 * "Photo: Reuters"), or in an agency credit after a description of a photo ("… arrives at his
 * office in Tokyo on May 13, 2021. (Kyodo)"), or a credit on its own.
 */
export function isCaptionSentence(sentence: string): boolean {
  if (isCredit(sentence)) return true;
  const credit = trailingCredit(sentence);
  if (!credit) return false;
  return credit.photo || describesPhoto(credit.rest);
}

/**
 * True for a paragraph that reads as a photo caption without any credit. Kept strict, since a
 * story's one-sentence lead must never be taken for one: a single sentence of at most 20 words,
 * not a quote, without a past-tense or auxiliary verb, with a present-tense caption verb
 * ("Snowplows clear a road near Sarajevo", "Supporters attend a rally in Mbarara"), and either
 * before the story's first paragraph or closing with a day ("… before dawn on Jan. 12.").
 */
export function isUncreditedCaption(sentences: readonly string[], beforeStory: boolean): boolean {
  const only = sentences[0]?.trim() ?? '';
  if (sentences.length !== 1 || /["“”]|[:?]$/.test(only) || pieceCount(only, 21) > 20) return false;
  // The caption verb first: few sentences have one, and PROSE_VERB is the costlier pattern.
  if (!CAPTION_VERB.test(only) || PROSE_VERB.test(only)) return false;
  return beforeStory || UNCREDITED_DATE_END.test(only);
}

/** Removes an agency credit that closes a news sentence ("… said Thursday. (Kyodo)" → "… said Thursday."). */
export function stripTrailingCredit(sentence: string): string {
  const credit = trailingCredit(sentence);
  return credit && !credit.photo ? credit.rest : sentence;
}
