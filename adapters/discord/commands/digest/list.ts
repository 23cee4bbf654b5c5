/** `/digest list`: the core's list for this channel. */
import { handleCommand } from '../../../../src/subscriptions/handle-command.js';
import { briefingDeps } from '../../deps.js';
import { resultReply } from '../../render/result.js';
import { type DigestSubcommand, outcomeOf } from './subcommand.js';

export const list: DigestSubcommand = {
  name: 'list',
  private: true,

  build: (sub) =>
    sub
      .setName('list')
      .setDescription("Show this channel's digest: tags, time, time zone, days, next delivery"),

  async run(_interaction, ctx, deps) {
    const result = await handleCommand({ kind: 'list' }, ctx, deps.context.subscriptions, briefingDeps(deps));
    return { reply: resultReply(result), outcome: outcomeOf(result) };
  },
};
