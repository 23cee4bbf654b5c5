import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from '../../../src/ingest/parse-feed-bytes.js';

/** A feed's bytes: ASCII text with the given single bytes spliced in where `§` stands. */
function bytes(text: string, ...spliced: number[]): Uint8Array {
  const out: number[] = [];
  let k = 0;
  for (const c of text) out.push(c === '§' ? spliced[k++]! : c.charCodeAt(0));
  return Uint8Array.from(out);
}

function decoded(result: ReturnType<typeof decodeFeedBytes>): string {
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

describe('decodeFeedBytes', () => {
  const item = '<rss><channel><title>Seoul§s news §it§ § €</title></channel></rss>';
  const legacy = [0x92, 0x93, 0x94, 0x97];

  it('reads a feed declared ISO-8859-1 or Windows-1252 as Windows-1252 (quotes, dashes, euro)', () => {
    const want = '<rss><channel><title>Seoul’s news “it” — €</title></channel></rss>';
    const body = bytes(item.replace('€', '§'), ...legacy, 0x80);
    expect(decoded(decodeFeedBytes(body, 'application/rss+xml; charset=ISO-8859-1'))).toBe(want);
    const declared = bytes(
      `<?xml version="1.0" encoding="windows-1252"?>${item.replace('€', '§')}`,
      ...legacy,
      0x80,
    );
    expect(decoded(decodeFeedBytes(declared))).toBe(`<?xml version="1.0" encoding="windows-1252"?>${want}`);
  });

  it('lets the Content-Type charset win over the XML declaration, and reads UTF-8 by default', () => {
    const utf8 = new TextEncoder().encode('<?xml version="1.0" encoding="windows-1252"?><rss>Tokyo’s</rss>');
    expect(decoded(decodeFeedBytes(utf8, 'text/xml; charset=utf-8'))).toContain('Tokyo’s');
    expect(decoded(decodeFeedBytes(new TextEncoder().encode('<rss>Tokyo’s</rss>')))).toBe(
      '<rss>Tokyo’s</rss>',
    );
  });
});
