/** Daily digests: when they are due, what they hold, and how they are delivered. */
export * from './build.js';
export * from './ids.js';
export * from './recording-publisher.js';
export * from './run-delivery.js';
export * from './run-digest.js';
export * from './time.js';
