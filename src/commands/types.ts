/**
 * The typed result of parsing the text after `/news`. Platform-neutral: the Slack and Discord
 * adapters both turn user input into a `Command` (or a `CommandError` to show) through
 * `parseCommand`.
 */

/** Which days a digest is delivered on. */
export type Weekdays = 'daily' | 'weekdays';

export type Command =
  /** `/news korea`: a briefing on a free-text topic (kept as typed, whitespace collapsed). */
  | { kind: 'brief'; topic: string }
  /**
   * `/news subscribe korea japan at 08:00 Asia/Seoul weekdays`. Absent options are left out (not
   * `undefined`): the subscription use case applies its defaults.
   */
  | {
      kind: 'subscribe';
      /** Normalised tags (see `normaliseTag`), deduplicated, in the order given, 1–10. */
      tags: string[];
      /** 'HH:MM', 24-hour, zero-padded. */
      time?: string;
      /** Canonical IANA name ("Asia/Seoul", "UTC", "Etc/GMT-9"). */
      timeZone?: string;
      days?: Weekdays;
    }
  | { kind: 'unsubscribe'; tags: string[] | 'all' }
  | { kind: 'list' }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'preview' }
  /** `/news help [command]`; `command` is the canonical command name ('brief', 'subscribe', …). */
  | { kind: 'help'; command?: string };

/** Stable error codes: adapters and tests may switch on them; the messages may change. */
export type CommandErrorCode =
  /** The text is the empty string. */
  | 'empty'
  /** The text is only whitespace. */
  | 'blank'
  /** Control, bidi or other invisible format characters. */
  | 'control-characters'
  /** A topic over 200 characters, or a command over 500. */
  | 'too-long'
  /** Angle-bracket markup, mentions (user, channel, everyone, here), HTML entities or links. */
  | 'markup'
  /** A topic with no letter or digit ("???"). */
  | 'invalid-topic'
  /** `subscribe` without tags. */
  | 'no-tags'
  /** More than 10 distinct tags. */
  | 'too-many-tags'
  /** A tag that is only punctuation or contains characters tags cannot hold. */
  | 'invalid-tag'
  /** A tag over 50 characters. */
  | 'tag-too-long'
  /** A time that cannot be read or is out of range (25:00, 12:60, 8:5, 13pm). */
  | 'invalid-time'
  /** `at` with no time after it. */
  | 'missing-time'
  /** Two times in one subscription. */
  | 'duplicate-time'
  /** `in` with no time zone after it. */
  | 'missing-time-zone'
  /** A time zone that is not known (comes with close matches as suggestions when there are any). */
  | 'unknown-time-zone'
  /** An abbreviation used by several zones (EST, PST, IST…); suggestions list zones to pick from. */
  | 'ambiguous-time-zone'
  /** Two time zones in one subscription. */
  | 'duplicate-time-zone'
  /** Two of `daily` / `weekdays`. */
  | 'duplicate-days'
  /** `unsubscribe` with nothing after it. */
  | 'unsubscribe-nothing'
  /** `unsubscribe all` mixed with tags. */
  | 'all-with-tags'
  /** Words after a command that takes none (list, pause, resume, preview), or a time after unsubscribe. */
  | 'unexpected-arguments'
  /** `help <something that is not a command>`. */
  | 'unknown-help-topic';

export interface CommandError {
  code: CommandErrorCode;
  /** Plain text (no platform markup); user input in it is sanitised. */
  message: string;
  /** Close matches to offer (time zones, command names); absent when there are none. */
  suggestions?: string[];
}

export type ParseResult = { ok: true; command: Command } | { ok: false; error: CommandError };

export function commandError(code: CommandErrorCode, message: string, suggestions?: string[]): CommandError {
  return suggestions !== undefined && suggestions.length > 0
    ? { code, message, suggestions }
    : { code, message };
}

export function failure(code: CommandErrorCode, message: string, suggestions?: string[]): ParseResult {
  return { ok: false, error: commandError(code, message, suggestions) };
}
