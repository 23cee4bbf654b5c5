/** `/digest unsubscribe tags:<tags>|all`: stop following tags (autocomplete offers the channel's). */

import { handleCommand } from '../../../../src/subscriptions/handle-command.js';
import { subscriptionId } from '../../../../src/subscriptions/model.js';
import { followedTagChoices } from '../../autocomplete.js';
import { briefingDeps } from '../../deps.js';
import { errorReply, resultReply } from '../../render/result.js';
import { respondChoices } from '../../respond.js';
import { type DigestSubcommand, outcomeOf } from './subcommand.js';
import { parseTagList } from './tag-list.js';

export const unsubscribe: DigestSubcommand = {
  name: 'unsubscribe',

  build: (sub) =>
    sub
      .setName('unsubscribe')
      .setDescription('Stop following tags in this channel, or all of them')
      .addStringOption((o) =>
        o
          .setName('tags')
          .setDescription('Tags to stop following, separated by commas, or all')
          .setRequired(true)
          .setAutocomplete(true)
          .setMaxLength(300),
      ),

  async run(interaction, ctx, deps) {
    const tags = parseTagList('unsubscribe', interaction.options.getString('tags', true));
    if (!tags.ok) return { reply: errorReply(tags.message), outcome: 'bad_input' };
    const result = await handleCommand(
      { kind: 'unsubscribe', tags: tags.tags },
      ctx,
      deps.context.subscriptions,
      briefingDeps(deps),
    );
    return { reply: resultReply(result), outcome: outcomeOf(result) };
  },

  async autocomplete(interaction, ctx, deps) {
    const sub = await deps.context.subscriptions.subscriptions.get(subscriptionId(ctx.channel));
    await respondChoices(interaction, followedTagChoices(sub?.tags ?? [], interaction.options.getFocused()));
  },
};
