/**
 * The subscription commands, shared by the Slack and Discord adapters: subscribe, unsubscribe,
 * list, pause, resume and preview. Pure logic over the ports; the clock comes in the context.
 * Each returns a `Result` (see result.ts) that the adapters render.
 */
import { MAX_TAGS, normaliseTag, parseTime, validateTimeZone, type Weekdays } from '../commands/index.js';
import {
  andList,
  type BriefingEngine,
  buildDigest,
  type DigestOptions,
  digestWindow,
  emptyDigestText,
} from '../digest/build.js';
import { type NextDelivery, nextDelivery, parseClock } from '../digest/time.js';
import type { Digest } from '../ports/publisher.js';
import { type SubscriptionDeps, subscriptionOptions, teamWord, type UseCaseContext } from './context.js';
import { type PauseState, type Subscription, subscriptionId } from './model.js';
import { failure, type Result, success } from './result.js';
import { removeSubscription } from './system.js';

// ---------------------------------------------------------------------------------------------
// Results

export interface SubscribeInput {
  /** Tags to follow (normalised again here; the parser already did). */
  tags: readonly string[];
  /** 'HH:MM' (other forms parseTime reads are accepted too). */
  time?: string;
  /** A zone validateTimeZone accepts; stored in canonical form. */
  timeZone?: string;
  days?: Weekdays;
}

export interface Change<T> {
  from: T;
  to: T;
}

export interface SubscribeSuccess {
  kind: 'subscribed';
  subscription: Subscription;
  /** True when the channel had no subscription before. */
  created: boolean;
  /** Tags newly followed, in the order given. */
  addedTags: string[];
  /** Tags given that the channel already followed. */
  alreadyTags: string[];
  /** Settings changed on an existing subscription (absent when unchanged). */
  changed: { time?: Change<string>; timeZone?: Change<string>; days?: Change<Weekdays> };
  /** Null while the subscription is paused. */
  nextDelivery: NextDelivery | null;
  message: string;
}

export interface UnsubscribeSuccess {
  kind: 'unsubscribed';
  /** Tags no longer followed. */
  removedTags: string[];
  /** Tags given that the channel did not follow. */
  notFollowed: string[];
  /** Tags still followed (empty when the subscription was deleted). */
  remainingTags: string[];
  /** True when the subscription was deleted (no tags left, or 'all'). */
  deleted: boolean;
  /** The subscription as it now is; null when deleted. */
  subscription: Subscription | null;
  nextDelivery: NextDelivery | null;
  message: string;
}

export interface ListSuccess {
  kind: 'list';
  /** This channel's subscription, or null. */
  subscription: Subscription | null;
  nextDelivery: NextDelivery | null;
  /** Other channels of the same team with a subscription (ids, sorted), for adapters to mention. */
  otherChannelIds: string[];
  message: string;
}

export interface PauseSuccess {
  kind: 'paused';
  subscription: Subscription;
  /** False when it was already paused (by a user or by newsbrief). */
  changed: boolean;
  message: string;
}

export interface ResumeSuccess {
  kind: 'resumed';
  subscription: Subscription;
  /** False when it was not paused. */
  changed: boolean;
  /** The pause this cleared, if any (a system pause says why delivery had stopped). */
  wasPaused: PauseState | null;
  nextDelivery: NextDelivery | null;
  message: string;
}

export interface PreviewSuccess {
  kind: 'preview';
  subscription: Subscription;
  /** The digest the channel would get now; null when nothing new matched. */
  digest: Digest | null;
  /** Stories published since this instant were considered. */
  since: Date;
  nextDelivery: NextDelivery | null;
  message: string;
}

export interface PreviewDeps {
  engine: BriefingEngine;
  digestOptions?: Partial<DigestOptions>;
}

// ---------------------------------------------------------------------------------------------
// Helpers

function notSubscribed() {
  return failure(
    'not-subscribed',
    'This channel has no digest subscription yet. Start one with /news subscribe <tags>, ' +
      'for example /news subscribe korea japan at 08:00 Asia/Seoul.',
  );
}

