/**
 * What command and action handlers share: who invoked them and where (Invocation), what they may
 * use (HandlerDeps), and what they return (replies for the response_url and a metrics outcome).
 */
import type { webApi } from '@slack/bolt';
import type { Command } from '../../src/commands/index.js';
import type { CommandOutcome } from '../../src/ports/metrics.js';
import type { PlatformContext } from '../../src/ports/platform.js';
import type { UseCaseContext } from '../../src/subscriptions/index.js';
import type { SlackMessage } from './render/blocks.js';
import type { SlackSettings } from './settings.js';

/** A `/news` command or a button click, as the core needs it. */
export interface Invocation {
  teamId: string;
  channelId: string;
  userId: string;
  /** The clock of this invocation. */
  now: Date;
  /** The Web API client with this workspace's bot token (Bolt's per-team client). */
  client: webApi.WebClient;
}

export interface HandlerDeps {
  context: PlatformContext;
  settings: SlackSettings;
}

/** One message for the response_url. */
export interface Reply extends SlackMessage {
  response_type: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
}

export interface HandlerResult {
  outcome: CommandOutcome;
  replies: Reply[];
}

/** The handler of one `/news` subcommand (one file each in commands/). */
export interface SlackCommandHandler<K extends Command['kind']> {
  readonly kind: K;
  run(
    command: Extract<Command, { kind: K }>,
    invocation: Invocation,
    deps: HandlerDeps,
  ): Promise<HandlerResult>;
}

/** The core's context for a use case run from Slack. */
export function useCaseContext(invocation: Invocation, defaultTimeZone?: string): UseCaseContext {
  return {
    channel: { platform: 'slack', teamId: invocation.teamId, channelId: invocation.channelId },
    userId: invocation.userId,
    now: invocation.now,
    ...(defaultTimeZone !== undefined ? { defaultTimeZone } : {}),
  };
}

/** A reply only the user sees. Only text and blocks are copied (nothing else reaches Slack). */
export function ephemeral(message: SlackMessage): Reply {
  return { response_type: 'ephemeral', text: message.text, blocks: message.blocks };
}

export function inChannel(message: SlackMessage): Reply {
  return { response_type: 'in_channel', text: message.text, blocks: message.blocks };
}

export function ok(...messages: SlackMessage[]): HandlerResult {
  return { outcome: 'ok', replies: messages.map(ephemeral) };
}

export function badInput(message: SlackMessage): HandlerResult {
  return { outcome: 'bad_input', replies: [ephemeral(message)] };
}
