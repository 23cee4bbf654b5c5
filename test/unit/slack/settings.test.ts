import { describe, expect, it } from 'vitest';
import { authorizeUrlFor, SlackConfigError, slackSettings } from '../../../adapters/slack/settings.js';
import { parseConfig } from '../../../src/config.js';

describe('slackSettings', () => {
  it("serves HTTP with one token by default, on Slack's own API", () => {
    const s = slackSettings(parseConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' }));
    expect(s.mode.kind).toBe('http-single');
    expect(s.apiUrl).toBe('https://slack.com/api/');
    expect(s.authorizeUrl).toBe('https://slack.com/oauth/v2/authorize');
    expect(s.response).toBe('ephemeral');
  });

  it('uses OAuth when the client id and secret are set, and SLACK_API_URL for both URLs', () => {
    const s = slackSettings(
      parseConfig({
        SLACK_SIGNING_SECRET: 's',
        SLACK_CLIENT_ID: 'id',
        SLACK_CLIENT_SECRET: 'secret',
        SLACK_STATE_SECRET: 'state',
        SLACK_API_URL: 'https://slack-gov.com/api',
      }),
    );
    expect(s.mode.kind).toBe('http-oauth');
    expect(s.apiUrl).toBe('https://slack-gov.com/api/');
    expect(s.authorizeUrl).toBe('https://slack-gov.com/oauth/v2/authorize');
  });

  it('uses Socket Mode with an app token', () => {
    const s = slackSettings(parseConfig({ SLACK_APP_TOKEN: 'xapp-1', SLACK_BOT_TOKEN: 'xoxb-1' }));
    expect(s.mode.kind).toBe('socket');
  });

  it('refuses a configuration without Slack', () => {
    expect(() => slackSettings(parseConfig({}))).toThrow(SlackConfigError);
  });

  it('finds the authorize page beside a test server', () => {
    expect(authorizeUrlFor('http://127.0.0.1:4000/api/')).toBe('http://127.0.0.1:4000/oauth/v2/authorize');
  });
});
