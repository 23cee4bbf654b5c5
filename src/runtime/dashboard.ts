/**
 * The queue dashboard: bull-board at `/admin/queues` over the runtime's queues, behind HTTP basic
 * auth with ADMIN_USER and ADMIN_PASSWORD. Without both it is not mounted at all (the path answers
 * 404) and the log says so; the configuration refuses one without the other. bull-board is loaded
 * only when the dashboard is on.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Express, RequestHandler, Router } from 'express';
import type { Logger } from '../ports/logger.js';

export const DASHBOARD_PATH = '/admin/queues';
const REALM = 'newsbrief queue dashboard';
/** Below this length the password is accepted but a warning is logged. */
const SHORT_PASSWORD = 12;

export interface DashboardCredentials {
  user: string;
  password: string;
}

/** Equality of two strings in a time that depends on neither (both hashed to 32 bytes first). */
export function constantTimeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb);
}

/** The user and password of an `Authorization: Basic …` header, or null. */
export function parseBasicAuth(header: string | undefined): DashboardCredentials | null {
  const match = header === undefined ? null : /^Basic +([A-Za-z0-9+/=]+) *$/i.exec(header);
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Basic auth for `credentials`: 401 with a `WWW-Authenticate` challenge unless the request has
 * exactly that user and password (compared in constant time, both always). Wrong credentials are
 * logged (without them); a request without any (the browser's first) is not.
 */
export function basicAuth(credentials: DashboardCredentials, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = parseBasicAuth(req.headers.authorization);
    if (given) {
      const userOk = constantTimeEqual(given.user, credentials.user);
      const passwordOk = constantTimeEqual(given.password, credentials.password);
      if (userOk && passwordOk) {
        next();
        return;
      }
      logger.warn({ path: req.path, ip: req.ip }, 'queue dashboard: wrong user or password');
    }
    res
      .status(401)
      .set('WWW-Authenticate', `Basic realm="${REALM}", charset="UTF-8"`)
      .set('Cache-Control', 'no-store')
      .type('text/plain')
      .send('Authentication required: use ADMIN_USER and ADMIN_PASSWORD.\n');
  };
}

export interface DashboardOptions {
  queues: readonly Queue[];
  /** ADMIN_USER and ADMIN_PASSWORD; undefined when either is unset (dashboard off). */
  credentials: DashboardCredentials | undefined;
  logger: Logger;
}

/** Mounts the dashboard when credentials are given; returns whether it did. */
export async function mountQueueDashboard(app: Express, options: DashboardOptions): Promise<boolean> {
  const { credentials, logger } = options;
  if (!credentials) {
    logger.info(
      { path: DASHBOARD_PATH },
      'queue dashboard off: ADMIN_USER and ADMIN_PASSWORD are not set (it is never served without credentials)',
    );
    return false;
  }
  if (credentials.password.length < SHORT_PASSWORD) {
    logger.warn(
      { path: DASHBOARD_PATH },
      `ADMIN_PASSWORD is shorter than ${SHORT_PASSWORD} characters: use a long random password`,
    );
  }
  const [{ createBullBoard }, { BullMQAdapter }, { ExpressAdapter }] = await Promise.all([
    import('@bull-board/api'),
    import('@bull-board/api/bullMQAdapter'),
    import('@bull-board/express'),
  ]);
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: options.queues.map((queue) => new BullMQAdapter(queue)),
    // @bull-board/express 9.10.1 declares its types against its own nested @bull-board/api 9.10.1
    // while createBullBoard is 9.10.2's: the same interface from two copies (the adapter never
    // loads @bull-board/api at run time). Align the two versions in package.json to drop the cast.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'newsbrief' } },
  });
  const router: Router = serverAdapter.getRouter();
  app.use(DASHBOARD_PATH, basicAuth(credentials, logger), router);
  logger.info({ path: DASHBOARD_PATH, user: credentials.user }, 'queue dashboard on (basic auth)');
  return true;
}
