import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSourceFiles, readSourceFile, readSourceFiles } from '../../../src/ingest/index.js';
import { fixturePath, SEED_GOOGLE_NEWS, SEED_SCRAPED, seedPath } from './helpers.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsbrief-ingest-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function reason(path: string, opts?: { maxBytes?: number }): Promise<string> {
  const outcome = await readSourceFile(path, opts);
  if (outcome.ok) throw new Error(`expected ${path} to be skipped`);
  expect(outcome.reason).not.toContain('\n');
  return outcome.reason;
}

describe('readSourceFile skips bad input with a one-line reason, never throwing', () => {
  it('unreadable: a directory or a dangling symbolic link', async () => {
    mkdirSync(join(dir, 'a-folder'));
    expect(await reason(join(dir, 'a-folder'))).toBe('unreadable (is a directory)');
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
    expect(await reason(join(dir, 'dangling.txt'))).toBe('unreadable (no such file)');
  });
  it('empty and whitespace-only files', async () => {
    expect(await reason(write('empty.txt', ''))).toBe('empty file');
    expect(await reason(write('blank.txt', ' \n\r\n\t \n'))).toBe('empty file');
  });
  it('binary content: NUL bytes or bytes that are not text', async () => {
    expect(await reason(write('nul.txt', new Uint8Array([72, 101, 0, 108, 108, 111])))).toBe(
      'binary content',
    );
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256 || 1);
    expect(await reason(write('noise.bin', noise))).toBe('binary content');
    // Valid UTF-8 whose control characters (escape, backspace) are more than 1 % of its bytes.
    const controls = `Caf\u00e9 owners protest\nMay 1, 2025 (Le Journal)\n${'Owners \u001b[1mprotested\b.\n'.repeat(20)}`;
    expect(await reason(write('controls.txt', controls))).toBe('binary content');
  });
  it('reads UTF-8 text with a stray control character', async () => {
    const body = `${'Owners of the caf\u00e9 protested against the rent rises. '.repeat(10)}\u001b\n`;
    const outcome = await readSourceFile(
      write('stray.txt', `Caf\u00e9 owners protest\nMay 1, 2025 (Le Journal)\n${body}`),
    );
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.articles[0]!.title).toBe('Caf\u00e9 owners protest');
    expect(outcome.warnings).toEqual([]);
  });
  it('files larger than the limit, measured before reading', async () => {
    const big = write('big.txt', `Headline\nMay 1, 2025\n${'x'.repeat(Math.round(3.1 * 1024 * 1024))}`);
    expect(await reason(big)).toBe('larger than 2 MB (3.1 MB)');
    expect(await reason(seedPath(SEED_SCRAPED), { maxBytes: 1024 })).toBe('larger than 1 KB (2.3 KB)');
  });
  it('malformed front matter and missing titles', async () => {
    expect(await reason(fixturePath('broken-yaml.md'))).toMatch(/^malformed front matter: \S/);
    expect(await reason(fixturePath('no-title.md'))).toBe('no title');
  });
  it('RSS and Atom files are left to the feed reader', async () => {
    expect(await reason(write('feed.xml', '<rss><channel></channel></rss>'))).toBe(
      'RSS/Atom files are read by the feed reader',
    );
  });
});

