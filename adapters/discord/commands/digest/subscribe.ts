/** `/digest subscribe tags:<tags> [time] [timezone] [days]`: typed options, the core's subscribe. */
import { PermissionFlagsBits, type PermissionsBitField } from 'discord.js';
import { parseTime, validateTimeZone, type Weekdays } from '../../../../src/commands/index.js';
import type { Command } from '../../../../src/commands/types.js';
import type { UseCaseContext } from '../../../../src/subscriptions/context.js';
import { handleCommand } from '../../../../src/subscriptions/handle-command.js';
import { tagListChoices, timeChoices, timeZoneChoices } from '../../autocomplete.js';
import { briefingDeps, type DiscordDeps } from '../../deps.js';
import { errorReply, resultReply } from '../../render/result.js';
import { respondChoices } from '../../respond.js';
import { type DigestSubcommand, outcomeOf, type SubcommandReply } from './subcommand.js';
import { parseTagList } from './tag-list.js';

export interface SubscribeInput {
  tags: string;
  time?: string | null;
  timeZone?: string | null;
  days?: string | null;
}

/** What newsbrief needs in a channel to post digests there. */
const POST_PERMISSIONS = [
  ['View Channel', PermissionFlagsBits.ViewChannel],
  ['Send Messages', PermissionFlagsBits.SendMessages],
  ['Embed Links', PermissionFlagsBits.EmbedLinks],
] as const;

/** A warning when the bot's own permissions in the channel won't let it post digests there. */
export function missingPostPermissions(
  appPermissions: Readonly<PermissionsBitField> | null,
): string | undefined {
  if (appPermissions === null) return undefined;
  const missing = POST_PERMISSIONS.filter(([, bit]) => !appPermissions.has(bit)).map(([name]) => name);
  if (missing.length === 0) return undefined;
  return `Note: newsbrief can't post digests here yet. Give it ${missing.join(', ')} in this channel.`;
}

/**
 * Subscribes the channel: each option is checked by the core (tags by its parser, the time by
 * parseTime, the zone by validateTimeZone with its suggestions), then the core's subscribe runs.
 * Shared by the subcommand and the "Subscribe this channel" form.
 */
export async function runSubscribe(
  input: SubscribeInput,
  ctx: UseCaseContext,
  deps: DiscordDeps,
  appPermissions: Readonly<PermissionsBitField> | null,
): Promise<SubcommandReply> {
  const tags = parseTagList('subscribe', input.tags);
  if (!tags.ok) return { reply: errorReply(tags.message), outcome: 'bad_input' };
  const command: Extract<Command, { kind: 'subscribe' }> = {
    kind: 'subscribe',
    tags: tags.tags === 'all' ? ['all'] : tags.tags,
  };
  const time = input.time?.trim();
  if (time) {
    const parsed = parseTime(time);
    if (!parsed.ok) return { reply: errorReply(parsed.error.message), outcome: 'bad_input' };
    command.time = parsed.time;
  }
  const zone = input.timeZone?.trim();
  if (zone) {
    const checked = validateTimeZone(zone);
    if (!checked.ok) return { reply: errorReply(checked.error.message), outcome: 'bad_input' };
    command.timeZone = checked.timeZone;
  }
  const days = input.days?.trim().toLowerCase();
  if (days) {
    if (days !== 'daily' && days !== 'weekdays') {
      return { reply: errorReply('Days must be daily or weekdays.'), outcome: 'bad_input' };
    }
    command.days = days satisfies Weekdays;
  }
  const result = await handleCommand(command, ctx, deps.context.subscriptions, briefingDeps(deps));
  const note = result.ok ? missingPostPermissions(appPermissions) : undefined;
  return {
    reply: resultReply(result, note !== undefined ? { subscribeNote: note } : {}),
    outcome: outcomeOf(result),
  };
}

export const subscribe: DigestSubcommand = {
  name: 'subscribe',

  build: (sub) =>
    sub
      .setName('subscribe')
      .setDescription('Get a daily digest of these tags in this channel')
      .addStringOption((o) =>
        o
          .setName('tags')
          .setDescription('Tags separated by commas, e.g. korea, south korea, semiconductors')
          .setRequired(true)
          .setAutocomplete(true)
          .setMaxLength(300),
      )
      .addStringOption((o) =>
        o
          .setName('time')
          .setDescription('Delivery time, e.g. 08:00, 8am, 18:30')
          .setAutocomplete(true)
          .setMaxLength(20),
      )
      .addStringOption((o) =>
        o
          .setName('timezone')
          .setDescription('Time zone of the delivery time, e.g. Asia/Seoul, Europe/London, UTC')
          .setAutocomplete(true)
          .setMaxLength(60),
      )
      .addStringOption((o) =>
        o
          .setName('days')
          .setDescription('Every day (the default) or weekdays only')
          .addChoices({ name: 'every day', value: 'daily' }, { name: 'weekdays', value: 'weekdays' }),
      ),

  run: (interaction, ctx, deps) =>
    runSubscribe(
      {
        tags: interaction.options.getString('tags', true),
        time: interaction.options.getString('time'),
        timeZone: interaction.options.getString('timezone'),
        days: interaction.options.getString('days'),
      },
      ctx,
      deps,
      interaction.appPermissions,
    ),

  async autocomplete(interaction, _ctx, deps) {
    const focused = interaction.options.getFocused(true);
    const value = String(focused.value);
    const choices =
      focused.name === 'tags'
        ? tagListChoices(deps.context.engine(), value)
        : focused.name === 'timezone'
          ? timeZoneChoices(value, deps.settings.defaultTimeZone)
          : timeChoices(value, deps.settings.defaultTime);
    await respondChoices(interaction, choices);
  },
};
