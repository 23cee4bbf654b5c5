/**
 * The `tags` option of /digest subscribe and unsubscribe, read through the core's parser: tags are
 * separated by commas ("south korea, japan"), or, without commas, by spaces with quotes around a
 * phrase (`"south korea" japan`), as in `/news subscribe` on Slack. Errors are the core's.
 */
import { parseCommand } from '../../../../src/commands/index.js';
import { isQuote, tokenize } from '../../../../src/commands/tokens.js';

export type TagListResult =
  | { ok: true; tags: string[] | 'all' }
  | { ok: false; message: string; suggestions?: string[] };

/** The tags of a tags option, normalised by the core (each one quoted so the parser reads it as a tag). */
export function parseTagList(kind: 'subscribe' | 'unsubscribe', text: string): TagListResult {
  const trimmed = text.trim();
  if (kind === 'unsubscribe' && /^all$/i.test(trimmed)) return { ok: true, tags: 'all' };
  const pieces = trimmed.includes(',')
    ? trimmed.split(',').map((piece) => piece.trim())
    : tokenize(trimmed).map((token) => token.text);
  const quoted = pieces
    .map((piece) =>
      [...piece]
        .filter((c) => !isQuote(c))
        .join('')
        .trim(),
    )
    .filter((piece) => piece !== '')
    .map((piece) => `"${piece}"`);
  const parsed = parseCommand(`${kind} ${quoted.join(' ')}`);
  if (!parsed.ok) {
    return {
      ok: false,
      message: parsed.error.message,
      ...(parsed.error.suggestions ? { suggestions: parsed.error.suggestions } : {}),
    };
  }
  const command = parsed.command;
  if (command.kind === 'subscribe') return { ok: true, tags: command.tags };
  if (command.kind === 'unsubscribe') return { ok: true, tags: command.tags };
  return { ok: false, message: 'Tell me which tags, for example korea, japan.' };
}
