import type { DeliveryLog } from '../ports/delivery-log.js';
import type { Digest } from '../ports/publisher.js';
import type { SubscriptionStore } from '../ports/subscription-store.js';
import {
  andList,
  type BriefingEngine,
  buildDigest,
  type DigestOptions,
  digestWindow,
  emptyDigest,
} from './build.js';
import { deliveryJobId } from './ids.js';
import { isWeekendAt, localDateAt } from './time.js';

/** The data of one digest job: which subscription, and the instant its trigger was due. */
export interface DigestJob {
  subscriptionId: string;
  /**
   * The instant the trigger was scheduled for (not when a worker picked the job up): the local date
   * of the digest is taken from it, so a job that runs late still counts for its own day.
   */
  firedAt: Date;
}

export interface DigestJobDeps {
  subscriptions: SubscriptionStore;
  deliveries: DeliveryLog;
  engine: BriefingEngine;
  options?: Partial<DigestOptions>;
}

export type DigestSkipReason =
  /** The subscription no longer exists (a trigger that outlived it). */
  | 'missing'
  /** Paused by a user or by newsbrief. */
  | 'paused'
  /** A weekdays-only subscription fired on a Saturday or Sunday in its zone. */
  | 'weekend'
  /** The digest of this local date was already delivered. */
  | 'already-sent'
  /** The digest of this local date is being delivered (its deliver job owns it and resumes it). */
  | 'in-progress'
  /** Nothing new on the subscription's tags (and `sendEmptyDigests` is off). */
  | 'empty';

/**
 * What the digest job does next. Never an error for an expected situation: the job completes on
 * either outcome; only a failing port (storage down) throws, and BullMQ retries that.
 */
export type DigestJobOutcome =
  /** Enqueue a deliver job with `jobId` (idempotent: a job with that id is added once) and `digest` as data. */
  | { kind: 'deliver'; digest: Digest; jobId: string; localDate: string }
  | { kind: 'skipped'; reason: DigestSkipReason; localDate: string | null; message: string };

/**
 * The digest job: loads the subscription, checks it is due (not paused, not a weekend for a
 * weekdays subscription, not already sent or being sent for the local date of `firedAt`) and builds
 * its digest from the stories since its previous digest, without articles it already received.
 */
export async function runDigest(job: DigestJob, deps: DigestJobDeps): Promise<DigestJobOutcome> {
  const { subscriptionId, firedAt } = job;
  const sub = await deps.subscriptions.get(subscriptionId);
  if (sub === null) {
    return skipped('missing', null, `Subscription ${subscriptionId} no longer exists.`);
  }
  const localDate = localDateAt(firedAt, sub.timeZone);
  if (sub.paused !== null) {
    return skipped('paused', localDate, `Paused by ${sub.paused.by}: ${sub.paused.reason}`);
  }
  if (sub.days === 'weekdays' && isWeekendAt(firedAt, sub.timeZone)) {
    return skipped('weekend', localDate, `${localDate} is a weekend day in ${sub.timeZone}.`);
  }
  const record = await deps.deliveries.get(subscriptionId, localDate);
  if (record?.status === 'sent') {
    return skipped(
      'already-sent',
      localDate,
      `The digest of ${localDate} was delivered at ${record.completedAt}.`,
    );
  }
  if (record?.status === 'sending') {
    return skipped(
      'in-progress',
      localDate,
      `The digest of ${localDate} is being delivered (attempt ${record.attempts}).`,
    );
  }
  const options = deps.options ?? {};
  const window = await digestWindow(subscriptionId, firedAt, deps.deliveries, options);
  const digest =
    buildDigest(deps.engine, sub, {
      now: firedAt,
      since: window.since,
      exclude: window.exclude,
      localDate,
    }) ?? (options.sendEmptyDigests ? emptyDigest(sub, firedAt, localDate) : null);
  if (digest === null) {
    return skipped(
      'empty',
      localDate,
      `No new stories on ${andList(sub.tags)} since ${window.since.toISOString()}.`,
    );
  }
  return { kind: 'deliver', digest, jobId: deliveryJobId(subscriptionId, localDate), localDate };
}

function skipped(reason: DigestSkipReason, localDate: string | null, message: string): DigestJobOutcome {
  return { kind: 'skipped', reason, localDate, message };
}
