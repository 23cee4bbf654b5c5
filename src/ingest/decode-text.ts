import { decodeWindows1252 } from './clean-mojibake.js';

/** Bytes of a file as text, or the reason they are not text. */
export type DecodedText = { ok: true; text: string; warning: string | null } | { ok: false; reason: string };

/** Share of control characters (other than tab, newline, form feed, carriage return) that marks binary data. */
const MAX_CONTROL_SHARE = 0.01;
/** Share of bytes above 0x7f that a legacy 8-bit text may have before it is taken for binary data. */
const MAX_HIGH_SHARE = 0.3;

/** A fatal decoder can be reused: each call that does not stream starts afresh. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A control character as controlShare counts them (NUL included). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters looked for
const CONTROL = /[\0-\x08\x0b\x0e-\x1f\x7f]/;

function controlShare(bytes: Uint8Array): number {
  let control = 0;
  for (const b of bytes)
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) || b === 0x7f) control++;
  return bytes.length === 0 ? 0 : control / bytes.length;
}

/**
 * Decodes a file's bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM. Bytes with NULs or
 * control characters are binary. Bytes that are not valid UTF-8 but look like 8-bit text are read
 * as Windows-1252, with a warning; otherwise they are binary. Empty and whitespace-only files are
 * refused as empty.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  let text: string;
  let warning: string | null = null;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
    const utf8 = new TextEncoder().encode(text);
    if (utf8.includes(0) || controlShare(utf8) > MAX_CONTROL_SHARE)
      return { ok: false, reason: 'binary content' };
  } else {
    // Nearly every file is valid UTF-8 without control characters: decoded first, it needs no
    // byte-by-byte scan. A byte below 0x80 is the same character in the text (UTF-8 never uses
    // one inside a multi-byte sequence), so a text without control characters comes from bytes
    // without any; otherwise the bytes are measured below.
    const utf8 = decodeUtf8(bytes);
    if (utf8 !== null && !CONTROL.test(utf8)) return nonEmpty(utf8, null);
    if (bytes.includes(0) || controlShare(bytes) > MAX_CONTROL_SHARE)
      return { ok: false, reason: 'binary content' };
    if (utf8 !== null) text = utf8;
    else {
      const high = bytes.reduce((n, b) => n + (b > 0x7f ? 1 : 0), 0);
      if (high / bytes.length > MAX_HIGH_SHARE) return { ok: false, reason: 'binary content' };
      text = decodeWindows1252(bytes);
      warning = 'not valid UTF-8; read as Windows-1252';
    }
  }
  return nonEmpty(text, warning);
}

function nonEmpty(text: string, warning: string | null): DecodedText {
  if (text.trim() === '') return { ok: false, reason: 'empty file' };
  return { ok: true, text, warning };
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}
