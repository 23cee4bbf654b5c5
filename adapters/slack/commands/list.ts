/** `/news list`: this channel's subscription, and the workspace's other subscribed channels as mentions. */
import { list as listUseCase } from '../../../src/subscriptions/index.js';
import { badInput, ok, type SlackCommandHandler, useCaseContext } from '../handler.js';
import { renderError, renderList } from '../render/results.js';

export const list: SlackCommandHandler<'list'> = {
  kind: 'list',
  async run(_command, invocation, { context }) {
    const result = await listUseCase(useCaseContext(invocation), context.subscriptions);
    return result.ok ? ok(renderList(result.value)) : badInput(renderError(result.error));
  },
};
