/**
 * The answers to `/news` subcommands as Block Kit: the core's plain-text messages, escaped, plus
 * what Slack can show better (channel mentions in `list`, the digest itself in `preview`, examples
 * in `help`). Errors keep the core's specific wording and its suggestions.
 */
import type { HelpText } from '../../../src/commands/index.js';
import type { ListSuccess, PreviewSuccess } from '../../../src/subscriptions/index.js';
import { type Block, context, LIMITS, type SlackMessage, section } from './blocks.js';
import { renderDigest } from './digest.js';
import { channelMention, clip, escapeText } from './mrkdwn.js';

/** A plain-text message from the core (success or not), escaped, as one section. */
export function renderMessage(message: string, prefix = ''): SlackMessage {
  const text = clip(message, LIMITS.sectionText - prefix.length);
  return { text, blocks: [section(`${prefix}${text}`)] };
}

/** A refusal: the core's message and, when it has any, its suggestions (time zones, commands). */
export function renderError(error: { message: string; suggestions?: string[] }): SlackMessage {
  const blocks: Block[] = [section(`:warning: ${clip(error.message, LIMITS.sectionText - 12)}`)];
  if (error.suggestions !== undefined && error.suggestions.length > 0) {
    const list = error.suggestions
      .slice(0, 10)
      .map((s) => `\`${clip(s, 80)}\``)
      .join(', ');
    blocks.push(context(`Did you mean ${list}?`));
  }
  return { text: clip(error.message, LIMITS.fallbackText), blocks };
}

/** Shown when something failed on our side. */
export function renderFailure(): SlackMessage {
  return renderError({
    message:
      'Sorry, something went wrong on our side and your command was not completed. Please try again in a minute.',
  });
}

const MAX_LISTED_CHANNELS = 30;

export function renderList(result: ListSuccess): SlackMessage {
  const message = renderMessage(result.message);
  const ids = result.otherChannelIds;
  if (ids.length === 0) return message;
  const shown = ids.slice(0, MAX_LISTED_CHANNELS).map(channelMention).join(', ');
  const more = ids.length > MAX_LISTED_CHANNELS ? ` and ${ids.length - MAX_LISTED_CHANNELS} more` : '';
  return {
    text: message.text,
    blocks: [...message.blocks, context(`Other channels with digests: ${shown}${more}`)],
  };
}

/** Most responses a response_url takes is 5; a preview uses at most this many. */
const MAX_PREVIEW_MESSAGES = 4;

/** The preview's message, then the digest as the channel would get it (its first parts). */
export function renderPreview(result: PreviewSuccess): SlackMessage[] {
  const intro = renderMessage(result.message);
  if (result.digest === null) return [intro];
  const parts = renderDigest(result.digest);
  const out: SlackMessage[] = [intro, ...parts.slice(0, MAX_PREVIEW_MESSAGES - 1)];
  if (parts.length > MAX_PREVIEW_MESSAGES - 1) {
    const last = out[out.length - 1];
    if (last !== undefined) {
      last.blocks = [
        ...last.blocks.slice(0, LIMITS.blocksPerMessage - 1),
        context('The preview stops here; the digest has more.'),
      ];
    }
  }
  return out;
}

export function renderHelp(help: HelpText): SlackMessage {
  const lines = help.lines.map((l) => escapeText(l)).join('\n');
  const examples = help.examples.map((e) => `\`${escapeText(e)}\``).join('\n');
  const body = clip(help.title, 300);
  return {
    text: clip(`${help.title}: ${help.lines[0] ?? ''}`, LIMITS.fallbackText),
    blocks: [section(`*${body}*\n${lines}`), section(`*Examples*\n${examples}`)],
  };
}
