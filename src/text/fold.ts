/**
 * Case and accent folding: "Café" → "cafe", "ÉLYSÉE" → "elysee". Curly quotes become straight
 * quotes so that "Korea’s" and "Korea's" tokenise alike.
 */
export function fold(text: string): string {
  // Fast path: plain ASCII needs no Unicode normalisation.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is the whole ASCII set
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .toLowerCase();
}
