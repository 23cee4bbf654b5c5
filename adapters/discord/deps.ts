/** What every Discord handler gets: the platform context from the runtime and the resolved settings. */

import type { Logger } from '../../src/ports/logger.js';
import type { PlatformContext } from '../../src/ports/platform.js';
import type { UseCaseContext } from '../../src/subscriptions/context.js';
import type { BriefingDeps } from '../../src/subscriptions/handle-command.js';
import type { Platform } from '../../src/subscriptions/model.js';
import type { DiscordSettings } from './settings.js';

export interface DiscordDeps {
  context: PlatformContext;
  settings: DiscordSettings;
  logger: Logger;
}

export const PLATFORM: Platform = 'discord';

/** Where and by whom, for the subscription use cases. Null outside a server (DMs have no digests). */
export function useCaseContext(
  where: { guildId: string | null; channelId: string | null; userId: string },
  deps: DiscordDeps,
): UseCaseContext | null {
  if (where.guildId === null || where.channelId === null) return null;
  return {
    channel: { platform: PLATFORM, teamId: where.guildId, channelId: where.channelId },
    userId: where.userId,
    now: deps.context.now(),
  };
}

export function briefingDeps(deps: DiscordDeps): BriefingDeps {
  return {
    engine: deps.context.engine(),
    briefingLimit: deps.settings.briefingStories,
    digestOptions: deps.context.digestOptions,
  };
}

/** Digests belong to server channels: the answer when a subscription command comes from a DM. */
export const GUILD_ONLY_MESSAGE =
  'Digests are delivered to server channels: run this in the channel of a server that should get them.';
