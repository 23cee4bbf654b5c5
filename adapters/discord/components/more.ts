/**
 * "More": the next page of the same briefing (same topic, same clock). On the asker's own
 * (ephemeral) message the page replaces the current one; on a message posted to the channel the
 * next page goes to whoever clicked, privately, so one reader doesn't change what everyone sees.
 * Also serves the "did you mean" buttons (offset 0 of another topic).
 */
import { MessageFlags } from 'discord.js';
import { briefingPage } from '../briefing.js';
import { deferThenEdit, editOptions } from '../respond.js';
import type { ButtonHandler } from './component.js';

export const moreButton: ButtonHandler = {
  kind: 'more',

  async handle(interaction, button, deps) {
    const request = {
      topic: button.topic,
      now: button.now,
      offset: button.offset,
      ephemeral: true,
      inGuild: interaction.inGuild(),
    };
    if (interaction.message.flags.has(MessageFlags.Ephemeral)) {
      await interaction.deferUpdate();
      const page = await briefingPage(deps, request);
      await interaction.editReply(editOptions(page.body));
    } else {
      await deferThenEdit(interaction, true, async () => (await briefingPage(deps, request)).body);
    }
    return { command: 'more', outcome: 'ok' };
  },
};
