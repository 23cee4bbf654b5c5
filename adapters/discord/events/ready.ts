/** READY: log who we are and how many shards and servers this client holds. */
import type { Client } from 'discord.js';
import type { DiscordDeps } from '../deps.js';

export function createReadyHandler(deps: DiscordDeps): (client: Client<true>) => void {
  return (client) => {
    deps.logger.info(
      {
        user: client.user.tag,
        applicationId: client.application.id,
        shards: client.ws.shards.size,
        guilds: client.guilds.cache.size,
      },
      'connected to Discord',
    );
  };
}
