import type { Platform } from '../subscriptions/model.js';

/** Outcome of one chat command, as counted in metrics. */
export type CommandOutcome = 'ok' | 'bad_input' | 'error';

/**
 * What the core and adapters report for metrics. Prometheus in production (prom-client, served on
 * /metrics); a no-op for the CLI and tests.
 */
export interface Metrics {
  commandHandled(platform: Platform, command: string, outcome: CommandOutcome): void;
  briefingBuilt(seconds: number): void;
  articlesIngested(count: number): void;
  articlesSkipped(count: number): void;
  feedFetched(outcome: string): void;
  digestOutcome(
    platform: Platform,
    outcome: 'delivered' | 'failed' | 'paused' | 'skipped' | 'rate_limited',
  ): void;
  redisReconnected(): void;
}

export const noopMetrics: Metrics = {
  commandHandled() {},
  briefingBuilt() {},
  articlesIngested() {},
  articlesSkipped() {},
  feedFetched() {},
  digestOutcome() {},
  redisReconnected() {},
};
