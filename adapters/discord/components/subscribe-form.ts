/** The "Subscribe this channel" form, submitted: the same path as /digest subscribe. */
import { runSubscribe } from '../commands/digest/subscribe.js';
import { GUILD_ONLY_MESSAGE, useCaseContext } from '../deps.js';
import { SUBSCRIBE_MODAL_ID } from '../render/custom-id.js';
import { textReply } from '../render/message.js';
import { answer, replyOptions } from '../respond.js';
import type { ModalHandler } from './component.js';
import { FORM_FIELDS } from './subscribe-button.js';

export const subscribeForm: ModalHandler = {
  customId: SUBSCRIBE_MODAL_ID,

  async handle(interaction, deps) {
    const ctx = useCaseContext(
      { guildId: interaction.guildId, channelId: interaction.channelId, userId: interaction.user.id },
      deps,
    );
    if (ctx === null) {
      await interaction.reply(replyOptions(textReply(GUILD_ONLY_MESSAGE, true)));
      return { command: 'subscribe', outcome: 'bad_input' };
    }
    const field = (id: string): string | null => {
      try {
        return interaction.fields.getTextInputValue(id);
      } catch {
        return null;
      }
    };
    let outcome: 'ok' | 'bad_input' | 'error' = 'ok';
    await answer(
      interaction,
      async () => {
        const result = await runSubscribe(
          {
            tags: field(FORM_FIELDS.tags) ?? '',
            time: field(FORM_FIELDS.time),
            timeZone: field(FORM_FIELDS.timeZone),
            days: field(FORM_FIELDS.days),
          },
          ctx,
          deps,
          interaction.appPermissions,
        );
        outcome = result.outcome;
        return result.reply;
      },
      { ephemeralIfDeferred: false },
    );
    return { command: 'subscribe', outcome };
  },
};
