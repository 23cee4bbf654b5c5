/**
 * `tokens_revoked`: when the bot token is among the revoked ones, newsbrief can't post in the
 * workspace any more: its installation and subscriptions go. Revoked user tokens don't matter
 * (newsbrief asks for none).
 *
 * @see https://docs.slack.dev/reference/events/tokens_revoked
 */
import type { App } from '@slack/bolt';
import type { HandlerDeps } from '../handler.js';
import type { KeyValueInstallationStore } from '../installation-store.js';
import { forgetWorkspace } from './forget-workspace.js';

export function registerTokensRevoked(
  app: App,
  deps: HandlerDeps,
  installations: KeyValueInstallationStore | null,
): void {
  app.event('tokens_revoked', async ({ body, event }) => {
    if ((event.tokens.bot ?? []).length === 0) return;
    await forgetWorkspace(
      {
        teamId: body.team_id,
        enterpriseId: body.enterprise_id,
        isEnterpriseInstall: body.is_enterprise_install === true,
      },
      deps,
      installations,
      'bot token revoked',
    );
  });
}
