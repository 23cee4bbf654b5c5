/** Splitting command text into words, with double-quoted phrases kept as one word. */

export interface Token {
  /** The word, or the phrase inside the quotes (without them). */
  text: string;
  /** True when the word came from a quoted phrase: quoted words are never keywords. */
  quoted: boolean;
}

/** Straight and typographic double quotes; any of them opens or closes a phrase. */
const QUOTES = new Set(['"', '“', '”', '„', '‟', '″', '«', '»']);

export function isQuote(char: string | undefined): boolean {
  return char !== undefined && QUOTES.has(char);
}

/**
 * Words separated by whitespace; a word starting with a double quote runs to the next double quote
 * (or to the end of the text when the quote is never closed). Empty phrases (`""`) are dropped. A
 * quote inside a word (`korea"s`) is an ordinary character.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const chars = [...text];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (isQuote(c)) {
      let j = i + 1;
      while (j < chars.length && !isQuote(chars[j])) j++;
      const phrase = chars
        .slice(i + 1, j)
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      if (phrase) tokens.push({ text: phrase, quoted: true });
      i = j + 1;
    } else {
      let j = i;
      while (j < chars.length && !/\s/.test(chars[j]!)) j++;
      tokens.push({ text: chars.slice(i, j).join(''), quoted: false });
      i = j;
    }
  }
  return tokens;
}
