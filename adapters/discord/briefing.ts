/** Building briefing pages for /news and its buttons: through the core engine, timed for metrics. */
import { parseCommand } from '../../src/commands/index.js';
import type { CommandErrorCode, ParseResult } from '../../src/commands/types.js';
import type { Briefing } from '../../src/model.js';
import type { DiscordDeps } from './deps.js';
import { type BriefingMessage, briefingMessage } from './render/briefing.js';

/** Parse errors that concern a topic itself; others come from reading its first word as a subcommand. */
const TOPIC_ERRORS: ReadonlySet<CommandErrorCode> = new Set([
  'empty',
  'blank',
  'control-characters',
  'too-long',
  'markup',
  'invalid-topic',
]);

/**
 * Checks a /news topic with the core's parser. On Discord the option is always a topic, so a topic
 * whose first word is a subcommand name ("list", "help me") is read as a topic, not a command.
 */
export function topicCommand(text: string): ParseResult {
  const parsed = parseCommand(text);
  if (parsed.ok ? parsed.command.kind === 'brief' : TOPIC_ERRORS.has(parsed.error.code)) return parsed;
  // A leading quote stops the parser reading the first word as a keyword; the topic is the text as typed.
  const asTopic = parseCommand(`"${text}`);
  if (!asTopic.ok) return asTopic;
  return { ok: true, command: { kind: 'brief', topic: text.replace(/\s+/g, ' ').trim() } };
}

/** The clock of a new briefing, whole seconds: button custom ids carry it in seconds. */
export function briefingNow(deps: DiscordDeps): Date {
  return new Date(Math.floor(deps.context.now().getTime() / 1000) * 1000);
}

/** One page of a briefing from the engine, reported to metrics. */
export function buildBriefing(deps: DiscordDeps, topic: string, now: Date, offset: number): Briefing {
  const started = performance.now();
  const briefing = deps.context.engine().brief(topic, { now, limit: deps.settings.briefingStories, offset });
  deps.context.metrics.briefingBuilt((performance.now() - started) / 1000);
  return briefing;
}

export interface BriefingPageRequest {
  topic: string;
  now: Date;
  offset: number;
  /** Whether only the asker sees the message (adds "Post to channel"). */
  ephemeral: boolean;
  inGuild: boolean;
}

/** A briefing page as a Discord message. */
export async function briefingPage(
  deps: DiscordDeps,
  request: BriefingPageRequest,
): Promise<BriefingMessage> {
  const briefing = buildBriefing(deps, request.topic, request.now, request.offset);
  return briefingMessage(briefing, {
    ephemeral: request.ephemeral,
    inGuild: request.inGuild,
    store: deps.context.keyValues,
  });
}
