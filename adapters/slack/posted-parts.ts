/**
 * Which parts of a digest already reached a channel, for a delivery that re-runs after a crash or a
 * timeout (PublishContext.resumed): every part we post carries message metadata with the delivery's
 * idempotency key and its index, and conversations.history returns that metadata.
 *
 * @see https://docs.slack.dev/messaging/message-metadata
 * @see https://docs.slack.dev/reference/methods/conversations.history
 */
import type { webApi } from '@slack/bolt';

/** `event_type` of the metadata on digest messages. */
export const DIGEST_EVENT_TYPE = 'newsbrief_digest';

/** The metadata a digest part is posted with. */
export function partMetadata(idempotencyKey: string, index: number, of: number) {
  return { event_type: DIGEST_EVENT_TYPE, event_payload: { key: idempotencyKey, part: index, of } };
}

/** History pages read at most (200 messages each) while looking for parts. */
const MAX_PAGES = 3;

/**
 * Indexes of the parts of `idempotencyKey` found in the channel's messages since `oldest`. Reading
 * history can fail (no history scope on an old install, a private channel the bot left): then no
 * part is known, and the caller posts again (at least once rather than never).
 */
export async function findPostedParts(
  client: webApi.WebClient,
  channel: string,
  idempotencyKey: string,
  oldest: Date,
): Promise<Set<number>> {
  const found = new Set<number>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await client.conversations.history({
      channel,
      oldest: (Math.floor(oldest.getTime() / 1000) - 60).toString(),
      limit: 200,
      include_all_metadata: true,
      ...(cursor !== undefined ? { cursor } : {}),
    });
    for (const message of result.messages ?? []) {
      const metadata = message.metadata;
      if (metadata?.event_type !== DIGEST_EVENT_TYPE) continue;
      // The SDK types event_payload as `{}`; it is the free-form object we posted.
      const payload = metadata.event_payload as Record<string, unknown> | undefined;
      if (payload?.key === idempotencyKey && typeof payload.part === 'number') found.add(payload.part);
    }
    cursor = result.response_metadata?.next_cursor || undefined;
    if (cursor === undefined) break;
  }
  return found;
}
