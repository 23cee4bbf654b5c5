/**
 * "Post to channel": the briefing page the asker is looking at, posted for everyone in the channel
 * (as an interaction reply: newsbrief needs no Send Messages permission of its own). The member
 * must be allowed to send messages in the channel.
 */
import { PermissionFlagsBits } from 'discord.js';
import { briefingPage } from '../briefing.js';
import { textReply } from '../render/message.js';
import { deferThenEdit, replyOptions } from '../respond.js';
import type { ButtonHandler } from './component.js';

export const postButton: ButtonHandler = {
  kind: 'post',

  async handle(interaction, button, deps) {
    if (
      interaction.memberPermissions !== null &&
      !interaction.memberPermissions.has(PermissionFlagsBits.SendMessages)
    ) {
      await interaction.reply(
        replyOptions(
          textReply("You can't send messages in this channel, so newsbrief won't post there for you.", true),
        ),
      );
      return { command: 'post', outcome: 'bad_input' };
    }
    await deferThenEdit(interaction, false, async () => {
      const page = await briefingPage(deps, {
        topic: button.topic,
        now: button.now,
        offset: button.offset,
        ephemeral: false,
        inGuild: interaction.inGuild(),
      });
      return page.body;
    });
    return { command: 'post', outcome: 'ok' };
  },
};
