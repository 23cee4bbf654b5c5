/**
 * `.env.example` lists every variable of the configuration schema (src/config.ts), each with a
 * one-line comment above it, and nothing the schema doesn't know; as shipped it is a valid
 * configuration with the schema's defaults, and every commented example parses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, SECRET_VARIABLES } from '../../../src/config.js';
import { packageRoot } from '../../../src/paths.js';

const ROOT = packageRoot();
const example = readFileSync(join(ROOT, '.env.example'), 'utf8').split('\n');

/** The keys of `const schema = z.object({ … })` in src/config.ts, in order. */
function schemaKeys(): string[] {
  const source = readFileSync(join(ROOT, 'src/config.ts'), 'utf8');
  const start = source.indexOf('const schema = z.object({');
  const end = source.indexOf('\n});', start);
  expect(start).toBeGreaterThan(0);
  return [...source.slice(start, end).matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]!);
}

const VARIABLE = /^(# )?([A-Z][A-Z0-9_]*)=(.*)$/;

interface Entry {
  name: string;
  value: string;
  commented: boolean;
  line: number;
}

const entries: Entry[] = example.flatMap((text, line) => {
  const m = VARIABLE.exec(text);
  return m ? [{ name: m[2]!, value: m[3]!, commented: m[1] !== undefined, line }] : [];
});

describe('.env.example', () => {
  const keys = schemaKeys();

  it('finds the schema (sanity)', () => {
    expect(keys.length).toBeGreaterThan(40);
    expect(keys).toContain('REDIS_URL');
    expect(keys).toContain('ADMIN_PASSWORD');
    // Every key parseConfig returns is one the source scan found.
    for (const key of Object.keys(parseConfig({}))) expect(keys).toContain(key);
  });

  it('lists every variable of the schema once, with a one-line comment above it', () => {
    for (const key of keys) {
      const found = entries.filter((e) => e.name === key);
      expect(found, key).toHaveLength(1);
      const above = example[found[0]!.line - 1] ?? '';
      expect(above, `the comment above ${key}`).toMatch(/^# \S.{10,}$/);
      expect(VARIABLE.test(above), `the line above ${key} is a description, not a variable`).toBe(false);
    }
  });

  it('lists nothing the schema does not read', () => {
    expect(entries.map((e) => e.name).filter((name) => !keys.includes(name))).toEqual([]);
  });

  it('marks every secret as one (each can also come from NAME_FILE)', () => {
    expect(example.join('\n')).toContain('NAME_FILE=/run/secrets/');
    for (const name of SECRET_VARIABLES) {
      const entry = entries.find((e) => e.name === name)!;
      expect(example[entry.line - 1], name).toMatch(/^# Secret\. /);
      // Never a real-looking value in the example: secrets are shipped empty.
      expect(entry.value, name).toBe('');
    }
  });

  it('is valid as shipped, with the schema defaults', () => {
    const active = Object.fromEntries(entries.filter((e) => !e.commented).map((e) => [e.name, e.value]));
    expect(parseConfig(active)).toEqual(parseConfig({}));
  });

  it('shows commented examples that parse', () => {
    for (const entry of entries.filter((e) => e.commented)) {
      expect(() => parseConfig({ [entry.name]: entry.value }), entry.name).not.toThrow();
    }
  });
});
