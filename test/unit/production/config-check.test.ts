/**
 * `newsbrief config check`: every problem at once with the variable's name (exit 2), or the
 * configuration with secrets redacted (also those read from NAME_FILE) and "configuration OK"
 * (exit 0). The `--redis` check is tested against a real Redis in test/integration/production.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../app/main.js';
import type { CliIO } from '../../../src/cli/io.js';

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIO = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), now: () => new Date(), env };
  return { cli, out: () => out.join(''), err: () => err.join('') };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('newsbrief config check', () => {
  it('is listed among the commands', async () => {
    const c = io();
    expect(await main(['--help'], c.cli)).toBe(0);
    expect(c.out()).toMatch(/^ {2}config +Validate the configuration/m);
  });

  it('prints the configuration and "configuration OK" for the defaults (exit 0)', async () => {
    const c = io();
    expect(await main(['config', 'check'], c.cli)).toBe(0);
    expect(c.out()).toContain('PORT=3000\n');
    expect(c.out()).toContain('ROLES=bot,worker\n');
    expect(c.out()).toContain('queue dashboard: off');
    expect(c.out()).toContain('note: no chat platform is configured');
    expect(c.out().trimEnd().endsWith('configuration OK')).toBe(true);
    expect(c.err()).toBe('');
  });

  it('redacts every secret, including those read from NAME_FILE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-secrets-'));
    dirs.push(dir);
    const file = join(dir, 'slack_bot_token');
    writeFileSync(file, 'xoxb-from-a-file-hunter2\n');
    const c = io({
      SLACK_BOT_TOKEN_FILE: file,
      SLACK_SIGNING_SECRET: 'signing-hunter2',
      ADMIN_USER: 'operator',
      ADMIN_PASSWORD: 'admin-password-hunter2',
      REDIS_URL: 'redis://:redis-hunter2@redis.internal:6379/0',
    });
    expect(await main(['config', 'check'], c.cli)).toBe(0);
    expect(c.out()).not.toContain('hunter2');
    expect(c.out()).toContain('SLACK_BOT_TOKEN=<redacted>');
    expect(c.out()).toContain('SLACK_SIGNING_SECRET=<redacted>');
    expect(c.out()).toContain('ADMIN_PASSWORD=<redacted>');
    expect(c.out()).toContain('REDIS_URL=redis://:***@redis.internal:6379/0');
    expect(c.out()).toContain('Slack: on (single workspace, HTTP)');
    expect(c.out()).toContain('queue dashboard: on at /admin/queues (user operator)');
    expect(c.out()).toContain('configuration OK');
  });

  it('lists every problem with its variable and exits 2, printing no configuration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-secrets-'));
    dirs.push(dir);
    const c = io({
      ROLES: 'cook',
      PORT: 'x',
      ADMIN_USER: 'operator',
      DISCORD_TOKEN: 'discord-hunter2',
      DISCORD_TOKEN_FILE: join(dir, 'token'),
      SLACK_SIGNING_SECRET_FILE: join(dir, 'missing'),
      DIGEST_DEFAULT_TIME: '25:00',
    });
    expect(await main(['config', 'check'], c.cli)).toBe(2);
    const err = c.err();
    expect(err).toContain('invalid configuration');
    for (const expected of [
      'ROLES: unknown role cook',
      'PORT: must be a whole number',
      'ADMIN_USER and ADMIN_PASSWORD: set both',
      'DISCORD_TOKEN: set either DISCORD_TOKEN or DISCORD_TOKEN_FILE, not both',
      'SLACK_SIGNING_SECRET_FILE: cannot read',
      'DIGEST_DEFAULT_TIME: must be a time HH:MM',
      'DISCORD_APP_ID: required with DISCORD_TOKEN',
    ]) {
      expect(err).toContain(expected);
    }
    expect(err).not.toContain('hunter2');
    expect(c.out()).toBe('');
  });

  it('is a usage error without "check" or with an unknown option (exit 2)', async () => {
    for (const args of [['config'], ['config', 'show'], ['config', 'check', '--verbose']]) {
      const c = io();
      expect(await main(args, c.cli), args.join(' ')).toBe(2);
      expect(c.err()).toContain('Usage: newsbrief config check [--redis]');
    }
  });

  it('shows its help', async () => {
    const c = io();
    expect(await main(['config', '--help'], c.cli)).toBe(0);
    expect(c.out()).toContain('--redis');
  });
});
