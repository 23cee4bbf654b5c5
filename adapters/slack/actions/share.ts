/**
 * "Share in channel": posts the briefing page the user was looking at in the channel (through the
 * response_url, so the bot needn't be a member), then removes the user's ephemeral copy.
 */
import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTIONS } from '../action-values.js';
import { type HandlerDeps, inChannel } from '../handler.js';
import { renderBriefing } from '../render/briefing.js';
import { sendReplies } from '../replies.js';
import { briefingOfButton } from './button-briefing.js';
import { fromEphemeral } from './invocation.js';

export function registerShare(app: App, deps: HandlerDeps): void {
  const logger = deps.context.logger.child({ platform: 'slack', action: ACTIONS.share });
  app.action<BlockButtonAction>(ACTIONS.share, async ({ ack, action, body, respond }) => {
    await ack();
    const briefing = await briefingOfButton(action.value, 'brief.share', deps, respond, logger);
    if (briefing === null) return;
    const shared = {
      ...inChannel(renderBriefing(briefing, { response: 'in_channel', sharedBy: body.user.id })),
      replace_original: false,
    };
    const posted = await sendReplies(respond, [shared], logger);
    deps.context.metrics.commandHandled('slack', 'brief.share', posted ? 'ok' : 'error');
    if (posted && fromEphemeral(body)) {
      await respond({ delete_original: true }).catch(() => undefined);
    }
  });
}
