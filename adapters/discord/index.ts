/**
 * newsbrief on Discord. The runtime builds the adapter with `createDiscordAdapter(context)` (or
 * `discordAdapterFactory(options)` to run shard processes), calls `start()` in the bot role, mounts
 * `router()` when DISCORD_PUBLIC_KEY is set, and gives deliver workers `publisher()`.
 * `npm run discord:register` runs `discordCommand` (register.ts).
 */
import type { PlatformAdapterFactory } from '../../src/ports/platform.js';
import { DiscordAdapter, type DiscordAdapterOptions } from './adapter.js';

export { DiscordAdapter, type DiscordAdapterOptions } from './adapter.js';
export { commandDefinitions } from './commands/index.js';
export { createPublisherRest, DiscordPublisher, partNonce } from './publisher.js';
export { createDiscordCommand, discordCommand, registerCommands } from './register.js';
export { type DiscordSettings, discordSettings } from './settings.js';
export type { ShardContextModule } from './sharding.js';

export const createDiscordAdapter: PlatformAdapterFactory = (context) => new DiscordAdapter(context);

/** A factory with options (shard processes, publisher tuning). */
export function discordAdapterFactory(options: DiscordAdapterOptions): PlatformAdapterFactory {
  return (context) => new DiscordAdapter(context, options);
}
