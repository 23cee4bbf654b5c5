/**
 * The DigestScheduler port on BullMQ Job Schedulers: one scheduler per subscription on the `digest`
 * queue, id = the subscription id (it has no ':'), a cron pattern at the subscription's local time
 * with its `tz`. BullMQ keeps exactly one delayed job per scheduler, with the id
 * `repeat:<schedulerId>:<fire time in ms>`, and adds the next one when that job starts. The fire
 * time is `digestLeadMs` before the delivery time (digestRepeatStrategy): the digest job builds the
 * digest then, and its deliver job waits for the delivery time.
 */
import { defaultRepeatStrategy, type Job, type JobSchedulerJson, type Queue } from 'bullmq';
import { nextDelivery } from '../digest/time.js';
import { cronPattern, type DigestScheduler } from '../ports/digest-scheduler.js';
import type { Subscription } from '../subscriptions/model.js';
import type { RuntimeTuning } from './queues.js';
import { digestJobOptions } from './queues.js';

/** The data of a digest job. */
export interface DigestJobData {
  subscriptionId: string;
  /**
   * The instant the digest is for (ISO), for a job added by hand ("send now", tests); scheduler
   * jobs carry their fire time in their id instead.
   */
  firedAt?: string;
  /**
   * Built ahead of `firedAt` (a subscription due within the lead): its deliver job waits until
   * then, as a scheduler's does. A job added by hand without it is delivered at once.
   */
  ahead?: boolean;
}

export const DIGEST_JOB_NAME = 'digest';

/** The scheduler id of a subscription's trigger. */
export function digestSchedulerId(subscriptionId: string): string {
  return subscriptionId;
}

export class BullDigestScheduler implements DigestScheduler {
  constructor(
    private readonly queue: Queue,
    private readonly tuning: RuntimeTuning,
  ) {}

  async upsert(subscription: Subscription): Promise<void> {
    if (subscription.paused !== null) {
      await this.remove(subscription.id);
      return;
    }
    const data: DigestJobData = { subscriptionId: subscription.id };
    await this.queue.upsertJobScheduler(
      digestSchedulerId(subscription.id),
      { pattern: cronPattern(subscription), tz: subscription.timeZone },
      { name: DIGEST_JOB_NAME, data, opts: digestJobOptions(this.tuning) },
    );
    // Due sooner than the lead: the scheduler's first run is the next occurrence, so today's digest
    // gets a job of its own (delivered once whatever happens: the deliver job id is per local date).
    const lead = this.tuning.digestLeadMs;
    if (lead <= 0) return;
    const now = Date.now();
    const due = nextDelivery(subscription, new Date(now)).at.getTime();
    if (due - now < lead) {
      const soon: DigestJobData = {
        subscriptionId: subscription.id,
        firedAt: new Date(due).toISOString(),
        ahead: true,
      };
      await this.queue.add(DIGEST_JOB_NAME, soon, {
        ...digestJobOptions(this.tuning),
        jobId: `soon-${subscription.id}-${due}`,
      });
    }
  }

  async remove(subscriptionId: string): Promise<void> {
    await this.queue.removeJobScheduler(digestSchedulerId(subscriptionId));
  }

  /** The subscription's scheduler as BullMQ holds it (pattern, tz, next run), or undefined. */
  async get(subscriptionId: string): Promise<JobSchedulerJson | undefined> {
    return this.queue.getJobScheduler(digestSchedulerId(subscriptionId));
  }

  /**
   * Removes the schedulers whose subscription is not in `keep` (a subscription deleted while its
   * scheduler survived, e.g. a crash between the two). Returns the ids removed.
   */
  async removeOrphans(keep: ReadonlySet<string>): Promise<string[]> {
    const removed: string[] = [];
    const pageSize = 1000;
    for (let start = 0; ; start += pageSize) {
      const page = await this.queue.getJobSchedulers(start, start + pageSize - 1, true);
      for (const scheduler of page) {
        if (!keep.has(scheduler.key)) removed.push(scheduler.key);
      }
      if (page.length < pageSize) break;
    }
    for (const id of removed) await this.queue.removeJobScheduler(id);
    return removed;
  }
}

/**
 * The instant a digest job's digest is for (its delivery time) and whether its delivery waits for
 * it (`hold`): for a scheduler's job, the occurrence of its cron pattern that the job was scheduled
 * ahead of (the first one after its fire time minus 1 ms: the fire time itself without a lead),
 * held; for a job with `data.firedAt`, that instant, held only when the job was built `ahead`
 * (a job added by hand, "send now", is delivered at once); else the fire time.
 */
export function digestDeliveryTime(job: Pick<Job, 'id' | 'opts' | 'timestamp' | 'delay' | 'data'>): {
  at: Date;
  hold: boolean;
} {
  const firedAt = scheduledFireTime(job);
  const data = job.data as Partial<DigestJobData> | undefined;
  if (typeof data?.firedAt === 'string') return { at: firedAt, hold: data.ahead === true };
  // A scheduler's jobs carry its pattern and zone in `opts.repeat` (BullMQ's internal
  // JobSchedulerJobOptions, not part of the public JobsOptions type).
  const { repeat } = job.opts as { repeat?: { pattern?: string; tz?: string } };
  if (repeat?.pattern === undefined) return { at: firedAt, hold: false };
  const next = defaultRepeatStrategy(firedAt.getTime() - 1, {
    pattern: repeat.pattern,
    ...(repeat.tz === undefined ? {} : { tz: repeat.tz }),
  });
  return { at: next === undefined ? firedAt : new Date(next), hold: true };
}

const SCHEDULED_ID = /^repeat:.+:(\d+)$/;

/**
 * The instant a digest job is for: `data.firedAt` when given; for a scheduler job the fire time in
 * its id (`repeat:<scheduler>:<ms>`, also kept as `opts.prevMillis`), never the time a worker picked
 * it up, so that a late job (a worker was down, Redis restarted) still counts for its own local
 * date; otherwise when the job was due (`timestamp + delay`).
 */
export function scheduledFireTime(job: Pick<Job, 'id' | 'opts' | 'timestamp' | 'delay' | 'data'>): Date {
  const data = job.data as Partial<DigestJobData> | undefined;
  if (typeof data?.firedAt === 'string' && !Number.isNaN(Date.parse(data.firedAt))) {
    return new Date(data.firedAt);
  }
  const match = job.id === undefined ? null : SCHEDULED_ID.exec(job.id);
  if (match) return new Date(Number(match[1]));
  if (typeof job.opts.prevMillis === 'number' && job.opts.prevMillis > 0)
    return new Date(job.opts.prevMillis);
  return new Date(job.timestamp + (job.delay ?? 0));
}
