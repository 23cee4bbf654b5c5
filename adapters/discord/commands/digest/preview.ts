/** `/digest preview`: the core's preview for this channel. */
import { handleCommand } from '../../../../src/subscriptions/handle-command.js';
import { briefingDeps } from '../../deps.js';
import { resultReply } from '../../render/result.js';
import { type DigestSubcommand, outcomeOf } from './subcommand.js';

export const preview: DigestSubcommand = {
  name: 'preview',
  private: true,
  slow: true,

  build: (sub) => sub.setName('preview').setDescription('Show the digest this channel would get now'),

  async run(_interaction, ctx, deps) {
    const result = await handleCommand(
      { kind: 'preview' },
      ctx,
      deps.context.subscriptions,
      briefingDeps(deps),
    );
    return { reply: resultReply(result), outcome: outcomeOf(result) };
  },
};
