/**
 * The operations routes every process serves beside /healthz and /readyz: `/metrics` in the
 * Prometheus text format when the runtime's Metrics can render themselves (PrometheusMetrics, which
 * `newsbrief start` uses; the queue depths are those of the runtime's queues), and the bull-board
 * queue dashboard at `/admin/queues` when ADMIN_USER and ADMIN_PASSWORD are set.
 */
import type { Queue } from 'bullmq';
import type { Express } from 'express';
import type { Config } from '../config.js';
import type { CountableQueue } from '../metrics/prometheus.js';
import type { Logger } from '../ports/logger.js';
import type { Metrics } from '../ports/metrics.js';
import { mountQueueDashboard } from './dashboard.js';

/** Metrics that can be scraped: PrometheusMetrics. */
export interface MetricsExporter {
  readonly contentType: string;
  render(): Promise<string>;
  /** Tells the exporter which queues to report the depths of. */
  observeQueues?(queues: readonly CountableQueue[]): void;
}

export function isMetricsExporter(metrics: Metrics): metrics is Metrics & MetricsExporter {
  const m = metrics as Metrics & Partial<MetricsExporter>;
  return typeof m.render === 'function' && typeof m.contentType === 'string';
}

export interface OperationsOptions {
  config: Pick<Config, 'ADMIN_USER' | 'ADMIN_PASSWORD'>;
  metrics: Metrics;
  queues: readonly Queue[];
  logger: Logger;
}

export async function mountOperations(app: Express, options: OperationsOptions): Promise<void> {
  const { metrics } = options;
  if (isMetricsExporter(metrics)) {
    metrics.observeQueues?.(options.queues);
    app.get('/metrics', async (_req, res) => {
      const text = await metrics.render();
      res.set('Content-Type', metrics.contentType).set('Cache-Control', 'no-store').send(text);
    });
  }
  const { ADMIN_USER: user, ADMIN_PASSWORD: password } = options.config;
  await mountQueueDashboard(app, {
    queues: options.queues,
    credentials: user && password ? { user, password } : undefined,
    logger: options.logger,
  });
}
