/** Command registration through REST: the JSON Discord receives, guild or global, and the CLI. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordCommand, registerCommands } from '../../../adapters/discord/register.js';
import { discordSettings } from '../../../adapters/discord/settings.js';
import type { CliIO } from '../../../src/cli/io.js';
import { parseConfig } from '../../../src/config.js';
import { type FakeDiscord, startFakeDiscord } from '../../fakes/discord-api.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake?.close();
});

function config(env: Record<string, string> = {}) {
  return parseConfig({
    DISCORD_TOKEN: 'test-token',
    DISCORD_APP_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    ...env,
  });
}

interface Option {
  type: number;
  name: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: Array<{ name: string; value: string }>;
  options?: Option[];
  min_length?: number;
  max_length?: number;
}
interface Definition {
  name: string;
  description: string;
  options: Option[];
  default_member_permissions: string | null | undefined;
  contexts: number[];
  integration_types?: number[];
}

describe('discord register', () => {
  it('bulk-overwrites the guild commands with /news and /digest', async () => {
    const result = await registerCommands(discordSettings(config()), {
      kind: 'guild',
      guildId: '400000000000000000',
    });
    const put = await fake.waitForRequest((r) => r.method === 'PUT');
    expect(put.path).toBe(`/api/v10/applications/${fake.applicationId}/guilds/400000000000000000/commands`);
    expect(put.headers.authorization).toBe('Bot test-token');
    expect(result.commands.map((c) => c.name)).toEqual(['news', 'digest']);

    const [news, digest] = put.body as Definition[];
    expect(news).toMatchObject({
      name: 'news',
      contexts: [0, 1],
      integration_types: [0],
      options: [
        { type: 3, name: 'topic', required: true, autocomplete: true, min_length: 1, max_length: 200 },
      ],
    });
    expect(news!.default_member_permissions).toBeUndefined();
    expect(news!.description.length).toBeLessThanOrEqual(100);

    expect(digest).toMatchObject({ name: 'digest', default_member_permissions: '16', contexts: [0] });
    expect(digest!.options.map((o) => [o.type, o.name])).toEqual([
      [1, 'subscribe'],
      [1, 'unsubscribe'],
      [1, 'list'],
      [1, 'pause'],
      [1, 'resume'],
      [1, 'preview'],
      [1, 'help'],
    ]);
    const subscribe = digest!.options[0]!;
    expect(
      subscribe.options!.map((o) => ({
        name: o.name,
        required: o.required ?? false,
        autocomplete: o.autocomplete ?? false,
      })),
    ).toEqual([
      { name: 'tags', required: true, autocomplete: true },
      { name: 'time', required: false, autocomplete: true },
      { name: 'timezone', required: false, autocomplete: true },
      { name: 'days', required: false, autocomplete: false },
    ]);
    expect(subscribe.options![3]!.choices).toEqual([
      { name: 'every day', value: 'daily' },
      { name: 'weekdays', value: 'weekdays' },
    ]);
    expect(digest!.options[1]!.options).toMatchObject([{ name: 'tags', required: true, autocomplete: true }]);
    expect(digest!.options[6]!.options![0]!.choices!.map((c) => c.value)).toEqual([
      'brief',
      'subscribe',
      'unsubscribe',
      'list',
      'pause',
      'resume',
      'preview',
      'help',
    ]);
    // Discord's limits on a command: 8,000 characters in all, descriptions ≤ 100.
    for (const definition of [news, digest]) expect(JSON.stringify(definition).length).toBeLessThan(8000);
    const descriptions = JSON.stringify(put.body).match(/"description":"[^"]*"/g) ?? [];
    for (const d of descriptions) expect(d.length - '"description":""'.length).toBeLessThanOrEqual(100);
  });

  it.each([
    ['none', null],
    ['ManageGuild', '32'],
    ['Administrator', '8'],
  ])('DISCORD_MANAGE_PERMISSION=%s → default_member_permissions %s', async (permission, expected) => {
    fake.reset();
    await registerCommands(discordSettings(config({ DISCORD_MANAGE_PERMISSION: permission })), {
      kind: 'global',
    });
    const put = await fake.waitForRequest((r) => r.method === 'PUT');
    expect(put.path).toBe(`/api/v10/applications/${fake.applicationId}/commands`);
    expect((put.body as Definition[])[1]!.default_member_permissions).toBe(expected);
  });

  it('runs as `newsbrief discord register`: guild from DISCORD_GUILD_ID, or --global', async () => {
    const out: string[] = [];
    const io: CliIO = {
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(t),
      now: () => new Date(),
      env: {},
    };
    const command = createDiscordCommand(() => config({ DISCORD_GUILD_ID: '500000000000000000' }));
    fake.reset();
    expect(await command.run(['register'], io)).toBe(0);
    expect(out.join('')).toBe('Registered 2 commands in server 500000000000000000: /news, /digest\n');
    expect(fake.requests[0]!.path).toContain('/guilds/500000000000000000/commands');

    fake.reset();
    out.length = 0;
    expect(await command.run(['register', '--global'], io)).toBe(0);
    expect(out.join('')).toBe('Registered 2 commands globally: /news, /digest\n');

    out.length = 0;
    expect(await command.run(['register', '--print'], io)).toBe(0);
    expect((JSON.parse(out.join('')) as Definition[]).map((c) => c.name)).toEqual(['news', 'digest']);
    await expect(command.run(['unregister'], io)).rejects.toThrow(/unknown subcommand/);
  });
});
