/**
 * The process logger: pino, JSON lines on stdout, level LOG_LEVEL. Secrets never reach it: the
 * configuration is logged through `describeConfig` (secrets and URL passwords redacted), and any
 * field named like a credential is censored as a last line of defence.
 */
import { pino } from 'pino';
import type { Config } from '../config.js';
import type { Logger } from '../ports/logger.js';

export const REDACTED_FIELDS = [
  'token',
  'password',
  'secret',
  'authorization',
  '*.token',
  '*.password',
  '*.secret',
  '*.authorization',
  '*.headers.authorization',
];

export function createLogger(
  config: Pick<Config, 'LOG_LEVEL'>,
  destination: NodeJS.WritableStream = process.stdout,
): Logger {
  return pino(
    {
      name: 'newsbrief',
      level: config.LOG_LEVEL,
      redact: { paths: REDACTED_FIELDS, censor: '<redacted>' },
    },
    destination,
  );
}
