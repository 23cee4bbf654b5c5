/**
 * The one HTTP server of a process, on PORT: `/healthz` (the process is alive), `/readyz` (Redis
 * answers and the workers run: 200, else 503 with the reason as JSON), the operations routes added
 * through `extend` (`/metrics`, `/admin/queues`: see operations.ts), and in the bot role each
 * enabled adapter's routes (Slack events and OAuth, Discord interactions).
 *
 * Every request gets an id: the caller's `x-request-id` when it is a sane token, else a random UUID;
 * it is echoed in the response's `x-request-id` and put in the log context (`reqId`), so that every
 * line logged while the request is handled, by any module, carries it. One line per request is
 * logged when the response is done (method, path without the query string, status, duration); at
 * debug level for the probes and /metrics, which are polled every few seconds.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from '../ports/logger.js';
import { withLogContext } from './logger.js';

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
  extend?: (app: Express) => void | Promise<void>;
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

/** Paths polled by machines: their request lines are logged at debug level. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** An incoming x-request-id is kept when it is a plain token (no spaces or control characters). */
const REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The request id of a request: the caller's x-request-id when sane, else a new UUID. */
export function requestId(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Gives each request its id (response header, log context) and logs one line when it is done. */
function requestLogging(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const reqId = requestId(req.headers['x-request-id']);
    res.setHeader('x-request-id', reqId);
    const started = process.hrtime.bigint();
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const path = req.originalUrl.split('?')[0] ?? req.originalUrl;
      const fields = {
        reqId,
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (QUIET_PATHS.has(path)) logger.debug(fields, 'request');
      else logger.info(fields, 'request');
    };
    res.once('finish', done);
    res.once('close', done);
    withLogContext({ reqId }, next);
  };
}

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
  app.use(requestLogging(options.logger));

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
  await options.extend?.(app);
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
