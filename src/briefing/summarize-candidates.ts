/**
 * The sentences of an article body that may appear in its summary: prose sentences only, with web
 * debris left out (boilerplate, photo captions and credits, all-caps "related story" lines,
 * teaser kickers, lists, headlines and bylines without a full stop) and datelines cut off.
 *
 * Bodies from ingest have been through `cleanBody` already; this is the summariser's second line
 * of defence, and it runs on every article, so it is built for speed: the ingest predicates that
 * are cheap (datelines, related-story lines) are reused as they are; the costly ones (captions,
 * about 4 µs a sentence; boilerplate, about 7 µs) only run on the rare sentence that carries a
 * telltale word or mark, found from its term ids; boilerplate is matched by one compact pattern.
 */
import { isCaptionSentence, reattachCredits, trailingCredit } from '../ingest/clean-captions.js';
import { stripDateline } from '../ingest/clean-dateline.js';
import { isRelatedStoryLine } from '../ingest/clean-related.js';
import { analyseDistinct, beginDocument, shared } from '../text/analyser.js';
import { splitSentences } from '../text/sentences.js';

/** A sentence that may be chosen, with its position among the candidates (0 = first). */
export interface Candidate {
  text: string;
  position: number;
  /** Distinct term ids (the shared analyser's, text/analyser.ts), valid until the next document. */
  ids: number[];
  /**
   * Weak forms: a question, an exclamation, a short sentence, a quote without an introduced
   * speaker (none, "he said", "Miller said"), a dangling opening.
   */
  flaws: number;
}

/** Boilerplate that is never summary material, wherever it sits in a sentence. */
const BOILERPLATE = new RegExp(
  [
    'click here',
    '\\bsign up\\b',
    '\\bsubscribe\\b',
    'newsletter',
    'javascript',
    'your (?:web )?browser',
    'cookies? (?:policy|settings)',
    '\\b(?:download|get|install) (?:the|our) [^.]{0,30}\\bapp\\b',
    'app users',
    '\\bfollow\\b[^.]{0,60}\\bon (?:x|twitter|facebook|instagram|tiktok|threads|youtube)\\b',
    'contributed (?:reporting )?to this (?:report|story|article)',
    'continue reading',
    '\\bread more\\b',
    'all rights reserved',
    'copyright',
    'https?:\\/\\/',
    '\\bwww\\.',
    '\\badvertisement\\b',
    'your inbox',
    'best tech tips',
  ].join('|'),
  'i',
);

/**
 * Telltale words: bit 1 for boilerplate, bit 2 for photo captions and credits. Only a sentence
 * with such a word is matched against BOILERPLATE or `isCaptionSentence`.
 */
const BOILERPLATE_WORDS =
  'click sign subscribe newsletter javascript browser cookies download install app follow contributed continue ' +
  'read rights copyright http https www advertisement inbox tips';
const CAPTION_WORDS =
  'photo photograph image picture credit courtesy handout pool getty shutterstock alamy file ap afp reuters ' +
  'epa kyodo jiji yonhap xinhua';
let telltaleGeneration = -1;
let telltales = new Uint8Array(0);

function telltaleBits(ids: number[]): number {
  if (telltaleGeneration !== shared.generation) {
    const marks: Array<[number, number]> = [];
    for (const word of BOILERPLATE_WORDS.split(' ')) marks.push([shared.idOfToken(word), 1]);
    for (const word of CAPTION_WORDS.split(' ')) marks.push([shared.idOfToken(word), 2]);
    telltales = new Uint8Array(shared.size);
    for (const [id, bit] of marks) if (id >= 0) telltales[id]! |= bit;
    telltaleGeneration = shared.generation;
  }
  let bits = 0;
  for (const id of ids) if (id < telltales.length) bits |= telltales[id]!;
  return bits;
}

/**
 * An all-caps kicker before the sentence proper: "FIRST ON FOX: Soon-to-be Virginia Gov. …",
 * "‘CLAN DYNAMICS’ – Minnesota …". It is cut off; teaser lines behind kickers are dropped anyway
 * for lacking a full stop or for their "Continue reading".
 */
const KICKER = /^["'‘“]?[\p{Lu}\d][\p{Lu}\d '’‘,.&-]{2,}["'’”]?\s*[:—–-]\s+(?=["'‘“]?\p{Lu}\p{Ll})/u;

/** A list item or bullet. */
const BULLET = /^[-–—•*▪►●■]/;

/**
 * Only this much of a paragraph is split: a wall of text without line breaks would otherwise cost
 * time in proportion to its length for sentences the cap never reaches.
 */
