import { fold } from '../text/index.js';
import { MAX_TAG_LENGTH } from './limits.js';
import { echo } from './sanitise.js';
import { type CommandError, commandError } from './types.js';

export type TagResult = { ok: true; tag: string } | { ok: false; error: CommandError };

const DOTTED_ACRONYM = /^(?:\p{L}\.)+\p{L}?$/u;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const WORD = /^[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*$/u;

/**
 * A subscription tag in its stored form: folded lower case ("Café" → "cafe"), leading `#` removed,
 * underscores read as spaces ("#south_korea" → "south korea"), words of letters and digits joined
 * by single spaces, with hyphens and apostrophes allowed inside words ("covid-19", "korea's").
 * Punctuation at the edges of a word is dropped ("korea," → "korea") and dotted acronyms lose their
 * dots ("U.S." → "us"). Anything else inside a word ("at&t", "9/11") is an error, as is a tag that
 * is only punctuation, or one longer than 50 characters.
 */
export function normaliseTag(raw: string): TagResult {
  const folded = fold(raw).normalize('NFC').replace(/_/g, ' ').trim().replace(/^#+/, '');
  const words: string[] = [];
  for (const part of folded.split(/\s+/)) {
    let word = part.replace(EDGE_PUNCTUATION, '');
    if (DOTTED_ACRONYM.test(`${word}.`) && word.includes('.')) word = word.replace(/\./g, '');
    if (word === '') continue;
    if (!WORD.test(word)) {
      return {
        ok: false,
        error: commandError(
          'invalid-tag',
          `The tag ${echo(raw)} has characters a tag can't hold. Tags are words made of letters and ` +
            'digits (hyphens and apostrophes are fine inside a word); separate tags with spaces, and ' +
            'quote a phrase to make it one tag, e.g. "south korea".',
        ),
      };
    }
    words.push(word);
  }
  if (words.length === 0) {
    return {
      ok: false,
      error: commandError(
        'invalid-tag',
        `The tag ${echo(raw)} has no letters or digits. Tags are words such as korea, japan or "south korea".`,
      ),
    };
  }
  const tag = words.join(' ');
  const length = [...tag].length;
  if (length > MAX_TAG_LENGTH) {
    return {
      ok: false,
      error: commandError(
        'tag-too-long',
        `The tag ${echo(raw)} is ${length} characters long; a tag can be at most ${MAX_TAG_LENGTH}.`,
      ),
    };
  }
  return { ok: true, tag };
}
