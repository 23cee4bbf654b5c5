/**
 * The Discord platform adapter: a gateway Client for commands (bot role), a REST-only publisher for
 * digests (worker role), and optionally the HTTP interactions endpoint.
 */
import type { Client, REST, ShardingManager } from 'discord.js';
import type { Router } from 'express';
import type { PlatformAdapter, PlatformContext } from '../../src/ports/platform.js';
import type { DigestPublisher } from '../../src/ports/publisher.js';
import { attachHandlers, connect, createDiscordClient } from './client.js';
import type { DiscordDeps } from './deps.js';
import { createInteractionsEndpoint, type InteractionsEndpoint } from './http/router.js';
import { createPublisherRest, DiscordPublisher, type DiscordPublisherOptions } from './publisher.js';
import { discordSettings } from './settings.js';
import { allShards, spawnShardProcesses, stopShardProcesses } from './sharding.js';

export interface DiscordAdapterOptions {
  /**
   * With DISCORD_SHARDS set: the module (path or file URL) exporting `createDiscordShardContext()`
   * that shard processes use to build their context. Given: shards run as processes under
   * ShardingManager. Absent: one Client runs all the shards in this process.
   */
  shardContextModule?: string;
  /** Pause between shard process spawns. @defaultValue 5_500 */
  shardSpawnDelayMs?: number;
  /** How long login may take before start() fails. @defaultValue 60_000 */
  readyTimeoutMs?: number;
  publisher?: Omit<DiscordPublisherOptions, 'logger'>;
}

export class DiscordAdapter implements PlatformAdapter {
  readonly platform = 'discord' as const;
  readonly deps: DiscordDeps;
  private gateway: Client | null = null;
  private manager: ShardingManager | null = null;
  private rest: REST | null = null;
  private publisherInstance: DiscordPublisher | null = null;
  private endpoint: InteractionsEndpoint | undefined;

  constructor(
    context: PlatformContext,
    private readonly options: DiscordAdapterOptions = {},
  ) {
    const settings = discordSettings(context.config);
    this.deps = { context, settings, logger: context.logger.child({ platform: 'discord' }) };
    const publicKey = settings.publicKey;
    if (publicKey !== undefined) {
      this.router = () => {
        this.endpoint ??= createInteractionsEndpoint(this.deps, publicKey);
        return this.endpoint.router;
      };
    }
  }

  /**
   * Present when DISCORD_PUBLIC_KEY is set: POST /discord/interactions, so a deployment can take
   * commands over HTTP (set the app's Interactions Endpoint URL to it) without a gateway.
   */
  router?: () => Router;

  /** The gateway client once started in this process (null with shard processes). */
  get client(): Client | null {
    return this.gateway;
  }

  async start(): Promise<void> {
    const { settings, logger } = this.deps;
    if (settings.shards > 0 && this.options.shardContextModule !== undefined) {
      this.manager = await spawnShardProcesses(
        settings,
        {
          contextModule: this.options.shardContextModule,
          ...(this.options.shardSpawnDelayMs !== undefined
            ? { spawnDelayMs: this.options.shardSpawnDelayMs }
            : {}),
        },
        logger,
      );
      return;
    }
    const client = createDiscordClient(
      settings,
      settings.shards > 0 ? { shards: allShards(settings.shards), shardCount: settings.shards } : {},
    );
    attachHandlers(client, this.deps);
    await connect(client, settings.token, this.options.readyTimeoutMs);
    this.gateway = client;
  }

  publisher(): DigestPublisher {
    if (this.publisherInstance === null) {
      const { settings, logger } = this.deps;
      this.rest = createPublisherRest(settings.apiUrl, settings.token, this.options.publisher);
      this.publisherInstance = new DiscordPublisher(this.rest, logger);
    }
    return this.publisherInstance;
  }

  async stop(): Promise<void> {
    if (this.gateway !== null) {
      await this.gateway.destroy();
      this.gateway = null;
    }
    if (this.manager !== null) {
      await stopShardProcesses(this.manager);
      this.manager = null;
    }
    if (this.rest !== null) {
      this.rest.clearHashSweeper();
      this.rest.clearHandlerSweeper();
    }
    await this.endpoint?.close();
    this.endpoint = undefined;
  }
}