const PARAGRAPH_CHARS = 4000;

/** Shorter sentences are fragments ("Maybe.", "It's beautiful.") and never candidates. */
const MIN_WORDS = 6;
/** Shorter sentences are candidates with a flaw. */
const SHORT_WORDS = 10;

/** Openings that lean on a sentence before them. */
const DANGLING =
  /^(?:But|However|And|Also|Still|Yet|So|Meanwhile|Instead|Nevertheless|Moreover|Furthermore|Besides|Then|That|This|These|Those|It|He|She|They|We|I|His|Her|Their|Its|There)\b/;

/**
 * The labels that stories written in short sections put before a paragraph: "Why it matters:",
 * "The big picture:", "Zoom in:", "Driving the news:". Followed by the sentence, capitalised.
 */
const SECTION_LABEL =
  /^(?:why it matters|the big picture|driving the news|between the lines|zoom in|zoom out|the bottom line|bottom line|what they're saying|what they’re saying|state of play|what's next|what’s next|what to watch|the latest|by the numbers|reality check|the other side|context|flashback|catch up quick|yes, but|the intrigue|behind the scenes|go deeper):\s+(?=["“]?\p{Lu})/iu;

/** A colon where a section label would end it: within the first 22 characters. */
function hasLabelColon(text: string): boolean {
  const colon = text.indexOf(':');
  return colon > 0 && colon <= 22;
}

/** A verb of attribution, so a quote in the sentence has a speaker. */
const ATTRIBUTED =
  /\b(?:said|says|say|told|tells|added|adds|according|wrote|writes|asked|stated|explained|noted|warned|argued|insisted|announced|declared)\b/;

/**
 * A quotation whose speaker is a pronoun or a bare surname (`…,” he said.`, `…,” Miller said.`): out
 * of its paragraph, the reader does not know who said it. A speaker with a role or a full name
 * (`…,” transport minister Ana Ruiz said.`) is introduced.
 */
const PRONOUN_SPEAKER =
  /["\u201d'\u2019]\s+(?:he|she|they|we|I|[A-Z][a-z]+)\s+(?:said|says|added|adds|told|tells|wrote|writes|asked|explained|noted|warned|argued|insisted|continued|went on)\b/;

/**
 * The candidate sentences of `body`, in order, at most `limit` of them (the lead is where news
 * puts its facts, and the cap keeps the cost per article flat). Starts a new document for the
 * term vocabulary: ids from an earlier call may be void afterwards.
 */
export function extractCandidates(body: string, limit: number): Candidate[] {
  beginDocument();
  const out: Candidate[] = [];
  let from = 0;
  while (from < body.length && out.length < limit) {
    let to = body.indexOf('\n', from);
    if (to < 0) to = body.length;
    const para = body.slice(from, to).trim();
    from = to + 1;
    if (para.length > 0 && !BULLET.test(para) && !isShouted(para)) addParagraph(para, out, limit);
  }
  return out;
}

function addParagraph(para: string, out: Candidate[], limit: number): void {
  let sentences: string[];
  if (para.length > PARAGRAPH_CHARS) {
    sentences = splitSentences(para.slice(0, PARAGRAPH_CHARS));
    sentences.pop(); // cut short
  } else sentences = splitSentences(para);
  // "… arrives in Tokyo on May 13, 2021. (Kyodo) TOKYO (Kyodo) Visiting …": the credit goes back
  // on the caption it closes.
  if (sentences.some(opensWithBracket)) sentences = reattachCredits(sentences);
  // A short paragraph closed by a photo credit ("… met in China. | POOL / AFP-JIJI") is a caption.
  const last = sentences[sentences.length - 1] ?? '';
  if (sentences.length <= 3 && mayEndWithCredit(last) && trailingCredit(last)?.photo) return;
  for (let k = 0; k < sentences.length && out.length < limit; k++) {
    let text = sentences[k]!;
    // Datelines open a paragraph, or follow the credit of a caption ("TOKYO (Kyodo) Visiting …").
    if ((k === 0 || isUpperAscii(text.charCodeAt(1))) && mayOpenWithDateline(text))
      text = stripDateline(text);
    if (isUpperAscii(text.charCodeAt(1))) text = text.replace(KICKER, '');
    // A section label of a "smart brevity" story ("Why it matters: …") is not part of the sentence.
    else if (hasLabelColon(text) && SECTION_LABEL.test(text)) text = text.replace(SECTION_LABEL, '');
    if (!endsAsProse(text) || !quotesBalance(text) || isShouted(text)) continue;
    const { ids, words } = analyseDistinct(text);
    if (words < MIN_WORDS) continue;
    const bits = telltaleBits(ids);
    if ((bits & 1) !== 0 && BOILERPLATE.test(text)) continue;
    if (((bits & 2) !== 0 || mayEndWithCredit(text)) && isCaptionSentence(text)) continue;
    out.push({ text, position: out.length, ids, flaws: flawsOf(text, words) });
  }
}

/**
 * An all-caps related-story line, by the rule of `isRelatedStoryLine` (no lower-case letter, at
 * least 4 words and 15 letters, letters at least 60% of the visible characters) in one pass
 * without allocation, which stops at the first lower-case letter. Text with letters outside ASCII
 * goes to `isRelatedStoryLine` itself.
 */
function isShouted(text: string): boolean {
  let letters = 0;
  let visible = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 160) {
      inWord = false;
      continue;
    }
    if (!inWord) words++;
    inWord = true;
    visible++;
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
    else if (c >= 128 && !isTypographic(c)) return isRelatedStoryLine(text);
  }
  return words >= 4 && letters >= 15 && letters >= 0.6 * visible;
}

/** Quotes, dashes and the ellipsis: the non-ASCII marks of English prose, none of them letters. */
function isTypographic(c: number): boolean {
  return (c >= 0x2010 && c <= 0x2027) || c === 0x00ab || c === 0x00bb;
}

/**
 * Could open with a dateline (`stripDateline`): a capital followed by a capital ("WASHINGTON —",
 * "TOKYO (Kyodo)"), or a bracket or dash early on ("Jan 13 (Reuters) -", "London – ").
 */
function mayOpenWithDateline(text: string): boolean {
  if (!isUpperAscii(text.charCodeAt(0))) return false;
  if (isUpperAscii(text.charCodeAt(1))) return true;
  const end = Math.min(text.length, 60);
  for (let i = 2; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 0x2013 || c === 0x2014) return true; // ( – —
  }
  return false;
}

