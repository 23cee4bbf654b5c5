/**
 * Answering interactions within Discord's 3-second deadline. Work that may take longer is deferred
 * first (the user sees "newsbrief is thinking…") and completed with editReply; quick work answers
 * directly, with a timer that defers anyway if it turns out slow (a slow store).
 */
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { MessageBody, Reply } from './render/message.js';
import { NO_MENTIONS } from './render/message.js';

export type RepliableInteraction = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

/** Defer when a direct answer isn't ready this long after the interaction arrived. */
export const DEFER_AFTER_MS = 1_500;

export function replyOptions(reply: Reply): InteractionReplyOptions {
  return {
    content: reply.body.content,
    embeds: reply.body.embeds,
    components: reply.body.components,
    allowedMentions: NO_MENTIONS,
    ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

export function editOptions(body: MessageBody): InteractionEditReplyOptions {
  return {
    content: body.content,
    embeds: body.embeds,
    components: body.components,
    allowedMentions: NO_MENTIONS,
  };
}

/**
 * Defers at once (ephemeral or not), runs the work, then edits the deferred reply. For work that
 * blocks the event loop (a briefing) the deferral must be sent before the work starts.
 */
export async function deferThenEdit(
  interaction: RepliableInteraction,
  ephemeral: boolean,
  work: () => Promise<MessageBody>,
): Promise<void> {
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  const body = await work();
  await interaction.editReply(editOptions(body));
}

/**
 * Answers with the work's reply directly; if the work takes longer than `deferAfterMs`, defers first
 * (with the visibility `ephemeralIfDeferred`) and edits when done. An answer deferred as public but
 * meant to be private (an error) is sent as an ephemeral follow-up and the public placeholder removed.
 */
export async function answer(
  interaction: RepliableInteraction,
  work: () => Promise<Reply>,
  options: { ephemeralIfDeferred: boolean; deferAfterMs?: number },
): Promise<void> {
  // The deferral settles to its error (or null) so that a failure is reported once, after the work.
  const state: { deferral: Promise<unknown> | null } = { deferral: null };
  const timer = setTimeout(() => {
    state.deferral = interaction
      .deferReply(options.ephemeralIfDeferred ? { flags: MessageFlags.Ephemeral } : {})
      .then(
        () => null,
        (error: unknown) => error ?? new Error('deferReply failed'),
      );
  }, options.deferAfterMs ?? DEFER_AFTER_MS);
  let reply: Reply;
  try {
    reply = await work();
  } finally {
    clearTimeout(timer);
  }
  if (state.deferral === null) {
    await interaction.reply(replyOptions(reply));
    return;
  }
  const deferError = await state.deferral;
  if (deferError !== null) throw deferError;
  if (reply.ephemeral === options.ephemeralIfDeferred) {
    await interaction.editReply(editOptions(reply.body));
    return;
  }
  await interaction.deleteReply().catch(() => undefined);
  await interaction.followUp(replyOptions(reply));
}

/** Tells the user something went wrong, whatever state the interaction is in. Never throws. */
export async function answerError(interaction: RepliableInteraction, content: string): Promise<void> {
  const reply: Reply = { body: { content, embeds: [], components: [] }, ephemeral: true };
  try {
    if (interaction.deferred || interaction.replied) await interaction.followUp(replyOptions(reply));
    else await interaction.reply(replyOptions(reply));
  } catch {
    // The token may have expired; nothing more to do.
  }
}

/** Autocomplete answers are best effort: an expired interaction is not an error worth reporting. */
export async function respondChoices(
  interaction: AutocompleteInteraction,
  choices: Array<{ name: string; value: string }>,
): Promise<void> {
  await interaction.respond(choices.slice(0, 25));
}
