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

/**
 * Reads YAML front matter with gray-matter. Only a plain "---" opening line is accepted (gray-matter
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
  let data: unknown;
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
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, reason: 'malformed front matter: not a list of key: value fields' };
  }
  return { ok: true, value: { data: data as Record<string, unknown>, content, yaml } };
}

/** The first of `names` present in the data (keys compared without case, "_" or "-"). */
export function field(data: Record<string, unknown>, names: readonly string[]): unknown {
  const norm = (k: string) => k.toLowerCase().replace(/[-_]/g, '');
  const byKey = new Map(Object.entries(data).map(([k, v]) => [norm(k), v] as const));
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

/**
 * A top-level scalar exactly as written in the YAML, quotes removed: YAML parsers turn
 * "2026-01-13" into a Date at midnight, which would lose the difference between a day and an
 * instant.
 */
export function rawScalar(yaml: string, names: readonly string[]): string | undefined {
  for (const name of names) {
    const m = new RegExp(`^${name}[ \\t]*:[ \\t]*(.*?)[ \\t]*$`, 'im').exec(yaml);
    const value = m?.[1]
      ?.replace(/\s+#.*$/, '')
      .replace(/^(['"])(.*)\1$/, '$2')
      .trim();
    if (value) return value;
  }
  return undefined;
}
