import type { Briefing } from '../model.js';
import type { ChannelRef, Platform } from '../subscriptions/model.js';

/** A digest ready to post: the briefing on the subscription's tags, and what it is for. */
export interface Digest {
  subscriptionId: string;
  channel: ChannelRef;
  tags: string[];
  /** Local date (subscription time zone) the digest is for, YYYY-MM-DD. */
  localDate: string;
  timeZone: string;
  briefing: Briefing;
}

/** What the delivery use case gives a publisher so that a re-run never posts a part twice. */
export interface PublishContext {
  /** Unique per subscription + local date, stable across re-runs; platforms that support it get it as an idempotency key / nonce. */
  idempotencyKey: string;
  /** Parts an earlier attempt already recorded as sent: skip them. */
  sentParts: ReadonlySet<number>;
  /**
   * True when an earlier attempt started and did not finish: a part not in `sentParts` may still
   * have reached the platform, so check before re-posting it where the platform allows.
   */
  resumed: boolean;
  /** Record a part as sent, right after the platform confirmed it. */
  recordPart(index: number): Promise<void>;
}

/** Posts digests to one platform. Implemented by each adapter; a recording fake in tests. */
export interface DigestPublisher {
  readonly platform: Platform;
  publish(digest: Digest, context: PublishContext): Promise<void>;
}

/** How a publish failed, which decides what delivery does next. */
export type PublishFailure =
  /** The platform said slow down: retry after `retryAfterMs`, never drop. */
  | { kind: 'rate-limited'; retryAfterMs: number }
  /** 5xx, timeout, network: retry with exponential backoff. */
  | { kind: 'transient' }
  /**
   * The channel can't receive: gone, archived, no access, app uninstalled. `remove` when the whole
   * installation is gone, else `pause` with the reason shown to users in /news list.
   */
  | { kind: 'permanent'; action: 'pause' | 'remove' };

export class PublishError extends Error {
  override readonly name = 'PublishError';
  constructor(
    message: string,
    readonly failure: PublishFailure,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
