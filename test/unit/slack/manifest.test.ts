import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES, SLACK_PATHS, SLASH_COMMAND } from '../../../adapters/slack/settings.js';
import { packageRoot } from '../../../src/paths.js';

const manifest = readFileSync(join(packageRoot(), 'adapters/slack/manifest.yml'), 'utf8');

/** The items of the YAML list under `key:` (one `- item` per line, comments dropped). */
function listUnder(key: string): string[] {
  const lines = manifest.split('\n');
  const start = lines.findIndex((l) => l.trim() === `${key}:`);
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const m = /^\s*-\s+([^#\s]+)/.exec(line);
    if (!m) {
      if (line.trim().startsWith('#')) continue;
      break;
    }
    out.push(m[1] ?? '');
  }
  return out;
}

describe('manifest.yml', () => {
  it('asks for the scopes the OAuth install asks for', () => {
    expect(listUnder('bot')).toEqual([...BOT_SCOPES]);
  });

  it('declares the command, the events and the URLs the adapter serves', () => {
    expect(manifest).toContain(`- command: ${SLASH_COMMAND}\n`);
    expect(listUnder('bot_events')).toEqual(['app_uninstalled', 'tokens_revoked']);
    expect(manifest).toContain(`url: https://newsbrief.example.com${SLACK_PATHS.events}`);
    expect(manifest).toContain(`request_url: https://newsbrief.example.com${SLACK_PATHS.events}`);
    expect(manifest).toContain(`- https://newsbrief.example.com${SLACK_PATHS.oauthRedirect}`);
  });
});
