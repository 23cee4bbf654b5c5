/** Prometheus metrics (prom-client) for the Metrics port: see prometheus.ts and the README (Metrics). */
export * from './prometheus.js';
