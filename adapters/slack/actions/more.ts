/** "More": the next page of a briefing, for the user who clicked (the page's ranking instant is kept). */
import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTIONS, decodeBriefingRef } from '../action-values.js';
import { buildBriefing } from '../briefings.js';
import { ephemeral, type HandlerDeps } from '../handler.js';
import { renderBriefing } from '../render/briefing.js';
import { renderError } from '../render/results.js';
import { sendReplies } from '../replies.js';

export const EXPIRED_BUTTON = 'This button no longer works. Run /news <topic> again for a fresh briefing.';

export function registerMore(app: App, deps: HandlerDeps): void {
  const logger = deps.context.logger.child({ platform: 'slack', action: ACTIONS.more });
  app.action<BlockButtonAction>(ACTIONS.more, async ({ ack, action, respond }) => {
    await ack();
    const ref = decodeBriefingRef(action.value);
    if (ref === null) {
      deps.context.metrics.commandHandled('slack', 'brief.more', 'bad_input');
      await sendReplies(respond, [ephemeral(renderError({ message: EXPIRED_BUTTON }))], logger);
      return;
    }
    const briefing = buildBriefing(deps.context, ref.topic, {
      now: ref.now,
      offset: ref.offset,
      limit: deps.settings.briefingStories,
    });
    const reply = {
      ...ephemeral(renderBriefing(briefing, { response: 'ephemeral' })),
      replace_original: false,
    };
    deps.context.metrics.commandHandled('slack', 'brief.more', 'ok');
    await sendReplies(respond, [reply], logger);
  });
}
