/** `/news help [command]`: the core's help text with examples. */
import { helpText } from '../../../src/commands/index.js';
import { ok, type SlackCommandHandler } from '../handler.js';
import { renderHelp } from '../render/results.js';

export const help: SlackCommandHandler<'help'> = {
  kind: 'help',
  async run(command) {
    return ok(renderHelp(helpText(command.command)));
  },
};
