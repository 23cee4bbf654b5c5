import { describe, expect, it } from 'vitest';
import { repairApostrophes } from '../../../src/ingest/clean-apostrophes.js';
import { decodeEntities } from '../../../src/ingest/clean-entities.js';
import { collapseWhitespace, normaliseLines, splitParagraphs } from '../../../src/ingest/clean-whitespace.js';

describe('decodeEntities', () => {
  it('decodes named and numeric entities, with &nbsp; as a plain space', () => {
    expect(decodeEntities('Lee&#39;s trip&nbsp;&nbsp;Reuters')).toBe("Lee's trip  Reuters");
    expect(decodeEntities('R&amp;D &ldquo;up&rdquo; &#8212; &#x2014; caf&eacute;')).toBe('R&D “up” — — café');
  });
  it('decodes text that was escaped twice', () => {
    expect(decodeEntities('Lee&amp;#39;s')).toBe("Lee's");
  });
  it('leaves text that holds no entity alone, including tags and a lone ampersand', () => {
    expect(decodeEntities('AT&T said <b> stays & so does this')).toBe('AT&T said <b> stays & so does this');
  });
});

describe('whitespace', () => {
  it('collapses every run of whitespace and drops invisible characters', () => {
    expect(collapseWhitespace('  Seoul\u00a0 and\t\nTokyo\u200b talk ')).toBe('Seoul and Tokyo talk');
  });
  it('normalises CRLF and lone CR line endings', () => {
    expect(normaliseLines('a\r\nb\rc')).toBe('a\nb\nc');
  });
  it('splits paragraphs on lines and blank lines, joining a line broken mid-sentence', () => {
    expect(splitParagraphs('One.\nTwo starts here and\ncontinues here.\n\n\nThree.')).toEqual([
      'One.',
      'Two starts here and continues here.',
      'Three.',
    ]);
  });
  it('starts a new paragraph at a numbered list item or an e-mail address, not joining them', () => {
    expect(
      splitParagraphs('Most Viewed\n1. Singer to enlist\n2. Won hits low\nCopy link\ndesk@example.org'),
    ).toEqual(['Most Viewed', '1. Singer to enlist', '2. Won hits low', 'Copy link', 'desk@example.org']);
    expect(splitParagraphs('More than\n2,000 people came and\n30 percent stayed.')).toEqual([
      'More than 2,000 people came and 30 percent stayed.',
    ]);
  });
});

describe('repairApostrophes', () => {
  it('restores possessives after names and nouns', () => {
    expect(repairApostrophes('South Korea s Yonhap News Agency')).toBe("South Korea's Yonhap News Agency");
    expect(repairApostrophes('Tokyo s decision and his nation s intention')).toBe(
      "Tokyo's decision and his nation's intention",
    );
    expect(
      repairApostrophes('troops on each other s soil, on one another s ships and on someone else s land'),
    ).toBe("troops on each other's soil, on one another's ships and on someone else's land");
  });
  it('restores contractions after the words that take them', () => {
    expect(
      repairApostrophes('If you re not sure, it s fine; they ve left, we ll see, I m here, I d go'),
    ).toBe("If you're not sure, it's fine; they've left, we'll see, I'm here, I'd go");
    expect(repairApostrophes('We didn t know and can t say; it won t happen')).toBe(
      "We didn't know and can't say; it won't happen",
    );
  });
  it('restores possessives after a decade and an initialism', () => {
    expect(repairApostrophes('growth slowed in the 1990 s, and the 2020 s began badly')).toBe(
      "growth slowed in the 1990's, and the 2020's began badly",
    );
    expect(repairApostrophes('the U.S. s allies and the E.U. s rules')).toBe(
      "the U.S.'s allies and the E.U.'s rules",
    );
  });
  it('does not touch single letters, numbers, function words or capital letters', () => {
    for (const text of [
      'Plan B s results were mixed',
      'between a s and a t',
      'Section 5 s rules',
      'in 1995 s',
      'page 2020 s',
      'Room 11990 s',
      'vitamin D is needed',
      'the U.S s position',
      'he said a t shirt',
      'this is s',
    ]) {
      expect(repairApostrophes(text)).toBe(text);
    }
  });
  it('leaves text that already has its apostrophes unchanged', () => {
    const text = "Korea's president didn't say; you're right, it's late.";
    expect(repairApostrophes(text)).toBe(text);
  });
});
