/**
 * Block Kit builders that respect Slack's limits, and the shape of a message we send (blocks plus
 * the fallback text Slack shows in notifications and to screen readers).
 *
 * @see https://docs.slack.dev/reference/block-kit/blocks
 */
import type { types } from '@slack/bolt';
import { cut } from './mrkdwn.js';

export type Block = types.KnownBlock;

/** A message as rendered: blocks and fallback text. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Slack's limits (node-slack-sdk packages/types/src/block-kit/blocks.ts; Block Kit reference). */
export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  /**
   * Sum of the text of all blocks of one message we allow ourselves. Slack refuses long messages
   * with `msg_blocks_too_long` (observed near 13,200 characters, slackapi/bolt-js#2509).
   */
  messageText: 11_000,
  /** Fallback `text` we send (Slack truncates at 40,000; notifications show far less). */
  fallbackText: 1_000,
} as const;

/** A header block; plain text, so nothing in it is parsed. */
export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: cut(text, LIMITS.headerText), emoji: true } };
}

/** A section of mrkdwn that is already escaped; `verbatim` keeps Slack from linkifying anything. */
export function section(mrkdwn: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn, verbatim: true } };
}

export function divider(): types.DividerBlock {
  return { type: 'divider' };
}

/** A context block of escaped mrkdwn elements. */
export function context(...mrkdwn: string[]): types.ContextBlock {
  return {
    type: 'context',
    elements: mrkdwn
      .filter((t) => t !== '')
      .slice(0, LIMITS.contextElements)
      .map((text) => ({ type: 'mrkdwn', text, verbatim: true })),
  };
}

export function button(
  actionId: string,
  text: string,
  value: string,
  style?: 'primary' | 'danger',
): types.Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: cut(text, LIMITS.buttonText), emoji: true },
    value,
    ...(style !== undefined ? { style } : {}),
  };
}

export function actions(blockId: string, elements: types.Button[]): types.ActionsBlock {
  return { type: 'actions', block_id: blockId, elements };
}

/** Total characters of text in the blocks, as counted against LIMITS.messageText. */
export function blocksTextLength(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.type === 'section' || b.type === 'header') n += b.text?.text.length ?? 0;
    else if (b.type === 'context') {
      for (const e of b.elements) if ('text' in e && typeof e.text === 'string') n += e.text.length;
    } else if (b.type === 'actions') {
      for (const e of b.elements) if (e.type === 'button') n += e.text.text.length;
    }
  }
  return n;
}
