/**
 * The Slack adapter's settings, derived once from the process configuration: which mode it runs in
 * (HTTP with one bot token, HTTP with OAuth installs, or Socket Mode), where the Web API is, and the
 * fixed names and limits of the app (slash command, scopes, body cap). Tokens stay in `Config`; this
 * object only says which ones to use.
 */
import type { Config } from '../../src/config.js';

/** Slack's own Web API; SLACK_API_URL replaces it (GovSlack, a test server). */
export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

/** The slash command the app registers (adapters/slack/manifest.yml). */
export const SLASH_COMMAND = '/news';

/** Bot scopes asked for at install; the same list as manifest.yml. */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'chat:write.public',
  'channels:history',
  'groups:history',
  'users:read',
] as const;

/** Paths served on the runtime's HTTP server. */
export const SLACK_PATHS = {
  events: '/slack/events',
  install: '/slack/install',
  oauthRedirect: '/slack/oauth_redirect',
} as const;

/**
 * Largest request body accepted on /slack/events. Slash commands are a few hundred bytes; button
 * clicks carry the message they were pressed in (our briefings are well under 64 KB, URL-encoded).
 */
export const MAX_BODY_BYTES = 256 * 1024;

/** How far in the future a request timestamp may be (Bolt only refuses old ones). */
export const MAX_FUTURE_SKEW_SECONDS = 5 * 60;

export type SlackMode =
  /** HTTP (Events API + interactivity on /slack/events), one workspace, SLACK_BOT_TOKEN. */
  | { kind: 'http-single'; signingSecret: string; botToken: string }
  /** HTTP, many workspaces: tokens come from OAuth installations stored in the key-value store. */
  | {
      kind: 'http-oauth';
      signingSecret: string;
      clientId: string;
      clientSecret: string;
      stateSecret: string;
    }
  /** Socket Mode (SLACK_APP_TOKEN), one workspace, SLACK_BOT_TOKEN. No public URL needed. */
  | { kind: 'socket'; appToken: string; botToken: string };

export interface SlackSettings {
  mode: SlackMode;
  /** Base URL of the Web API, ending in '/'. */
  apiUrl: string;
  /** Where /slack/install sends the browser: the authorize page beside the Web API. */
  authorizeUrl: string;
  /** How `/news <topic>` answers: only to the user (with a Share button) or in the channel. */
  response: 'ephemeral' | 'in_channel';
  /** Stories per briefing page. */
  briefingStories: number;
  logLevel: Config['LOG_LEVEL'];
}

/** Raised when the configuration can't serve Slack (config.ts normally catches this earlier). */
export class SlackConfigError extends Error {
  override readonly name = 'SlackConfigError';
}

/** The adapter's settings from the configuration; throws SlackConfigError when Slack isn't set up. */
export function slackSettings(config: Config): SlackSettings {
  const apiUrl = withSlash(config.SLACK_API_URL ?? DEFAULT_SLACK_API_URL);
  return {
    mode: slackMode(config),
    apiUrl,
    authorizeUrl: authorizeUrlFor(apiUrl),
    response: config.SLACK_RESPONSE,
    briefingStories: config.BRIEFING_STORIES,
    logLevel: config.LOG_LEVEL,
  };
}

function slackMode(c: Config): SlackMode {
  if (c.SLACK_APP_TOKEN) {
    if (!c.SLACK_BOT_TOKEN) throw new SlackConfigError('SLACK_BOT_TOKEN is required with SLACK_APP_TOKEN');
    return { kind: 'socket', appToken: c.SLACK_APP_TOKEN, botToken: c.SLACK_BOT_TOKEN };
  }
  if (!c.SLACK_SIGNING_SECRET) {
    throw new SlackConfigError('SLACK_SIGNING_SECRET is required to serve Slack over HTTP');
  }
  if (c.SLACK_CLIENT_ID && c.SLACK_CLIENT_SECRET) {
    if (!c.SLACK_STATE_SECRET) throw new SlackConfigError('SLACK_STATE_SECRET is required with OAuth');
    return {
      kind: 'http-oauth',
      signingSecret: c.SLACK_SIGNING_SECRET,
      clientId: c.SLACK_CLIENT_ID,
      clientSecret: c.SLACK_CLIENT_SECRET,
      stateSecret: c.SLACK_STATE_SECRET,
    };
  }
  if (c.SLACK_BOT_TOKEN) {
    return { kind: 'http-single', signingSecret: c.SLACK_SIGNING_SECRET, botToken: c.SLACK_BOT_TOKEN };
  }
  throw new SlackConfigError(
    'set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET',
  );
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * The OAuth authorize page of the Slack instance the Web API belongs to: https://slack.com/api/ →
 * https://slack.com/oauth/v2/authorize (GovSlack and test servers alike).
 */
export function authorizeUrlFor(apiUrl: string): string {
  return new URL('../oauth/v2/authorize', apiUrl).toString();
}
