/**
 * The digest worker: takes the `digest` jobs the subscriptions' Job Schedulers produce (each
 * DIGEST_PREPARE_SECONDS ahead of its delivery time), brings the engine up to date with the article
 * log, runs `runDigest` for the delivery time and, when there is something to send, adds one
 * `deliver` job to `deliver-<platform>`, delayed until the delivery time, with the job id
 * `deliveryJobId(subscription, local date)` (adding an id that exists is a no-op in BullMQ), the
 * digest as data (never tokens), and the deliver queue's attempts and backoff. Building ahead means
 * that a fan-out of thousands of digests due at 08:00 starts posting at 08:00 sharp, at the
 * platform's rate, instead of waiting for the digests to be built.
 */
import { type ConnectionOptions, Worker } from 'bullmq';
import type { BriefingEngine, DigestOptions } from '../digest/build.js';
import { type DigestJobOutcome, runDigest } from '../digest/run-digest.js';
import type { DeliveryLog } from '../ports/delivery-log.js';
import type { Logger } from '../ports/logger.js';
import type { Metrics } from '../ports/metrics.js';
import type { SubscriptionStore } from '../ports/subscription-store.js';
import type { Platform } from '../subscriptions/model.js';
import { DELIVER_JOB_NAME } from './deliver-worker.js';
import { type BullDigestScheduler, type DigestJobData, digestDeliveryTime } from './digest-scheduler.js';
import { DIGEST_QUEUE, digestRepeatStrategy, type Queues, type RuntimeTuning } from './queues.js';

export interface DigestWorkerDeps {
  connection: ConnectionOptions;
  prefix: string;
  tuning: RuntimeTuning;
  queues: Pick<Queues, 'deliver'>;
  scheduler: BullDigestScheduler;
  subscriptions: SubscriptionStore;
  deliveries: DeliveryLog;
  engine: BriefingEngine;
  /** Reads the newest articles into the engine before a digest is built. */
  catchUp(): Promise<unknown>;
  digestOptions: Partial<DigestOptions>;
  /** Platforms with a publisher in this deployment; a digest for another platform is skipped. */
  platforms: ReadonlySet<Platform>;
  logger: Logger;
  metrics: Metrics;
  concurrency: number;
}

export function createDigestWorker(deps: DigestWorkerDeps): Worker<DigestJobData, string> {
  const logger = deps.logger.child({ worker: DIGEST_QUEUE });
  const worker = new Worker<DigestJobData, string>(
    DIGEST_QUEUE,
    async (job) => {
      const { at: firedAt, hold } = digestDeliveryTime(job);
      const log = logger.child({ job: job.id, subscription: job.data.subscriptionId });
      await deps.catchUp();
      const outcome: DigestJobOutcome = await runDigest(
        { subscriptionId: job.data.subscriptionId, firedAt },
        {
          subscriptions: deps.subscriptions,
          deliveries: deps.deliveries,
          engine: deps.engine,
          options: deps.digestOptions,
        },
      );
      if (outcome.kind === 'skipped') {
        log.info(
          { reason: outcome.reason, localDate: outcome.localDate, message: outcome.message },
          'digest skipped',
        );
        if (outcome.reason === 'missing') await deps.scheduler.remove(job.data.subscriptionId);
        return `skipped: ${outcome.reason}`;
      }
      const platform = outcome.digest.channel.platform;
      if (!deps.platforms.has(platform)) {
        deps.metrics.digestOutcome(platform, 'skipped');
        log.warn(
          { platform, localDate: outcome.localDate },
          `digest not delivered: ${platform} is not configured in this deployment`,
        );
        return `skipped: ${platform} not configured`;
      }
      await deps.queues.deliver[platform].add(DELIVER_JOB_NAME, outcome.digest, {
        jobId: outcome.jobId,
        delay: hold ? Math.max(0, firedAt.getTime() - Date.now()) : 0,
      });
      log.info(
        {
          localDate: outcome.localDate,
          stories: outcome.digest.briefing.stories.length,
          deliverJob: outcome.jobId,
          deliverAt: firedAt.toISOString(),
        },
        'digest built; delivery queued',
      );
      return `queued ${outcome.jobId}`;
    },
    {
      connection: deps.connection,
      prefix: deps.prefix,
      concurrency: deps.tuning.digestConcurrency ?? deps.concurrency,
      lockDuration: deps.tuning.lockDurationMs,
      stalledInterval: deps.tuning.stalledIntervalMs,
      maxStalledCount: deps.tuning.maxStalledCount,
      drainDelay: deps.tuning.drainDelaySeconds,
      settings: { repeatStrategy: digestRepeatStrategy(deps.tuning.digestLeadMs) },
    },
  );
  worker.on('failed', (job, error) => {
    if (job === undefined) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    const fields = { job: job.id, subscription: job.data.subscriptionId, err: error.message };
    if (final) logger.error(fields, 'digest job failed for good');
    else logger.warn(fields, 'digest job failed; will retry');
  });
  worker.on('error', (error) => logger.warn({ err: error.message }, 'digest worker error'));
  return worker;
}
