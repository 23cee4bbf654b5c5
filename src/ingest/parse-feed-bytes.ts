import { decodeWindows1252 } from './clean-mojibake.js';
import { type DecodedText, decodeText } from './decode-text.js';

const UTF8 = /^utf-?8$/i;

/** The charset named by a Content-Type header ("application/rss+xml; charset=ISO-8859-1"). */
export function contentTypeCharset(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return m ? m[1]! : null;
}

/** The encoding named by an XML declaration (`<?xml version="1.0" encoding="windows-1252"?>`). */
export function xmlDeclarationEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 256)).toString('latin1');
  const m = /^(?:\ufeff|\u00ef\u00bb\u00bf)?\s*<\?xml\s[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return m ? m[1]! : null;
}

/**
 * Decodes the bytes of a feed: a byte-order mark wins, then the charset of the Content-Type header
 * (RFC 7303), then the XML declaration's encoding, else UTF-8 (with the Windows-1252 fallback and
 * binary detection of decodeText). An encoding the platform does not know is ignored with a
 * warning.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const bom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || bytes[0] === 0xff || bytes[0] === 0xfe;
  const declared = bom ? null : (contentTypeCharset(contentType) ?? xmlDeclarationEncoding(bytes));
  if (declared === null || UTF8.test(declared)) return decodeText(bytes);
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(declared);
  } catch {
    const decoded = decodeText(bytes);
    if (!decoded.ok) return decoded;
    const unknown = `unknown encoding "${declared}"; read as UTF-8`;
    return { ...decoded, warning: decoded.warning ? `${unknown}; ${decoded.warning}` : unknown };
  }
  if (bytes.includes(0) && !/^utf-?16/i.test(declared)) return { ok: false, reason: 'binary content' };
  // ISO-8859-1, ASCII and Windows-1252 labels all mean Windows-1252 (WHATWG), which Node decodes as Latin-1.
  const text = decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
  if (text.trim() === '') return { ok: false, reason: 'empty file' };
  return { ok: true, text, warning: null };
}
