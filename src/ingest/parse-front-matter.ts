import matter from 'gray-matter';

/** A document split into its YAML front matter and its body. */
export interface FrontMatter {
  data: Record<string, unknown>;
  /** The body after the closing delimiter. */
  content: string;
  /** The YAML text itself, for reading a scalar exactly as written. */
  yaml: string;
}

const OPENING = /^---[ \t]*\n/;
const CLOSING = /\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** True when the (normalised) text opens with a YAML front-matter delimiter line. */
export function hasFrontMatter(text: string): boolean {
  return OPENING.test(text);
}

function refuse(): never {
  throw new Error('only YAML front matter is read');
}

// js-yaml's test for characters it refuses anywhere in a document.
const NON_PRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
// Every character that NON_PRINTABLE or the test for tabs and BOMs below matches is one of these
// (surrogates only when unpaired): most YAML is scanned once, with a single character class.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused
const MAY_BE_REFUSED = /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;
const KEY_LINE = /^([A-Za-z][A-Za-z0-9_-]*):(?: (.*))?$/;
const PLAIN = /^[A-Za-z][A-Za-z0-9 ._-]*$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Plain words that YAML reads as null or a boolean rather than a string (and keys that would change). */
const NOT_STRINGS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/**
 * One scalar of the subset `simpleYaml` reads, as js-yaml's safe schema reads it: a double-quoted
 * string without escapes other than \" and \\, a single-quoted string, a day (a Date at UTC
 * midnight), true or false, or a plain string of letters, digits, spaces, dots, dashes and
 * underscores. Undefined for anything else.
 */
function simpleScalar(text: string): unknown {
  const first = text[0];
  const last = text[text.length - 1];
  if (first === '"') {
    if (text.length < 2 || last !== '"') return undefined;
    const inner = text.slice(1, -1);
    if (!inner.includes('\\')) return inner.includes('"') ? undefined : inner;
    let out = '';
    for (let i = 0; i < inner.length; i++) {
      const c = inner[i];
      if (c === '"') return undefined;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const next = inner[++i];
      if (next !== '"' && next !== '\\') return undefined;
      out += next;
    }
    return out;
  }
  if (first === "'") {
    if (text.length < 2 || last !== "'") return undefined;
    const inner = text.slice(1, -1);
    if (inner.replace(/''/g, '').includes("'")) return undefined;
    return inner.replace(/''/g, "'");
  }
  const day = ISO_DAY.exec(text);
  if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (!PLAIN.test(text) || NOT_STRINGS.has(text) || last === ' ') return undefined;
  return text;
}

/**
 * The front matter of a typical news file (`key: scalar` lines and `key:` followed by `- scalar`
 * items, blank lines between) read without a YAML parser, giving what gray-matter (js-yaml's safe
 * schema) gives for it. Undefined when the text is anything else (comments, nesting, flow style,
 * other scalars, escapes, tabs, a repeated key, ...): gray-matter then reads it.
 */
export function simpleYaml(yaml: string): Record<string, unknown> | undefined {
  if (yaml.startsWith('---') || yaml.includes('\n---')) return undefined;
  if (MAY_BE_REFUSED.test(yaml) && (/[\t\ufeff]/.test(yaml) || NON_PRINTABLE.test(yaml))) return undefined;
  const lines = yaml.split('\n');
  const data: Record<string, unknown> = {};
  let keys = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const m = KEY_LINE.exec(line);
    if (!m) return undefined;
    const key = m[1]!;
    if (NOT_STRINGS.has(key) || Object.hasOwn(data, key)) return undefined;
    let value: unknown;
    if (m[2] === undefined) {
      // A block sequence at the key's own indentation: "tags:\n- 'a'\n- 'b'".
      const items: unknown[] = [];
      while (i + 1 < lines.length && lines[i + 1]!.startsWith('- ')) {
        const item = simpleScalar(lines[++i]!.slice(2));
        if (item === undefined) return undefined;
        items.push(item);
      }
      if (items.length === 0) return undefined;
      value = items;
    } else {
      value = simpleScalar(m[2]);
      if (value === undefined) return undefined;
    }
    data[key] = value;
    keys++;
  }
  return keys > 0 ? data : undefined;
}

/**
 * Reads YAML front matter with gray-matter (or, for the common simple case, with simpleYaml). Only a plain "---" opening line is accepted (gray-matter
 * would run "---js" front matter as code), the block must be closed, and it must hold a mapping.
 */
export function readFrontMatter(
  text: string,
): { ok: true; value: FrontMatter } | { ok: false; reason: string } {
  if (!hasFrontMatter(text)) return { ok: false, reason: 'malformed front matter: no opening ---' };
  const afterOpening = text.replace(OPENING, '\n');
  const close = CLOSING.exec(afterOpening);
  if (!close) return { ok: false, reason: 'malformed front matter: no closing ---' };
  const yaml = afterOpening.slice(1, close.index);
  const content = afterOpening.slice(close.index + close[0].length);
  let data: unknown = simpleYaml(yaml);
  if (data === undefined) {
    try {
      // Options are passed so that gray-matter neither caches by content nor picks another engine.
      const parsed = matter(`---\n${yaml}\n---\n`, {
        language: 'yaml',
        engines: { javascript: refuse, js: refuse, coffee: refuse, json: refuse },
      });
      data = parsed.data;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const first = message.split('\n')[0]?.trim().replace(/:$/, '') || 'unreadable YAML';
      return { ok: false, reason: `malformed front matter: ${first}` };
    }
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, reason: 'malformed front matter: not a list of key: value fields' };
  }
  const record = data as Record<string, unknown>;
  normalisedKeys.set(record, byNormalisedKey(record));
  return { ok: true, value: { data: record, content, yaml } };
}

const norm = (k: string) => k.toLowerCase().replace(/[-_]/g, '');
/**
 * The entries by normalised key of the data readFrontMatter returned, built once per document
 * (its fields are read several times; ingest never changes the data it read).
 */
const normalisedKeys = new WeakMap<Record<string, unknown>, Map<string, unknown>>();

function byNormalisedKey(data: Record<string, unknown>): Map<string, unknown> {
  return new Map(Object.entries(data).map(([k, v]) => [norm(k), v] as const));
}

/** The first of `names` present in the data (keys compared without case, "_" or "-"). */
export function field(data: Record<string, unknown>, names: readonly string[]): unknown {
  const byKey = normalisedKeys.get(data) ?? byNormalisedKey(data);
  for (const name of names) {
    const value = byKey.get(norm(name));
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

/** A field as text: strings as they are, numbers as written; anything else is undefined. */
export function textField(data: Record<string, unknown>, names: readonly string[]): string | undefined {
  const value = field(data, names);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** rawScalar's pattern for each key name, compiled once (the patterns keep no state between uses). */
const scalarPatterns = new Map<string, RegExp>();

/**
 * A top-level scalar exactly as written in the YAML, quotes removed: YAML parsers turn
 * "2026-01-13" into a Date at midnight, which would lose the difference between a day and an
 * instant.
 */
export function rawScalar(yaml: string, names: readonly string[]): string | undefined {
  for (const name of names) {
    let re = scalarPatterns.get(name);
    if (re === undefined) {
      re = new RegExp(`^${name}[ \\t]*:[ \\t]*(.*?)[ \\t]*$`, 'im');
      scalarPatterns.set(name, re);
    }
    const m = re.exec(yaml);
    const value = m?.[1]
      ?.replace(/\s+#.*$/, '')
      .replace(/^(['"])(.*)\1$/, '$2')
      .trim();
    if (value) return value;
  }
  return undefined;
}
