/**
 * Case and accent folding: "Café" → "cafe", "ÉLYSÉE" → "elysee". Curly quotes become straight
 * quotes so that "Korea’s" and "Korea's" tokenise alike.
 */
export function fold(text: string): string {
  // Fast path: plain ASCII needs no Unicode normalisation.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is the whole ASCII set
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  // Second fast path: text whose other characters all normalise to themselves (curly quotes,
  // dashes, most symbols), so that NFKD and the removal of marks leave it as it is.
  if (isNormalisationStable(text))
    return text
      .replace(/[‘’‛′]/g, "'")
      .replace(/[“”„″]/g, '"')
      .toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .toLowerCase();
}

const MARK = /\p{M}/u;
/** Per UTF-16 code unit above 0x7f: 1 = unchanged by NFKD and not a mark, 2 = anything else. */
const stable = new Uint8Array(0x10000);

function isStableUnit(c: number): boolean {
  let known = stable[c]!;
  if (known === 0) {
    const s = String.fromCharCode(c);
    // Surrogates are left to the full path; so is anything NFKD changes, alone or next to a letter.
    const ok =
      (c < 0xd800 || c > 0xdfff) &&
      s.normalize('NFKD') === s &&
      `a${s}a`.normalize('NFKD') === `a${s}a` &&
      !MARK.test(s);
    known = ok ? 1 : 2;
    stable[c] = known;
  }
  return known === 1;
}

/** True when NFKD leaves the text unchanged and it holds no combining mark. */
function isNormalisationStable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f && !isStableUnit(c)) return false;
  }
  return true;
}
