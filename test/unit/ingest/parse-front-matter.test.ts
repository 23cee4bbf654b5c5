import { describe, expect, it } from 'vitest';
import { rawScalar, readFrontMatter } from '../../../src/ingest/parse-front-matter.js';

describe('readFrontMatter', () => {
  it('splits YAML front matter from the body', () => {
    const r = readFrontMatter('---\ntitle: "A"\ndate: 2026-01-13\n---\nBody\n');
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.data.title).toBe('A');
    expect(r.value.content).toBe('Body\n');
    expect(rawScalar(r.value.yaml, ['date'])).toBe('2026-01-13');
  });
  it('reports broken YAML with the first line of the parser error', () => {
    const r = readFrontMatter('---\ntitle: "unclosed\ndate: 2026-01-13\n---\nBody');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(/^malformed front matter: \S/);
      expect(r.reason).not.toContain('\n');
    }
  });
  it('refuses unclosed front matter, non-mapping YAML and code front matter', () => {
    expect(readFrontMatter('---\ntitle: A\nno closing line')).toEqual({
      ok: false,
      reason: 'malformed front matter: no closing ---',
    });
    expect(readFrontMatter('---\n- a\n- b\n---\nBody').ok).toBe(false);
    expect(readFrontMatter('---js\n{ title: process.exit(1) }\n---\nBody').ok).toBe(false);
  });
  it('accepts an empty front matter block', () => {
    const r = readFrontMatter('---\n---\nBody');
    expect(r.ok && r.value.data).toEqual({});
  });
});
