/** Prometheus metrics (prom-client) for the Metrics port: see prometheus.ts and docs/operations.md. */
export * from './prometheus.js';
