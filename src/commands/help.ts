import { fold } from '../text/index.js';
import { MAX_TAGS, MAX_TOPIC_LENGTH } from './limits.js';

export interface HelpText {
  title: string;
  lines: string[];
  examples: string[];
}

/** Canonical help topics: one per command, 'brief' being `/news <topic>`. */
export const HELP_TOPICS = [
  'brief',
  'subscribe',
  'unsubscribe',
  'list',
  'pause',
  'resume',
  'preview',
  'help',
] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

const ALIASES: ReadonlyMap<string, HelpTopic> = new Map(
  Object.entries({
    brief: 'brief',
    briefing: 'brief',
    topic: 'brief',
    news: 'brief',
    subscribe: 'subscribe',
    unsubscribe: 'unsubscribe',
    list: 'list',
    pause: 'pause',
    resume: 'resume',
    preview: 'preview',
    help: 'help',
  } satisfies Record<string, HelpTopic>),
);

/** The canonical help topic for a word ("Subscribe", "/subscribe", "topic" → 'brief'), or undefined. */
export function helpTopic(word: string): HelpTopic | undefined {
  return ALIASES.get(fold(word.trim()).replace(/^\/+/, ''));
}

const HELP: Readonly<Record<HelpTopic, HelpText>> = {
  brief: {
    title: '/news <topic>',
    lines: [
      'Get a briefing: the top recent stories on a topic, each with a short summary and its sources.',
      `A topic is plain words, up to ${MAX_TOPIC_LENGTH} characters. Quote a phrase to keep it together.`,
      'To get news about a word that is also a command (such as list), quote it: /news "list".',
    ],
    examples: ['/news korea', '/news south korea', '/news "north korea" missiles'],
  },
  subscribe: {
    title: '/news subscribe <tags> [at <time>] [<time zone>] [daily|weekdays]',
    lines: [
      'Get a daily digest of stories with these tags in this channel.',
      `Tags are words separated by spaces; quote a phrase to make it one tag ("south korea"). Up to ${MAX_TAGS} tags.`,
      'Time: 08:00, 8:30, 20:15, 8am, 8:30pm, noon or midnight. Put "at" before it unless it has a colon or am/pm.',
      'Time zone: a name such as Asia/Seoul or Europe/London, UTC, or KST/JST. A bare city (Seoul, New York) works after the time, or after "in".',
      'Days: daily (the default) or weekdays (Monday to Friday).',
    ],
    examples: [
      '/news subscribe korea japan at 08:00 Asia/Seoul',
      '/news subscribe "south korea" at 8am Seoul weekdays',
      '/news subscribe semiconductors Asia/Tokyo',
      '/news subscribe climate at 18:30 in new york',
    ],
  },
  unsubscribe: {
    title: '/news unsubscribe <tags>|all',
    lines: [
      'Stop following tags in this channel, or stop all of the channel’s subscriptions with "all".',
      'Tags are written as for subscribe.',
    ],
    examples: ['/news unsubscribe japan', '/news unsubscribe "south korea"', '/news unsubscribe all'],
  },
  list: {
    title: '/news list',
    lines: ['Show this channel’s subscriptions: tags, delivery time, time zone and days.'],
    examples: ['/news list'],
  },
  pause: {
    title: '/news pause',
    lines: ['Pause this channel’s digests without losing its subscriptions. Resume them with /news resume.'],
    examples: ['/news pause'],
  },
  resume: {
    title: '/news resume',
    lines: ['Start delivering this channel’s paused digests again.'],
    examples: ['/news resume'],
  },
  preview: {
    title: '/news preview',
    lines: ['Show the digest this channel would receive now, without waiting for the delivery time.'],
    examples: ['/news preview'],
  },
  help: {
    title: '/news help [command]',
    lines: ['Show the commands, or more about one of them.'],
    examples: ['/news help', '/news help subscribe'],
  },
};

const OVERVIEW: HelpText = {
  title: 'newsbrief: news briefings and daily digests',
  lines: HELP_TOPICS.map((topic) => `${HELP[topic].title}: ${HELP[topic].lines[0] ?? ''}`),
  examples: [
    '/news korea',
    '/news subscribe korea japan at 08:00 Asia/Seoul',
    '/news unsubscribe japan',
    '/news list',
    '/news help subscribe',
  ],
};

/**
 * Help in plain text for the adapters to format: an overview of every command, or one command's
 * usage (by canonical name or alias; an unknown name gives the overview). Returns a fresh copy.
 */
export function helpText(command?: string): HelpText {
  const topic = command === undefined ? undefined : helpTopic(command);
  const text = topic === undefined ? OVERVIEW : HELP[topic];
  return { title: text.title, lines: [...text.lines], examples: [...text.examples] };
}
