/**
 * `newsbrief discord register`: loads the Discord adapter (and discord.js) only when run, so the
 * other commands start fast.
 */
import { REGISTER_USAGE } from '../adapters/discord/register-usage.js';
import type { CliCommand } from '../src/cli/io.js';

export const lazyDiscordCommand: CliCommand = {
  name: 'discord',
  summary: 'Register the Discord slash commands (discord register)',
  usage: REGISTER_USAGE,
  async run(args, io) {
    const { discordCommand } = await import('../adapters/discord/register.js');
    return discordCommand.run(args, io);
  },
};
