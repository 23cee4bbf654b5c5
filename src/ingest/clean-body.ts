import { splitSentences } from '../text/index.js';
import { repairApostrophes } from './clean-apostrophes.js';
import {
  gluedHeadline,
  isBoilerplateLine,
  isBoilerplateSentence,
  isHeadlineLike,
  mayHaveBoilerplateWords,
} from './clean-boilerplate.js';
import { beforeGluedTimestamp, bylineKind, isNameAboveByline } from './clean-byline.js';
import {
  describesPhoto,
  isCaptionSentence,
  isCredit,
  isUncreditedCaption,
  mayHaveCredit,
  reattachCredits,
  stripTrailingCredit,
  trailingCredit,
} from './clean-captions.js';
import { startsWithDateline } from './clean-dateline.js';
import { dropRepeatedParagraphs } from './clean-duplicates.js';
import { decodeEntities } from './clean-entities.js';
import { isLinksHeading, isPageEndHeading, isRelatedStoryLine, readKicker } from './clean-related.js';
import { collapseWhitespace, pieceCount, splitParagraphs } from './clean-whitespace.js';
import { type ClassifiedParagraph, dropMenuRuns, selectMainStory } from './split-stories.js';

const DROPPED: ClassifiedParagraph = { kind: 'dropped', text: '' };
const PAGE_END: ClassifiedParagraph = { kind: 'teaser', text: '' };
const LINKS: ClassifiedParagraph = { kind: 'links', text: '' };
/**
 * Speaks to the reader: what is left of a paragraph of page furniture ("Anyone can read what you
 * share."). Not a quotation: "you" in someone's words is reported speech.
 */
