/**
 * "Share in channel": posts the briefing page the user was looking at in the channel (through the
 * response_url, so the bot needn't be a member), then removes the user's ephemeral copy.
 */
import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTIONS, decodeBriefingRef } from '../action-values.js';
import { buildBriefing } from '../briefings.js';
import { ephemeral, type HandlerDeps, inChannel } from '../handler.js';
import { renderBriefing } from '../render/briefing.js';
import { renderError } from '../render/results.js';
import { sendReplies } from '../replies.js';
import { fromEphemeral } from './invocation.js';
import { EXPIRED_BUTTON } from './more.js';

export function registerShare(app: App, deps: HandlerDeps): void {
  const logger = deps.context.logger.child({ platform: 'slack', action: ACTIONS.share });
  app.action<BlockButtonAction>(ACTIONS.share, async ({ ack, action, body, respond }) => {
    await ack();
    const ref = decodeBriefingRef(action.value);
    if (ref === null) {
      deps.context.metrics.commandHandled('slack', 'brief.share', 'bad_input');
      await sendReplies(respond, [ephemeral(renderError({ message: EXPIRED_BUTTON }))], logger);
      return;
    }
    const briefing = buildBriefing(deps.context, ref.topic, {
      now: ref.now,
      offset: ref.offset,
      limit: deps.settings.briefingStories,
    });
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
