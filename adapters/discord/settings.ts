import { PermissionFlagsBits, RouteBases } from 'discord.js';
import type { Config } from '../../src/config.js';

/** Discord's own REST base: what @discordjs/rest uses when DISCORD_API_URL is unset. */
export const DEFAULT_DISCORD_API = RouteBases.api.replace(/\/v\d+$/, '');

/** The permission managing subscriptions needs by default (`default_member_permissions`). */
export type ManagePermission = Config['DISCORD_MANAGE_PERMISSION'];

/** What the Discord adapter reads from the configuration, resolved once. */
export interface DiscordSettings {
  token: string;
  applicationId: string;
  /** Guild for development registration (guild-scoped commands update instantly). */
  guildId: string | undefined;
  /** REST base without the version ("https://discord.com/api"); the gateway URL follows from it. */
  apiUrl: string;
  /** Whether /news answers only to whoever asked (with a "Post to channel" button) or to the channel. */
  response: Config['DISCORD_RESPONSE'];
  managePermission: ManagePermission;
  /** The application's public key (hex): enables the HTTP interactions endpoint. */
  publicKey: string | undefined;
  /** What happens to a server's subscriptions when newsbrief is removed from it. */
  guildRemoved: Config['DISCORD_GUILD_REMOVED'];
  /** Total shards when set (never 'auto'); 0 = one unsharded connection. */
  shards: number;
  /** Stories per briefing page (at most 10: one embed per story). */
  briefingStories: number;
  /** Time zone offered first by autocomplete, and used by the "Subscribe" button form. */
  defaultTimeZone: string;
  defaultTime: string;
}

export function discordSettings(config: Config): DiscordSettings {
  const token = config.DISCORD_TOKEN;
  const applicationId = config.DISCORD_APP_ID;
  if (token === undefined || applicationId === undefined) {
    throw new Error('Discord is not configured: set DISCORD_TOKEN and DISCORD_APP_ID');
  }
  return {
    token,
    applicationId,
    guildId: config.DISCORD_GUILD_ID,
    apiUrl: (config.DISCORD_API_URL ?? DEFAULT_DISCORD_API).replace(/\/+$/, '').replace(/\/v\d+$/, ''),
    response: config.DISCORD_RESPONSE,
    managePermission: config.DISCORD_MANAGE_PERMISSION,
    guildRemoved: config.DISCORD_GUILD_REMOVED,
    publicKey: config.DISCORD_PUBLIC_KEY,
    shards: config.DISCORD_SHARDS,
    briefingStories: Math.min(10, Math.max(1, config.BRIEFING_STORIES)),
    defaultTimeZone: config.DIGEST_DEFAULT_TIME_ZONE,
    defaultTime: config.DIGEST_DEFAULT_TIME,
  };
}

/** The permission bit for `default_member_permissions` and member checks; null = anyone. */
export function managePermissionBit(permission: ManagePermission): bigint | null {
  return permission === 'none' ? null : PermissionFlagsBits[permission];
}

/** "Manage Channels" for messages. */
export function permissionName(permission: ManagePermission): string {
  return permission === 'none' ? 'no permission' : permission.replace(/([a-z])([A-Z])/g, '$1 $2');
}
