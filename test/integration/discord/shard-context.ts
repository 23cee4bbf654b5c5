/**
 * The shard-context module of the sharding test: what a shard process builds for itself (memory
 * stores and the bundled seeds here; the runtime's Redis-backed context in production).
 */
import { parseConfig } from '../../../src/config.js';
import {
  MemoryDeliveryLog,
  MemoryDigestScheduler,
  MemoryKeyValueStore,
  MemorySubscriptionStore,
  silentLogger,
} from '../../../src/ports/index.js';
import type { PlatformContext } from '../../../src/ports/platform.js';
import { NOW, recordingMetrics, testEngine } from './harness.js';

export async function createDiscordShardContext(): Promise<PlatformContext> {
  const engine = await testEngine();
  return {
    config: parseConfig(process.env),
    logger: silentLogger,
    metrics: recordingMetrics(),
    now: () => NOW,
    engine: () => engine,
    subscriptions: {
      subscriptions: new MemorySubscriptionStore(),
      scheduler: new MemoryDigestScheduler(),
      deliveries: new MemoryDeliveryLog(),
    },
    digestOptions: {},
    keyValues: new MemoryKeyValueStore(),
  };
}
