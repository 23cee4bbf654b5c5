import type { DeliveryLog } from '../ports/delivery-log.js';
import type { DigestScheduler } from '../ports/digest-scheduler.js';
import { type Digest, type DigestPublisher, type PublishContext, PublishError } from '../ports/publisher.js';
import type { SubscriptionStore } from '../ports/subscription-store.js';
import type { Platform } from '../subscriptions/model.js';
import { pauseBySystem, removeSubscription } from '../subscriptions/system.js';
import { deliveryJobId } from './ids.js';

export interface DeliveryDeps {
  deliveries: DeliveryLog;
  /** One publisher per platform served; a digest for a platform without one throws (configuration error). */
  publishers: Partial<Record<Platform, DigestPublisher>>;
  subscriptions: SubscriptionStore;
  scheduler: DigestScheduler;
  /** The clock: when this attempt runs. */
  now: Date;
}

/**
 * What happened to one delivery attempt, and so what the deliver job does. The contract with the
 * queue wiring:
 *
 * - `delivered`, `already-sent`, `skipped`, `permanent`: the job completes (return normally).
 *   `permanent` has already paused (or removed) the subscription, so one bad channel never blocks or
 *   retries forever; log it.
 * - `rate-limited`: the platform asked to wait `retryAfterMs`. Delay the job without counting an
 *   attempt: `await job.moveToDelayed(Date.now() + retryAfterMs, token); throw new DelayedError();`
 *   Never drop it.
 * - `retry`: a transient failure (5xx, timeout, network). Throw `outcome.error` so that BullMQ
 *   retries with its backoff (attempts are counted; give the deliver queue generous attempts).
 *
 * runDelivery itself throws only for the unexpected: a failing port (storage down), a publisher
 * throwing something that is not a PublishError, or no publisher for the platform. Let BullMQ retry
 * those like `retry`. A re-run of the same digest, after any of these or after a crash, resumes: the
 * parts already recorded are not posted again.
 */
export type DeliveryOutcome =
  | { kind: 'delivered'; localDate: string; attempts: number; resumed: boolean }
  | { kind: 'already-sent'; localDate: string }
  | { kind: 'skipped'; reason: 'missing' | 'paused'; message: string }
  | { kind: 'rate-limited'; retryAfterMs: number; message: string }
  | { kind: 'retry'; error: PublishError }
  | { kind: 'permanent'; action: 'pause' | 'remove'; reason: string };

/**
 * The deliver job: posts one digest, idempotently. Already sent → no-op. Otherwise the delivery is
 * begun in the log (recording its story and article ids), the platform's publisher posts the parts
 * not yet recorded as sent (recording each as the platform confirms it), and the delivery is
 * completed, which adds its articles to what the channel has received.
 */
export async function runDelivery(digest: Digest, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  const { subscriptionId, localDate } = digest;
  const existing = await deps.deliveries.get(subscriptionId, localDate);
  if (existing?.status === 'sent') return { kind: 'already-sent', localDate };

  const sub = await deps.subscriptions.get(subscriptionId);
  if (sub === null) {
    return {
      kind: 'skipped',
      reason: 'missing',
      message: `Subscription ${subscriptionId} no longer exists.`,
    };
  }
  if (sub.paused !== null) {
    return { kind: 'skipped', reason: 'paused', message: `Paused by ${sub.paused.by}: ${sub.paused.reason}` };
  }
  const publisher = deps.publishers[digest.channel.platform];
  if (publisher === undefined) {
    throw new Error(`No digest publisher for platform '${digest.channel.platform}'`);
  }

  const stories = digest.briefing.stories;
  const record = await deps.deliveries.begin(
    subscriptionId,
    localDate,
    { storyIds: stories.map((s) => s.id), articleIds: [...new Set(stories.flatMap((s) => s.articleIds))] },
    deps.now,
  );
  const context: PublishContext = {
    idempotencyKey: deliveryJobId(subscriptionId, localDate),
    sentParts: new Set(record.sentParts),
    resumed: record.attempts > 1,
    recordPart: (index) => deps.deliveries.markPartSent(subscriptionId, localDate, index),
  };
  try {
    await publisher.publish(digest, context);
  } catch (error) {
    if (!(error instanceof PublishError)) throw error;
    const { failure } = error;
    switch (failure.kind) {
      case 'rate-limited':
        return {
          kind: 'rate-limited',
          retryAfterMs: Math.max(0, failure.retryAfterMs),
          message: error.message,
        };
      case 'transient':
        return { kind: 'retry', error };
      case 'permanent': {
        const reason = error.message;
        if (failure.action === 'remove') await removeSubscription(subscriptionId, deps);
        else await pauseBySystem(subscriptionId, reason, deps.now, deps);
        return { kind: 'permanent', action: failure.action, reason };
      }
    }
  }
  await deps.deliveries.complete(subscriptionId, localDate, deps.now);
  return { kind: 'delivered', localDate, attempts: record.attempts, resumed: context.resumed };
}
