import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * The XML layer of the feed reader: well-formedness check, parsing into plain objects, and small
 * helpers to read elements by local name and their text.
 *
 * Entities: the parser's own entity processing is off, so a DOCTYPE's entity declarations are
 * never expanded (no "billion laughs"); the five XML entities and numeric character references are
 * decoded here, in text outside CDATA and in attribute values. HTML entities ("&nbsp;", which a
 * strict parser would reject) are left as they are for the HTML cleaning that follows.
 */

/** A parsed element: attributes as "@_name", text as "#text", CDATA sections as "#cdata". */
export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

const PARSER_OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  cdataPropName: '#cdata',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 200,
} as const;

// An "&" that does not start an entity or character reference ("AT&T", "?a=1&b=2"): such feeds
// are common and every feed reader accepts them.
const BARE_AMPERSAND = /&(?!(?:[A-Za-z][\w.-]*|#\d+|#x[\dA-Fa-f]+);)/g;

export type XmlReadResult = { ok: true; root: XmlNode } | { ok: false; reason: string };

/** Checks and parses an XML document; the reason names the line of the first error. */
export function readXml(text: string): XmlReadResult {
  const xml = text.replace(/^\ufeff/, '').replace(BARE_AMPERSAND, '&amp;');
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) {
    const message = valid.err.msg.replace(/\s+/g, ' ').trim();
    return { ok: false, reason: `XML parse error at line ${valid.err.line}: ${message}` };
  }
  try {
    const root: unknown = new XMLParser(PARSER_OPTIONS).parse(xml);
    if (!isNode(root)) return { ok: false, reason: 'XML parse error: no root element' };
    return { ok: true, root };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, reason: `XML parse error: ${message}` };
  }
}

export function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The part of a qualified name after its prefix: "content:encoded" → "encoded". */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Every child element of `node` with the given local name, in document order; an element without
 * a prefix comes before a prefixed one ("link" before "atom:link").
 */
export function children(node: XmlNode | undefined, name: string): XmlValue[] {
  if (!node) return [];
  const keys = Object.keys(node).filter((k) => !k.startsWith('@_') && !k.startsWith('#'));
  const exact = keys.filter((k) => k === name);
  const prefixed = keys.filter((k) => k !== name && localName(k) === name);
  return [...exact, ...prefixed].flatMap((k) => {
    const value = node[k];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  });
}

export function child(node: XmlNode | undefined, name: string): XmlValue | undefined {
  return children(node, name)[0];
}

export function childNode(node: XmlNode | undefined, name: string): XmlNode | undefined {
  const c = child(node, name);
  return isNode(c) ? c : undefined;
}

/** An attribute's value, decoded; undefined when absent. */
export function attr(value: XmlValue | undefined, name: string): string | undefined {
  if (!isNode(value)) return undefined;
  const direct = value[`@_${name}`];
  if (typeof direct === 'string') return decodeXml(direct);
  const key = Object.keys(value).find((k) => k.startsWith('@_') && localName(k.slice(2)) === name);
  const found = key === undefined ? undefined : value[key];
  return typeof found === 'string' ? decodeXml(found) : undefined;
}

/**
 * The text content of an element: its text (XML references decoded) followed by its CDATA
 * sections (as written); for an element with child elements (XHTML content), the text of all of
 * them in turn, separated by spaces.
 */
export function textOf(value: XmlValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return decodeXml(value);
  if (Array.isArray(value)) return value.map(textOf).join(' ');
  const parts: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (key.startsWith('@_')) continue;
    if (key === '#cdata')
      parts.push(
        Array.isArray(v)
          ? v.map((c) => (typeof c === 'string' ? c : '')).join('')
          : typeof v === 'string'
            ? v
            : '',
      );
    else if (key === '#text') parts.push(textOf(v));
    else parts.push(textOf(v));
  }
  return parts.filter((p) => p !== '').join(' ');
}

/** True when the element has child elements (XHTML content) rather than only text. */
export function hasElements(value: XmlValue | undefined): boolean {
  return isNode(value) && Object.keys(value).some((k) => !k.startsWith('@_') && !k.startsWith('#'));
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references; other references are kept. */
export function decodeXml(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([\dA-Fa-f]+)|(amp|lt|gt|quot|apos));/g, (whole, dec, hex, named) => {
    if (named) return XML_ENTITIES[named as string] ?? whole;
    const code = dec ? Number.parseInt(dec as string, 10) : Number.parseInt(hex as string, 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
      ? String.fromCodePoint(code)
      : whole;
  });
}