describe('readSourceFile reads usable files', () => {
  it('reads a seed with the file as origin', async () => {
    const outcome = await readSourceFile(seedPath(SEED_GOOGLE_NEWS));
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.file).toBe(seedPath(SEED_GOOGLE_NEWS));
    expect(outcome.articles).toHaveLength(5);
    expect(outcome.articles.every((a) => a.origin === seedPath(SEED_GOOGLE_NEWS))).toBe(true);
  });
  it("uses the file's modification time, with a warning, when the date is unusable", async () => {
    const path = write(
      'bad-date.txt',
      'Council approves cycle lanes\nSometime last spring (Town Crier)\nThe council approved four lanes.\n',
    );
    const { utimesSync } = await import('node:fs');
    utimesSync(path, new Date('2025-06-01T10:20:30Z'), new Date('2025-06-01T10:20:30Z'));
    const outcome = await readSourceFile(path);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.articles[0]!.publishedAt).toBe('2025-06-01T10:20:30Z');
    expect(outcome.articles[0]!.datePrecision).toBe('instant');
    expect(outcome.warnings).toEqual([
      `no usable date ("Sometime last spring"); using the file's modification time`,
    ]);
  });
  it('reads 8-bit legacy text that is not UTF-8, with a warning', async () => {
    const latin1 = Buffer.from(
      'Caf\xe9 owners protest rent rises\nMay 1, 2025 (Le Journal)\nOwners of the caf\xe9 protested.\n',
      'latin1',
    );
    const outcome = await readSourceFile(write('legacy.txt', latin1));
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.articles[0]!.title).toBe('Café owners protest rent rises');
    expect(outcome.warnings).toEqual(['not valid UTF-8; read as Windows-1252']);
  });
  it('reads Windows-1252 quotes, dashes and the euro sign in legacy text', async () => {
    const cp1252 = Buffer.concat([
      Buffer.from('Tokyo', 'latin1'),
      Buffer.from([0x92]),
      Buffer.from('s fare rises to ', 'latin1'),
      Buffer.from([0x80]),
      Buffer.from('2\nMay 1, 2025 (Metro Desk)\n', 'latin1'),
      Buffer.from([0x93]),
      Buffer.from('It is fair,', 'latin1'),
      Buffer.from([0x94, 0x20, 0x97, 0x20]),
      Buffer.from('the operator said.\n', 'latin1'),
    ]);
    const outcome = await readSourceFile(write('legacy-1252.txt', cp1252));
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.articles[0]!.title).toBe('Tokyo’s fare rises to €2');
    expect(outcome.articles[0]!.body).toBe('“It is fair,” — the operator said.');
  });
});

describe('listSourceFiles', () => {
  it('lists files recursively in sorted order, skipping dot-files, dot-folders and non-files', async () => {
    const root = join(dir, 'corpus');
    mkdirSync(join(root, 'b', 'nested'), { recursive: true });
    mkdirSync(join(root, '.git'));
    copyFileSync(seedPath(SEED_SCRAPED), join(root, 'b', 'nested', 'z.txt'));
    writeFileSync(join(root, 'a.md'), 'x');
    writeFileSync(join(root, 'feed.xml'), '<rss/>');
    writeFileSync(join(root, '.hidden.txt'), 'x');
    writeFileSync(join(root, '.git', 'config'), 'x');
    expect(await listSourceFiles(root)).toEqual([
      join(root, 'a.md'),
      join(root, 'b', 'nested', 'z.txt'),
      join(root, 'feed.xml'),
    ]);
  });
  it('lists a dangling symbolic link, so that reading it reports the broken file', async () => {
    const root = join(dir, 'links');
    mkdirSync(root);
    symlinkSync(join(root, 'gone.txt'), join(root, 'broken.txt'));
    expect(await listSourceFiles(root)).toEqual([join(root, 'broken.txt')]);
    expect(await reason(join(root, 'broken.txt'))).toBe('unreadable (no such file)');
  });
  it('returns nothing for a folder that does not exist', async () => {
    expect(await listSourceFiles(join(dir, 'missing'))).toEqual([]);
  });
});

describe('readSourceFiles reads a folder a batch of files at a time', () => {
  it('gives each file the outcome readSourceFile gives it, in order, across batches', async () => {
    const batchDir = join(dir, 'batches');
    mkdirSync(batchDir);
    const files: string[] = [];
    let seeds = 0;
    // 150 files (more than two batches of 64): the seeds, and bad files at and around the batch
    // boundaries, so that a skipped file never shifts or swallows its neighbours' outcomes.
    for (let i = 0; i < 150; i++) {
      const path = join(batchDir, `${String(i).padStart(3, '0')}.txt`);
      if (i % 63 === 0) writeFileSync(path, '');
      else if (i % 64 === 1) writeFileSync(path, Buffer.from([0, 1, 2, 0, 255]));
      else if (i === 66) mkdirSync(path);
      else {
        copyFileSync(seedPath(i % 2 === 0 ? SEED_GOOGLE_NEWS : SEED_SCRAPED), path);
        seeds++;
      }
      files.push(path);
    }
    files.push(join(batchDir, 'deleted-before-read.txt'));
    const batched = [...readSourceFiles(files)];
    const oneByOne = await Promise.all(files.map((f) => readSourceFile(f)));
    expect(batched).toEqual(oneByOne);
    expect(batched.map((o) => o.file)).toEqual(files);
    const skipped = batched.filter((o) => !o.ok).map((o) => (o.ok ? '' : o.reason));
    expect(skipped).toContain('empty file');
    expect(skipped).toContain('unreadable (is a directory)');
    expect(skipped).toContain('unreadable (no such file)');
    expect(batched.filter((o) => o.ok)).toHaveLength(seeds);
  });
});
