/** "More": the next page of a briefing, for the user who clicked (the page's ranking instant is kept). */
import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTIONS } from '../action-values.js';
import { ephemeral, type HandlerDeps } from '../handler.js';
import { renderBriefing } from '../render/briefing.js';
import { sendReplies } from '../replies.js';
import { briefingOfButton } from './button-briefing.js';

export function registerMore(app: App, deps: HandlerDeps): void {
  const logger = deps.context.logger.child({ platform: 'slack', action: ACTIONS.more });
  app.action<BlockButtonAction>(ACTIONS.more, async ({ ack, action, respond }) => {
    await ack();
    const briefing = await briefingOfButton(action.value, 'brief.more', deps, respond, logger);
    if (briefing === null) return;
    const reply = {
      ...ephemeral(renderBriefing(briefing, { response: 'ephemeral' })),
      replace_original: false,
    };
    deps.context.metrics.commandHandled('slack', 'brief.more', 'ok');
    await sendReplies(respond, [reply], logger);
  });
}
