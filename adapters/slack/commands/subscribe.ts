/**
 * `/news subscribe <tags> [at <time>] [<zone>] [daily|weekdays]` (and the "Subscribe this channel"
 * button): the core's subscribe use case. A new subscription that names no zone gets the user's
 * Slack time zone; a tag that no article mentions gets a note (a typo's likely fix).
 */
import { subscribe as subscribeUseCase, withUnknownTagNotes } from '../../../src/subscriptions/index.js';
import { badInput, ok, type SlackCommandHandler, useCaseContext } from '../handler.js';
import { renderError, renderMessage } from '../render/results.js';
import { userTimeZone } from '../user-time-zone.js';

export const subscribe: SlackCommandHandler<'subscribe'> = {
  kind: 'subscribe',
  async run(command, invocation, { context }) {
    const zone =
      command.timeZone === undefined ? await userTimeZone(invocation.client, invocation.userId) : undefined;
    const subscribed = await subscribeUseCase(
      {
        tags: command.tags,
        ...(command.time !== undefined ? { time: command.time } : {}),
        ...(command.timeZone !== undefined ? { timeZone: command.timeZone } : {}),
        ...(command.days !== undefined ? { days: command.days } : {}),
      },
      useCaseContext(invocation, zone),
      context.subscriptions,
    );
    const result = withUnknownTagNotes(subscribed, invocation.now, context.engine());
    return result.ok
      ? ok(renderMessage(result.value.message, ':white_check_mark: '))
      : badInput(renderError(result.error));
  },
};
