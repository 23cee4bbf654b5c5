/** One subcommand of /digest: its options, its handler, and its autocomplete. */
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import type { CommandOutcome } from '../../../../src/ports/metrics.js';
import type { UseCaseContext } from '../../../../src/subscriptions/context.js';
import type { CommandResult } from '../../../../src/subscriptions/handle-command.js';
import type { DiscordDeps } from '../../deps.js';
import type { Reply } from '../../render/message.js';

export interface DigestSubcommand {
  readonly name: string;
  /**
   * True when the answer is only for the asker (list, preview, help): a deferral is ephemeral then.
   * Changes to the channel's digest are announced to the channel.
   */
  readonly private?: boolean;
  /**
   * True when the work may block for a while (preview builds a digest): defer before starting it.
   */
  readonly slow?: boolean;
  /** Options and description on the subcommand builder. */
  build(subcommand: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder;
  /** The reply for this invocation (the caller answers within the deadline). */
  run(
    interaction: ChatInputCommandInteraction,
    ctx: UseCaseContext,
    deps: DiscordDeps,
  ): Promise<SubcommandReply>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: UseCaseContext, deps: DiscordDeps): Promise<void>;
}

export interface SubcommandReply {
  reply: Reply;
  outcome: CommandOutcome;
}

/** ok or bad_input, from a core result. */
export function outcomeOf(result: CommandResult | { ok: boolean }): CommandOutcome {
  return result.ok ? 'ok' : 'bad_input';
}
