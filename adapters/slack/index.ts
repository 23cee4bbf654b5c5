/**
 * The Slack adapter: `createSlackAdapter` is the PlatformAdapterFactory the runtime calls. It serves
 * `/news` and the briefing buttons through Bolt (HTTP on the runtime's server, or Socket Mode) and
 * posts digests with the Web API. Everything it says comes from the core (grammar, use cases,
 * engine); this folder only translates between Slack and the core.
 */
import { webApi } from '@slack/bolt';
import express, { type Router } from 'express';
import type { PlatformAdapter, PlatformAdapterFactory, PlatformContext } from '../../src/ports/platform.js';
import { createBoltApp, type SlackBolt } from './bolt-app.js';
import { boltLogLevel, createBoltLogger } from './bolt-logger.js';
import type { HandlerDeps } from './handler.js';
import { KeyValueInstallationStore } from './installation-store.js';
import { SlackDigestPublisher } from './publisher.js';
import { slackSettings } from './settings.js';
import { installationTokens, singleWorkspaceTokens, type TokenSource } from './token-source.js';

export { KeyValueInstallationStore } from './installation-store.js';
export { SlackDigestPublisher } from './publisher.js';
export { BOT_SCOPES, SLACK_PATHS, SLASH_COMMAND, type SlackSettings, slackSettings } from './settings.js';

export interface SlackAdapterOptions {
  /** Extra Web API client options (tests: a custom fetch). Never a token. */
  clientOptions?: Omit<
    webApi.WebClientOptions,
    'slackApiUrl' | 'logger' | 'retryConfig' | 'rejectRateLimitedCalls'
  >;
}

/** Raised at start when Slack refuses the configured bot token, or can't be reached to check it. */
export class SlackStartError extends Error {
  override readonly name = 'SlackStartError';
}

export const createSlackAdapter: PlatformAdapterFactory = (context) => createSlackAdapterWith(context);

export function createSlackAdapterWith(
  context: PlatformContext,
  options: SlackAdapterOptions = {},
): PlatformAdapter {
  const settings = slackSettings(context.config);
  const deps: HandlerDeps = { context, settings };
  const boltLogger = createBoltLogger(context.logger, boltLogLevel(settings.logLevel));
  let ready: Promise<SlackBolt> | undefined;
  let publisher: SlackDigestPublisher | undefined;
  let socketStarted = false;

  /** Built on first use: worker-only processes never construct Bolt (nor call auth.test). */
  const bolt = (): Promise<SlackBolt> => {
    ready ??= (async () => {
      const built = createBoltApp(deps, {
        boltLogger,
        ...(options.clientOptions !== undefined ? { clientOptions: options.clientOptions } : {}),
      });
      try {
        // One auth.test for a single-workspace token (it gives Bolt the bot's ids); none with OAuth.
        await built.app.init();
      } catch (error) {
        ready = undefined;
        throw new SlackStartError(
          error instanceof webApi.WebAPIPlatformError
            ? `Slack refused SLACK_BOT_TOKEN (auth.test: ${error.data.error})`
            : `cannot check SLACK_BOT_TOKEN with Slack at ${settings.apiUrl} (auth.test: ${error instanceof Error ? error.message : String(error)})`,
          { cause: error },
        );
      }
      return built;
    })();
    return ready;
  };

  const tokens = (): TokenSource => {
    const { mode } = settings;
    return mode.kind === 'http-oauth'
      ? installationTokens(new KeyValueInstallationStore(context.keyValues))
      : singleWorkspaceTokens(mode.botToken);
  };

  return {
    platform: 'slack',
    async router(): Promise<Router> {
      const built = await bolt();
      // Socket Mode serves nothing over HTTP.
      return built.router ?? express.Router();
    },
    async start() {
      const built = await bolt();
      if (settings.mode.kind === 'socket') {
        await built.app.start();
        socketStarted = true;
      }
      context.logger.info({ platform: 'slack', mode: settings.mode.kind }, 'Slack adapter ready');
    },
    publisher() {
      publisher ??= new SlackDigestPublisher({
        apiUrl: settings.apiUrl,
        tokens: tokens(),
        logger: context.logger.child({ platform: 'slack' }),
        clientOptions: { ...options.clientOptions, logger: boltLogger },
      });
      return publisher;
    },
    async stop() {
      if (socketStarted && ready !== undefined) {
        socketStarted = false;
        await (await ready).app.stop();
      }
    },
  };
}
