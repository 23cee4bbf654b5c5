import { parse } from 'node-html-parser';
import { repairMojibake } from './clean-mojibake.js';

const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;

/**
 * Decodes HTML character references, named ("&amp;", "&rsquo;", "&eacute;") and numeric ("&#8217;",
 * "&#x2014;"), using the HTML5 entity table. "&nbsp;" becomes a plain space. Text that was escaped
 * twice ("&amp;#39;") is decoded twice. Anything that is not an entity (a lone "&", "AT&T", "<b>")
 * is left as it is. Mojibake that the references spelled out ("&acirc;&#128;&#153;") is repaired
 * (see clean-mojibake.ts).
 */
export function decodeEntities(text: string): string {
  let out = text;
  for (let pass = 0; pass < 2 && ENTITY.test(out); pass++) {
    // Escape "<" so that the HTML parser reads the whole input as one text node.
    out = parse(out.replace(/</g, '&lt;')).text;
  }
  return (out === text ? out : repairMojibake(out)).replace(/\u00a0/g, ' ');
}
