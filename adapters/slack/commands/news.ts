/**
 * The `/news` slash command: acknowledged at once (Slack wants an answer within 3 s), then parsed
 * with the core grammar and answered through the response_url by the subcommand's handler. Bad
 * input gets the parser's or the use case's own message, only to the user.
 *
 * @see https://docs.slack.dev/interactivity/implementing-slash-commands
 */
import type { App } from '@slack/bolt';
import { helpTopic, parseCommand } from '../../../src/commands/index.js';
import { ephemeral, type HandlerDeps, type HandlerResult } from '../handler.js';
import { unescapeText } from '../render/mrkdwn.js';
import { renderError, renderFailure } from '../render/results.js';
import { sendReplies } from '../replies.js';
import { SLASH_COMMAND } from '../settings.js';
import { runCommand } from './dispatch.js';

export function registerNewsCommand(app: App, deps: HandlerDeps): void {
  const logger = deps.context.logger.child({ platform: 'slack', command: SLASH_COMMAND });
  app.command(SLASH_COMMAND, async ({ ack, command, respond, client }) => {
    await ack();
    // Let the event loop take other requests (and ack them) before this one's work starts: under a
    // burst, acks go out first and briefings follow.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const started = performance.now();
    // Slack sends the text with &, < and > escaped; the grammar reads what the user typed.
    const text = typeof command.text === 'string' ? unescapeText(command.text) : '';
    const parsed = parseCommand(text);
    const label = parsed.ok ? parsed.command.kind : commandLabel(text);
    const log = logger.child({
      teamId: command.team_id,
      channelId: command.channel_id,
      userId: command.user_id,
      kind: label,
    });
    let result: HandlerResult;
    if (!parsed.ok) {
      result = { outcome: 'bad_input', replies: [ephemeral(renderError(parsed.error))] };
    } else {
      try {
        result = await runCommand(
          parsed.command,
          {
            teamId: command.team_id,
            channelId: command.channel_id,
            userId: command.user_id,
            now: deps.context.now(),
            client,
          },
          deps,
        );
      } catch (error) {
        log.error({ err: error instanceof Error ? error.message : String(error) }, '/news failed');
        result = { outcome: 'error', replies: [ephemeral(renderFailure())] };
      }
    }
    deps.context.metrics.commandHandled('slack', label, result.outcome);
    await sendReplies(respond, result.replies, log);
    log.debug({ outcome: result.outcome, ms: Math.round(performance.now() - started) }, '/news answered');
  });
}

/** The subcommand a text that didn't parse was meant to be, for metrics ('brief' for a topic). */
function commandLabel(text: string): string {
  const first = text.trim().split(/\s+/)[0] ?? '';
  return (first === '?' ? 'help' : helpTopic(first)) ?? 'brief';
}
