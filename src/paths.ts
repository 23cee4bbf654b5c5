import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder (where package.json is), from source (src/) or from the build (dist/src/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || dir.endsWith('/dist')) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('newsbrief: cannot find the package root (package.json)');
    dir = parent;
  }
  return dir;
}

/** The bundled demo corpus. */
export function bundledSeedsDir(): string {
  return join(packageRoot(), 'seeds');
}
