/**
 * The feed worker: takes the `poll` jobs of the feeds' Job Schedulers and runs `pollFeed` (conditional
 * GET, items ingested once, backoff and disabling after FEED_MAX_FAILURES consecutive failures). A
 * feed that is disabled or gone loses its scheduler here; `newsbrief feeds add` gives it back.
 */
import { type ConnectionOptions, Worker } from 'bullmq';
import { type PollOptions, pollFeed } from '../feeds/poll-feed.js';
import type { FeedStore } from '../ports/feed-store.js';
import type { Logger } from '../ports/logger.js';
import type { Metrics } from '../ports/metrics.js';
import type { FeedJobData, FeedSchedulers } from './feed-schedulers.js';
import type { Ingest } from './ingest.js';
import { FEEDS_QUEUE, type RuntimeTuning } from './queues.js';

export interface FeedWorkerDeps {
  connection: ConnectionOptions;
  prefix: string;
  tuning: RuntimeTuning;
  feeds: FeedStore;
  schedulers: FeedSchedulers;
  ingest: Ingest;
  pollOptions: Partial<PollOptions>;
  /** The fetch feeds are read with (tests pass a fake). */
  fetch?: typeof fetch;
  /** Aborts fetches in flight at shutdown. */
  signal: AbortSignal;
  logger: Logger;
  metrics: Metrics;
  now(): Date;
  concurrency: number;
}

export function createFeedWorker(deps: FeedWorkerDeps): Worker<FeedJobData, string> {
  const logger = deps.logger.child({ worker: FEEDS_QUEUE });
  const worker = new Worker<FeedJobData, string>(
    FEEDS_QUEUE,
    async (job) => {
      const { url } = job.data;
      const log = logger.child({ job: job.id, url });
      const summary = await pollFeed(url, {
        feeds: deps.feeds,
        ingest: deps.ingest,
        now: deps.now(),
        options: deps.pollOptions,
        signal: deps.signal,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
      });
      deps.metrics.feedFetched(summary.outcome);
      const fields = {
        outcome: summary.outcome,
        newArticles: summary.newArticles,
        items: summary.items,
        failures: summary.consecutiveFailures,
        ...(summary.error ? { err: summary.error } : {}),
        ...(summary.warnings.length > 0 ? { warnings: summary.warnings.slice(0, 5) } : {}),
      };
      switch (summary.outcome) {
        case 'disabled':
        case 'skipped-disabled':
        case 'skipped-unknown':
          await deps.schedulers.remove(url);
          log.warn(fields, 'feed no longer polled');
          break;
        case 'failed':
        case 'ingest-failed':
          log.warn(fields, 'feed poll failed');
          break;
        case 'skipped-backoff':
          log.debug(fields, 'feed waiting after failures');
          break;
        default:
          log.info(fields, 'feed polled');
      }
      return summary.outcome;
    },
    {
      connection: deps.connection,
      prefix: deps.prefix,
      concurrency: deps.concurrency,
      lockDuration: deps.tuning.lockDurationMs,
      stalledInterval: deps.tuning.stalledIntervalMs,
      maxStalledCount: deps.tuning.maxStalledCount,
      drainDelay: deps.tuning.drainDelaySeconds,
    },
  );
  worker.on('failed', (job, error) =>
    logger.warn(
      { job: job?.id, url: job?.data.url, err: error.message },
      'feed job failed (the next poll retries)',
    ),
  );
  worker.on('error', (error) => logger.warn({ err: error.message }, 'feed worker error'));
  return worker;
}
