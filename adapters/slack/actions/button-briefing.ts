/** What the briefing buttons ("More", "Share in channel") share: the page a button stands for. */
import type { RespondFn } from '@slack/bolt';
import type { Briefing } from '../../../src/model.js';
import type { Logger } from '../../../src/ports/logger.js';
import { decodeBriefingRef } from '../action-values.js';
import { buildBriefing } from '../briefings.js';
import { ephemeral, type HandlerDeps } from '../handler.js';
import { renderError } from '../render/results.js';
import { sendReplies } from '../replies.js';

export const EXPIRED_BUTTON = 'This button no longer works. Run /news <topic> again for a fresh briefing.';

/**
 * The briefing page a button's value stands for (its topic, page and ranking instant), or null when
 * the value is not one newsbrief wrote (an old or altered button): the user is told so and `command`
 * is counted as bad input.
 */
export async function briefingOfButton(
  value: string | undefined,
  command: string,
  deps: HandlerDeps,
  respond: RespondFn,
  logger: Logger,
): Promise<Briefing | null> {
  const ref = decodeBriefingRef(value);
  if (ref === null) {
    deps.context.metrics.commandHandled('slack', command, 'bad_input');
    await sendReplies(respond, [ephemeral(renderError({ message: EXPIRED_BUTTON }))], logger);
    return null;
  }
  return buildBriefing(deps.context, ref.topic, {
    now: ref.now,
    offset: ref.offset,
    limit: deps.settings.briefingStories,
  });
}
