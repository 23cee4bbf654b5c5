/**
 * Throwaway `redis-server` processes for tests: the suite's fallback Redis (see
 * redis-global-setup.ts) and private servers for tests that kill and restart Redis. No Vitest
 * imports here: this module also runs inside globalSetup.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export const INSTALL_HINT =
  'Install Redis (Debian/Ubuntu: sudo apt-get install redis-server) so that redis-server is on PATH, ' +
  'or set REDIS_URL=redis://host:port to a Redis the tests may use.';

export interface RedisServerHandle {
  /** redis://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  /** The process id of the current server (changes on restart). */
  readonly pid: number;
  /** Its working directory (`--dir`, where an AOF goes unless the extra args say otherwise). */
  readonly dir: string;
  /** Signals the server and waits for it to exit (SIGKILL to simulate a crash). */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the server again on the same port with the same arguments and waits for PING. */
  restart(): Promise<void>;
  /** Kills the server (if running) and removes its temporary directory. */
  stop(): Promise<void>;
}

export interface StartRedisServerOptions {
  /** Extra arguments, after the defaults (later ones win): e.g. ['--appendonly', 'yes']. */
  args?: string[];
  /** Working directory; a new temporary directory (removed by stop()) when omitted. */
  dir?: string;
  startTimeoutMs?: number;
}

/** The redis-server binary on PATH, or null. */
export function findRedisServer(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** A TCP port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True when a Redis without a password answers PING on host:port within `timeoutMs`. */
export async function pingPort(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return (await firstReply(port, host, timeoutMs))?.startsWith('+PONG') ?? false;
}

/** The first line a server on host:port answers to PING, or null when nothing answers in time. */
function firstReply(port: number, host: string, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    let answer = '';
    const done = (reply: string | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(reply);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
      const end = answer.indexOf('\r\n');
      if (end >= 0) done(answer.slice(0, end));
    });
    socket.on('error', () => done(null));
  });
}

/**
 * Starts a private redis-server on a free port: `--bind 127.0.0.1 --save "" --appendonly no`, in a
 * temporary directory, plus `args`. Resolves when it answers PING. Killed when this process exits.
 */
export async function startRedisServer(options: StartRedisServerOptions = {}): Promise<RedisServerHandle> {
  const binary = findRedisServer();
  if (!binary) throw new Error(`redis-server was not found on PATH. ${INSTALL_HINT}`);
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'nbtest-redis-'));
  const timeoutMs = options.startTimeoutMs ?? 10_000;

  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const args = [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--daemonize',
      'no',
      '--loglevel',
      'warning',
      ...(options.args ?? []),
    ];
    try {
      const first = await launch(binary, args, port, timeoutMs);
      return handleFor(binary, args, port, dir, ownDir, first, timeoutMs);
    } catch (err) {
      lastError = err;
      if (!(err instanceof Error && /address already in use/i.test(err.message))) break;
    }
  }
  if (ownDir) rmSync(dir, { recursive: true, force: true });
  throw lastError;
}

function handleFor(
  binary: string,
  args: string[],
  port: number,
  dir: string,
  ownDir: boolean,
  first: ChildProcess,
  timeoutMs: number,
): RedisServerHandle {
  let child: ChildProcess | null = first;
  const killOnExit = () => child?.kill('SIGKILL');
  process.on('exit', killOnExit);

  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const current = child;
    child = null;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
    current.kill(signal);
    await exited;
  };

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    get pid() {
      return child?.pid ?? -1;
    },
    kill,
    async restart() {
      await kill('SIGTERM');
      child = await launch(binary, args, port, timeoutMs);
    },
    async stop() {
      await kill('SIGTERM');
      process.off('exit', killOnExit);
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Spawns redis-server and waits until it answers PING; rejects with its output if it exits. */
async function launch(
  binary: string,
  args: string[],
  port: number,
  timeoutMs: number,
): Promise<ChildProcess> {
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const failed = await Promise.race([spawnError, sleep(50).then(() => null)]);
    if (failed) throw new Error(`Could not start ${binary}: ${failed.message}`);
    if (exited) throw new Error(`redis-server on port ${port} exited at start:\n${output.trim()}`);
    // Ready once it answers (a server started with --requirepass answers NOAUTH; -LOADING means not yet).
    const reply = await firstReply(port, '127.0.0.1', 200);
    if (reply?.startsWith('+PONG') || reply?.startsWith('-NOAUTH')) return child;
  }
  child.kill('SIGKILL');
  throw new Error(
    `redis-server on port ${port} did not answer PING within ${timeoutMs} ms:\n${output.trim()}`,
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
