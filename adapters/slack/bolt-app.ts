/**
 * The Bolt app in the mode the settings say: ExpressReceiver (HTTP; its router is mounted on the
 * runtime's server behind our request guard) with one bot token or with OAuth installs, or
 * SocketModeReceiver. Listeners are registered here, one module per command, action and event.
 *
 * @see https://docs.slack.dev/tools/bolt-js/concepts/receiver
 */
import {
  App,
  type Logger as BoltLogger,
  ExpressReceiver,
  SocketModeReceiver,
  type webApi,
} from '@slack/bolt';
import express, { type Router } from 'express';
import { registerActions } from './actions/index.js';
import { registerNewsCommand } from './commands/news.js';
import { registerEvents } from './events/index.js';
import type { HandlerDeps } from './handler.js';
import { slackRequestGuard } from './http-guard.js';
import { KeyValueInstallationStore } from './installation-store.js';
import { BOT_SCOPES, MAX_BODY_BYTES, MAX_FUTURE_SKEW_SECONDS, SLACK_PATHS } from './settings.js';

export interface BoltAppOptions {
  boltLogger: BoltLogger;
  /** Extra WebClient options for listeners' clients and OAuth (tests: a fetch). */
  clientOptions?: Omit<webApi.WebClientOptions, 'slackApiUrl' | 'logger'>;
}

export interface SlackBolt {
  app: App;
  /** The routes to mount (HTTP modes); null in Socket Mode. */
  router: Router | null;
  installations: KeyValueInstallationStore | null;
}

export function createBoltApp(deps: HandlerDeps, options: BoltAppOptions): SlackBolt {
  const { settings, context } = deps;
  const logger = options.boltLogger;
  // Bolt mutates the options it is given (it adds its logger): each user gets its own copy.
  const clientOptions = (): webApi.WebClientOptions => ({
    timeout: 10_000,
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 },
    ...options.clientOptions,
    slackApiUrl: settings.apiUrl,
    logger,
  });
  const common = {
    logger,
    clientOptions: clientOptions(),
    convoStore: false as const,
    deferInitialization: true,
  };

  let bolt: SlackBolt;
  const { mode } = settings;
  if (mode.kind === 'socket') {
    const receiver = new SocketModeReceiver({
      appToken: mode.appToken,
      logger,
      // No retryConfig: the Socket Mode client then uses its own (many quick retries of
      // apps.connections.open), which keeps it reconnecting through a Slack outage.
      installerOptions: { clientOptions: { slackApiUrl: settings.apiUrl, timeout: 10_000 } },
    });
    bolt = { app: new App({ ...common, receiver, token: mode.botToken }), router: null, installations: null };
  } else {
    const installations =
      mode.kind === 'http-oauth' ? new KeyValueInstallationStore(context.keyValues) : null;
    const receiver = new ExpressReceiver({
      signingSecret: mode.signingSecret,
      logger,
      endpoints: SLACK_PATHS.events,
      bodyLimit: MAX_BODY_BYTES,
      ...(mode.kind === 'http-oauth' && installations !== null
        ? {
            clientId: mode.clientId,
            clientSecret: mode.clientSecret,
            stateSecret: mode.stateSecret,
            installationStore: installations,
            scopes: [...BOT_SCOPES],
            installerOptions: {
              directInstall: true,
              installPath: SLACK_PATHS.install,
              redirectUriPath: SLACK_PATHS.oauthRedirect,
              authorizationUrl: settings.authorizeUrl,
              clientOptions: clientOptions(),
            },
          }
        : {}),
    });
    const app =
      mode.kind === 'http-single'
        ? new App({ ...common, receiver, token: mode.botToken })
        : new App({ ...common, receiver });
    const router = express.Router();
    router.post(
      SLACK_PATHS.events,
      slackRequestGuard({
        maxBodyBytes: MAX_BODY_BYTES,
        maxFutureSkewSeconds: MAX_FUTURE_SKEW_SECONDS,
        logger: context.logger.child({ platform: 'slack' }),
      }),
    );
    router.use(receiver.router);
    bolt = { app, router, installations };
  }

  bolt.app.error(async (error) => {
    context.logger.error(
      { platform: 'slack', code: error.code, err: error.message },
      'Slack listener failed',
    );
  });
  registerNewsCommand(bolt.app, deps);
  registerActions(bolt.app, deps);
  registerEvents(bolt.app, deps, bolt.installations);
  return bolt;
}
