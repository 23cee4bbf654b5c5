import { briefCommand } from './brief.js';
import { ingestCommand } from './ingest.js';
import { type CliCommand, type CliIO, processIO, UsageError } from './io.js';
import { storiesCommand } from './stories.js';

/** The commands that need nothing but files: the embedded default. */
export const CORE_COMMANDS: readonly CliCommand[] = [briefCommand, storiesCommand, ingestCommand];

function overview(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `Usage: newsbrief <command> [options]

News briefings for Discord and Slack teams.

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "newsbrief <command> --help" for a command's options.
`;
}

/** Runs one CLI invocation; returns the exit code (0 ok, 1 failure, 2 usage error). */
export async function runCli(
  argv: string[],
  io: CliIO = processIO,
  commands: readonly CliCommand[] = CORE_COMMANDS,
): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview(commands));
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`newsbrief: unknown command "${name}"\n\n${overview(commands)}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(`newsbrief ${name}: ${(error as Error).message}\n\n${command.usage}\n`);
      return 2;
    }
    io.stderr(`newsbrief ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}
