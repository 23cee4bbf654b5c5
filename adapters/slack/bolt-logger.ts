/**
 * Bolt's and the Slack SDK's `Logger` on top of ours: every message is joined, redacted
 * (redact.ts) and written as a structured line tagged `lib: 'slack'`.
 */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/ports/logger.js';
import { redactSecrets } from './redact.js';

export function boltLogLevel(level: Config['LOG_LEVEL']): LogLevel {
  switch (level) {
    case 'trace':
    case 'debug':
      return LogLevel.DEBUG;
    case 'info':
      return LogLevel.INFO;
    case 'warn':
      return LogLevel.WARN;
    default:
      return LogLevel.ERROR;
  }
}

export function createBoltLogger(logger: Logger, level: LogLevel): BoltLogger {
  const base = logger.child({ lib: 'slack' });
  let name = 'bolt';
  const line = (msg: unknown[]) =>
    redactSecrets(
      msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : safeJson(m))).join(' '),
    );
  return {
    debug: (...msg: unknown[]) => base.debug({ component: name }, line(msg)),
    info: (...msg: unknown[]) => base.info({ component: name }, line(msg)),
    warn: (...msg: unknown[]) => base.warn({ component: name }, line(msg)),
    error: (...msg: unknown[]) => base.error({ component: name }, line(msg)),
    // The level is set once from LOG_LEVEL; Bolt only reads it back (to skip building debug lines).
    setLevel: () => {},
    getLevel: () => level,
    setName: (n: string) => {
      name = n;
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
