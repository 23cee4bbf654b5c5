/** `/digest resume`: the core's resume for this channel. */
import { handleCommand } from '../../../../src/subscriptions/handle-command.js';
import { briefingDeps } from '../../deps.js';
import { resultReply } from '../../render/result.js';
import { type DigestSubcommand, outcomeOf } from './subcommand.js';

export const resume: DigestSubcommand = {
  name: 'resume',

  build: (sub) => sub.setName('resume').setDescription("Start this channel's paused digests again"),

  async run(_interaction, ctx, deps) {
    const result = await handleCommand(
      { kind: 'resume' },
      ctx,
      deps.context.subscriptions,
      briefingDeps(deps),
    );
    return { reply: resultReply(result), outcome: outcomeOf(result) };
  },
};
