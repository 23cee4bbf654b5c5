import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../src/ingest/clean-entities.js';
import { repairMojibake } from '../../../src/ingest/clean-mojibake.js';

/** Windows-1252's characters for the bytes 0x80–0x9F ('' where it has none: Latin-1's control shows). */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** What a page shows when its UTF-8 was read as Windows-1252 and written out again as UTF-8. */
function mangle(text: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(text)) {
    out += b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] : String.fromCharCode(b);
  }
  return out;
}

describe('repairMojibake', () => {
  it('restores curly quotes, apostrophes and dashes mangled into â€ sequences', () => {
    expect(repairMojibake('South Koreaâ€™s Yonhap said')).toBe('South Korea’s Yonhap said');
    expect(repairMojibake('â€œWe will goâ€\u009d â€” he said â€¦')).toBe('“We will go” — he said …');
  });

  it('restores accented letters, symbols, non-Latin scripts and emoji', () => {
    for (const text of [
      'café in São Paulo, naïve Ñandú',
      'costs €5 ™ ½',
      '日本の首相が訪韓',
      'Сеул',
      'news 😀',
    ]) {
      expect(repairMojibake(mangle(text))).toBe(text);
    }
  });

  it('repairs text mangled twice', () => {
    expect(mangle('’')).toBe('â€™');
    const twice = mangle(mangle('Tokyo’s “plan” — café'));
    expect(twice).toContain('Ã¢â‚¬â„¢');
    expect(repairMojibake(twice)).toBe('Tokyo’s “plan” — café');
  });

  it('leaves correct text alone, including Ã, â and Â used as letters', () => {
    for (const text of [
      'SÃO PAULO (Reuters) – Brazil',
      'Ça va à Paris, naïve café',
      'Â is a letter; so is â',
      'plain ASCII text',
      'â€ and â‚ alone are no complete character',
    ]) {
      expect(repairMojibake(text)).toBe(text);
    }
  });

  it('is applied after entities are decoded, so spelled-out mojibake is repaired too', () => {
    expect(decodeEntities('Korea&acirc;&#128;&#153;s')).toBe('Korea’s');
    expect(decodeEntities('no entity, â€” left to the document level')).toBe(
      'no entity, â€” left to the document level',
    );
  });
});
