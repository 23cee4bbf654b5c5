/** `/digest pause`: the core's pause for this channel. */
import { handleCommand } from '../../../../src/subscriptions/handle-command.js';
import { briefingDeps } from '../../deps.js';
import { resultReply } from '../../render/result.js';
import { type DigestSubcommand, outcomeOf } from './subcommand.js';

export const pause: DigestSubcommand = {
  name: 'pause',

  build: (sub) =>
    sub.setName('pause').setDescription("Pause this channel's digests (tags and time are kept)"),

  async run(_interaction, ctx, deps) {
    const result = await handleCommand(
      { kind: 'pause' },
      ctx,
      deps.context.subscriptions,
      briefingDeps(deps),
    );
    return { reply: resultReply(result), outcome: outcomeOf(result) };
  },
};
