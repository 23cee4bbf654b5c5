import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { toPublishError } from '../../../adapters/discord/publish-errors.js';
import { partNonce } from '../../../adapters/discord/publisher.js';

const channel = { platform: 'discord' as const, teamId: '1', channelId: '42' };
const request = { body: undefined, files: undefined };

function apiError(code: number, status: number, extra: Record<string, unknown> = {}) {
  return new DiscordAPIError(
    { code, message: 'x', ...extra },
    code,
    status,
    'POST',
    '/channels/42/messages',
    request,
  );
}

describe('toPublishError', () => {
  it.each([
    [
      50001,
      403,
      /^newsbrief lost access to <#42>: give it View Channel and Send Messages there, then \/digest resume\.$/,
    ],
    [
      50013,
      403,
      /^newsbrief may not post in <#42>: give it View Channel, Send Messages and Embed Links there/,
    ],
    [10003, 404, /^the channel <#42> was deleted/],
    [160005, 403, /is archived or locked/],
    [50083, 400, /is archived or locked/],
  ])('code %i pauses with a reason users can act on', (code, status, reason) => {
    const error = toPublishError(apiError(code, status), channel);
    expect(error.failure).toEqual({ kind: 'permanent', action: 'pause' });
    expect(error.message).toMatch(reason);
  });

  it('a rate limit handed back by REST is rate-limited with its wait', () => {
    const error = toPublishError(
      new RateLimitError({
        global: false,
        method: 'POST',
        url: 'u',
        route: '/channels/:id/messages',
        majorParameter: '42',
        hash: 'h',
        limit: 5,
        timeToReset: 30_000,
        retryAfter: 30_000,
        sublimitTimeout: 0,
        scope: 'user',
      }),
      channel,
    );
    expect(error.failure).toEqual({ kind: 'rate-limited', retryAfterMs: 30_000 });
  });

  it('a 429 that surfaces as an API error uses its retry_after', () => {
    expect(toPublishError(apiError(0, 429, { retry_after: 2.5 }), channel).failure).toEqual({
      kind: 'rate-limited',
      retryAfterMs: 2500,
    });
  });

  it('5xx, timeouts, network errors and other answers are transient', () => {
    expect(
      toPublishError(new HTTPError(503, 'Service Unavailable', 'POST', 'u', request), channel).failure,
    ).toEqual({ kind: 'transient' });
    expect(toPublishError(new DOMException('aborted', 'AbortError'), channel).failure).toEqual({
      kind: 'transient',
    });
    expect(toPublishError(apiError(50035, 400), channel).failure).toEqual({ kind: 'transient' });
    expect(toPublishError(new Error('ECONNRESET'), channel).failure).toEqual({ kind: 'transient' });
  });
});

describe('partNonce', () => {
  it('is stable per key and part, different across parts, and at most 25 characters', () => {
    const a = partNonce('deliver.discord.1.2.2026-01-14', 0);
    expect(a).toHaveLength(25);
    expect(partNonce('deliver.discord.1.2.2026-01-14', 0)).toBe(a);
    expect(partNonce('deliver.discord.1.2.2026-01-14', 1)).not.toBe(a);
  });
});
