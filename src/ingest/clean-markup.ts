import { type HTMLElement, type Node, NodeType, parse } from 'node-html-parser';

/** Elements whose content is never story text. */
const SKIPPED = new Set(
  (
    'script style noscript template svg canvas iframe object embed video audio picture img figure figcaption ' +
    'nav aside footer header form button input select textarea label dialog menu head title meta link'
  ).split(' '),
);
/** Elements that start and end a paragraph. */
const BLOCKS = new Set(
  (
    'p div section article main blockquote pre h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table thead tbody tr ' +
    'hr address details summary center'
  ).split(' '),
);

/** True when text holds HTML markup (an element tag), not just a stray "<". */
export function looksLikeHtml(text: string): boolean {
  return /<(?:[a-z][a-z\d]*)(?:\s[^<>]*)?\/?>/i.test(text) && /<\/[a-z][a-z\d]*\s*>|<br\s*\/?>/i.test(text);
}

/**
 * HTML to plain text: scripts, styles, figures and captions, navigation and forms are dropped;
 * block elements become paragraphs (separated by a blank line) and `<br>` a line break; entities
 * are decoded.
 */
export function htmlToText(html: string): string {
  const root = parse(html, {
    comment: false,
    blockTextElements: { script: false, style: false, noscript: false },
  });
  const parts: string[] = [];
  walk(root, parts);
  return parts
    .join('')
    .split(/\n{2,}/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((block) => block !== '')
    .join('\n\n');
}

function walk(node: Node, parts: string[]): void {
  if (node.nodeType === NodeType.TEXT_NODE) {
    parts.push(node.text.replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== NodeType.ELEMENT_NODE) return;
  const tag = (node as HTMLElement).rawTagName?.toLowerCase() ?? '';
  if (SKIPPED.has(tag)) return;
  if (tag === 'br') {
    parts.push('\n');
    return;
  }
  const block = BLOCKS.has(tag);
  if (block) parts.push('\n\n');
  for (const child of node.childNodes) walk(child, parts);
  if (block) parts.push('\n\n');
}

/**
 * Markdown to plain text: headings, emphasis, code marks, block quotes, list markers, tables'
 * pipes and rules are removed; links keep their text, images (and their alt text, a caption) are
 * dropped, as are link reference definitions and inline HTML tags. Paragraphs stay separated by
 * blank lines. Every pattern is bounded, so the cost stays linear on hostile input.
 */
export function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/^ {0,3}(?:```|~~~).*$/gm, '')
    .replace(/^ {0,3}\[[^\]\n]+\]:[ \t]+\S+.*$/gm, '')
    .replace(/^ {0,3}(?:[-*_][ \t]*){3,}$/gm, '')
    .replace(/^ {0,3}\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*$/gm, '')
    .replace(/^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm, '$1')
    .replace(/^ {0,3}(?:>[ \t]?)+/gm, '')
    .replace(/^ {0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+/gm, '')
    .replace(/!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)|!\[[^\]\n]{0,300}\]\[[^\]\n]{0,100}\]/g, '')
    .replace(/\[([^\]\n]{0,300})\]\((?:[^()\s]|\([^()\s]{0,300}\)){0,500}(?:\s+"[^"\n]{0,200}")?\)/g, '$1')
    .replace(/\[([^\]\n]{1,300})\]\[[^\]\n]{0,100}\]/g, '$1')
    .replace(/<\/?[a-z][a-z\d]*(?:\s[^<>]*)?\/?>/gi, '')
    .replace(/(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\w*])\*(?=\S)(.{1,300}?)(?<=\S)\*(?![\w*])/g, '$1')
    .replace(/(?<![\w_])_(?=\S)(.{1,300}?)(?<=\S)_(?![\w_])/g, '$1')
    .replace(/~~(?=\S)(.{1,300}?)(?<=\S)~~/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/^[ \t]*\|(.*)\|[ \t]*$/gm, (_m: string, row: string) =>
      row
        .split('|')
        .map((c) => c.trim())
        .join(' '),
    )
    .replace(/\\([\\`*_{}[\]()#+\-.!>|])/g, '$1');
}
