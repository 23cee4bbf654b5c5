/**
 * The optional HTTP interactions endpoint: no gateway connection at all. Requests are signed with
 * an Ed25519 key made here; the first response is the HTTP answer, follow-ups go to the fake REST.
 */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordAdapter } from '../../../adapters/discord/adapter.js';
import { INTERACTIONS_PATH } from '../../../adapters/discord/http/router.js';
import { chatInput, type FakeDiscord, snowflake, startFakeDiscord } from '../../fakes/discord-api.js';
import { NOW, testContext, testEngine } from './harness.js';

let fake: FakeDiscord;
let server: Server;
let url: string;
let privateKey: KeyObject;
let adapter: DiscordAdapter;

beforeAll(async () => {
  fake = await startFakeDiscord();
  const pair = generateKeyPairSync('ed25519');
  privateKey = pair.privateKey;
  const publicHex = pair.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  adapter = new DiscordAdapter(testContext(fake, await testEngine(), { DISCORD_PUBLIC_KEY: publicHex }));
  expect(adapter.router).toBeTypeOf('function');
  const app = express();
  app.use(adapter.router!());
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${INTERACTIONS_PATH}`;
});
afterAll(async () => {
  await adapter?.stop();
  await new Promise((resolve) => server?.close(resolve));
  await fake?.close();
});

async function post(
  payload: unknown,
  options: { timestamp?: number; tamper?: boolean; unsigned?: boolean } = {},
): Promise<{ status: number; body: Record<string, unknown>; ms: number }> {
  const body = JSON.stringify(payload);
  const timestamp = String(options.timestamp ?? Math.floor(NOW.getTime() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.unsigned ? {} : { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp }),
    },
    body: options.tamper ? body.replace('}', ',"x":1}') : body,
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown>,
    ms: performance.now() - started,
  };
}

const where = () => ({ applicationId: fake.applicationId, guildId: snowflake(), channelId: snowflake() });

describe('POST /discord/interactions', () => {
  it('answers PING with PONG', async () => {
    const r = await post({
      id: snowflake(),
      type: 1,
      token: 't',
      application_id: fake.applicationId,
      version: 1,
    });
    expect(r).toMatchObject({ status: 200, body: { type: 1 } });
  });

  it('refuses bad, missing and stale signatures with 401', async () => {
    const ping = { id: snowflake(), type: 1, token: 't', application_id: fake.applicationId, version: 1 };
    expect((await post(ping, { tamper: true })).status).toBe(401);
    expect((await post(ping, { unsigned: true })).status).toBe(401);
    expect((await post(ping, { timestamp: Math.floor(NOW.getTime() / 1000) - 600 })).status).toBe(401);
  });

  it('defers /news in the HTTP answer and edits the briefing in through REST', async () => {
    fake.reset();
    const payload = chatInput('news', [{ name: 'topic', type: 3, value: 'korea' }], where());
    const r = await post(payload);
    expect(r.status).toBe(200);
    expect(r.ms).toBeLessThan(3_000);
    expect(r.body).toEqual({ type: 5, data: { flags: 64 } });
    const patch = await fake.waitForRequest((q) => q.method === 'PATCH' && q.path.includes(payload.token));
    const body = patch.body as { content: string; embeds: unknown[]; allowed_mentions: unknown };
    expect(body.content).toMatch(/Briefing: korea/);
    expect(body.embeds).toHaveLength(5);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(fake.requestsTo('/api/v10/interactions/')).toEqual([]);
  });

  it('answers autocomplete and bad input directly', async () => {
    const auto = await post(
      chatInput('news', [{ name: 'topic', type: 3, value: 'kor', focused: true }], where(), 4),
    );
    expect(auto.body.type).toBe(8);
    expect(JSON.stringify(auto.body)).toContain('"value":"korea"');
    const bad = await post(
      chatInput(
        'digest',
        [
          {
            name: 'subscribe',
            type: 1,
            options: [
              { name: 'tags', type: 3, value: 'korea' },
              { name: 'timezone', type: 3, value: 'Mars/Base' },
            ],
          },
        ],
        where(),
      ),
    );
    expect(bad.body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    expect(JSON.stringify(bad.body)).toContain("I don't know the time zone");
  });
});
