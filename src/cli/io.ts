/** What a CLI command may touch: its output streams, the clock and the environment. Tests pass fakes. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  now(): Date;
  env: Readonly<Record<string, string | undefined>>;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

/** A usage error: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: () => new Date(),
  env: process.env,
};

/** Parses `--now` (an ISO-8601 date or instant); the current time when absent. */
export function parseNow(value: string | undefined, io: CliIO): Date {
  if (value === undefined) return io.now();
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms))
    throw new UsageError(
      `--now must be an ISO-8601 date or time, e.g. 2026-01-14T09:00:00Z (got "${value}")`,
    );
  return new Date(ms);
}

export function parsePositiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new UsageError(`${name} must be a whole number from 1 to 1000 (got "${value}")`);
  return n;
}
