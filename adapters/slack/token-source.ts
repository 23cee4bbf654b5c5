/**
 * Where the digest publisher gets a workspace's bot token: SLACK_BOT_TOKEN for a single workspace,
 * the OAuth installation otherwise. Tokens are looked up when a digest is posted and kept only in
 * memory: jobs carry a subscription id, never a token.
 */
import type { KeyValueInstallationStore } from './installation-store.js';

export interface TokenSource {
  /** The bot token for a workspace, or null when newsbrief isn't installed there. */
  botToken(teamId: string): Promise<string | null>;
}

export function singleWorkspaceTokens(token: string): TokenSource {
  return { botToken: async () => token };
}

export function installationTokens(store: KeyValueInstallationStore): TokenSource {
  return { botToken: (teamId) => store.botToken(teamId) };
}
