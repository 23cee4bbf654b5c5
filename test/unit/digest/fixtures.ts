import { NewsEngine } from '../../../src/briefing/engine.js';
import type { Article } from '../../../src/model.js';
import {
  MemoryDeliveryLog,
  MemoryDigestScheduler,
  MemorySubscriptionStore,
} from '../../../src/ports/index.js';
import { type ChannelRef, type Subscription, subscriptionId } from '../../../src/subscriptions/model.js';

let counter = 0;

/** A small article: distinct titles keep stories apart; the same title from another outlet joins a story. */
export function article(
  title: string,
  publishedAt: string,
  options: { outlet?: string; tags?: string[]; body?: string; id?: string } = {},
): Article {
  counter++;
  const outlet = options.outlet ?? 'Yonhap';
  return {
    id: options.id ?? `a_${counter}_${outlet.toLowerCase().replace(/\W/g, '')}`,
    url: `https://news.example/${counter}`,
    title,
    outlet,
    publishedAt,
    datePrecision: 'instant',
    tags: options.tags ?? [],
    body: options.body ?? '',
    origin: `test:${counter}`,
  };
}

/** An engine holding the articles, each added as its own document. */
export function engineWith(articles: readonly Article[]): NewsEngine {
  const engine = new NewsEngine();
  for (const a of articles) engine.add([a]);
  return engine;
}

export const SLACK_CHANNEL: ChannelRef = { platform: 'slack', teamId: 'T1', channelId: 'C1' };
export const DISCORD_CHANNEL: ChannelRef = { platform: 'discord', teamId: '111', channelId: '222' };

export function subscription(overrides: Partial<Subscription> & { channel?: ChannelRef } = {}): Subscription {
  const channel = overrides.channel ?? SLACK_CHANNEL;
  return {
    id: subscriptionId(channel),
    channel,
    tags: ['korea'],
    time: '08:00',
    timeZone: 'Asia/Seoul',
    days: 'daily',
    maxStories: 5,
    createdBy: 'U1',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    paused: null,
    ...overrides,
  };
}

export function memoryPorts() {
  return {
    subscriptions: new MemorySubscriptionStore(),
    scheduler: new MemoryDigestScheduler(),
    deliveries: new MemoryDeliveryLog(),
  };
}
