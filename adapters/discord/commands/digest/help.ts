/** `/digest help [command]`: the core's help text in Discord's command form. */
import { HELP_TOPICS } from '../../../../src/commands/index.js';
import { handleCommand } from '../../../../src/subscriptions/handle-command.js';
import { briefingDeps } from '../../deps.js';
import { resultReply } from '../../render/result.js';
import { type DigestSubcommand, outcomeOf } from './subcommand.js';

/** How each help topic is named in the choice list. */
const TOPIC_NAMES: Readonly<Record<(typeof HELP_TOPICS)[number], string>> = {
  brief: '/news (briefings)',
  subscribe: 'subscribe',
  unsubscribe: 'unsubscribe',
  list: 'list',
  pause: 'pause',
  resume: 'resume',
  preview: 'preview',
  help: 'help',
};

export const help: DigestSubcommand = {
  name: 'help',
  private: true,

  build: (sub) =>
    sub
      .setName('help')
      .setDescription('How /news and /digest work')
      .addStringOption((o) =>
        o
          .setName('command')
          .setDescription('One command to explain')
          .addChoices(...HELP_TOPICS.map((topic) => ({ name: TOPIC_NAMES[topic], value: topic }))),
      ),

  async run(interaction, ctx, deps) {
    const topic = interaction.options.getString('command') ?? undefined;
    const result = await handleCommand(
      topic === undefined ? { kind: 'help' } : { kind: 'help', command: topic },
      ctx,
      deps.context.subscriptions,
      briefingDeps(deps),
    );
    return {
      reply: resultReply(result, topic !== undefined ? { helpTopic: topic } : {}),
      outcome: outcomeOf(result),
    };
  },
};
