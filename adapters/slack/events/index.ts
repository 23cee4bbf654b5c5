/** Events API handlers, one file each. */
import type { App } from '@slack/bolt';
import type { HandlerDeps } from '../handler.js';
import type { KeyValueInstallationStore } from '../installation-store.js';
import { registerAppUninstalled } from './app-uninstalled.js';
import { registerTokensRevoked } from './tokens-revoked.js';

export function registerEvents(
  app: App,
  deps: HandlerDeps,
  installations: KeyValueInstallationStore | null,
): void {
  registerAppUninstalled(app, deps, installations);
  registerTokensRevoked(app, deps, installations);
}
