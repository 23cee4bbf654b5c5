import { BULLETS, pieceCount, visibleLength } from './clean-whitespace.js';

/**
 * Inline "related story" links that some sites set in capitals between paragraphs: "NATO WARNS
 * RUSSIA AFTER POLAND SHOOTS DOWN 'HUGE NUMBER' OF DRONES". A line with at least four words, at
 * least 15 letters, mostly letters and no lower-case letter at all.
 */
export function isRelatedStoryLine(line: string): boolean {
  if (hasAsciiLowerCase(line)) return false; // most lines: no need for the Unicode test
  const s = line.trim();
  // ASCII text (without lower-case letters, as found above) is counted without the Unicode patterns.
  let letters = asciiLetters(s);
  if (letters < 0) {
    if (/\p{Ll}/u.test(s)) return false;
    letters = s.match(/\p{L}/gu)?.length ?? 0;
  }
  const visible = visibleLength(s);
  return pieceCount(s, 4) >= 4 && letters >= 15 && letters / visible >= 0.6;
}

/** The number of letters in ASCII text without lower-case letters; -1 for text that is not ASCII. */
function asciiLetters(text: string): number {
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return -1;
    if (c >= 65 && c <= 90) letters++;
  }
  return letters;
}

function hasAsciiLowerCase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

/**
 * An all-caps kicker and a colon opening a paragraph: "FIRST ON FOX: ", "CAUGHT ON CAMERA: ",
 * "UNITED NATIONS: ". Two to eight words of capitals (digits, apostrophes, "&", "." and "-" allowed),
 * or one of the labels that announce a link on their own ("WATCH:", "RELATED:").
 */
const KICKER =
  /^(?:(?=[^:]*[A-Z]{2})(?:[A-Z0-9][A-Z0-9'’&.,-]*\s+){1,7}[A-Z0-9][A-Z0-9'’&.,-]*|WATCH|LISTEN|VIDEO|PHOTOS?|GALLERY|RELATED|MORE|READ|SEE|EXCLUSIVE|BREAKING):\s+/;
/** A kicker's text that reads as a linked headline: at most this many words. */
const LINKED_HEADLINE_WORDS = 18;
/** Ends with ".", "!" or "?" (and closing quotes). */
const SENTENCE_END = /[.!?]["'”’)]*$/;
/** Ends with an initialism ("… across the U.S."), whose "." need not end a sentence. */
const INITIALISM_END = /(?:^|[\s(])(?:\p{Lu}\.){2,}["'”’)]*$/u;

function endsLikeSentence(text: string): boolean {
  return SENTENCE_END.test(text) && !INITIALISM_END.test(text);
}

/**
 * Splits an all-caps kicker off a paragraph (see KICKER): null when there is none, or when the text
 * after it does not start with a capital letter, a digit or a quote.
 */
function kicker(paragraph: string): { label: string; rest: string } | null {
  // Most paragraphs open with a capital and a lower-case letter: no kicker.
  const c0 = paragraph.charCodeAt(0);
  const c1 = paragraph.charCodeAt(1);
  if (!((c0 >= 65 && c0 <= 90) || (c0 >= 48 && c0 <= 57)) || (c1 >= 97 && c1 <= 122)) return null;
  const m = KICKER.exec(paragraph);
  if (!m) return null;
  const rest = paragraph.slice(m[0].length);
  if (!/^["'“‘]?[\p{Lu}\p{N}]/u.test(rest)) return null;
  return { label: m[0], rest };
}

/**
 * A paragraph read for an all-caps kicker (see KICKER): `link` when the kicker sits over a linked
 * headline ("CAUGHT ON CAMERA: Unseen video shows …", "WATCH: Senator says …": at most 18 words,
 * not ending like a sentence); otherwise `text` is the paragraph without a kicker that opens a
 * sentence ("FIRST ON FOX: The father of …" → "The father of …"), or the paragraph as it is.
 */
export function readKicker(paragraph: string): { link: boolean; text: string } {
  const k = kicker(paragraph);
  if (k === null) return { link: false, text: paragraph };
  if (endsLikeSentence(k.rest)) return { link: false, text: k.rest };
  return {
    link: pieceCount(k.rest, LINKED_HEADLINE_WORDS + 1) <= LINKED_HEADLINE_WORDS,
    text: paragraph,
  };
}

/** Whether a paragraph is a link under an all-caps kicker (see readKicker). */
export function isKickerLink(paragraph: string): boolean {
  return readKicker(paragraph).link;
}

/** A paragraph without the all-caps kicker that opens a sentence (see readKicker). */
export function withoutKicker(paragraph: string): string {
  return readKicker(paragraph).text;
}

/**
 * The heading of a list of other stories that pages put after the story ("Most Viewed", "Top
 * Stories", "You may also like", "More from Business", "Most Liked") or of its topics ("Suggested
 * Topics:", "Tags", "Keywords", "Explore more on these topics") or the comments ("Example's
 * comment policy", "Join the conversation"): where the story is over. "Related" is not one: pages also set it before a single link
 * inside the story.
 */
const PAGE_END_HEADING = new RegExp(
  `^(?:[${BULLETS}]+\\s*)?(?:most (?:viewed|read|popular|shared|commented|liked|saved|emailed|watched)(?: stories| articles| news)?|trending(?: now| stories| news)?|top (?:stories|news|headlines)|latest (?:news|stories|headlines)|more (?:stories|news|headlines|articles)|more from [\\p{L}\\d&' -]{1,30}|you (?:may|might) also (?:like|be interested in)|recommended(?: for you| stories| reading)?|editor['’]?s['’]? picks|popular (?:now|stories|articles)|don['’]t miss|read next|what to read next|(?:suggested |related )?topics|tags|keywords|filed under|more on this story|explore more on (?:these|this) topics?|(?:[\\p{L}\\d&'’ .-]{1,30}['’]s? )?comment (?:policy|guidelines)|join the (?:conversation|discussion)|leave a (?:comment|reply))\\s*[:.…»>|–—-]?$`,
  'iu',
);

/** Whether a paragraph is the heading of a list of other stories (see PAGE_END_HEADING). */
export function isPageEndHeading(paragraph: string): boolean {
  return paragraph.length <= 48 && PAGE_END_HEADING.test(paragraph);
}

/**
 * The heading of a list of links that a page sets inside the story, with story text after it:
 * "Most Read from Example", "Read more:", "Related coverage". The headlines under it are links.
 */
const LINKS_HEADING =
  /^(?:most (?:read|viewed|popular|shared|watched) from [\p{L}\d&' .-]{1,40}|(?:read|see) (?:more|also)|keep reading|related(?: stories| articles| coverage| links)?|recommended(?: reading| stories)?)\s*[:.…»>|–—-]?$/iu;

/** Whether a paragraph is the heading of a list of links inside the story (see LINKS_HEADING). */
export function isLinksHeading(paragraph: string): boolean {
  return paragraph.length <= 60 && LINKS_HEADING.test(paragraph);
}
