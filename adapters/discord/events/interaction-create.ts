/**
 * INTERACTION_CREATE: routes slash commands, autocomplete, buttons and forms to their handlers,
 * counts each in metrics, and turns an unexpected failure into an ephemeral apology (and a log
 * line) rather than Discord's "The application did not respond".
 */
import type { Interaction } from 'discord.js';
import type { Handled } from '../commands/command.js';
import { commandsByName } from '../commands/index.js';
import { BUTTONS, MODALS } from '../components/index.js';
import { type DiscordDeps, PLATFORM } from '../deps.js';
import { decodeButton } from '../render/custom-id.js';
import { answerError, type RepliableInteraction } from '../respond.js';

const FAILED = 'Sorry, something went wrong on newsbrief’s side. Please try again in a moment.';
const EXPIRED = 'This button no longer works: run /news again for a fresh briefing.';

/** What metrics call an interaction before its handler says. */
function label(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) {
    return interaction.commandName === 'news'
      ? 'brief'
      : (interaction.options.getSubcommand(false) ?? interaction.commandName);
  }
  if (interaction.isButton()) return 'button';
  if (interaction.isModalSubmit()) return 'subscribe';
  return 'unknown';
}

async function route(interaction: RepliableInteraction, deps: DiscordDeps): Promise<Handled> {
  if (interaction.isChatInputCommand()) {
    const command = commandsByName.get(interaction.commandName);
    if (command === undefined) {
      await answerError(interaction, `newsbrief doesn't know /${interaction.commandName} any more.`);
      return { command: interaction.commandName, outcome: 'bad_input' };
    }
    return command.execute(interaction, deps);
  }
  if (interaction.isButton()) {
    const button = await decodeButton(interaction.customId, deps.context.keyValues);
    const handler = button === null ? undefined : BUTTONS.get(button.kind);
    if (button === null || handler === undefined) {
      await answerError(interaction, EXPIRED);
      return { command: 'button', outcome: 'bad_input' };
    }
    return handler.handle(interaction, button, deps);
  }
  const modal = MODALS.get(interaction.customId);
  if (modal === undefined) {
    await answerError(interaction, EXPIRED);
    return { command: 'form', outcome: 'bad_input' };
  }
  return modal.handle(interaction, deps);
}

export function createInteractionHandler(deps: DiscordDeps): (interaction: Interaction) => Promise<void> {
  const { metrics } = deps.context;
  return async (interaction) => {
    if (interaction.isAutocomplete()) {
      const command = commandsByName.get(interaction.commandName);
      try {
        if (command?.autocomplete) await command.autocomplete(interaction, deps);
        else await interaction.respond([]);
      } catch (error) {
        deps.logger.warn({ err: error, command: interaction.commandName }, 'discord autocomplete failed');
      }
      return;
    }
    if (!interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isModalSubmit()) return;
    const started = performance.now();
    try {
      const handled = await route(interaction, deps);
      metrics.commandHandled(PLATFORM, handled.command, handled.outcome);
      deps.logger.debug(
        { command: handled.command, outcome: handled.outcome, ms: Math.round(performance.now() - started) },
        'discord interaction handled',
      );
    } catch (error) {
      metrics.commandHandled(PLATFORM, label(interaction), 'error');
      deps.logger.error(
        {
          err: error,
          command: label(interaction),
          guildId: interaction.guildId,
          interactionId: interaction.id,
        },
        'discord interaction failed',
      );
      await answerError(interaction, FAILED);
    }
  };
}
