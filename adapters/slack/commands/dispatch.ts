/** Runs a parsed `/news` command with its handler (one file per subcommand). */
import type { Command } from '../../../src/commands/index.js';
import type { HandlerDeps, HandlerResult, Invocation } from '../handler.js';
import { brief } from './brief.js';
import { help } from './help.js';
import { list } from './list.js';
import { pause } from './pause.js';
import { preview } from './preview.js';
import { resume } from './resume.js';
import { subscribe } from './subscribe.js';
import { unsubscribe } from './unsubscribe.js';

export function runCommand(
  command: Command,
  invocation: Invocation,
  deps: HandlerDeps,
): Promise<HandlerResult> {
  switch (command.kind) {
    case 'brief':
      return brief.run(command, invocation, deps);
    case 'subscribe':
      return subscribe.run(command, invocation, deps);
    case 'unsubscribe':
      return unsubscribe.run(command, invocation, deps);
    case 'list':
      return list.run(command, invocation, deps);
    case 'pause':
      return pause.run(command, invocation, deps);
    case 'resume':
      return resume.run(command, invocation, deps);
    case 'preview':
      return preview.run(command, invocation, deps);
    case 'help':
      return help.run(command, invocation, deps);
  }
}
