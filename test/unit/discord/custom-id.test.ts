import { describe, expect, it } from 'vitest';
import { CUSTOM_ID_MAX, decodeButton, encodeButton } from '../../../adapters/discord/render/custom-id.js';
import { MemoryKeyValueStore } from '../../../src/ports/key-value-store.js';

const now = new Date('2026-01-14T09:00:00Z');

describe('button custom ids', () => {
  it('carry kind, offset, clock and topic, and decode back', async () => {
    const store = new MemoryKeyValueStore();
    const id = await encodeButton(
      { kind: 'more', topic: 'north korea: missiles|launch', offset: 15, now },
      store,
    );
    expect(id).toBe(`nb:m:f:${(now.getTime() / 1000).toString(36)}:=north korea: missiles|launch`);
    expect(await decodeButton(id, store)).toEqual({
      kind: 'more',
      topic: 'north korea: missiles|launch',
      offset: 15,
      now,
    });
    expect(await store.keys('')).toEqual([]);
  });

  it('keep a topic too long for 100 characters in the store, by hash', async () => {
    const store = new MemoryKeyValueStore();
    const topic = 'semiconductor export controls '.repeat(6).trim();
    const id = await encodeButton({ kind: 'post', topic, offset: 0, now }, store);
    expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(id).toMatch(/^nb:p:0:[0-9a-z]+:#[\w-]{22}$/);
    expect(await decodeButton(id, store)).toEqual({ kind: 'post', topic, offset: 0, now });
    // Idempotent: the same topic is stored once.
    await encodeButton({ kind: 'more', topic, offset: 5, now }, store);
    expect(await store.keys('discord:topic:')).toHaveLength(1);
  });

  it('refuse anything else', async () => {
    const store = new MemoryKeyValueStore();
    for (const id of ['', 'nb:x:0:0:=a', 'nb:m:0:0:#missing', 'other:m:0:0:=a', 'nb:m:0:0:=']) {
      expect(await decodeButton(id, store)).toBeNull();
    }
  });
});
