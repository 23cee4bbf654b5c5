import { type HTMLElement, type Node, NodeType, parse } from 'node-html-parser';
import {
  cleanOutlet,
  cleanTitle,
  splitOutletSuffix,
  stripHeadlineFurniture,
  stripOutletSuffix,
} from './clean-title.js';
import { visibleLength } from './clean-whitespace.js';

/** One headline of a Google News item, read from the HTML of the item's body. */
export interface GoogleNewsHeadline {
  title: string;
  outlet: string;
  /** The news.google.com article link; null when the entry has no usable link. */
  url: string | null;
}

export interface GoogleNewsBody {
  /** True when the body is a Google News headline list (even one with no usable headline). */
  isGoogleNews: boolean;
  headlines: GoogleNewsHeadline[];
  warnings: string[];
}

// The link to the story's full coverage page that follows a single headline.
const COVERAGE_TEXT = /^(?:view |see )?(?:full|more|all) coverage\b/i;
const COVERAGE_HREF = /^https?:\/\/news\.google\.[a-z.]+\/stories\//i;
// Text outside the headline entries above which the body is an article, not a headline list.
const MAX_OTHER_TEXT = 200;

/**
 * An element's `text`, decoded once: each anchor's text is read several times, and the tree is
 * never changed once parsed.
 */
const decodedText = new WeakMap<HTMLElement, string>();
function textOf(el: HTMLElement): string {
  let text = decodedText.get(el);
  if (text === undefined) {
    text = el.text;
    decodedText.set(el, text);
  }
  return text;
}

function isCoverageLink(a: HTMLElement): boolean {
  return COVERAGE_TEXT.test(textOf(a).trim()) || COVERAGE_HREF.test(a.getAttribute('href') ?? '');
}

/** The href as written when it is an absolute http(s) URL; null otherwise. */
function absoluteUrl(href: string | undefined): string | null {
  const s = href?.trim();
  return s && /^https?:\/\//i.test(s) && URL.canParse(s) ? s : null;
}

interface Entry {
  anchor: HTMLElement | null;
  outlet: string;
}

/**
 * Reads the headline entries of a Google News item body: an `<ol>` of `<li><a href>Headline</a>
 * &nbsp;&nbsp;<font>Outlet</font></li>`, or a single `<a>…</a>&nbsp;&nbsp;<font>Outlet</font>`
 * (a "View Full Coverage" link after it is ignored). Titles and outlets come from the elements,
 * never from glued text. An entry without headline text is skipped with a warning.
 */
export function readGoogleNewsBody(html: string): GoogleNewsBody {
  const root = parse(html, { comment: false });
  const items = elementsNamed(root, LI);
  const containers = items.length > 0 ? items : [root];
  const entries: Entry[] = [];
  let entryText = 0;
  for (const container of containers) {
    const found = collectEntries(container);
    if (found.length === 0 && items.length > 0) found.push({ anchor: null, outlet: '' });
    for (const entry of found)
      entryText += (entry.anchor ? visibleLength(textOf(entry.anchor)) : 0) + visibleLength(entry.outlet);
    entries.push(...found);
  }
  const coverageText = elementsNamed(root, A)
    .filter(isCoverageLink)
    .reduce((n, a) => n + visibleLength(textOf(a)), 0);
  const otherText = visibleLength(root.text) - entryText - coverageText;
  const hasEntries = items.length > 0 || entries.some((e) => e.anchor && e.outlet);
  if (!hasEntries || otherText > MAX_OTHER_TEXT) return { isGoogleNews: false, headlines: [], warnings: [] };

  const headlines: GoogleNewsHeadline[] = [];
  const warnings: string[] = [];
  entries.forEach((entry, i) => {
    const headline = toHeadline(entry);
    if (typeof headline === 'string') warnings.push(`headline ${i + 1} skipped: ${headline}`);
    else {
      if (headline.url === null) warnings.push(`headline ${i + 1} ("${headline.title}") has no usable link`);
      headlines.push(headline);
    }
  });
  return { isGoogleNews: true, headlines, warnings };
}

const LI: ReadonlySet<string> = new Set(['li']);
const A: ReadonlySet<string> = new Set(['a']);
const A_OR_FONT: ReadonlySet<string> = new Set(['a', 'font']);

/**
 * The descendant elements (not `root` itself) whose tag name, lower-cased, is one of `names`, in
 * document order: what `root.querySelectorAll('li')` or `('a, font')` returns (node-html-parser's
 * css-select adapter walks the tree the same way and compares `rawTagName.toLowerCase()`), without
 * compiling the selector on every call.
 */
function elementsNamed(root: HTMLElement, names: ReadonlySet<string>): HTMLElement[] {
  const out: HTMLElement[] = [];
  const stack: Node[] = [];
  for (let i = root.childNodes.length - 1; i >= 0; i--) stack.push(root.childNodes[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType !== NodeType.ELEMENT_NODE) continue;
    const el = node as HTMLElement;
    if (names.has((el.rawTagName || '').toLowerCase())) out.push(el);
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

/** Headline anchors in document order, each with the text of the `<font>` that follows it. */
function collectEntries(container: HTMLElement): Entry[] {
  const entries: Entry[] = [];
  for (const el of elementsNamed(container, A_OR_FONT)) {
    if (el.rawTagName.toLowerCase() === 'a') {
      if (!isCoverageLink(el)) entries.push({ anchor: el, outlet: '' });
    } else {
      const last = entries[entries.length - 1];
      if (last && !last.outlet) last.outlet = el.text;
    }
  }
  return entries;
}

function toHeadline(entry: Entry): GoogleNewsHeadline | string {
  if (!entry.anchor) return 'no link or headline text';
  let title = cleanTitle(textOf(entry.anchor));
  let outlet = cleanOutlet(entry.outlet);
  if (!outlet) {
    const split = splitOutletSuffix(title);
    title = split.title;
    outlet = split.outlet;
  } else {
    title = stripOutletSuffix(title, outlet);
  }
  title = stripHeadlineFurniture(title, outlet);
  if (!/[\p{L}\p{N}]/u.test(title)) return 'no headline text';
  return { title, outlet, url: absoluteUrl(entry.anchor.getAttribute('href')) };
}
