/**
 * What the subscription use cases return: a tagged union the Slack and Discord adapters render.
 * Every success carries the data to show and a plain-text `message` (no platform markup) that an
 * adapter may show as is; every failure is a `UseCaseError` with a stable code and a friendly
 * plain-text message.
 */

/** Stable error codes: adapters and tests may switch on them; the messages may change. */
export type UseCaseErrorCode =
  /** No tags given to subscribe or unsubscribe. */
  | 'no-tags'
  /** A tag that normaliseTag refuses. */
  | 'invalid-tag'
  /** A delivery time that is not 'HH:MM'. */
  | 'invalid-time'
  /** A time zone that validateTimeZone refuses. */
  | 'invalid-time-zone'
  /** The subscription would follow more than 10 tags. */
  | 'too-many-tags'
  /** The team (Slack workspace, Discord server) already has the most subscriptions allowed. */
  | 'team-cap'
  /** The channel has no subscription (unsubscribe, pause, resume, preview). */
  | 'not-subscribed'
  /** unsubscribe named only tags the channel does not follow. */
  | 'not-following'
  /** A command text that does not parse (see CommandError for `suggestions`). */
  | 'invalid-command';

export interface UseCaseError {
  code: UseCaseErrorCode;
  /** Plain text; user input in it is sanitised. */
  message: string;
  /** Close matches to offer (time zones, command names), from the command parser. */
  suggestions?: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: UseCaseError };

export function success<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure(
  code: UseCaseErrorCode,
  message: string,
  suggestions?: string[],
): { ok: false; error: UseCaseError } {
  return {
    ok: false,
    error:
      suggestions !== undefined && suggestions.length > 0
        ? { code, message, suggestions }
        : { code, message },
  };
}
