/** `/news topic:<text>`: a briefing, one embed per story, with More / Post to channel / Subscribe. */
import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { MAX_TOPIC_LENGTH } from '../../../src/commands/index.js';
import { topicChoices } from '../autocomplete.js';
import { briefingNow, briefingPage, topicCommand } from '../briefing.js';
import { errorReply } from '../render/result.js';
import { deferThenEdit, replyOptions, respondChoices } from '../respond.js';
import type { SlashCommand } from './command.js';

export const newsCommand: SlashCommand = {
  name: 'news',

  definition: () =>
    new SlashCommandBuilder()
      .setName('news')
      .setDescription('A briefing: the top recent stories on a topic, with summaries and sources')
      .addStringOption((option) =>
        option
          .setName('topic')
          .setDescription('What the news should be about, e.g. korea or "north korea" missiles')
          .setRequired(true)
          .setAutocomplete(true)
          .setMinLength(1)
          .setMaxLength(MAX_TOPIC_LENGTH),
      )
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
      .toJSON(),

  async execute(interaction, deps) {
    const parsed = topicCommand(interaction.options.getString('topic', true));
    if (!parsed.ok) {
      await interaction.reply(replyOptions(errorReply(parsed.error.message)));
      return { command: 'brief', outcome: 'bad_input' };
    }
    const topic = parsed.command.kind === 'brief' ? parsed.command.topic : '';
    const ephemeral = deps.settings.response === 'ephemeral';
    // A briefing runs synchronously: defer first so the 3-second deadline holds on any corpus size.
    await deferThenEdit(interaction, ephemeral, async () => {
      const page = await briefingPage(deps, {
        topic,
        now: briefingNow(deps),
        offset: 0,
        ephemeral,
        inGuild: interaction.inGuild(),
      });
      return page.body;
    });
    return { command: 'brief', outcome: 'ok' };
  },

  async autocomplete(interaction, deps) {
    await respondChoices(interaction, topicChoices(deps.context.engine(), interaction.options.getFocused()));
  },
};
