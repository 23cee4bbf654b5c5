/**
 * Subscription results as Discord messages. Errors are ephemeral with the core's own message;
 * changes to the channel's digest (subscribe, unsubscribe, pause, resume) are posted to the channel
 * so everyone there sees them; list, preview and help answer only the asker.
 */
import type { APIEmbed } from 'discord.js';
import type { HelpText } from '../../../src/commands/index.js';
import { parseCommand } from '../../../src/commands/index.js';
import { andList } from '../../../src/digest/build.js';
import type { CommandResult } from '../../../src/subscriptions/handle-command.js';
import type { ListSuccess, PreviewSuccess } from '../../../src/subscriptions/use-cases.js';
import { digestParts } from './digest.js';
import { LIMITS, type Reply, textReply } from './message.js';
import { EMBED_COLOR } from './story-embed.js';
import { discordText, safeMarkdown, truncate } from './text.js';

/** An ephemeral error message: the core's text, for Discord. */
export function errorReply(message: string): Reply {
  return textReply(truncate(discordText(message), LIMITS.content), true);
}

function listEmbed(list: ListSuccess): APIEmbed {
  const sub = list.subscription;
  const fields: APIEmbed['fields'] = [];
  if (sub !== null) {
    fields.push(
      { name: 'Tags', value: truncate(safeMarkdown(andList(sub.tags)), LIMITS.fieldValue), inline: false },
      { name: 'Time', value: sub.time, inline: true },
      { name: 'Time zone', value: safeMarkdown(sub.timeZone), inline: true },
      { name: 'Days', value: sub.days === 'weekdays' ? 'Weekdays' : 'Every day', inline: true },
    );
    if (list.nextDelivery !== null)
      fields.push({ name: 'Next digest', value: discordText(list.nextDelivery.text), inline: false });
    if (sub.paused !== null) {
      const why = sub.paused.by === 'system' ? sub.paused.reason : 'paused with /digest pause';
      fields.push({ name: 'Paused', value: truncate(discordText(why), LIMITS.fieldValue), inline: false });
    }
  }
  if (list.otherChannelIds.length > 0) {
    const links = list.otherChannelIds.map((id) => `<#${id}>`);
    fields.push({
      name: 'Other channels with digests',
      value: truncate(links.join(' '), LIMITS.fieldValue),
      inline: false,
    });
  }
  return {
    title: sub === null ? 'No digest in this channel' : 'Digest in this channel',
    description: truncate(discordText(list.message), LIMITS.description),
    color: EMBED_COLOR,
    fields,
  };
}

function previewReply(preview: PreviewSuccess): Reply {
  const content = truncate(discordText(preview.message), LIMITS.content);
  if (preview.digest === null) return textReply(content, true);
  const [first, ...rest] = digestParts(preview.digest);
  const more = rest.reduce((n, part) => n + part.embeds.length, 0);
  const note =
    more > 0 ? `\n(${more} more ${more === 1 ? 'story' : 'stories'} would follow in the next message.)` : '';
  return {
    body: {
      content: truncate(`${content}${note}`, LIMITS.content),
      embeds: first?.embeds ?? [],
      components: [],
    },
    ephemeral: true,
  };
}

/** The Discord form of each command's usage. */
const USAGE: Readonly<Record<string, string>> = {
  brief: '/news topic:<topic>',
  subscribe: '/digest subscribe tags:<tags> [time:<time>] [timezone:<zone>] [days:daily|weekdays]',
  unsubscribe: '/digest unsubscribe tags:<tags>|all',
  list: '/digest list',
  pause: '/digest pause',
  resume: '/digest resume',
  preview: '/digest preview',
  help: '/digest help [command]',
};

/** A core example ("/news subscribe korea japan at 08:00 Asia/Seoul") in Discord's option form. */
export function discordExample(example: string): string {
  const text = example.replace(/^\/news\s*/, '');
  const parsed = parseCommand(text);
  if (!parsed.ok) return discordText(example);
  const c = parsed.command;
  switch (c.kind) {
    case 'brief':
      return `/news topic:${c.topic.replace(/"/g, '')}`;
    case 'subscribe':
      return [
        `/digest subscribe tags:${c.tags.join(', ')}`,
        ...(c.time !== undefined ? [`time:${c.time}`] : []),
        ...(c.timeZone !== undefined ? [`timezone:${c.timeZone}`] : []),
        ...(c.days !== undefined ? [`days:${c.days}`] : []),
      ].join(' ');
    case 'unsubscribe':
      return `/digest unsubscribe tags:${c.tags === 'all' ? 'all' : c.tags.join(', ')}`;
    case 'help':
      return `/digest help${c.command !== undefined ? ` command:${c.command}` : ''}`;
    default:
      return `/digest ${c.kind}`;
  }
}

/** Help as an embed: Discord usage, the core's explanations, examples in option form. */
export function helpEmbed(help: HelpText, topic: string | undefined): APIEmbed {
  const title = topic === undefined ? help.title : (USAGE[topic] ?? help.title);
  const lines =
    topic === undefined
      ? Object.entries(USAGE).map(([name, usage]) => {
          const line =
            help.lines.find((l) => l.startsWith(`/news ${name === 'brief' ? '<topic>' : name}`)) ?? '';
          return `\`${usage}\`${line.includes(': ') ? ` ${discordText(line.slice(line.indexOf(': ') + 2))}` : ''}`;
        })
      : help.lines.map((l) => discordText(l));
  const examples = help.examples.map((e) => `\`${discordExample(e)}\``);
  return {
    title: truncate(title, LIMITS.title),
    description: truncate([...lines, '', '**Examples**', ...examples].join('\n'), LIMITS.description),
    color: EMBED_COLOR,
  };
}

/** Adds a note when newsbrief can't post in the channel it was just asked to deliver to. */
export interface ResultExtras {
  /** Text appended to a successful subscribe (missing bot permissions). */
  subscribeNote?: string;
  /** The help topic asked for (canonical), for the help title. */
  helpTopic?: string;
}

export function resultReply(result: CommandResult, extras: ResultExtras = {}): Reply {
  if (!result.ok) return errorReply(result.error.message);
  const value = result.value;
  switch (value.kind) {
    case 'subscribed': {
      const note = extras.subscribeNote ? `\n${extras.subscribeNote}` : '';
      const changed = value.created || value.addedTags.length > 0 || Object.keys(value.changed).length > 0;
      return textReply(truncate(`${discordText(value.message)}${note}`, LIMITS.content), !changed);
    }
    case 'unsubscribed':
      return textReply(truncate(discordText(value.message), LIMITS.content), false);
    case 'resumed':
      return textReply(truncate(discordText(value.message), LIMITS.content), !value.changed);
    case 'paused':
      return textReply(truncate(discordText(value.message), LIMITS.content), !value.changed);
    case 'list':
      return { body: { content: '', embeds: [listEmbed(value)], components: [] }, ephemeral: true };
    case 'preview':
      return previewReply(value);
    case 'help':
      return {
        body: { content: '', embeds: [helpEmbed(value.help, extras.helpTopic)], components: [] },
        ephemeral: true,
      };
    case 'briefing':
      return textReply(truncate(discordText(value.briefing.topic), LIMITS.content), true);
  }
}
