import { stripDateline } from './clean-dateline.js';
import { pieceCount } from './clean-whitespace.js';

export type ParagraphKind =
  | 'content'
  | 'headline'
  | 'caption'
  | 'byline'
  | 'dated-byline'
  | 'teaser'
  /** The heading of a list of links inside the story ("Most Read from Example"): the headlines after it go too. */
  | 'links'
  | 'dropped';

/** A paragraph of a page with what it was found to be, and its cleaned text. */
export interface ClassifiedParagraph {
  kind: ParagraphKind;
  text: string;
}

/**
 * Removes navigation menus: runs of three or more consecutive short lines (at most four words,
 * no closing punctuation), such as a footer's list of sections or social networks. Of a run that
 * is dropped, the first line for which `standsAlone` is true stays (the heading of a list of other
 * stories, "Related topics", which ends the story).
 */
export function dropMenuRuns(
  paragraphs: readonly string[],
  standsAlone?: (paragraph: string) => boolean,
): string[] {
  const short = paragraphs.map((p) => pieceCount(p, 5) <= 4 && !/[.!?:"'”’)]$/.test(p));
  const out: string[] = [];
  let i = 0;
  while (i < paragraphs.length) {
    let j = i;
    while (j < paragraphs.length && short[j]) j++;
    if (j === i) j++; // not a short line: keep it
    if (j - i < 3 || !short[i]) out.push(...paragraphs.slice(i, j));
    else if (standsAlone) {
      const heading = paragraphs.slice(i, j).find(standsAlone);
      if (heading !== undefined) out.push(heading);
    }
    i = j;
  }
  return out;
}

/**
 * The main (first) story of a page that may hold several: its paragraphs from the first story
 * text up to where another story starts. Another story starts at a headline glued to boilerplate
 * (a teaser), or at a byline that follows a caption or a headline-like line (headline, photo
 * caption, byline: the pattern of a teaser block). Captions, bylines and boilerplate are never
 * part of the body; the dateline is removed from the story's first paragraph; where another story
 * starts, the headline-like lines just before it (that story's own headline) are dropped, and so
 * is a run of headlines after the story's last paragraph (links to other stories).
 */
export function selectMainStory(paragraphs: readonly ClassifiedParagraph[]): string[] {
  const out: ClassifiedParagraph[] = [];
  let started = false;
  let previous: ParagraphKind | null = null;
  let cut = false;
  // After a heading of links, until the next story text: its links.
  let inLinks = false;
  for (const p of paragraphs) {
    if (started) {
      const afterTeaserParts = previous === 'caption' || previous === 'headline';
      cut = p.kind === 'teaser' || ((p.kind === 'byline' || p.kind === 'dated-byline') && afterTeaserParts);
      if (cut) break;
    }
    if (p.kind !== 'dropped') previous = p.kind;
    if (p.kind === 'links') inLinks = true;
    else if (p.kind === 'content') inLinks = false;
    if (p.kind !== 'content' && (p.kind !== 'headline' || inLinks)) continue;
    const text = started ? p.text : stripDateline(p.text);
    if (text === '') continue;
    out.push({ kind: p.kind, text });
    if (p.kind === 'content') started = true;
  }
  // Where a story was cut, the headline-like lines before the cut are the next story's headline.
  while (cut && out.length > 0 && out[out.length - 1]!.kind === 'headline') out.pop();
  // Two or more headlines after the last paragraph of story text are links to other stories
  // ("Video: Lee arrives in Osaka"): five words or more, some in lower case. One such line may be
  // the story's own closing line ("The album is out now"), and shorter lines its own list (a
  // line-up: "4 Maria Sharapova (Russia)"); they stay.
  let links = 0;
  while (started && links < out.length && isLinkHeadline(out[out.length - 1 - links]!)) links++;
  if (links >= 2) out.length -= links;
  return out.map((p) => p.text);
}

function isLinkHeadline(p: ClassifiedParagraph): boolean {
  return p.kind === 'headline' && pieceCount(p.text, 5) >= 5 && /\s\p{Ll}/u.test(p.text);
}
