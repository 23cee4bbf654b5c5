/**
 * Notes on newly followed tags that no article mentions, added to the subscribe command's answer:
 * a typo is better caught when it is typed than after a silent morning.
 */
import type { BriefingEngine } from '../digest/build.js';
import { type Result, success } from './result.js';
import type { SubscribeSuccess } from './use-cases.js';

/** The subscribe result with a note on each tag it added that no article mentions (see unknownTagNotes). */
export function withUnknownTagNotes(
  result: Result<SubscribeSuccess>,
  now: Date,
  engine: BriefingEngine,
): Result<SubscribeSuccess> {
  if (!result.ok) return result;
  const notes = unknownTagNotes(result.value.addedTags, now, engine);
  return notes.length === 0
    ? result
    : success({ ...result.value, message: `${result.value.message} ${notes.join(' ')}` });
}

/**
 * A note for each newly followed tag that no article mentions: its digest would stay empty, and
 * a typo is better caught now than after a silent morning. Names the known topic it surely meant,
 * or the closest ones.
 */
export function unknownTagNotes(tags: readonly string[], now: Date, engine: BriefingEngine): string[] {
  const notes: string[] = [];
  for (const tag of tags) {
    const briefing = engine.brief(tag, { now, limit: 1 });
    const meant = briefing.unmatched?.corrected;
    const close = briefing.notice?.kind === 'no-match' ? briefing.notice.suggestions : [];
    if (meant !== undefined) {
      notes.push(
        `No article mentions "${tag}" yet; did you mean "${meant}"? To follow it instead: /news unsubscribe ${tag}, then /news subscribe ${meant}.`,
      );
    } else if (briefing.notice?.kind === 'no-match') {
      const hint = close.length > 0 ? ` Known topics close to it: ${close.slice(0, 3).join(', ')}.` : '';
      notes.push(`No article mentions "${tag}" yet: its digest stays empty until one does.${hint}`);
    }
  }
  return notes;
}
