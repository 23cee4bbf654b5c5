import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { toPublishError } from '../../../adapters/slack/publish-errors.js';
import { PublishError } from '../../../src/ports/publisher.js';

const platform = (error: string) => new webApi.WebAPIPlatformError({ ok: false, error });

function failure(error: unknown) {
  const mapped = toPublishError(error);
  expect(mapped).toBeInstanceOf(PublishError);
  return mapped as PublishError;
}

describe('toPublishError', () => {
  it('turns a 429 into rate-limited with Retry-After', () => {
    expect(failure(new webApi.WebAPIRateLimitedError(7)).failure).toEqual({
      kind: 'rate-limited',
      retryAfterMs: 7000,
    });
  });

  it('pauses with an actionable reason when the bot is not in the channel', () => {
    const e = failure(platform('not_in_channel'));
    expect(e.failure).toEqual({ kind: 'permanent', action: 'pause' });
    expect(e.message).toBe(
      "newsbrief isn't a member of this channel: invite it with /invite @newsbrief, then run /news resume",
    );
  });

  it.each([
    ['channel_not_found', 'pause'],
    ['is_archived', 'pause'],
    ['missing_scope', 'pause'],
    ['account_inactive', 'remove'],
    ['token_revoked', 'remove'],
  ] as const)('%s is permanent (%s)', (code, action) => {
    expect(failure(platform(code)).failure).toEqual({ kind: 'permanent', action });
  });

  it('retries server trouble, timeouts and unknown platform errors', () => {
    expect(failure(new webApi.WebAPIHTTPError(503, 'Service Unavailable', {})).failure).toEqual({
      kind: 'transient',
    });
    expect(failure(new webApi.WebAPIRequestError(new Error('ETIMEDOUT'))).failure).toEqual({
      kind: 'transient',
    });
    expect(failure(platform('internal_error')).failure).toEqual({ kind: 'transient' });
    expect(failure(platform('invalid_blocks')).failure).toEqual({ kind: 'transient' });
  });

  it('leaves errors that are not Slack errors alone', () => {
    const bug = new TypeError('bug');
    expect(toPublishError(bug)).toBe(bug);
  });
});
