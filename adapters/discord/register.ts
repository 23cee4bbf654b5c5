/**
 * `newsbrief discord register` (npm run discord:register): registers /news and /digest through REST,
 * as a bulk overwrite: in DISCORD_GUILD_ID's server for development (guild commands update at once),
 * or globally for production (`--global`).
 */
import { parseArgs } from 'node:util';
import { REST, type RESTPutAPIApplicationCommandsResult, Routes } from 'discord.js';
import type { CliCommand, CliIO } from '../../src/cli/io.js';
import { UsageError } from '../../src/cli/io.js';
import { type Config, parseConfig } from '../../src/config.js';
import { commandDefinitions } from './commands/index.js';
import { REGISTER_USAGE as USAGE } from './register-usage.js';
import { type DiscordSettings, discordSettings } from './settings.js';

export type RegisterScope = { kind: 'guild'; guildId: string } | { kind: 'global' };

export interface RegisterResult {
  route: string;
  commands: Array<{ id: string; name: string }>;
}

/** Bulk-overwrites the application's commands in a guild or globally. */
export async function registerCommands(
  settings: DiscordSettings,
  scope: RegisterScope,
  rest: REST = new REST({ api: settings.apiUrl, retries: 1 }).setToken(settings.token),
): Promise<RegisterResult> {
  const route =
    scope.kind === 'guild'
      ? Routes.applicationGuildCommands(settings.applicationId, scope.guildId)
      : Routes.applicationCommands(settings.applicationId);
  try {
    const result = (await rest.put(route, {
      body: commandDefinitions(settings),
    })) as RESTPutAPIApplicationCommandsResult;
    return { route, commands: result.map((c) => ({ id: c.id, name: c.name })) };
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

/** The `discord` CLI command; `loadConfig` gives the parsed configuration (default: from io.env). */
export function createDiscordCommand(
  loadConfig: (io: CliIO) => Config = (io) => parseConfig(io.env),
): CliCommand {
  return {
    name: 'discord',
    summary: 'register the Discord slash commands (discord register)',
    usage: USAGE,
    async run(args, io) {
      const [sub, ...rest] = args;
      if (sub !== 'register')
        throw new UsageError(sub === undefined ? 'missing subcommand' : `unknown subcommand "${sub}"`);
      const { values } = parseArgs({
        args: rest,
        options: { guild: { type: 'string' }, global: { type: 'boolean' }, print: { type: 'boolean' } },
        strict: true,
      });
      if (values.global && values.guild !== undefined) throw new UsageError('use either --guild or --global');
      const config = loadConfig(io);
      if (values.print) {
        const printable = discordSettingsOrPlaceholder(config);
        io.stdout(`${JSON.stringify(commandDefinitions(printable), null, 2)}\n`);
        return 0;
      }
      const settings = discordSettings(config);
      const guildId = values.guild ?? settings.guildId;
      const scope: RegisterScope =
        values.global || guildId === undefined ? { kind: 'global' } : { kind: 'guild', guildId };
      const result = await registerCommands(settings, scope);
      const where = scope.kind === 'guild' ? `in server ${scope.guildId}` : 'globally';
      io.stdout(
        `Registered ${result.commands.length} commands ${where}: ${result.commands.map((c) => `/${c.name}`).join(', ')}\n`,
      );
      if (scope.kind === 'global' && !values.global) {
        io.stdout('(DISCORD_GUILD_ID is unset, so the commands were registered globally.)\n');
      }
      return 0;
    },
  };
}

/** --print works without credentials. */
function discordSettingsOrPlaceholder(config: Config): DiscordSettings {
  return discordSettings({
    ...config,
    DISCORD_TOKEN: config.DISCORD_TOKEN ?? 'unset',
    DISCORD_APP_ID: config.DISCORD_APP_ID ?? '0',
  });
}

export const discordCommand: CliCommand = createDiscordCommand();
