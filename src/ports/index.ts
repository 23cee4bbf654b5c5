export * from './article-store.js';
export * from './delivery-log.js';
export * from './digest-scheduler.js';
export * from './feed-store.js';
export * from './publisher.js';
export * from './subscription-store.js';