function toTheReader(sentence: string): boolean {
  return /\byour?\b/i.test(sentence) && !/["“”]/.test(sentence);
}

/** Closes a quotation: a sentence of someone's words ('… in your inbox shortly."'), never page furniture. */
function closesQuote(sentence: string): boolean {
  return /["”]$/.test(sentence.trimEnd());
}
/**
 * A label that some sites set before a caption or a credit: "Image caption,", "Media caption,",
 * "Image source, Getty Images". Alone on its line, it labels the line after it.
 */
const CAPTION_LABEL = /^(?:image|media|video|photo|picture) (?:caption|source|credit)\s*(?:[,:]|$)/i;

/**
 * Drops the captions and credits that a label announces: a labelled line ("Image source, Getty
 * Images", "Image caption, Protesters gathered …"), and a label alone on its line ("Image
 * caption,") with the line after it.
 */
function dropLabelledCaptions(paragraphs: string[]): string[] {
  if (!paragraphs.some((p) => CAPTION_LABEL.test(p))) return paragraphs;
  const out: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (!CAPTION_LABEL.test(p) || pieceCount(p, 41) > 40) out.push(p);
    else if (/^\S+ \S+\s*[,:]?$/.test(p)) i++; // the label alone: its caption is the next line
  }
  return out;
}
/** What a scraped link says of itself: "… the ministry said, opens new tab.", "(opens in a new window)". */
const NEW_TAB_NOTE = /,?[ \t]{0,3}\(?opens (?:in )?(?:a )?new (?:tab|window)\)?/g;
/**
 * The screen-reader marks of an embedded list of links, each on its own line: "list of 4 items",
 * "list 1 of 4", "end of list". Removed before paragraphs are joined, so that they glue nothing.
 */
const LIST_MARK = /^(?:list of \d{1,3} items?|list \d{1,3} of \d{1,3}|end of list)$/gim;
/**
 * A link to the rest of a story after its teaser: "… chipmakers rallied … Continue reading", "Read
 * more »". Taken off the story's own teaser; a short paragraph with one inside the story is dropped.
 */
const READ_MORE_TAIL =
  /\s+[[(]?(?:continue reading|read more|read the (?:full|rest of the) (?:story|article)|full story)(?:\s*(?:[→»›>…]|\.\.\.))?[\])]?$/i;
/** False when READ_MORE_TAIL cannot match: none of its words ("read", "story") near the end. */
function mayEndInReadMore(text: string): boolean {
  const from = text.length - 40;
  return text.indexOf('ead', from) >= 0 || text.indexOf('EAD', from) >= 0 || text.indexOf('tory', from) >= 0;
}
/** Words up to which a paragraph ending in a read-more link inside a story is a teaser for another. */
const PROMO_WORDS = 25;
/** The mark a feed or a teaser leaves where it cut the text: "… a two-day strike. […]". */
const TRUNCATION_MARK = / ?[[(](?:…|\.\.\.)[\])]$/;

/**
 * Text in which splitSentences may find a boundary: a ".", "!" or "?" (and any closing quotes or
 * brackets) before whitespace, or a line break.
 */
const MAY_SPLIT = /[.!?]["'”’)\]]*\s|\n/;

/** `reattachCredits(splitSentences(text))` for text in which MAY_SPLIT finds nothing. */
function oneSentence(text: string): string[] {
  const s = text.trim();
  return s ? [s] : [];
}

/**
 * Classifies one paragraph of a page and cleans it: boilerplate sentences, captions and trailing
 * agency credits are removed, lost apostrophes restored. The kind tells the story splitter what the
 * paragraph is: story text, a headline-like line, a caption, a byline, the headline of another
 * story glued to boilerplate or to a timestamp ("teaser"), or nothing worth keeping. A truncation
 * mark ("[…]") that closes the paragraph is removed. An all-caps kicker is removed from a sentence
 * it opens ("FIRST ON FOX: The …"), and a kicker over a linked headline ("CAUGHT ON CAMERA: Unseen
 * video shows …") is dropped with it.
 * `beforeStory` says that no story text has been seen yet (where uncredited captions sit).
 */
export function classifyParagraph(raw: string, opts: { beforeStory?: boolean } = {}): ClassifiedParagraph {
  return classifyCollapsed(collapseWhitespace(raw), opts.beforeStory ?? false);
}

/** classifyParagraph for a paragraph whose whitespace is collapsed already (as splitParagraphs leaves it). */
function classifyCollapsed(collapsed: string, beforeStory: boolean): ClassifiedParagraph {
  const end = collapsed.charCodeAt(collapsed.length - 1);
  const cut = end === 93 || end === 41 ? collapsed.replace(TRUNCATION_MARK, '') : collapsed;
  const whole = mayEndInReadMore(cut) ? cut.replace(READ_MORE_TAIL, '') : cut;
  // Inside a story, a short paragraph ending in such a link is a teaser for another story.
  if (whole !== cut && !beforeStory && pieceCount(whole, PROMO_WORDS + 1) <= PROMO_WORDS) return DROPPED;
  const repaired = repairApostrophes(whole);
  // The heading of a list of other stories ends the story, as a teaser does.
  if (isPageEndHeading(repaired)) return PAGE_END;
  if (isLinksHeading(repaired)) return LINKS;
  if (repaired === '' || isRelatedStoryLine(repaired) || isBoilerplateLine(repaired)) return DROPPED;
  const kicker = readKicker(repaired);
  if (kicker.link) return DROPPED;
  const p = kicker.text;
  const byline = bylineKind(p);
  if (byline === 'dated-byline') return { kind: 'dated-byline', text: p };
  if (byline) return { kind: 'byline', text: p };
  const stamped = beforeGluedTimestamp(p);
  if (stamped !== null && isHeadlineLike(stamped)) return { kind: 'teaser', text: stamped };
  if (isCredit(p)) return { kind: 'caption', text: p };
  // Text without a stop before a space is one sentence: splitting it would give it back as it is.
  const sentences = MAY_SPLIT.test(p) ? reattachCredits(splitSentences(p)) : oneSentence(p);
  const last = trailingCredit(sentences[sentences.length - 1] ?? '');
  // A short paragraph closed by a photo credit is a caption as a whole, and so is one that reads
  // like a caption.
  if (last?.photo && sentences.length <= 3) return { kind: 'caption', text: p };
  if (isUncreditedCaption(sentences, beforeStory)) return { kind: 'caption', text: p };

  const kept: string[] = [];
  let teaser: string | null = null;
  let captions = 0;
  let boilerplate = 0;
  // (A single sentence is tested for the words by isBoilerplateSentence itself.)
  const words = sentences.length === 1 || mayHaveBoilerplateWords(p);
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    if (isBoilerplateSentence(sentence, words) && !closesQuote(sentence)) {
      if (kept.length === 0 && teaser === null) teaser = gluedHeadline(sentence);
      boilerplate++;
      continue;
    }
    const next = sentences[i + 1];
    const beforeDateline = kept.length === 0 && next !== undefined && startsWithDateline(next);
    // Most sentences cannot hold a credit: they are kept as they are without the caption tests.
    const credit = mayHaveCredit(sentence);
    if ((credit && isCaptionSentence(sentence)) || (beforeDateline && describesPhoto(sentence))) {
      captions++;
      continue;
    }
    kept.push(credit ? stripTrailingCredit(sentence) : sentence);
  }
  if (teaser !== null) return { kind: 'teaser', text: teaser };
  // What a paragraph of furniture leaves when all of it speaks to the reader goes with it.
  if (boilerplate > 0 && kept.every(toTheReader)) kept.length = 0;
  if (kept.length === 0) return captions > 0 ? { kind: 'caption', text: p } : DROPPED;
  const text = kept.join(' ');
  return { kind: kept.length === 1 && isHeadlineLike(text) ? 'headline' : 'content', text };
}

/**
 * Cleans the text of a news page into the body of its main story: entities decoded, whitespace
 * collapsed, boilerplate, captions, credits, bylines, datelines and inline related-story lines
 * removed, apostrophes repaired, repeated paragraphs (and paragraphs repeating the headline)
 * dropped, and any further stories on the page cut off. Paragraphs are separated by "\n\n".
 */
export function cleanBody(text: string, opts: { title?: string } = {}): string {
  const classified: ClassifiedParagraph[] = [];
  let beforeStory = true;
  const decoded = decodeEntities(text);
  const unnoted =
    decoded.includes('new tab') || decoded.includes('new window')
      ? decoded.replace(NEW_TAB_NOTE, '')
      : decoded;
  const page = unnoted.includes('end of list') ? unnoted.replace(LIST_MARK, '') : unnoted;
  const paragraphs = dropMenuRuns(
    dropLabelledCaptions(splitParagraphs(page, isPageEndHeading)),
    isPageEndHeading,
  );
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i]!;
    // A name above a role ("Jane Smith" / "Political reporter") is part of the byline.
    const c = isNameAboveByline(paragraph, paragraphs[i + 1])
      ? DROPPED
      : classifyCollapsed(paragraph, beforeStory);
    if (c.kind === 'content') beforeStory = false;
    classified.push(c);
  }
  const story = selectMainStory(classified);
  return dropRepeatedParagraphs(story, opts.title ? [opts.title] : []).join('\n\n');
}
