import type { Router } from 'express';
import type { NewsEngine } from '../briefing/engine.js';
import type { Config } from '../config.js';
import type { DigestOptions } from '../digest/index.js';
import type { SubscriptionDeps } from '../subscriptions/index.js';
import type { Platform } from '../subscriptions/model.js';
import type { KeyValueStore } from './key-value-store.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import type { DigestPublisher } from './publisher.js';

/**
 * What the runtime gives a chat platform adapter. Everything an adapter needs to answer commands
 * and post digests goes through here: the adapter only translates platform events into core calls
 * and core results into platform messages.
 */
export interface PlatformContext {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  /** The clock. */
  now(): Date;
  /** The briefing engine, kept in sync with the shared article store. */
  engine(): NewsEngine;
  /** Stores, digest scheduler and options for the subscription use cases. */
  subscriptions: SubscriptionDeps;
  digestOptions: Partial<DigestOptions>;
  /** Adapter state that must survive restarts (Slack installations…), on Redis in production. */
  keyValues: KeyValueStore;
}

/**
 * A chat platform as the runtime sees it. The runtime mounts `router()` on the shared HTTP server
 * and calls `start()` in processes with the `bot` role; deliver workers (the `worker` role) only use
 * `publisher()`, which needs nothing but REST.
 */
export interface PlatformAdapter {
  readonly platform: Platform;
  /** HTTP routes served on PORT beside /healthz (Slack events and OAuth, Discord interactions). */
  router?(): Router | Promise<Router>;
  /** Connects to the platform to receive commands (Discord gateway, Slack Socket Mode). */
  start(): Promise<void>;
  /** Posts digests; used by the deliver worker of this platform. */
  publisher(): DigestPublisher;
  /** Disconnects; called once on shutdown after the HTTP server stopped taking requests. */
  stop(): Promise<void>;
}

export type PlatformAdapterFactory = (context: PlatformContext) => PlatformAdapter | Promise<PlatformAdapter>;
