/** `/news pause`: the core's pause use case. */
import { pause as pauseUseCase } from '../../../src/subscriptions/index.js';
import { badInput, ok, type SlackCommandHandler, useCaseContext } from '../handler.js';
import { renderError, renderMessage } from '../render/results.js';

export const pause: SlackCommandHandler<'pause'> = {
  kind: 'pause',
  async run(_command, invocation, { context }) {
    const result = await pauseUseCase(useCaseContext(invocation), context.subscriptions);
    return result.ok ? ok(renderMessage(result.value.message)) : badInput(renderError(result.error));
  },
};