function normaliseTags(tags: readonly string[]): Result<string[]> {
  const out: string[] = [];
  for (const raw of tags) {
    const tag = normaliseTag(raw);
    if (!tag.ok) return failure('invalid-tag', tag.error.message);
    if (!out.includes(tag.tag)) out.push(tag.tag);
  }
  return success(out);
}

function schedule(sub: Subscription): string {
  const days = sub.days === 'weekdays' ? 'on weekdays' : 'daily';
  return `${days} at ${sub.time} (${sub.timeZone})`;
}

function nextOf(sub: Subscription, now: Date): NextDelivery | null {
  return sub.paused === null ? nextDelivery(sub, now) : null;
}

function nextSentence(sub: Subscription, next: NextDelivery | null): string {
  if (sub.paused !== null) {
    const why =
      sub.paused.by === 'system' ? `newsbrief stopped them: ${sub.paused.reason}` : 'paused with /news pause';
    return `Digests in this channel are paused (${why}); /news resume starts them again.`;
  }
  return next === null ? '' : `Next digest: ${next.text}.`;
}

function join(...sentences: string[]): string {
  return sentences.filter((s) => s !== '').join(' ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function storyCount(n: number): string {
  return `${n} ${n === 1 ? 'story' : 'stories'}`;
}

// ---------------------------------------------------------------------------------------------
// subscribe

/**
 * Subscribes the channel to tags, idempotently: creates its subscription, or adds the new tags to
 * it (at most 10 in all). A time, zone or days given replace the current ones; the others are kept.
 * A new subscription gets the defaults (08:00, the user's zone or UTC, daily, 5 stories). The team
 * cap applies to creating only. Always upserts the trigger, so a repeat also repairs it.
 */
export async function subscribe(
  input: SubscribeInput,
  ctx: UseCaseContext,
  deps: SubscriptionDeps,
): Promise<Result<SubscribeSuccess>> {
  const options = subscriptionOptions(deps);
  const tags = normaliseTags(input.tags);
  if (!tags.ok) return tags;
  if (tags.value.length === 0) {
    return failure('no-tags', 'Tell me which tags to follow, for example /news subscribe korea japan.');
  }
  let time: string | undefined;
  if (input.time !== undefined) {
    const parsed = parseTime(input.time);
    if (!parsed.ok) return failure('invalid-time', parsed.error.message);
    time = parsed.time;
  }
  let timeZone: string | undefined;
  if (input.timeZone !== undefined) {
    const zone = validateTimeZone(input.timeZone);
    if (!zone.ok) return failure('invalid-time-zone', zone.error.message, zone.error.suggestions);
    timeZone = zone.timeZone;
  }

  const id = subscriptionId(ctx.channel);
  const existing = await deps.subscriptions.get(id);
  const nowIso = ctx.now.toISOString();

  if (existing === null) {
    if (tags.value.length > MAX_TAGS) {
      return failure(
        'too-many-tags',
        `You gave ${tags.value.length} tags; a subscription can follow at most ${MAX_TAGS}. ` +
          'Remove some, or quote a phrase to make it one tag ("south korea").',
      );
    }
    const sub: Subscription = {
      id,
      channel: { ...ctx.channel },
      tags: tags.value,
      time: time ?? validTime(options.defaultTime),
      timeZone: timeZone ?? defaultZone(ctx.defaultTimeZone) ?? defaultZone(options.defaultTimeZone) ?? 'UTC',
      days: input.days ?? 'daily',
      maxStories: options.defaultMaxStories,
      createdBy: ctx.userId,
      createdAt: nowIso,
      updatedAt: nowIso,
      paused: null,
    };
    const put = await deps.subscriptions.put(sub, { maxPerTeam: options.maxPerTeam });
    if (!put.ok) {
      const team = teamWord(ctx.channel.platform);
      return failure(
        'team-cap',
        `This ${team} already has ${plural(options.maxPerTeam, 'digest subscription')}, the limit for one ${team}. ` +
          `To subscribe this channel, first stop one you no longer need: run /news unsubscribe all in that ` +
          'channel (/news list shows which channels have one).',
      );
    }
    await deps.scheduler.upsert(sub);
    const next = nextOf(sub, ctx.now);
    return success({
      kind: 'subscribed',
      subscription: sub,
      created: true,
      addedTags: [...sub.tags],
      alreadyTags: [],
      changed: {},
      nextDelivery: next,
      message: join(
        `Subscribed this channel to ${andList(sub.tags)}: a digest of up to ${storyCount(sub.maxStories)} ${schedule(sub)}.`,
        nextSentence(sub, next),
      ),
    });
  }

  const addedTags = tags.value.filter((t) => !existing.tags.includes(t));
  const alreadyTags = tags.value.filter((t) => existing.tags.includes(t));
  const total = existing.tags.length + addedTags.length;
  if (total > MAX_TAGS) {
    const room = MAX_TAGS - existing.tags.length;
    const has = `This channel already follows ${plural(existing.tags.length, 'tag')} (${andList(existing.tags)})`;
    return failure(
      'too-many-tags',
      room <= 0
        ? `${has}, the most a subscription can have. Stop following one first with /news unsubscribe <tag>.`
        : `${has}; a subscription can follow at most ${MAX_TAGS}, so you can add ${room} more, not ` +
            `${addedTags.length} (${andList(addedTags)}). Stop following some first with /news unsubscribe <tag>.`,
    );
  }

  const changed: SubscribeSuccess['changed'] = {};
  if (time !== undefined && time !== existing.time) changed.time = { from: existing.time, to: time };
  if (timeZone !== undefined && timeZone !== existing.timeZone) {
    changed.timeZone = { from: existing.timeZone, to: timeZone };
  }
  if (input.days !== undefined && input.days !== existing.days)
    changed.days = { from: existing.days, to: input.days };
  const anyChange = addedTags.length > 0 || Object.keys(changed).length > 0;
  const sub: Subscription = anyChange
    ? {
        ...existing,
        tags: [...existing.tags, ...addedTags],
        time: changed.time?.to ?? existing.time,
        timeZone: changed.timeZone?.to ?? existing.timeZone,
        days: changed.days?.to ?? existing.days,
        updatedAt: nowIso,
      }
    : existing;
  if (anyChange) await deps.subscriptions.put(sub, { maxPerTeam: options.maxPerTeam });
  await deps.scheduler.upsert(sub);
  const next = nextOf(sub, ctx.now);

  const sentences: string[] = [];
  if (addedTags.length > 0) sentences.push(`Added ${andList(addedTags)}.`);
  if (alreadyTags.length > 0) sentences.push(`This channel already follows ${andList(alreadyTags)}.`);
  if (changed.time || changed.timeZone || changed.days) {
    sentences.push(`Digests now arrive ${schedule(sub)} instead of ${schedule(existing)}.`);
  }
  if (addedTags.length > 0) sentences.push(`Tags followed: ${andList(sub.tags)}.`);
  sentences.push(nextSentence(sub, next));
  return success({
    kind: 'subscribed',
    subscription: sub,
    created: false,
    addedTags,
    alreadyTags,
    changed,
    nextDelivery: next,
    message: join(...sentences),
  });
}

function validTime(time: string): string {
  return parseClock(time) ? time : '08:00';
}

function defaultZone(zone: string | undefined): string | undefined {
  if (zone === undefined) return undefined;
  const result = validateTimeZone(zone);
  return result.ok ? result.timeZone : undefined;
}

// ---------------------------------------------------------------------------------------------
// unsubscribe

/**
 * Stops following tags; with 'all', or when no tag is left, deletes the subscription with its
 * trigger and delivery history. Tags the channel does not follow are reported; if none of the given
 * tags is followed nothing changes and the result is a `not-following` error.
 */
export async function unsubscribe(
  tags: readonly string[] | 'all',
  ctx: UseCaseContext,
  deps: SubscriptionDeps,
): Promise<Result<UnsubscribeSuccess>> {
  const id = subscriptionId(ctx.channel);
  const sub = await deps.subscriptions.get(id);
  if (sub === null) {
    return failure(
      'not-subscribed',
      'This channel has no digest subscription, so there is nothing to stop. /news list shows what this channel follows.',
    );
  }
  let removedTags: string[];
  let notFollowed: string[] = [];
  if (tags === 'all') {
    removedTags = [...sub.tags];
  } else {
    const normalised = normaliseTags(tags);
    if (!normalised.ok) return normalised;
    if (normalised.value.length === 0) {
      return failure('no-tags', 'Tell me which tags to stop following, or use /news unsubscribe all.');
    }
    removedTags = normalised.value.filter((t) => sub.tags.includes(t));
    notFollowed = normalised.value.filter((t) => !sub.tags.includes(t));
    if (removedTags.length === 0) {
      return failure(
        'not-following',
        `This channel doesn't follow ${orTags(notFollowed)}; it follows ${andList(sub.tags)}. ` +
          'Use /news unsubscribe all to stop every digest here.',
      );
    }
  }
  const remainingTags = sub.tags.filter((t) => !removedTags.includes(t));
  const notFollowedSentence =
    notFollowed.length > 0
      ? `This channel didn't follow ${andList(notFollowed)}, so nothing changed for it.`
      : '';
  if (remainingTags.length === 0) {
    await removeSubscription(id, deps);
    return success({
      kind: 'unsubscribed',
      removedTags,
      notFollowed,
      remainingTags: [],
      deleted: true,
      subscription: null,
      nextDelivery: null,
      message: join(
        `Unsubscribed: this channel no longer gets digests (it followed ${andList(removedTags)}).`,
        notFollowedSentence,
      ),
    });
  }
  const updated: Subscription = { ...sub, tags: remainingTags, updatedAt: ctx.now.toISOString() };
  await deps.subscriptions.put(updated);
  await deps.scheduler.upsert(updated);
  const next = nextOf(updated, ctx.now);
  return success({
    kind: 'unsubscribed',
    removedTags,
    notFollowed,
    remainingTags,
    deleted: false,
    subscription: updated,
    nextDelivery: next,
    message: join(
      `Stopped following ${andList(removedTags)}.`,
      notFollowedSentence,
      `This channel still follows ${andList(remainingTags)}.`,
      nextSentence(updated, next),
    ),
  });
}

function orTags(tags: readonly string[]): string {
  if (tags.length <= 1) return tags.join('');
  return `${tags.slice(0, -1).join(', ')} or ${tags[tags.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// list

/** The channel's subscription (or null) and the team's other subscribed channels. */
export async function list(ctx: UseCaseContext, deps: SubscriptionDeps): Promise<Result<ListSuccess>> {
  const id = subscriptionId(ctx.channel);
  const [sub, team] = await Promise.all([
    deps.subscriptions.get(id),
    deps.subscriptions.listByTeam(ctx.channel.platform, ctx.channel.teamId),
  ]);
  const otherChannelIds = team
    .filter((s) => s.id !== id)
    .map((s) => s.channel.channelId)
    .sort();
  const others =
    otherChannelIds.length > 0
      ? `${plural(otherChannelIds.length, 'other channel')} in this ${teamWord(ctx.channel.platform)} ${otherChannelIds.length === 1 ? 'has' : 'have'} digests.`
      : '';
  if (sub === null) {
    return success({
      kind: 'list',
      subscription: null,
      nextDelivery: null,
      otherChannelIds,
      message: join(
        'This channel has no digest subscription. Start one with /news subscribe <tags>.',
        others,
      ),
    });
  }
  const next = nextOf(sub, ctx.now);
  return success({
    kind: 'list',
    subscription: sub,
    nextDelivery: next,
    otherChannelIds,
    message: join(
      `This channel follows ${andList(sub.tags)}: up to ${storyCount(sub.maxStories)} ${schedule(sub)}.`,
      nextSentence(sub, next),
      others,
    ),
  });
}

// ---------------------------------------------------------------------------------------------
// pause / resume

/** Pauses the channel's digests (a user pause); its tags and settings are kept. */
export async function pause(ctx: UseCaseContext, deps: SubscriptionDeps): Promise<Result<PauseSuccess>> {
  const sub = await deps.subscriptions.get(subscriptionId(ctx.channel));
  if (sub === null) return notSubscribed();
  if (sub.paused !== null) {
    // Make sure the trigger is gone too (idempotent repair), but keep the pause as it is.
    await deps.scheduler.upsert(sub);
    return success({
      kind: 'paused',
      subscription: sub,
      changed: false,
      message: `Digests in this channel are already paused (${
        sub.paused.by === 'system'
          ? `newsbrief stopped them: ${sub.paused.reason}`
          : 'paused with /news pause'
      }); /news resume starts them again.`,
    });
  }
  const nowIso = ctx.now.toISOString();
  const paused: Subscription = {
    ...sub,
    paused: { reason: 'paused with /news pause', at: nowIso, by: 'user' },
    updatedAt: nowIso,
  };
  await deps.subscriptions.put(paused);
  await deps.scheduler.upsert(paused);
  return success({
    kind: 'paused',
    subscription: paused,
    changed: true,
    message: `Paused the digests in this channel (${andList(paused.tags)}). Your tags and delivery time are kept; /news resume starts them again.`,
  });
}

/**
 * Resumes the channel's digests: clears a user pause, and a system pause too (after the bot was
 * given access again). Always re-upserts the trigger.
 */
export async function resume(ctx: UseCaseContext, deps: SubscriptionDeps): Promise<Result<ResumeSuccess>> {
  const sub = await deps.subscriptions.get(subscriptionId(ctx.channel));
  if (sub === null) return notSubscribed();
  const wasPaused = sub.paused;
  const resumed: Subscription =
    wasPaused === null ? sub : { ...sub, paused: null, updatedAt: ctx.now.toISOString() };
  if (wasPaused !== null) await deps.subscriptions.put(resumed);
  await deps.scheduler.upsert(resumed);
  const next = nextOf(resumed, ctx.now);
  const first =
    wasPaused === null
      ? "This channel's digests aren't paused."
      : wasPaused.by === 'system'
        ? `Resumed the digests in this channel. They had stopped because ${lowerFirst(wasPaused.reason)}; if that is still the case they will stop again.`
        : 'Resumed the digests in this channel.';
  return success({
    kind: 'resumed',
    subscription: resumed,
    changed: wasPaused !== null,
    wasPaused,
    nextDelivery: next,
    message: join(first, nextSentence(resumed, next)),
  });
}

function lowerFirst(text: string): string {
  const trimmed = text.trim().replace(/[.!]+$/, '');
  return trimmed.length > 1 && trimmed[1] === trimmed[1]?.toLowerCase()
    ? `${trimmed[0]?.toLowerCase() ?? ''}${trimmed.slice(1)}`
    : trimmed;
}

// ---------------------------------------------------------------------------------------------
// preview

/**
 * The digest the channel would get now, built exactly as the digest job builds it (same window,
 * same exclusions), without recording anything. Works while paused (the result says so).
 */
export async function preview(
  ctx: UseCaseContext,
  deps: SubscriptionDeps,
  briefing: PreviewDeps,
): Promise<Result<PreviewSuccess>> {
  const sub = await deps.subscriptions.get(subscriptionId(ctx.channel));
  if (sub === null) return notSubscribed();
  const window = await digestWindow(sub.id, ctx.now, deps.deliveries, briefing.digestOptions);
  const digest = buildDigest(briefing.engine, sub, {
    now: ctx.now,
    since: window.since,
    exclude: window.exclude,
  });
  const next = nextOf(sub, ctx.now);
  const count = digest?.briefing.stories.length ?? 0;
  const what =
    digest === null
      ? `${emptyDigestText(sub.tags)} ${
          briefing.digestOptions?.sendEmptyDigests
            ? 'The next digest would say so.'
            : 'The next digest would be skipped unless news arrives.'
        }`
      : `Preview of this channel's next digest: ${storyCount(count)} on ${andList(sub.tags)}.`;
  return success({
    kind: 'preview',
    subscription: sub,
    digest,
    since: window.since,
    nextDelivery: next,
    message: join(what, nextSentence(sub, next)),
  });
}
