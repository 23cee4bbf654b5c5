/**
 * One entry point for both chat adapters: a parsed `/news` command (or its raw text) in, one result
 * union out. The adapters only translate platform input into a context and render the result.
 */

import { type Command, type HelpText, helpText, parseCommand } from '../commands/index.js';
import type { BriefingEngine, DigestOptions } from '../digest/build.js';
import type { Briefing } from '../model.js';
import type { SubscriptionDeps, UseCaseContext } from './context.js';
import { failure, type Result, success } from './result.js';
import { withUnknownTagNotes } from './tag-notes.js';
import {
  type ListSuccess,
  list,
  type PauseSuccess,
  type PreviewSuccess,
  pause,
  preview,
  type ResumeSuccess,
  resume,
  type SubscribeSuccess,
  subscribe,
  type UnsubscribeSuccess,
  unsubscribe,
} from './use-cases.js';

export interface BriefSuccess {
  kind: 'briefing';
  briefing: Briefing;
}

export interface HelpSuccess {
  kind: 'help';
  help: HelpText;
}

/** Everything a `/news` command can answer. */
export type CommandSuccess =
  | BriefSuccess
  | HelpSuccess
  | SubscribeSuccess
  | UnsubscribeSuccess
  | ListSuccess
  | PauseSuccess
  | ResumeSuccess
  | PreviewSuccess;

export type CommandResult = Result<CommandSuccess>;

export interface BriefingDeps {
  engine: BriefingEngine;
  /** Stories per briefing page. @defaultValue 5 */
  briefingLimit?: number;
  /** The digest options of the digest job, so that preview builds the same digest. */
  digestOptions?: Partial<DigestOptions>;
}

/** Runs a parsed command: `brief` briefs the engine at the context's clock, `help` gives help text. */
export async function handleCommand(
  command: Command,
  ctx: UseCaseContext,
  deps: SubscriptionDeps,
  briefingDeps: BriefingDeps,
): Promise<CommandResult> {
  switch (command.kind) {
    case 'brief':
      return success({
        kind: 'briefing',
        briefing: briefingDeps.engine.brief(command.topic, {
          now: ctx.now,
          limit: briefingDeps.briefingLimit ?? 5,
        }),
      });
    case 'help':
      return success({ kind: 'help', help: helpText(command.command) });
    case 'subscribe': {
      const result = await subscribe(
        {
          tags: command.tags,
          ...(command.time !== undefined ? { time: command.time } : {}),
          ...(command.timeZone !== undefined ? { timeZone: command.timeZone } : {}),
          ...(command.days !== undefined ? { days: command.days } : {}),
        },
        ctx,
        deps,
      );
      return withUnknownTagNotes(result, ctx.now, briefingDeps.engine);
    }
    case 'unsubscribe':
      return unsubscribe(command.tags, ctx, deps);
    case 'list':
      return list(ctx, deps);
    case 'pause':
      return pause(ctx, deps);
    case 'resume':
      return resume(ctx, deps);
    case 'preview':
      return preview(ctx, deps, {
        engine: briefingDeps.engine,
        ...(briefingDeps.digestOptions !== undefined ? { digestOptions: briefingDeps.digestOptions } : {}),
      });
  }
}

/**
 * Parses the text after `/news` and runs it; a parse error becomes an `invalid-command` error with
 * the parser's message and suggestions.
 */
export async function handleText(
  text: string,
  ctx: UseCaseContext,
  deps: SubscriptionDeps,
  briefingDeps: BriefingDeps,
): Promise<CommandResult> {
  const parsed = parseCommand(text);
  if (!parsed.ok) return failure('invalid-command', parsed.error.message, parsed.error.suggestions);
  return handleCommand(parsed.command, ctx, deps, briefingDeps);
}
