/** `/news unsubscribe <tags>|all`: the core's unsubscribe use case. */
import { unsubscribe as unsubscribeUseCase } from '../../../src/subscriptions/index.js';
import { badInput, ok, type SlackCommandHandler, useCaseContext } from '../handler.js';
import { renderError, renderMessage } from '../render/results.js';

export const unsubscribe: SlackCommandHandler<'unsubscribe'> = {
  kind: 'unsubscribe',
  async run(command, invocation, { context }) {
    const result = await unsubscribeUseCase(command.tags, useCaseContext(invocation), context.subscriptions);
    return result.ok ? ok(renderMessage(result.value.message)) : badInput(renderError(result.error));
  },
};
