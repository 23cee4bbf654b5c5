import { fileURLToPath } from 'node:url';

/** Absolute path of a file under the repository's seeds/ folder. */
export function seedPath(name: string): string {
  return fileURLToPath(new URL(`../../../seeds/${name}`, import.meta.url));
}

/** Absolute path of a file under test/fixtures/ingest/. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/ingest/${name}`, import.meta.url));
}

export const SEED_GOOGLE_NEWS = '000_d0af3675dc0342e4.txt';
export const SEED_SCRAPED = '004_07395f313c6c8345.txt';
export const MTIME = new Date('2026-01-14T09:00:00.000Z');
