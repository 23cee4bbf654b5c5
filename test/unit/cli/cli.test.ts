import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../app/main.js';
import type { CliIO } from '../../../src/cli/io.js';

const NOW = '2026-01-14T09:00:00Z';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    now: () => new Date(NOW),
    env: {},
  };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('newsbrief CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nb-cli-'));
    await writeFile(
      join(dir, 'a.txt'),
      'Volcano erupts near small town\nJanuary 12, 2026 (Example Wire)\nA volcano erupted on Monday, officials said.\n',
    );
    await writeFile(join(dir, 'b.txt'), '');
    await writeFile(join(dir, 'c.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0]));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints a briefing on the bundled seeds by default', async () => {
    const { code, out, err } = await run(['brief', 'korea', '--now', NOW]);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toMatch(/^Briefing: korea/);
    expect(out).toMatch(/^1\. .*(Korea|Lee|Seoul)/m);
    expect(out).toContain('https://news.google.com/rss/articles/');
  });

  it('prints the Briefing as JSON with --json and score parts with --explain', async () => {
    const json = await run(['brief', 'korea', '--now', NOW, '--json', '--limit', '3']);
    const briefing = JSON.parse(json.out);
    expect(briefing.topic).toBe('korea');
    expect(briefing.generatedAt).toBe('2026-01-14T09:00:00.000Z');
    expect(briefing.stories).toHaveLength(3);
    const explained = await run(['brief', 'korea', '--now', NOW, '--explain']);
    expect(explained.out).toMatch(/score \d\.\d{3} = relevance \d\.\d{3}/);
  });

  it('lists every story as JSON Lines with files relative to --dir', async () => {
    const { code, out } = await run(['stories', '--dir', 'seeds', '--json']);
    expect(code).toBe(0);
    const stories = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(stories.length).toBeGreaterThan(20);
    for (const s of stories) {
      expect(Object.keys(s)).toEqual(
        expect.arrayContaining(['id', 'title', 'summary', 'publishedAt', 'articles']),
      );
      for (const a of s.articles) {
        expect(Object.keys(a)).toEqual(expect.arrayContaining(['id', 'title', 'outlet', 'url', 'file']));
        expect(a.file).toMatch(/^\d{3}_[0-9a-f]{16}\.(txt|md)$/);
      }
    }
    const files = new Set(stories.flatMap((s) => s.articles.map((a: { file: string }) => a.file)));
    expect(files.has('004_07395f313c6c8345.txt')).toBe(true);
  });

  it('reports what ingest read, skipped (with reasons) and merged', async () => {
    const { code, out, err } = await run(['ingest', '--dir', dir]);
    expect(code).toBe(0);
    expect(out).toMatch(/3 found, 1 read, 2 skipped/);
    expect(out).toMatch(/b\.txt: empty file/);
    expect(out).toMatch(/c\.txt: binary/);
    expect(err.trim().split('\n')).toHaveLength(2);
    const seeds = await run(['ingest', '--dir', 'seeds']);
    expect(seeds.out).toMatch(/[1-9]\d* duplicates merged/);
  });

  it('reads a saved RSS file in the folder as the feed reader does, one article per item', async () => {
    const feeds = await mkdtemp(join(tmpdir(), 'nb-cli-feed-'));
    try {
      await writeFile(
        join(feeds, 'world.xml'),
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Daily - World</title>
<item><title>Ferry strike ends in Busan</title><link>https://harbour.example/a</link><pubDate>Tue, 13 Jan 2026 08:30:00 +0900</pubDate><description>&lt;p&gt;Ferry crews in Busan returned to work on Tuesday, the union said.&lt;/p&gt;</description></item>
<item><title>Snow closes roads in Sapporo</title><link>https://harbour.example/b</link><pubDate>Tue, 13 Jan 2026 09:00:00 +0900</pubDate><description>Heavy snow closed roads in Sapporo on Tuesday, police said.</description></item>
</channel></rss>`,
      );
      const ingest = await run(['ingest', '--dir', feeds]);
      expect(ingest.out).toMatch(/1 found, 1 read, 0 skipped/);
      const { out } = await run(['brief', 'busan', '--dir', feeds, '--now', NOW]);
      expect(out).toContain('1. Ferry strike ends in Busan');
      expect(out).toContain('   Harbour Daily · ');
    } finally {
      await rm(feeds, { recursive: true, force: true });
    }
  });

  it('says when nothing matches and suggests known topics', async () => {
    const { code, out } = await run(['brief', 'koreaa', '--now', NOW]);
    expect(code).toBe(0);
    expect(out).toMatch(/No stories match "koreaa"/);
    expect(out).toMatch(/Known topics close to it: .*korea/);
  });

  it('says which word no article mentions when the others match', async () => {
    const { code, out } = await run(['brief', 'koreaa', 'japan', '--now', NOW]);
    expect(code).toBe(0);
    expect(out).toMatch(
      /No article mentions "koreaa"; these stories match the other words\. Known topics close to it: .*korea/,
    );
    expect(out).toMatch(/^1\. /m);
  });

  it('briefs on the topic a typo surely meant, and says so', async () => {
    const { code, out } = await run(['brief', 'jpaan', '--now', NOW]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Briefing: japan · /);
    expect(out).toContain('No article mentions "jpaan"; showing stories on "japan" instead.');
    expect(out).toMatch(/^1\. /m);
  });

  it('says when only old stories match', async () => {
    const { out } = await run(['brief', 'volcano', '--now', NOW]);
    expect(out).toMatch(/Only older stories match: the newest is \d+ months? old/);
  });

  it('fails with a clear message and a non-zero exit on bad input', async () => {
    const cases: Array<[string[], RegExp, number]> = [
      [['brief'], /brief needs a topic/, 2],
      [['brief', 'korea', '--now', 'yesterday'], /--now must be an ISO-8601 date/, 2],
      [['brief', 'korea', '--limit', '0'], /--limit must be a whole number/, 2],
      [['brief', 'korea', '--dir', join(dir, 'missing')], /no such folder/, 1],
      [['brief', 'korea', '--bogus'], /Unknown option '--bogus'/, 2],
      [['ingest'], /ingest needs --dir/, 2],
      [['frobnicate'], /unknown command "frobnicate"/, 2],
    ];
    for (const [argv, message, exit] of cases) {
      const { code, err, out } = await run(argv);
      expect(code, argv.join(' ')).toBe(exit);
      expect(err, argv.join(' ')).toMatch(message);
      expect(out).toBe('');
    }
  });

  it('has --help on every command', async () => {
    for (const command of ['brief', 'stories', 'ingest']) {
      const { code, out } = await run([command, '--help']);
      expect(code).toBe(0);
      expect(out).toMatch(new RegExp(`^Usage: newsbrief ${command}`));
    }
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/Commands:/);
  });

  it('runs as a real process: stdout for results, stderr and exit 1 for failures', async () => {
    const exec = promisify(execFile);
    const ok = await exec('npx', ['tsx', 'app/main.ts', 'brief', 'japan', '--now', NOW, '--limit', '2']);
    expect(ok.stdout).toMatch(/^Briefing: japan/);
    const failed = await exec('npx', ['tsx', 'app/main.ts', 'brief', 'japan', '--dir', '/nonexistent']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect('code' in failed && failed.code).toBe(1);
    expect(failed.stderr).toMatch(/no such folder: \/nonexistent/);
  }, 60_000);
});
