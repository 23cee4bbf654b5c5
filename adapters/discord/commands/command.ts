/** The shape of a slash command module, after the discord.js bot template (`{ data, execute }`). */
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandOutcome } from '../../../src/ports/metrics.js';
import type { DiscordDeps } from '../deps.js';
import type { DiscordSettings } from '../settings.js';

/** What a handler reports for metrics: the command it ran and how it went. */
export interface Handled {
  command: string;
  outcome: CommandOutcome;
}

export interface SlashCommand {
  readonly name: string;
  /** The registration JSON (depends on settings: default_member_permissions). */
  definition(settings: DiscordSettings): RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, deps: DiscordDeps): Promise<Handled>;
  autocomplete?(interaction: AutocompleteInteraction, deps: DiscordDeps): Promise<void>;
}
