import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';

describe.each(backends)('KeyValueStore contract ($name)', (backend) => {
  const ctx = backend.setup();

  it('stores JSON values and gives them back, null when absent', async () => {
    const { keyValues } = ctx.make();
    const install = { teamId: 'T1', bot: { token: 'xoxb-1', id: 'B1' }, at: '2026-01-14T09:00:00.000Z' };
    await keyValues.set('slack:install:T1', install);
    expect(await keyValues.get('slack:install:T1')).toEqual(install);
    expect(await keyValues.get('slack:install:T2')).toBeNull();
  });

  it('replaces and deletes', async () => {
    const { keyValues } = ctx.make();
    await keyValues.set('k', 1);
    await keyValues.set('k', 2);
    expect(await keyValues.get('k')).toBe(2);
    expect(await keyValues.delete('k')).toBe(true);
    expect(await keyValues.delete('k')).toBe(false);
    expect(await keyValues.get('k')).toBeNull();
  });

  it('lists keys by prefix, sorted, and sees what another process wrote', async () => {
    const [a, b] = await ctx.makeShared(2);
    await a!.keyValues.set('slack:install:T2', {});
    await a!.keyValues.set('slack:install:T1', {});
    await a!.keyValues.set('discord:guild:G1', {});
    expect(await b!.keyValues.keys('slack:install:')).toEqual(['slack:install:T1', 'slack:install:T2']);
    expect(await b!.keyValues.keys('nothing:')).toEqual([]);
  });
});
