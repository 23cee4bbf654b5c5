/**
 * Bolt's InstallationStore on our key-value store (Redis in production): one JSON record per
 * workspace (`slack:install:T.<team id>`) or per Enterprise Grid org-wide install
 * (`slack:install:E.<enterprise id>`). The records hold bot tokens: they are read by `authorize`
 * and the digest publisher, and never logged.
 *
 * @see https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { KeyValueStore } from '../../src/ports/key-value-store.js';

export const INSTALLATION_PREFIX = 'slack:install:';

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

export class KeyValueInstallationStore implements InstallationStore {
  constructor(private readonly store: KeyValueStore) {}

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(
    installation: Installation<AuthVersion, boolean>,
  ): Promise<void> {
    const key = installation.isEnterpriseInstall
      ? enterpriseKey(installation.enterprise?.id)
      : teamKey(installation.team?.id);
    if (key === null) throw new Error('Slack installation without a team or enterprise id');
    await this.store.set(key, installation);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<AnyInstallation> {
    const found = await this.find(query);
    if (found === null)
      throw new Error(
        `newsbrief is not installed in Slack team ${query.teamId ?? query.enterpriseId ?? '?'}`,
      );
    return found;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = keyOf(query);
    if (key !== null) await this.store.delete(key);
  }

  /** The installation serving a query, or null. */
  async find(query: InstallationQuery<boolean>): Promise<AnyInstallation | null> {
    const key = keyOf(query);
    const own = key === null ? null : await this.store.get<AnyInstallation>(key);
    if (own !== null || query.isEnterpriseInstall) return own;
    // A workspace of an org where the app was installed org-wide.
    const org = enterpriseKey(query.enterpriseId);
    return org === null ? null : this.store.get<AnyInstallation>(org);
  }

  /** The bot token for a workspace, or null when newsbrief isn't installed there. */
  async botToken(teamId: string): Promise<string | null> {
    const installation = await this.find({ teamId, isEnterpriseInstall: false, enterpriseId: undefined });
    return installation?.bot?.token ?? null;
  }
}

function keyOf(query: InstallationQuery<boolean>): string | null {
  return query.isEnterpriseInstall ? enterpriseKey(query.enterpriseId) : teamKey(query.teamId);
}

function teamKey(teamId: string | undefined): string | null {
  return teamId ? `${INSTALLATION_PREFIX}T.${teamId}` : null;
}

function enterpriseKey(enterpriseId: string | undefined): string | null {
  return enterpriseId ? `${INSTALLATION_PREFIX}E.${enterpriseId}` : null;
}
