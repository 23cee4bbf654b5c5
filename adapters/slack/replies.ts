/** Sends handler replies through Bolt's `respond` (the response_url), in order; failures are logged. */
import type { RespondFn } from '@slack/bolt';
import type { Logger } from '../../src/ports/logger.js';
import type { Reply } from './handler.js';

export async function sendReplies(
  respond: RespondFn,
  replies: readonly Reply[],
  logger: Logger,
): Promise<boolean> {
  for (const reply of replies) {
    try {
      await respond(reply);
    } catch (error) {
      logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'response_url refused a reply',
      );
      return false;
    }
  }
  return true;
}
