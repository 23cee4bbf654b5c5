/**
 * The deliver worker of one platform: takes `deliver` jobs (a Digest each, id deliveryJobId) from
 * `deliver-<platform>` and runs `runDelivery` with the platform adapter's publisher.
 *
 * - delivered / already-sent / skipped / permanent → the job completes (permanent has paused or
 *   removed the subscription; the other channels go on).
 * - retry (5xx, timeout, network) → the job throws, BullMQ retries with exponential backoff.
 * - rate-limited (a platform 429) → the job is moved back to `delayed` until Retry-After has passed,
 *   without counting an attempt, so a 429 never drops a digest. Per job rather than
 *   `worker.rateLimit()` (which pauses the whole queue): Slack and Discord 429s on posts are mostly
 *   per channel (route bucket), and one busy channel must not hold up a 10,000-channel fan-out. The
 *   platform-wide pace is the queue's `limiter` ({PLATFORM}_RATE_PER_SECOND), which holds across all
 *   workers on all machines.
 *
 * A worker that dies mid-send leaves its job active; after `lockDuration` another worker's stalled
 * check puts it back and it re-runs: runDelivery resumes from the delivery log, so parts already
 * recorded are not posted again (and the publisher gets the same idempotency key).
 */
import { type ConnectionOptions, DelayedError, type Job, Worker } from 'bullmq';
import { type DeliveryOutcome, runDelivery } from '../digest/run-delivery.js';
import type { DeliveryLog } from '../ports/delivery-log.js';
import type { DigestScheduler } from '../ports/digest-scheduler.js';
import type { Logger } from '../ports/logger.js';
import type { Metrics } from '../ports/metrics.js';
import type { Digest, DigestPublisher } from '../ports/publisher.js';
import type { SubscriptionStore } from '../ports/subscription-store.js';
import { deliverQueueName, type RuntimeTuning } from './queues.js';

export const DELIVER_JOB_NAME = 'deliver';

export interface DeliverWorkerDeps {
  connection: ConnectionOptions;
  prefix: string;
  tuning: RuntimeTuning;
  publisher: DigestPublisher;
  deliveries: DeliveryLog;
  subscriptions: SubscriptionStore;
  scheduler: DigestScheduler;
  logger: Logger;
  metrics: Metrics;
  now(): Date;
  /** Jobs in parallel per process (WORKER_CONCURRENCY). */
  concurrency: number;
  /** Most deliveries per second for the platform, across every worker ({PLATFORM}_RATE_PER_SECOND). */
  ratePerSecond: number;
}

/**
 * The BullMQ limiter for `ratePerSecond` deliveries in windows of about `windowMs`: `max` jobs per
 * `duration` ms, at least one job per window, with max / duration as close to the rate as whole
 * numbers allow (490/s in 50 ms windows: 25 per 51 ms; 1/s: 1 per 1000 ms).
 */
export function deliveryLimiter(ratePerSecond: number, windowMs = 1000): { max: number; duration: number } {
  const max = Math.max(1, Math.round((ratePerSecond * windowMs) / 1000));
  return { max, duration: Math.max(1, Math.round((max * 1000) / ratePerSecond)) };
}

/** What the job does with a delivery outcome; exported for unit tests. */
export async function settleDelivery(
  outcome: DeliveryOutcome,
  job: Pick<Job<Digest>, 'moveToDelayed' | 'id'>,
  token: string | undefined,
  deps: Pick<DeliverWorkerDeps, 'logger' | 'metrics' | 'publisher'>,
): Promise<string> {
  const platform = deps.publisher.platform;
  switch (outcome.kind) {
    case 'delivered':
      deps.metrics.digestOutcome(platform, 'delivered');
      deps.logger.info(
        { job: job.id, attempts: outcome.attempts, resumed: outcome.resumed },
        'digest delivered',
      );
      return 'delivered';
    case 'already-sent':
      deps.logger.info({ job: job.id }, 'digest already delivered');
      return 'already-sent';
    case 'skipped':
      deps.metrics.digestOutcome(platform, 'skipped');
      deps.logger.info({ job: job.id, reason: outcome.reason, message: outcome.message }, 'delivery skipped');
      return `skipped: ${outcome.reason}`;
    case 'permanent':
      deps.metrics.digestOutcome(platform, 'paused');
      deps.logger.warn(
        { job: job.id, action: outcome.action, reason: outcome.reason },
        outcome.action === 'remove'
          ? 'channel can no longer receive digests: subscription removed'
          : 'channel can no longer receive digests: subscription paused',
      );
      return `permanent: ${outcome.action}`;
    case 'rate-limited': {
      deps.metrics.digestOutcome(platform, 'rate_limited');
      const delayMs = Math.max(outcome.retryAfterMs, 50);
      deps.logger.info({ job: job.id, retryAfterMs: outcome.retryAfterMs }, 'rate limited by the platform');
      await job.moveToDelayed(Date.now() + delayMs, token);
      throw new DelayedError();
    }
    case 'retry':
      deps.logger.warn({ job: job.id, err: outcome.error.message }, 'delivery failed; will retry');
      throw outcome.error;
  }
}

export function createDeliverWorker(deps: DeliverWorkerDeps): Worker<Digest, string> {
  const platform = deps.publisher.platform;
  const logger = deps.logger.child({ worker: deliverQueueName(platform) });
  const worker = new Worker<Digest, string>(
    deliverQueueName(platform),
    async (job, token) => {
      const log = logger.child({ job: job.id, subscription: job.data.subscriptionId });
      const outcome = await runDelivery(job.data, {
        deliveries: deps.deliveries,
        publishers: { [platform]: deps.publisher },
        subscriptions: deps.subscriptions,
        scheduler: deps.scheduler,
        now: deps.now(),
      });
      return settleDelivery(outcome, job, token, { ...deps, logger: log });
    },
    {
      connection: deps.connection,
      prefix: deps.prefix,
      concurrency: deps.concurrency,
      limiter: deliveryLimiter(deps.ratePerSecond, deps.tuning.rateLimitWindowMs),
      lockDuration: deps.tuning.lockDurationMs,
      stalledInterval: deps.tuning.stalledIntervalMs,
      maxStalledCount: deps.tuning.maxStalledCount,
      drainDelay: deps.tuning.drainDelaySeconds,
    },
  );
  worker.on('failed', (job, error) => {
    if (job === undefined) return;
    const attempts = job.opts.attempts ?? 1;
    if (job.attemptsMade >= attempts || error.name === 'UnrecoverableError') {
      deps.metrics.digestOutcome(platform, 'failed');
      logger.error(
        {
          job: job.id,
          subscription: job.data.subscriptionId,
          attempts: job.attemptsMade,
          err: error.message,
        },
        'digest delivery failed for good',
      );
    }
  });
  worker.on('error', (error) => logger.warn({ err: error.message }, 'deliver worker error'));
  return worker;
}
