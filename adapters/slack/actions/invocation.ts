/** The Invocation of a button click: who clicked, in which workspace and channel. */
import type { BlockButtonAction, webApi } from '@slack/bolt';
import type { Invocation } from '../handler.js';

export function actionInvocation(
  body: BlockButtonAction,
  client: webApi.WebClient,
  now: Date,
): Invocation | null {
  const teamId = body.team?.id ?? body.user.team_id;
  const channelId = body.channel?.id ?? stringField(body.container, 'channel_id');
  if (!teamId || !channelId) return null;
  return { teamId, channelId, userId: body.user.id, now, client };
}

/** True when the button was in an ephemeral message (only the clicker sees it). */
export function fromEphemeral(body: BlockButtonAction): boolean {
  return body.container.is_ephemeral === true;
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}
