/**
 * What a failed channel post means for delivery: Discord's answer mapped to a PublishError kind,
 * with a reason users see in /digest list. See discord-api-docs `topics/opcodes-and-status-codes`.
 */
import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes } from 'discord.js';
import { PublishError } from '../../src/ports/publisher.js';
import type { ChannelRef } from '../../src/subscriptions/model.js';

/** Codes after which posting to the channel can't succeed until someone acts: pause with a reason. */
function permanentReason(code: number | string, channel: ChannelRef): string | null {
  const where = `<#${channel.channelId}>`;
  switch (code) {
    case RESTJSONErrorCodes.MissingAccess:
      return `newsbrief lost access to ${where}: give it View Channel and Send Messages there, then /digest resume.`;
    case RESTJSONErrorCodes.MissingPermissions:
      return `newsbrief may not post in ${where}: give it View Channel, Send Messages and Embed Links there, then /digest resume.`;
    case RESTJSONErrorCodes.UnknownChannel:
      return `the channel ${where} was deleted or newsbrief can no longer see it. Subscribe another channel, or give newsbrief access and run /digest resume.`;
    case RESTJSONErrorCodes.ThreadLocked:
    case RESTJSONErrorCodes.InvalidActionOnArchivedThread:
      return `the thread ${where} is archived or locked: reopen it, then /digest resume.`;
    case RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel:
      return `${where} doesn't take messages: subscribe a text channel instead.`;
    default:
      return null;
  }
}

function retryAfterMs(error: DiscordAPIError): number {
  const raw = error.rawError as { retry_after?: unknown };
  const seconds = typeof raw.retry_after === 'number' ? raw.retry_after : 1;
  return Math.max(0, Math.ceil(seconds * 1000));
}

/**
 * Maps an error from posting to a channel. 429 (when @discordjs/rest gives it back instead of
 * waiting) → rate-limited; Missing Access, Missing Permissions, Unknown Channel and unusable threads
 * → permanent (pause, with the reason); 5xx, timeouts, network errors and anything else → transient.
 */
export function toPublishError(error: unknown, channel: ChannelRef): PublishError {
  if (error instanceof PublishError) return error;
  if (error instanceof RateLimitError) {
    return new PublishError(
      `Discord rate limit on ${error.route} (retry after ${error.retryAfter} ms)`,
      { kind: 'rate-limited', retryAfterMs: Math.max(0, error.retryAfter) },
      { cause: error },
    );
  }
  if (error instanceof DiscordAPIError) {
    const reason = permanentReason(error.code, channel);
    if (reason !== null) {
      return new PublishError(reason, { kind: 'permanent', action: 'pause' }, { cause: error });
    }
    if (error.status === 429) {
      const ms = retryAfterMs(error);
      return new PublishError(
        `Discord rate limit (retry after ${ms} ms)`,
        { kind: 'rate-limited', retryAfterMs: ms },
        { cause: error },
      );
    }
    return new PublishError(
      `Discord answered ${error.status} (${error.code}): ${error.message}`,
      { kind: 'transient' },
      { cause: error },
    );
  }
  if (error instanceof HTTPError) {
    return new PublishError(
      `Discord answered ${error.status} ${error.message}`,
      { kind: 'transient' },
      { cause: error },
    );
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new PublishError(`posting to Discord failed: ${message}`, { kind: 'transient' }, { cause: error });
}
