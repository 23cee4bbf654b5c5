/**
 * Forgets a workspace after Slack told us newsbrief lost access to it: its subscriptions (with
 * their schedules and delivery history, through the core's removeTeam) and its OAuth installation.
 */
import { removeTeam } from '../../../src/subscriptions/index.js';
import type { HandlerDeps } from '../handler.js';
import type { KeyValueInstallationStore } from '../installation-store.js';

export interface WorkspaceRef {
  teamId: string | undefined;
  enterpriseId: string | undefined;
  isEnterpriseInstall: boolean;
}

export async function forgetWorkspace(
  ref: WorkspaceRef,
  deps: HandlerDeps,
  installations: KeyValueInstallationStore | null,
  why: string,
): Promise<void> {
  const removed = ref.teamId ? await removeTeam('slack', ref.teamId, deps.context.subscriptions) : [];
  if (installations !== null) {
    if (ref.isEnterpriseInstall && ref.enterpriseId) {
      await installations.deleteInstallation({
        teamId: undefined,
        enterpriseId: ref.enterpriseId,
        isEnterpriseInstall: true,
      });
    } else if (ref.teamId) {
      await installations.deleteInstallation({
        teamId: ref.teamId,
        enterpriseId: ref.enterpriseId,
        isEnterpriseInstall: false,
      });
    }
  }
  deps.context.logger.info(
    {
      platform: 'slack',
      teamId: ref.teamId,
      enterpriseId: ref.enterpriseId,
      subscriptionsRemoved: removed.length,
    },
    `Slack workspace forgotten: ${why}`,
  );
}
