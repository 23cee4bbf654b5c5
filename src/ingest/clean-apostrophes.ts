import { STOPWORDS } from '../text/index.js';

/**
 * Scraped text often loses apostrophes to spaces: "South Korea s Yonhap", "you re", "didn t".
 * These sets say after which words a detached "t", "re", "ve", "ll", "m", "d" or "s" is a clitic.
 */
const NEGATABLE = new Set(
  (
    'don doesn didn isn aren wasn weren hasn haven hadn couldn shouldn wouldn mustn needn mightn ' +
    'can won ain shan'
  ).split(' '),
);
const PRONOUNS = ['i', 'you', 'he', 'she', 'it', 'we', 'they', 'who', 'that', 'there', 'what'];
const CLITIC_HOSTS: Record<string, ReadonlySet<string>> = {
  re: new Set(['you', 'we', 'they', 'who', 'what', 'there', 'here', 'where', 'how', 'why']),
  ve: new Set(['i', 'you', 'we', 'they', 'who', 'what', 'would', 'could', 'should', 'might', 'must']),
  ll: new Set([...PRONOUNS, 'this']),
  d: new Set(PRONOUNS),
  m: new Set(['i']),
};
/** Words after which " s" is the verb "is"/"has" ("it s", "that s", "let s"). */
const S_CONTRACTIONS = new Set(
  'it that there here what who he she let where how when why everyone everybody someone somebody nobody'.split(
    ' ',
  ),
);

// A word, a space, then a lower-case clitic standing alone. The word must not follow a letter,
// digit, full stop or an apostrophe inside a word ("U.S s", "5 s", "O'Neill s" is left alone), and
// the clitic must end a word.
const DETACHED = /(?<![\p{L}\p{N}.])(?<!\p{L}['’])(\p{L}+) (t|re|ve|ll|m|d|s)(?=[\s,.;:!?)"”’]|$)/gu;
/**
 * A possessive "s" after a decade ("the 1990 s" → "the 1990's", also after "early", "mid" and
 * "late") or an initialism ("the U.S. s decision" → "the U.S.'s decision"), which DETACHED leaves
 * alone.
 */
const DETACHED_AFTER_MARK =
  /((?<=\b(?:the|early|mid|late) |mid-)(?:1[89]|20)\d0|(?<![\p{L}\p{N}.])(?:\p{Lu}\.){2,}) s(?=[\s,.;:!?)"”’]|$)/giu;
/** The part of DETACHED after the word: text without it has nothing to repair (a cheap test). */
const DETACHED_TAIL = / (?:t|re|ve|ll|m|d|s)(?=[\s,.;:!?)"”’]|$)/;

/**
 * Restores apostrophes lost as spaces: contractions after the words that take them ("didn t" →
 * "didn't", "you re" → "you're", "I m" → "I'm") and possessive "s" after a content word of two or
 * more letters ("Tokyo s decision" → "Tokyo's decision", "his nation s intention"), a decade ("the
 * 1990 s" → "the 1990's") or an initialism ("the U.S. s allies"). Single letters ("Plan B s",
 * "a s"), other numbers ("Section 5 s"), function words and capital letters ("vitamin D is") are
 * left alone.
 */
export function repairApostrophes(text: string): string {
  if (!DETACHED_TAIL.test(text)) return text;
  return text
    .replace(DETACHED_AFTER_MARK, "$1's")
    .replace(DETACHED, (match: string, word: string, clitic: string) => {
      const lower = word.toLowerCase();
      if (clitic === 't') return NEGATABLE.has(lower) ? `${word}'t` : match;
      if (clitic === 's') return isPossessor(word, lower) ? `${word}'s` : match;
      // "I" is the only host written in capitals; a lower-case "i" is more likely a list marker.
      if (lower === 'i' && word !== 'I') return match;
      return CLITIC_HOSTS[clitic]?.has(lower) ? `${word}'${clitic}` : match;
    });
}

/** Function words that do take a possessive "s": "each other s", "one another s", "someone else s". */
const FUNCTION_POSSESSORS = new Set(['other', 'another', 'else', 'one']);

function isPossessor(word: string, lower: string): boolean {
  if (S_CONTRACTIONS.has(lower) || FUNCTION_POSSESSORS.has(lower)) return true;
  return word.length >= 2 && !STOPWORDS.has(lower);
}
