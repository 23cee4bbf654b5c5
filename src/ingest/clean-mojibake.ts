/**
 * Mojibake: UTF-8 text that some step read as Windows-1252 (or Latin-1) and wrote out again as
 * UTF-8, so that each non-ASCII character became two to four: "Korea’s" → "Koreaâ€™s",
 * "“Seoul”" → "â€œSeoulâ€\u009d", "café" → "cafÃ©", "—" → "â€”". Scraped pages and old feeds are
 * full of it. The repair turns such runs back into bytes and reads them as UTF-8; a run that does
 * not decode cleanly is left as it is, so text that merely contains "Ã" or "â" is unchanged.
 */

/**
 * Windows-1252's characters for the bytes 0x80–0x9F, in byte order; the five bytes it leaves
 * undefined keep Latin-1's control characters (as browsers and Node's decoder show them).
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
/** The byte of each of those characters. */
const CP1252_BYTE = new Map<number, number>([...CP1252_HIGH].map((c, i) => [c.charCodeAt(0), 0x80 + i]));

/** Characters that stand for a UTF-8 continuation byte (0x80–0xBF) once read as Windows-1252 or Latin-1. */
const CONT =
  '\\u0080-\\u00bf\\u0152\\u0153\\u0160\\u0161\\u0178\\u017d\\u017e\\u0192\\u02c6\\u02dc\\u2013\\u2014\\u2018-\\u201a\\u201c-\\u201e\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203a\\u20ac\\u2122';
/**
 * A run of UTF-8 sequences written as Windows-1252 characters: a lead byte (Â–ô, 0xC2–0xF4) and as
 * many continuation bytes as it announces, repeated.
 */
const RUN = new RegExp(
  `(?:[\\u00c2-\\u00df][${CONT}]|[\\u00e0-\\u00ef][${CONT}]{2}|[\\u00f0-\\u00f4][${CONT}]{3})+`,
  'g',
);
/** Cheap test: a lead-byte character followed by a continuation character. */
const MAY_HAVE = new RegExp(`[\\u00c2-\\u00f4][${CONT}]`);

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Latin-1's control characters 0x80–0x9F, where Windows-1252 has characters of its own. */
const C1 = /[\u0080-\u009f]/g;

/**
 * Decodes Windows-1252 bytes. Node's own `TextDecoder('windows-1252')` decodes them as Latin-1
 * (bytes 0x80–0x9F become invisible control characters), which would turn a legacy page's
 * "’", "“", "—" and "€" into nothing readable.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(C1, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** The bytes that Windows-1252 (or Latin-1, for its C1 controls) shows as `run`; null if one has none. */
function cp1252Bytes(run: string): Uint8Array | null {
  const bytes = new Uint8Array(run.length);
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    const b = c <= 0xff ? c : CP1252_BYTE.get(c);
    if (b === undefined) return null;
    bytes[i] = b;
  }
  return bytes;
}

function repairRun(run: string): string {
  const bytes = cp1252Bytes(run);
  if (bytes === null) return run;
  try {
    return UTF8.decode(bytes);
  } catch {
    return run;
  }
}

/**
 * Repairs mojibake (see the module comment), twice over for text that went through it twice
 * ("Ã¢â‚¬â„¢" → "’"). Text without it is returned as it is, at the cost of one pattern test.
 */
export function repairMojibake(text: string): string {
  let out = text;
  for (let pass = 0; pass < 2 && MAY_HAVE.test(out); pass++) {
    const next = out.replace(RUN, repairRun);
    if (next === out) break;
    out = next;
  }
  return out;
}
