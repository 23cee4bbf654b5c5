/**
 * The shape of every message newsbrief sends on Discord, in the API's own JSON (so the same value
 * serves discord.js replies, REST posts and HTTP interaction responses), and Discord's limits.
 */
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';

/** Discord's message and embed limits (discord-api-docs, "Embed Limits"; create message params). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** Title, description, field names and values, footer and author of all embeds together. */
  total: 6000,
  buttonLabel: 80,
  buttonsPerRow: 5,
} as const;

/** Never ping anyone: set on the client and on every body newsbrief builds. */
export const NO_MENTIONS = { parse: [] as never[] };

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

export interface MessageBody {
  content: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
}

/** A message and whether only the person who asked sees it. */
export interface Reply {
  body: MessageBody;
  ephemeral: boolean;
}

export function textReply(content: string, ephemeral: boolean): Reply {
  return { body: { content, embeds: [], components: [] }, ephemeral };
}

/** Characters of an embed that count toward the 6,000 limit. */
export function embedLength(embed: APIEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) n += field.name.length + field.value.length;
  return n;
}

export function embedsLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
}

/** True when a message body is within every limit Discord enforces on it. */
export function withinLimits(body: Pick<MessageBody, 'content' | 'embeds'>): boolean {
  if (body.content.length > LIMITS.content || body.embeds.length > LIMITS.embeds) return false;
  if (embedsLength(body.embeds) > LIMITS.total) return false;
  return body.embeds.every(
    (e) =>
      (e.title?.length ?? 0) <= LIMITS.title &&
      (e.description?.length ?? 0) <= LIMITS.description &&
      (e.fields?.length ?? 0) <= LIMITS.fields &&
      (e.fields ?? []).every(
        (f) => f.name.length <= LIMITS.fieldName && f.value.length <= LIMITS.fieldValue,
      ) &&
      (e.footer?.text.length ?? 0) <= LIMITS.footer &&
      (e.author?.name.length ?? 0) <= LIMITS.author,
  );
}