function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

function opensWithBracket(sentence: string): boolean {
  const c = sentence.charCodeAt(0);
  return c === 40 || c === 91; // ( [
}

/** Could end with a bracketed or barred credit ("… 2021. (Kyodo)", "… | Reuters"). */
function mayEndWithCredit(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === 41 || c === 93 || text.includes('|'); // ) ]
}

/** Where the sentence's final stop is: before any closing quotes and brackets. */
function coreEnd(text: string): number {
  let end = text.length;
  for (;;) {
    const c = text.charCodeAt(end - 1);
    // " ' ) ] ” ’
    if (c === 34 || c === 39 || c === 41 || c === 93 || c === 0x201d || c === 0x2019) end--;
    else return end;
  }
}

/** Ends with a full stop, "!" or "?", not an ellipsis: headlines, bylines and teasers do not. */
function endsAsProse(text: string): boolean {
  const end = coreEnd(text);
  const last = text.charCodeAt(end - 1);
  if (last === 46) return text.charCodeAt(end - 2) !== 46;
  return last === 33 || last === 63;
}

/**
 * Quote marks pair up within the sentence. A sentence cut out of a multi-sentence quotation
 * ("Congress NEEDS to act.) would show a dangling quote mark. Single curly quotes double as
 * apostrophes, so for them only a closing one right after the final stop is checked.
 */
function quotesBalance(text: string): boolean {
  if (occurrences(text, '"') % 2 !== 0 || occurrences(text, '“') !== occurrences(text, '”')) return false;
  return !(
    text.charCodeAt(text.length - 1) === 0x2019 &&
    isStop(text.charCodeAt(text.length - 2)) &&
    !text.includes('‘')
  );
}

function isStop(c: number): boolean {
  return c === 46 || c === 33 || c === 63; // . ! ?
}

function occurrences(text: string, mark: string): number {
  let n = 0;
  for (let i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + 1)) n++;
  return n;
}

/** Opens with a quotation: the words are someone's, and the speaker may be missing. */
function opensWithQuote(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 34 || c === 0x201c || c === 0x2018 || c === 39;
}

function flawsOf(text: string, words: number): number {
  let flaws = 0;
  const end = text.charCodeAt(coreEnd(text) - 1);
  if (end === 63) flaws++; // a question
  if (end === 33) flaws++; // an exclamation: a cry, a post or a promotion rather than a report
  if (words < SHORT_WORDS) flaws++;
  if (DANGLING.test(text)) flaws++;
  if (opensWithQuote(text) && (!ATTRIBUTED.test(text) || PRONOUN_SPEAKER.test(text))) flaws++;
  return flaws;
}
