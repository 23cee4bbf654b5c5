/**
 * `app_uninstalled`: the app was removed from a workspace; its installation and subscriptions go.
 *
 * @see https://docs.slack.dev/reference/events/app_uninstalled
 */
import type { App } from '@slack/bolt';
import type { HandlerDeps } from '../handler.js';
import type { KeyValueInstallationStore } from '../installation-store.js';
import { forgetWorkspace } from './forget-workspace.js';

export function registerAppUninstalled(
  app: App,
  deps: HandlerDeps,
  installations: KeyValueInstallationStore | null,
): void {
  app.event('app_uninstalled', async ({ body }) => {
    await forgetWorkspace(
      {
        teamId: body.team_id,
        enterpriseId: body.enterprise_id,
        isEnterpriseInstall: body.is_enterprise_install === true,
      },
      deps,
      installations,
      'app uninstalled',
    );
  });
}
