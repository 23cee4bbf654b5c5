/**
 * The one HTTP server of a process, on PORT: `/healthz` (the process is alive), `/readyz` (Redis
 * answers and the workers run: 200, else 503 with the reason as JSON), and in the bot role each
 * enabled adapter's routes (Slack events and OAuth, Discord interactions).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type Router } from 'express';
import type { Logger } from '../ports/logger.js';

/** One readiness check: null when fine, else why not. */
export type ReadinessCheck = () => Promise<string | null>;

export interface HttpServerOptions {
  port: number;
  /** Bound address; all interfaces by default. */
  host?: string;
  logger: Logger;
  /** Named checks run by /readyz. */
  checks: Record<string, ReadinessCheck>;
  /** Adapter routers, mounted at the root in order (each owns its paths: /slack/…, /discord/…). */
  routers: Router[];
  /**
   * Extra routes, mounted after the probes and before the adapters: the place for /metrics
   * (prom-client) and the queue dashboard (bull-board, behind ADMIN_USER/ADMIN_PASSWORD).
   */
  extend?: (app: Express) => void;
}

export interface HttpServer {
  readonly port: number;
  readonly app: Express;
  /** Marks the process as shutting down: /readyz answers 503 from now on. */
  draining(): void;
  /** Stops taking connections and waits up to `graceMs` for requests in flight, then drops them. */
  close(graceMs: number): Promise<void>;
}

const CHECK_TIMEOUT_MS = 2_000;

async function runCheck(check: ReadinessCheck): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      check(),
      new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve(`no answer within ${CHECK_TIMEOUT_MS} ms`), CHECK_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}

export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const app = express();
  app.disable('x-powered-by');
  let stopping = false;

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (stopping) {
      res.status(503).json({ status: 'not-ready', reason: 'shutting down' });
      return;
    }
    const names = Object.keys(options.checks);
    const results = await Promise.all(names.map((name) => runCheck(options.checks[name]!)));
    const failed: Record<string, string> = {};
    names.forEach((name, i) => {
      const problem = results[i];
      if (problem) failed[name] = problem;
    });
    if (Object.keys(failed).length === 0) res.json({ status: 'ready', checks: names });
    else
      res.status(503).json({
        status: 'not-ready',
        reason: Object.entries(failed)
          .map(([name, why]) => `${name}: ${why}`)
          .join('; '),
        failed,
      });
  });
  options.extend?.(app);
  for (const router of options.routers) app.use(router);

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port, options.host ?? '0.0.0.0', (error?: Error) => {
      if (error) reject(error);
      else resolve(s);
    });
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  options.logger.info({ port }, 'HTTP server listening');

  return {
    port,
    app,
    draining() {
      stopping = true;
    },
    async close(graceMs) {
      stopping = true;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.closeAllConnections();
        }, graceMs);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}
