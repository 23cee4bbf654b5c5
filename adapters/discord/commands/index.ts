/** Every slash command newsbrief registers, by name. */
import type { DiscordSettings } from '../settings.js';
import type { SlashCommand } from './command.js';
import { digestCommand } from './digest/index.js';
import { newsCommand } from './news.js';

export type { Handled, SlashCommand } from './command.js';

export const COMMANDS: readonly SlashCommand[] = [newsCommand, digestCommand];

export const commandsByName: ReadonlyMap<string, SlashCommand> = new Map(COMMANDS.map((c) => [c.name, c]));

/** The JSON sent to Discord by `discord register` (bulk overwrite). */
export function commandDefinitions(settings: DiscordSettings) {
  return COMMANDS.map((command) => command.definition(settings));
}
