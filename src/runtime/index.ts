/** The newsbrief process: queues, schedulers, workers, engine sync, HTTP server and shutdown. */
export * from './dashboard.js';
export * from './deliver-worker.js';
export * from './digest-scheduler.js';
export * from './digest-worker.js';
export * from './engine-sync.js';
export * from './feed-schedulers.js';
export * from './feed-worker.js';
export * from './http-server.js';
export * from './ingest.js';
export * from './logger.js';
export * from './open-feed-store.js';
export * from './operations.js';
export * from './queues.js';
export * from './runtime.js';
export * from './shutdown.js';
