/**
 * Slack Web API failures as the delivery use case understands them (PublishError kinds): wait and
 * retry on rate limits, retry with backoff on server and network trouble, and pause or remove the
 * subscription, with a reason people can act on, when the channel can't receive any more.
 *
 * @see https://docs.slack.dev/reference/methods/chat.postMessage#errors
 */
import { webApi } from '@slack/bolt';
import { PublishError, type PublishFailure } from '../../src/ports/publisher.js';

/** Platform errors after which posting again can't work until someone acts. */
const PERMANENT: Readonly<Record<string, { action: 'pause' | 'remove'; reason: string }>> = {
  not_in_channel: {
    action: 'pause',
    reason:
      "newsbrief isn't a member of this channel: invite it with /invite @newsbrief, then run /news resume",
  },
  channel_not_found: {
    action: 'pause',
    reason:
      "newsbrief can't find this channel (it may have been deleted, or made private without newsbrief in it): invite it with /invite @newsbrief, then run /news resume",
  },
  is_archived: {
    action: 'pause',
    reason: 'this channel is archived: unarchive it, then run /news resume',
  },
  missing_scope: {
    action: 'pause',
    reason:
      'newsbrief is missing a permission it needs to post here: ask an admin to reinstall the app, then run /news resume',
  },
  restricted_action: {
    action: 'pause',
    reason: "this workspace's settings don't let newsbrief post in this channel",
  },
  restricted_action_read_only_channel: {
    action: 'pause',
    reason: 'this channel is read-only for newsbrief: let it post, then run /news resume',
  },
  team_access_not_granted: {
    action: 'pause',
    reason: 'newsbrief has no access to this workspace any more: an admin must grant it again',
  },
  account_inactive: {
    action: 'remove',
    reason: 'newsbrief was deactivated in this workspace',
  },
  token_revoked: {
    action: 'remove',
    reason: "newsbrief's access to this workspace was revoked",
  },
};

/** The Slack error code of a failure, when it has one (for logs and metrics). */
export function slackErrorCode(error: unknown): string | undefined {
  if (error instanceof webApi.WebAPIPlatformError) return error.data.error;
  if (error instanceof webApi.WebAPIRateLimitedError) return 'ratelimited';
  if (error instanceof webApi.WebAPIHTTPError) return `http_${error.statusCode}`;
  if (error instanceof webApi.WebAPIRequestError) return 'request_error';
  return undefined;
}

/** The PublishError for a failed Web API call; anything that isn't a Slack error is returned as is. */
export function toPublishError(error: unknown): unknown {
  const failure = publishFailure(error);
  if (failure === null) return error;
  const message =
    failure.kind === 'permanent'
      ? (PERMANENT[slackErrorCode(error) ?? '']?.reason ?? 'Slack refused the message')
      : `Slack ${slackErrorCode(error) ?? 'error'}`;
  return new PublishError(message, failure, { cause: error });
}

function publishFailure(error: unknown): PublishFailure | null {
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return { kind: 'rate-limited', retryAfterMs: Math.max(1, error.retryAfter) * 1000 };
  }
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    if (code === 'ratelimited' || code === 'rate_limited')
      return { kind: 'rate-limited', retryAfterMs: 1000 };
    const permanent = PERMANENT[code];
    // Anything else (internal_error, fatal_error, invalid_auth after a bad deploy, invalid_blocks from
    // a bug of ours) is retried and, if it persists, fails the job: no channel gets paused for it.
    return permanent ? { kind: 'permanent', action: permanent.action } : { kind: 'transient' };
  }
  if (error instanceof webApi.WebAPIHTTPError || error instanceof webApi.WebAPIRequestError) {
    return { kind: 'transient' };
  }
  return null;
}
