/** `/news resume`: the core's resume use case (clears a user pause or a pause after a delivery failure). */
import { resume as resumeUseCase } from '../../../src/subscriptions/index.js';
import { badInput, ok, type SlackCommandHandler, useCaseContext } from '../handler.js';
import { renderError, renderMessage } from '../render/results.js';

export const resume: SlackCommandHandler<'resume'> = {
  kind: 'resume',
  async run(_command, invocation, { context }) {
    const result = await resumeUseCase(useCaseContext(invocation), context.subscriptions);
    return result.ok ? ok(renderMessage(result.value.message)) : badInput(renderError(result.error));
  },
};
