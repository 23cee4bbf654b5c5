/**
 * A fake chat platform for the process tests: `POST /post` (see HttpPublisher) records every
 * request; a part whose (key, index) was posted before is a repeat and shown once (the platform
 * honours the idempotency key). Scriptable: hold a response forever (a worker that dies mid-send)
 * or for a while (a slow platform during a graceful shutdown).
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PostBody } from '../../fixtures/runtime/http-publisher.js';

export interface FakePlatform {
  url: string;
  /** Every POST received, in order (repeats included). */
  requests: PostBody[];
  /** What a channel shows: each (key, index) once. */
  shown(): PostBody[];
  /** Decides how to answer a request: 'ok', 'hang' (never answer) or a delay in ms. */
  behaviour: (body: PostBody, seenBefore: boolean) => 'ok' | 'hang' | number;
  close(): Promise<void>;
}

export async function startFakePlatform(): Promise<FakePlatform> {
  const requests: PostBody[] = [];
  const shown = new Map<string, PostBody>();
  const hanging: ServerResponse[] = [];
  const fake: FakePlatform = {
    url: '',
    requests,
    shown: () => [...shown.values()],
    behaviour: () => 'ok',
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
    });
    req.on('end', () => {
      const body = JSON.parse(raw) as PostBody;
      requests.push(body);
      const id = `${body.key}#${body.index}`;
      const seenBefore = shown.has(id);
      if (!seenBefore) shown.set(id, body);
      const answer = () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      const how = fake.behaviour(body, seenBefore);
      if (how === 'hang') hanging.push(res);
      else if (how === 'ok') answer();
      else setTimeout(answer, how);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
