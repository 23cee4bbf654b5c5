/**
 * A fake DigestPublisher for tests (of this module and of the queue wiring): it "posts" a digest
 * as several parts, records every post, can be scripted to fail per call, and behaves like a
 * platform that honours an idempotency key (Discord's enforce_nonce): a part posted again with the
 * same key and index is recognised as a repeat and not shown twice.
 */
import { type Digest, type DigestPublisher, type PublishContext, PublishError } from '../ports/publisher.js';
import type { ChannelRef, Platform } from '../subscriptions/model.js';
import { andList, emptyDigestText } from './build.js';

/** One part of a digest as a publisher would post it. */
export interface DigestPart {
  index: number;
  storyIds: string[];
  /** Plain text of the part. */
  text: string;
}

/**
 * Splits a digest into parts of at most `storiesPerPart` stories (a digest without stories is one
 * part), the way a platform adapter splits a digest into messages that fit its limits.
 */
export function splitDigest(digest: Digest, storiesPerPart = 3): DigestPart[] {
  const per = Math.max(1, Math.floor(storiesPerPart));
  const { stories } = digest.briefing;
  const header = `News digest for ${digest.localDate}: ${andList(digest.tags)}`;
  if (stories.length === 0)
    return [{ index: 0, storyIds: [], text: `${header}\n${emptyDigestText(digest.tags)}` }];
  const parts: DigestPart[] = [];
  for (let i = 0; i < stories.length; i += per) {
    const chunk = stories.slice(i, i + per);
    const lines = chunk.map(
      (s, j) => `${i + j + 1}. ${s.title} (${s.outlets.map((o) => o.name).join(', ')})`,
    );
    parts.push({
      index: parts.length,
      storyIds: chunk.map((s) => s.id),
      text: [...(i === 0 ? [header] : []), ...lines].join('\n'),
    });
  }
  return parts;
}

/** A post that reached the (fake) platform. */
export interface RecordedPost {
  subscriptionId: string;
  channel: ChannelRef;
  localDate: string;
  idempotencyKey: string;
  index: number;
  storyIds: string[];
  text: string;
  /** True when the platform recognised the key and index as already posted: nothing new was shown. */
  repeat: boolean;
  /** The publish call (1-based) that made it. */
  call: number;
}

/** How a scripted call fails. */
export type ScriptedFailure =
  /** HTTP 429 with a retry-after. */
  | { kind: 'rate-limited'; retryAfterMs: number }
  /** HTTP 5xx (default 503): a transient PublishError. */
  | { kind: 'server-error'; status?: number }
  /** The channel can't receive: a permanent PublishError. */
  | { kind: 'permanent'; action?: 'pause' | 'remove'; message?: string }
  /** Something that is not a PublishError (the worker died, a bug): a plain Error. */
  | { kind: 'crash'; message?: string };

export interface ScriptStep {
  fail: ScriptedFailure;
  /** Parts this call posts successfully (and records) before it fails. @defaultValue 0 */
  afterParts?: number;
  /**
   * The failing part reached the platform although the call failed before it could be recorded (a
   * timeout after the post, a crash between post and record). @defaultValue false
   */
  partReached?: boolean;
}

export interface PublishCall {
  call: number;
  subscriptionId: string;
  localDate: string;
  idempotencyKey: string;
  sentParts: number[];
  resumed: boolean;
  /** What the call did: 'ok', or the kind of scripted failure. */
  result: 'ok' | ScriptedFailure['kind'];
}

export class RecordingPublisher implements DigestPublisher {
  /** Every post that reached the platform, repeats included, in order. */
  readonly posts: RecordedPost[] = [];
  /** Every publish call, in order. */
  readonly calls: PublishCall[] = [];
  private readonly script: Array<ScriptStep | null> = [];
  private readonly seen = new Set<string>();

  constructor(
    readonly platform: Platform = 'slack',
    readonly options: { storiesPerPart?: number } = {},
  ) {}

  /** Scripts the next publish call (steps are used one per call, in order) to fail. */
  failNext(fail: ScriptedFailure, options: { afterParts?: number; partReached?: boolean } = {}): this {
    this.script.push({ fail, ...options });
    return this;
  }

  /** Scripts the next publish call to succeed (to place a success between failures). */
  succeedNext(): this {
    this.script.push(null);
    return this;
  }

  /** Posts that showed something new (not repeats), optionally of one subscription. */
  delivered(subscriptionId?: string): RecordedPost[] {
    return this.posts.filter(
      (p) => !p.repeat && (subscriptionId === undefined || p.subscriptionId === subscriptionId),
    );
  }

  /** Story ids shown in a channel (subscription), in order, repeats excluded. */
  storiesShown(subscriptionId: string): string[] {
    return this.delivered(subscriptionId).flatMap((p) => p.storyIds);
  }

  async publish(digest: Digest, context: PublishContext): Promise<void> {
    const callNumber = this.calls.length + 1;
    const step = this.script.shift() ?? null;
    const call: PublishCall = {
      call: callNumber,
      subscriptionId: digest.subscriptionId,
      localDate: digest.localDate,
      idempotencyKey: context.idempotencyKey,
      sentParts: [...context.sentParts].sort((a, b) => a - b),
      resumed: context.resumed,
      result: step?.fail.kind ?? 'ok',
    };
    this.calls.push(call);
    if (digest.channel.platform !== this.platform) {
      throw new Error(`RecordingPublisher(${this.platform}) got a ${digest.channel.platform} digest`);
    }
    let posted = 0;
    for (const part of splitDigest(digest, this.options.storiesPerPart ?? 3)) {
      if (context.sentParts.has(part.index)) continue;
      if (step !== null && posted >= (step.afterParts ?? 0)) {
        if (step.partReached) this.post(digest, context, part, callNumber);
        throw scriptedError(step.fail);
      }
      this.post(digest, context, part, callNumber);
      await context.recordPart(part.index);
      posted++;
    }
    if (step !== null) throw scriptedError(step.fail);
  }

  private post(digest: Digest, context: PublishContext, part: DigestPart, call: number): void {
    const key = `${context.idempotencyKey}#${part.index}`;
    const repeat = this.seen.has(key);
    this.seen.add(key);
    this.posts.push({
      subscriptionId: digest.subscriptionId,
      channel: { ...digest.channel },
      localDate: digest.localDate,
      idempotencyKey: context.idempotencyKey,
      index: part.index,
      storyIds: part.storyIds,
      text: part.text,
      repeat,
      call,
    });
  }
}

function scriptedError(fail: ScriptedFailure): Error {
  switch (fail.kind) {
    case 'rate-limited':
      return new PublishError(`429 Too Many Requests (retry after ${fail.retryAfterMs} ms)`, {
        kind: 'rate-limited',
        retryAfterMs: fail.retryAfterMs,
      });
    case 'server-error':
      return new PublishError(`HTTP ${fail.status ?? 503} from the platform`, { kind: 'transient' });
    case 'permanent':
      return new PublishError(fail.message ?? 'the bot can no longer post in this channel', {
        kind: 'permanent',
        action: fail.action ?? 'pause',
      });
    case 'crash':
      return new Error(fail.message ?? 'worker crashed');
  }
}
