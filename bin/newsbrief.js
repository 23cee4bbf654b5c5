#!/usr/bin/env node
// The installed command. Runs the compiled CLI (npm run build, which `npm ci` runs via "prepare").
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../dist/app/main.js', import.meta.url);
if (!existsSync(fileURLToPath(compiled))) {
  process.stderr.write('newsbrief: the CLI is not built yet; run "npm run build" in the package folder\n');
  process.exit(1);
}
const { main } = await import(compiled.href);
process.exitCode = await main(process.argv.slice(2));
