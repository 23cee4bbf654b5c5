import type { Weekdays } from '../commands/index.js';

/** The chat platforms newsbrief serves. */
export type Platform = 'slack' | 'discord';

/** A channel on a platform: a Slack workspace's channel or a Discord guild's channel. */
export interface ChannelRef {
  platform: Platform;
  /** Slack team (workspace) id or Discord guild id. */
  teamId: string;
  channelId: string;
}

/** Why a subscription is paused, and by whom. */
export interface PauseState {
  reason: string;
  at: string;
  /** 'user' for /news pause; 'system' when delivery failed permanently (channel gone, no access…). */
  by: 'user' | 'system';
}

/** One channel's daily digest: its tags and when to deliver. One subscription per channel. */
export interface Subscription {
  /** `subscriptionId(channel)`: safe as part of a BullMQ job id (no ':'). */
  id: string;
  channel: ChannelRef;
  /** 1–10 normalised tags (see normaliseTag). */
  tags: string[];
  /** Local delivery time 'HH:MM' (24 h). */
  time: string;
  /** IANA time zone of `time`. */
  timeZone: string;
  days: Weekdays;
  /** Most stories per digest. */
  maxStories: number;
  /** Platform user id of whoever created it. */
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  paused: PauseState | null;
}

/** Deterministic subscription id for a channel; contains no ':' (BullMQ job ids may not). */
export function subscriptionId(channel: ChannelRef): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, (c) => `~${c.charCodeAt(0).toString(16)}`);
  return `${channel.platform}.${safe(channel.teamId)}.${safe(channel.channelId)}`;
}
