/** Subscription use cases shared by the Slack and Discord adapters. */
export * from './context.js';
export * from './handle-command.js';
export * from './model.js';
export * from './result.js';
export * from './system.js';
export * from './tag-notes.js';
export * from './use-cases.js';
