/** Button and form handlers, one per file, keyed by what their custom id says. */
import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import type { Handled } from '../commands/command.js';
import type { DiscordDeps } from '../deps.js';
import type { BriefingButton, ButtonKind } from '../render/custom-id.js';

export interface ButtonHandler {
  readonly kind: ButtonKind;
  handle(interaction: ButtonInteraction, button: BriefingButton, deps: DiscordDeps): Promise<Handled>;
}

export interface ModalHandler {
  readonly customId: string;
  handle(interaction: ModalSubmitInteraction, deps: DiscordDeps): Promise<Handled>;
}
