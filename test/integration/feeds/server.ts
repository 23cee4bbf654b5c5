import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface TestServer {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Routes by path ("/feed.xml"); an unknown path is a 404. */
  routes: Map<string, Handler>;
  /** Every request received, in order. */
  requests: Array<{ path: string; headers: IncomingMessage['headers'] }>;
  /** Errors thrown by a handler (assertions about the request), reported by the test. */
  errors: unknown[];
  close(): Promise<void>;
}

/** A local HTTP server on 127.0.0.1 with an ephemeral port. */
export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const requests: TestServer['requests'] = [];
  const errors: unknown[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    requests.push({ path, headers: req.headers });
    const handler = routes.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        errors.push(error);
        if (!res.headersSent) res.writeHead(599).end(String(error));
        else res.destroy();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routes,
    requests,
    errors,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes `total` bytes in 64 KB chunks, waiting for the client to take them; resolves with the bytes written when done or when the client goes away. */
export function streamBytes(res: ServerResponse, total: number): Promise<number> {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let written = 0;
  return new Promise((resolve) => {
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      resolve(written);
    };
    res.on('close', done);
    const pump = () => {
      while (written < total && !res.destroyed) {
        const n = Math.min(chunk.length, total - written);
        written += n;
        if (!res.write(chunk.subarray(0, n))) {
          res.once('drain', pump);
          return;
        }
      }
      if (written >= total && !res.destroyed) res.end(done);
    };
    pump();
  });
}
