/**
 * `/digest …`: subscription management as typed subcommands (see docs/adr/0005). Needs Manage
 * Channels by default (`default_member_permissions`, DISCORD_MANAGE_PERMISSION); server admins can
 * change who may use it under Server Settings → Integrations. Only in servers.
 */
import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { GUILD_ONLY_MESSAGE, useCaseContext } from '../../deps.js';
import { textReply } from '../../render/message.js';
import { answer, answerError, deferThenEdit, replyOptions } from '../../respond.js';
import { managePermissionBit } from '../../settings.js';
import type { SlashCommand } from '../command.js';
import { help } from './help.js';
import { list } from './list.js';
import { pause } from './pause.js';
import { preview } from './preview.js';
import { resume } from './resume.js';
import type { DigestSubcommand } from './subcommand.js';
import { subscribe } from './subscribe.js';
import { unsubscribe } from './unsubscribe.js';

export const DIGEST_SUBCOMMANDS: readonly DigestSubcommand[] = [
  subscribe,
  unsubscribe,
  list,
  pause,
  resume,
  preview,
  help,
];

const byName = new Map(DIGEST_SUBCOMMANDS.map((s) => [s.name, s]));

export const digestCommand: SlashCommand = {
  name: 'digest',

  definition(settings) {
    const builder = new SlashCommandBuilder()
      .setName('digest')
      .setDescription('Daily news digests in this channel: subscribe, list, pause, resume, preview')
      .setContexts(InteractionContextType.Guild)
      .setDefaultMemberPermissions(managePermissionBit(settings.managePermission));
    for (const sub of DIGEST_SUBCOMMANDS) builder.addSubcommand((s) => sub.build(s));
    return builder.toJSON();
  },

  async execute(interaction, deps) {
    const name = interaction.options.getSubcommand(true);
    const sub = byName.get(name);
    if (sub === undefined) {
      await answerError(interaction, `Unknown subcommand ${name}: run /digest help.`);
      return { command: name, outcome: 'bad_input' };
    }
    const ctx = useCaseContext(
      { guildId: interaction.guildId, channelId: interaction.channelId, userId: interaction.user.id },
      deps,
    );
    if (ctx === null) {
      await interaction.reply(replyOptions(textReply(GUILD_ONLY_MESSAGE, true)));
      return { command: name, outcome: 'bad_input' };
    }
    let outcome: 'ok' | 'bad_input' | 'error' = 'ok';
    if (sub.slow) {
      await deferThenEdit(interaction, true, async () => {
        const result = await sub.run(interaction, ctx, deps);
        outcome = result.outcome;
        return result.reply.body;
      });
    } else {
      await answer(
        interaction,
        async () => {
          const result = await sub.run(interaction, ctx, deps);
          outcome = result.outcome;
          return result.reply;
        },
        { ephemeralIfDeferred: sub.private === true },
      );
    }
    return { command: name, outcome };
  },

  async autocomplete(interaction, deps) {
    const sub = byName.get(interaction.options.getSubcommand(true));
    const ctx = useCaseContext(
      { guildId: interaction.guildId, channelId: interaction.channelId, userId: interaction.user.id },
      deps,
    );
    if (sub?.autocomplete === undefined || ctx === null) {
      await interaction.respond([]);
      return;
    }
    await sub.autocomplete(interaction, ctx, deps);
  },
};
