/**
 * GUILD_DELETE for a server that removed newsbrief (discord.js emits guildDelete only for real
 * removals, not outages): that server's subscriptions are paused with the reason (kept, so adding
 * newsbrief back and running /digest resume restores them) or removed, per DISCORD_GUILD_REMOVED.
 */
import type { Guild } from 'discord.js';
import { pauseBySystem, removeTeam } from '../../../src/subscriptions/system.js';
import { type DiscordDeps, PLATFORM } from '../deps.js';

export const REMOVED_FROM_SERVER =
  'newsbrief was removed from this server. Add it back, then run /digest resume in this channel.';

/** Pauses or removes every subscription of the server; returns the subscription ids touched. */
export async function onGuildRemoved(guildId: string, deps: DiscordDeps): Promise<string[]> {
  const ports = deps.context.subscriptions;
  if (deps.settings.guildRemoved === 'remove') {
    const removed = await removeTeam(PLATFORM, guildId, ports);
    deps.logger.info(
      { guildId, removed: removed.length },
      'removed from a Discord server: subscriptions removed',
    );
    return removed;
  }
  const subs = await ports.subscriptions.listByTeam(PLATFORM, guildId);
  const now = deps.context.now();
  for (const sub of subs) await pauseBySystem(sub.id, REMOVED_FROM_SERVER, now, ports);
  deps.logger.info({ guildId, paused: subs.length }, 'removed from a Discord server: subscriptions paused');
  return subs.map((s) => s.id);
}

export function createGuildDeleteHandler(deps: DiscordDeps): (guild: Guild) => Promise<void> {
  return async (guild) => {
    try {
      await onGuildRemoved(guild.id, deps);
    } catch (error) {
      deps.logger.error(
        { err: error, guildId: guild.id },
        'could not pause the subscriptions of a removed server',
      );
    }
  };
}
