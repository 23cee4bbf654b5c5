/**
 * Button custom ids: what a button needs to redo its briefing page, and nothing else (no tokens,
 * no user ids): `nb:<kind>:<offset>:<now>:<topic>`, at most 100 characters. `now` is the briefing's
 * clock in seconds (base 36), so "More" pages through the same ranking. A topic too long to fit is
 * kept in the key-value store under its hash and referenced as `#<hash>`.
 */
import { createHash } from 'node:crypto';
import type { KeyValueStore } from '../../../src/ports/key-value-store.js';

export const CUSTOM_ID_MAX = 100;

/** more: the next page; post: this page to the channel; subscribe: the subscription form. */
export type ButtonKind = 'more' | 'post' | 'subscribe';

const KIND_CODES: Record<ButtonKind, string> = { more: 'm', post: 'p', subscribe: 's' };
const CODE_KINDS = new Map(Object.entries(KIND_CODES).map(([kind, code]) => [code, kind as ButtonKind]));

export interface BriefingButton {
  kind: ButtonKind;
  topic: string;
  offset: number;
  now: Date;
}

const TOPIC_KEY = 'discord:topic:';

function topicHash(topic: string): string {
  return createHash('sha256').update(topic).digest('base64url').slice(0, 22);
}

/**
 * The custom id of a briefing button. When the topic doesn't fit, it is stored (idempotently) and
 * referenced by hash.
 */
export async function encodeButton(button: BriefingButton, store: KeyValueStore): Promise<string> {
  const head = `nb:${KIND_CODES[button.kind]}:${button.offset.toString(36)}:${Math.floor(button.now.getTime() / 1000).toString(36)}:`;
  const inline = `${head}=${button.topic}`;
  if (inline.length <= CUSTOM_ID_MAX) return inline;
  const hash = topicHash(button.topic);
  if ((await store.get<string>(TOPIC_KEY + hash)) === null) await store.set(TOPIC_KEY + hash, button.topic);
  return `${head}#${hash}`;
}

/** Decodes a custom id made by encodeButton; null for anything else (or a forgotten topic). */
export async function decodeButton(customId: string, store: KeyValueStore): Promise<BriefingButton | null> {
  const m = /^nb:([a-z]):([0-9a-z]{1,8}):([0-9a-z]{1,10}):([=#])([\s\S]*)$/.exec(customId);
  if (!m) return null;
  const kind = CODE_KINDS.get(m[1]!);
  if (kind === undefined) return null;
  const offset = Number.parseInt(m[2]!, 36);
  const seconds = Number.parseInt(m[3]!, 36);
  const topic = m[4] === '=' ? m[5]! : await store.get<string>(TOPIC_KEY + m[5]!);
  if (topic === null || topic === '' || !Number.isFinite(offset) || !Number.isFinite(seconds)) return null;
  return { kind, topic, offset, now: new Date(seconds * 1000) };
}

/** Custom id of the "Subscribe this channel" form (modal); its fields carry the values. */
export const SUBSCRIBE_MODAL_ID = 'nb:subscribe-form';
