/**
 * The composition root and CLI entry point (the `newsbrief` binary). Only this folder wires the core
 * (src/) to the platform adapters (adapters/); it parses the configuration once.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CliCommand, CliIO } from '../src/cli/io.js';
import { processIO } from '../src/cli/io.js';
import { CORE_COMMANDS, runCli } from '../src/cli/main.js';
import { configCommand } from './config-check.js';
import { lazyDiscordCommand } from './discord.js';
import { createRedisFeedsCommand } from './feeds.js';
import { createStartCommand } from './start.js';

/** Every command of the binary: the file-only core commands plus those that need the runtime. */
export const COMMANDS: readonly CliCommand[] = [
  ...CORE_COMMANDS,
  createRedisFeedsCommand(),
  createStartCommand(),
  configCommand,
  lazyDiscordCommand,
];

export function main(argv: string[], io: CliIO = processIO): Promise<number> {
  return runCli(argv, io, COMMANDS);
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`newsbrief: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
