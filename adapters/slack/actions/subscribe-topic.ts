/** "Subscribe this channel to <topic>": the subscribe command with the briefing's topic as one tag. */
import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTIONS, decodeTagRef } from '../action-values.js';
import { subscribe } from '../commands/subscribe.js';
import { ephemeral, type HandlerDeps, type HandlerResult } from '../handler.js';
import { renderError, renderFailure } from '../render/results.js';
import { sendReplies } from '../replies.js';
import { EXPIRED_BUTTON } from './button-briefing.js';
import { actionInvocation } from './invocation.js';

export function registerSubscribeTopic(app: App, deps: HandlerDeps): void {
  const logger = deps.context.logger.child({ platform: 'slack', action: ACTIONS.subscribe });
  app.action<BlockButtonAction>(ACTIONS.subscribe, async ({ ack, action, body, client, respond }) => {
    await ack();
    const tag = decodeTagRef(action.value);
    const invocation = actionInvocation(body, client, deps.context.now());
    let result: HandlerResult;
    if (tag === null || invocation === null) {
      result = { outcome: 'bad_input', replies: [ephemeral(renderError({ message: EXPIRED_BUTTON }))] };
    } else {
      try {
        result = await subscribe.run({ kind: 'subscribe', tags: [tag] }, invocation, deps);
      } catch (error) {
        logger.error(
          { err: error instanceof Error ? error.message : String(error) },
          'subscribe button failed',
        );
        result = { outcome: 'error', replies: [ephemeral(renderFailure())] };
      }
    }
    deps.context.metrics.commandHandled('slack', 'subscribe', result.outcome);
    await sendReplies(
      respond,
      result.replies.map((r) => ({ ...r, replace_original: false })),
      logger,
    );
  });
}
