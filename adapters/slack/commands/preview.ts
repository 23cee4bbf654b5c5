/** `/news preview`: the digest this channel would get now, rendered exactly as the digest is posted. */
import { preview as previewUseCase } from '../../../src/subscriptions/index.js';
import { badInput, ok, type SlackCommandHandler, useCaseContext } from '../handler.js';
import { renderError, renderPreview } from '../render/results.js';

export const preview: SlackCommandHandler<'preview'> = {
  kind: 'preview',
  async run(_command, invocation, { context }) {
    const result = await previewUseCase(useCaseContext(invocation), context.subscriptions, {
      engine: context.engine(),
      digestOptions: context.digestOptions,
    });
    return result.ok ? ok(...renderPreview(result.value)) : badInput(renderError(result.error));
  },
};
