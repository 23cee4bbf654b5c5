/**
 * The container files, checked without a container engine: the Dockerfile's shape (multi-stage,
 * fresh production install, non-root, HEALTHCHECK, NODE_ENV), scripts/image-check.sh running the
 * very same steps (what CI runs in place of `docker build`), docker-compose.yml's Redis settings
 * and processes, and .dockerignore keeping secrets out without dropping what the image copies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../src/paths.js';

const ROOT = packageRoot();
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const dockerfile = read('Dockerfile');
const script = read('scripts/image-check.sh');
const compose = read('docker-compose.yml');

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
function instructions(): Array<{ op: string; args: string; stage: string }> {
  const out: Array<{ op: string; args: string; stage: string }> = [];
  let stage = '';
  const joined = dockerfile
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n\s*/g, ' ');
  for (const line of joined.split('\n')) {
    const m = /^([A-Z]+)\s+(.*)$/.exec(line.trim());
    if (!m) continue;
    const [, op, args] = m as unknown as [string, string, string];
    if (op === 'FROM') stage = /\bAS\s+(\S+)/i.exec(args)?.[1] ?? '';
    out.push({ op, args, stage });
  }
  return out;
}

const HEALTHCHECK_JS =
  "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))";

describe('Dockerfile', () => {
  const all = instructions();

  it('builds in one stage and runs from a fresh production install in another', () => {
    expect(dockerfile).toContain('ARG NODE_IMAGE=node:20-bookworm-slim');
    expect(all.filter((i) => i.op === 'FROM').map((i) => i.args)).toEqual([
      `\${NODE_IMAGE} AS build`,
      `\${NODE_IMAGE} AS runtime`,
    ]);
    const runs = all.filter((i) => i.op === 'RUN').map((i) => `${i.stage}: ${i.args}`);
    expect(runs).toEqual([
      'build: --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund',
      'build: npm run build',
      'runtime: --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund',
    ]);
    expect(all.find((i) => i.op === 'COPY' && i.args.startsWith('--from='))?.args).toBe(
      '--from=build /app/dist ./dist',
    );
  });

  it('runs as node with NODE_ENV=production, a HEALTHCHECK on /healthz and `start` by default', () => {
    const runtime = all.filter((i) => i.stage === 'runtime');
    expect(runtime.find((i) => i.op === 'USER')?.args).toBe('node');
    expect(runtime.find((i) => i.op === 'ENV')?.args).toMatch(/^NODE_ENV=production\b/);
    const health = runtime.find((i) => i.op === 'HEALTHCHECK')?.args ?? '';
    expect(health).toContain(`CMD ["node", "-e", "${HEALTHCHECK_JS}"]`);
    expect(runtime.find((i) => i.op === 'ENTRYPOINT')?.args).toBe('["node", "dist/app/main.js"]');
    expect(runtime.find((i) => i.op === 'CMD')?.args).toBe('["start"]');
    // USER comes after every COPY and RUN: the files are root's, read-only for the process.
    const userAt = runtime.findIndex((i) => i.op === 'USER');
    expect(runtime.slice(userAt).some((i) => i.op === 'COPY' || i.op === 'RUN')).toBe(false);
  });
});

describe('scripts/image-check.sh runs the Dockerfile steps', () => {
  const all = instructions();

  it('runs every RUN command in the same stage folder', () => {
    for (const run of all.filter((i) => i.op === 'RUN')) {
      const command = run.args.replace(/^(--mount=\S+\s+)+/, '');
      const folder = run.stage === 'build' ? '$BUILD' : '$IMAGE';
      expect(script, `${run.stage}: ${command}`).toContain(`(cd "${folder}" && ${command})`);
    }
  });

  it('copies what every COPY copies, into the same stage folder', () => {
    for (const copy of all.filter((i) => i.op === 'COPY' && !i.args.startsWith('--from='))) {
      const sources = copy.args.split(/\s+/).slice(0, -1);
      const folder = copy.stage === 'build' ? '$BUILD' : '$IMAGE';
      expect(script, copy.args).toContain(`copy_context "${folder}" ${sources.join(' ')}\n`);
    }
    expect(script).toContain('cp -R "$BUILD/dist" "$IMAGE/dist"');
  });

  it('runs the HEALTHCHECK command verbatim, and the image commands from the production folder', () => {
    expect(script).toContain(`node -e "${HEALTHCHECK_JS}"`);
    expect(script).toContain('in_image node dist/app/main.js --help');
    expect(script).toContain('in_image node dist/app/main.js config check');
    expect(script).toContain('in_image node dist/app/main.js brief korea --now 2026-01-14T09:00:00Z');
    expect(script).toContain('NODE_ENV=production');
  });

  it('is the npm script image:check', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts['image:check']).toBe('bash scripts/image-check.sh');
  });
});

describe('docker-compose.yml', () => {
  it('runs Redis 7 with AOF everysec and noeviction on a named volume', () => {
    expect(compose).toMatch(/^ {4}image: redis:7$/m);
    for (const flag of [
      '--appendonly\n      - "yes"',
      '--appendfsync\n      - everysec',
      '--maxmemory-policy\n      - noeviction',
    ]) {
      expect(compose).toContain(`- ${flag}`);
    }
    expect(compose).toContain('- redis-data:/data');
    expect(compose).toMatch(/^volumes:\n {2}redis-data:/m);
  });

  it('runs one bot (port published) and two workers, from .env, restarted, with healthchecks', () => {
    expect(compose).toMatch(/^ {2}bot:\n {4}<<: \*newsbrief\n {4}environment:\n {6}ROLES: bot$/m);
    expect(compose).toMatch(/^ {2}worker:\n {4}<<: \*newsbrief\n {4}environment:\n {6}ROLES: worker$/m);
    expect(compose).toMatch(/ports:\n(?: +#.*\n)* +- "\$\{NEWSBRIEF_HTTP_PORT:-3000\}:3000"/);
    expect(compose).toMatch(/deploy:\n {6}replicas: 2/);
    expect(compose).toContain('env_file: .env');
    expect(compose.match(/restart: unless-stopped/g)).toHaveLength(2); // the anchor and redis
    expect(compose).toContain(`- "${HEALTHCHECK_JS}"`);
    expect(compose).toContain('test: ["CMD", "redis-cli", "ping"]');
    expect(compose).toMatch(/condition: service_healthy/);
    // More than SHUTDOWN_TIMEOUT_SECONDS' default (25 s) before Docker kills a stopping process.
    expect(Number(/stop_grace_period: (\d+)s/.exec(compose)?.[1])).toBeGreaterThan(25);
  });
});

describe('.dockerignore', () => {
  const ignored = read('.dockerignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));

  it('keeps secrets, dependencies and build output out of the context', () => {
    for (const entry of ['.env', 'node_modules', 'dist', '.git']) expect(ignored).toContain(entry);
  });

  it('keeps everything the Dockerfile copies', () => {
    const copied = instructions()
      .filter((i) => i.op === 'COPY' && !i.args.startsWith('--from='))
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    for (const path of copied) {
      const top = path.split('/')[0]!;
      expect(ignored, path).not.toContain(top);
      expect(ignored, path).not.toContain(path);
    }
  });
});
