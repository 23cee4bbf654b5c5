/**
 * "Subscribe this channel": checks the member may manage subscriptions (the permission /digest
 * needs, DISCORD_MANAGE_PERMISSION), then opens a short form with the topic as tags and the default
 * time and zone filled in.
 */
import { type APIModalInteractionResponseCallbackData, ComponentType, TextInputStyle } from 'discord.js';
import { normaliseTag } from '../../../src/commands/index.js';
import { GUILD_ONLY_MESSAGE } from '../deps.js';
import { SUBSCRIBE_MODAL_ID } from '../render/custom-id.js';
import { textReply } from '../render/message.js';
import { truncate } from '../render/text.js';
import { replyOptions } from '../respond.js';
import { managePermissionBit, permissionName } from '../settings.js';
import type { ButtonHandler } from './component.js';

/** Text inputs of the form: their custom ids. */
export const FORM_FIELDS = { tags: 'tags', time: 'time', timeZone: 'timezone', days: 'days' } as const;

export function subscribeForm(
  tags: string,
  time: string,
  timeZone: string,
): APIModalInteractionResponseCallbackData {
  const input = (customId: string, label: string, value: string, placeholder: string, required: boolean) => ({
    type: ComponentType.ActionRow as const,
    components: [
      {
        type: ComponentType.TextInput as const,
        custom_id: customId,
        label,
        style: TextInputStyle.Short,
        required,
        max_length: customId === FORM_FIELDS.tags ? 300 : 60,
        placeholder,
        ...(value !== '' ? { value } : {}),
      },
    ],
  });
  return {
    custom_id: SUBSCRIBE_MODAL_ID,
    title: 'Daily digest in this channel',
    components: [
      input(FORM_FIELDS.tags, 'Tags (separated by commas)', truncate(tags, 300), 'korea, south korea', true),
      input(FORM_FIELDS.time, 'Delivery time', time, '08:00, 8am, 18:30', false),
      input(FORM_FIELDS.timeZone, 'Time zone', timeZone, 'Asia/Seoul, Europe/London, UTC', false),
      input(FORM_FIELDS.days, 'Days: daily or weekdays', '', 'daily', false),
    ],
  };
}

export const subscribeButton: ButtonHandler = {
  kind: 'subscribe',

  async handle(interaction, button, deps) {
    if (!interaction.inGuild()) {
      await interaction.reply(replyOptions(textReply(GUILD_ONLY_MESSAGE, true)));
      return { command: 'subscribe-button', outcome: 'bad_input' };
    }
    const needed = managePermissionBit(deps.settings.managePermission);
    if (needed !== null && !interaction.memberPermissions.has(needed)) {
      const name = permissionName(deps.settings.managePermission);
      await interaction.reply(
        replyOptions(
          textReply(
            `Subscribing a channel needs the ${name} permission. Ask someone who has it to click the button or run /digest subscribe.`,
            true,
          ),
        ),
      );
      return { command: 'subscribe-button', outcome: 'bad_input' };
    }
    const tag = normaliseTag(button.topic);
    await interaction.showModal(
      subscribeForm(
        tag.ok ? tag.tag : button.topic,
        deps.settings.defaultTime,
        deps.settings.defaultTimeZone,
      ),
    );
    return { command: 'subscribe-button', outcome: 'ok' };
  },
};
