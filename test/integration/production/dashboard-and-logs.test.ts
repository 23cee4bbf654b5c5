/**
 * The queue dashboard (bull-board at /admin/queues behind basic auth, absent without credentials)
 * and the logs of the real runtime: secrets set in the configuration never reach the output, every
 * request line has its request id (also on lines an adapter logs while handling the request), and
 * worker lines have their job id.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RecordingPublisher } from '../../../src/digest/recording-publisher.js';
import { localDateAt } from '../../../src/digest/time.js';
import { PrometheusMetrics } from '../../../src/metrics/index.js';
import { createLogger } from '../../../src/runtime/logger.js';
import {
  ingestArticles,
  koreaArticle,
  startTestRuntime,
  subscription,
  type TestRuntime,
  waitFor,
} from '../runtime/helpers.js';
import { fakeCommandAdapter, LogCapture } from './support.js';

let t: TestRuntime | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const ADMIN = { ADMIN_USER: 'operator', ADMIN_PASSWORD: 'correct-horse-battery-staple' };

function basic(user: string, password: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

describe('queue dashboard', () => {
  it('answers 401 without or with wrong credentials, and 200 with the right ones', async () => {
    t = await startTestRuntime({ label: 'prod-dash', env: { ROLES: 'bot', ...ADMIN } });
    const url = `http://127.0.0.1:${t.runtime.port}/admin/queues`;

    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm="[^"]+"/);
    expect((await fetch(url, { headers: basic('operator', 'wrong') })).status).toBe(401);
    expect((await fetch(url, { headers: basic('intruder', ADMIN.ADMIN_PASSWORD) })).status).toBe(401);
    expect((await fetch(url, { headers: basic('', '') })).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer something' } })).status).toBe(401);
    expect((await fetch(`${url}/api/queues`)).status).toBe(401);

    const page = await fetch(url, { headers: basic('operator', ADMIN.ADMIN_PASSWORD) });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('newsbrief');

    const api = await fetch(`${url}/api/queues`, { headers: basic('operator', ADMIN.ADMIN_PASSWORD) });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: Array<{ name: string }> };
    expect(body.queues.map((q) => q.name).sort()).toEqual([
      'deliver-discord',
      'deliver-slack',
      'digest',
      'feeds',
    ]);
  });

  it('is not mounted without ADMIN_USER and ADMIN_PASSWORD (404), and the log says why', async () => {
    const capture = new LogCapture();
    const logger = createLogger({ LOG_LEVEL: 'info', NODE_ENV: 'test' }, capture);
    t = await startTestRuntime({ label: 'prod-nodash', env: { ROLES: 'bot' }, deps: { logger } });
    const url = `http://127.0.0.1:${t.runtime.port}/admin/queues`;
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(url, { headers: basic('admin', 'admin') })).status).toBe(404);
    const off = capture.lines().find((l) => String(l.msg).startsWith('queue dashboard off'));
    expect(off?.msg).toContain('ADMIN_USER and ADMIN_PASSWORD are not set');
  });
});

describe('logs', () => {
  it('never contain a secret from the configuration; request and job ids on their lines', async () => {
    const secrets = {
      SLACK_BOT_TOKEN: 'xoxb-1111-2222-SECRETbottoken',
      SLACK_SIGNING_SECRET: 'SECRETsigning0123456789abcdef',
      DISCORD_TOKEN: 'MTIz.SECRETdiscordtoken.abc',
      DISCORD_APP_ID: '123456789012345678',
      ADMIN_USER: 'operator',
      ADMIN_PASSWORD: 'SECRETadminpassword-long',
    };
    const capture = new LogCapture();
    const logger = createLogger({ LOG_LEVEL: 'debug', NODE_ENV: 'production' }, capture);
    const publisher = new RecordingPublisher('slack');
    t = await startTestRuntime({
      label: 'prod-logs',
      env: secrets,
      deps: { adapters: [fakeCommandAdapter(publisher)], logger, metrics: new PrometheusMetrics() },
    });
    const base = `http://127.0.0.1:${t.runtime.port}`;
    const now = new Date();
    await ingestArticles(t.runtime, [
      koreaArticle('Korea and Japan hold talks in Nara', new Date(now.getTime() - 3_600_000)),
    ]);

    // A command whose request carries credentials in its headers; the adapter logs the headers
    // and the whole configuration object.
    const res = await fetch(`${base}/fake/news?text=korea&token=${secrets.SLACK_BOT_TOKEN}`, {
      headers: {
        'x-request-id': 'req-test-0001',
        authorization: `Bearer ${secrets.SLACK_BOT_TOKEN}`,
        cookie: `session=${secrets.ADMIN_PASSWORD}`,
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('req-test-0001');
    const generated = await fetch(`${base}/healthz`);
    const generatedId = generated.headers.get('x-request-id');
    expect(generatedId).toMatch(/^[0-9a-f-]{36}$/);
    // A bad x-request-id (spaces, too long) is replaced.
    const bad = await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'a b c' } });
    expect(bad.headers.get('x-request-id')).not.toBe('a b c');
    await fetch(`${base}/admin/queues`, { headers: basic('operator', secrets.ADMIN_PASSWORD) });
    await fetch(`${base}/admin/queues`, { headers: basic('operator', 'wrong-password') });

    // A delivery, for the worker's job lines.
    const sub = subscription();
    await t.runtime.stores.subscriptions.put(sub);
    await t.runtime.queues.digest.add(
      'digest',
      { subscriptionId: sub.id, firedAt: now.toISOString() },
      { jobId: `manual.${sub.id}.${now.getTime()}` },
    );
    const localDate = localDateAt(now, sub.timeZone);
    await waitFor(
      async () => (await t!.runtime.stores.deliveries.get(sub.id, localDate))?.status === 'sent',
      {
        what: 'the digest to be delivered',
      },
    );
    await waitFor(() => capture.lines().some((l) => l.msg === 'digest delivered'), { what: 'the log line' });

    const text = capture.text();
    for (const [name, value] of Object.entries(secrets)) {
      if (name === 'ADMIN_USER' || name === 'DISCORD_APP_ID') continue;
      expect(text, name).not.toContain(value);
      expect(text, name).not.toContain(value.slice(0, 12));
    }

    const lines = capture.lines();
    // The configuration as logged at start: redacted by describeConfig.
    const starting = lines.find((l) => l.msg === 'starting newsbrief');
    expect(starting?.config).toContain('SLACK_BOT_TOKEN=<redacted>');
    // The raw configuration and the headers the adapter logged: redacted by path.
    const handled = lines.find((l) => l.msg === 'fake command handled') as
      | { reqId?: string; config: Record<string, string>; headers: Record<string, string> }
      | undefined;
    expect(handled?.config.SLACK_BOT_TOKEN).toBe('<redacted>');
    expect(handled?.config.ADMIN_PASSWORD).toBe('<redacted>');
    expect(handled?.headers.authorization).toBe('<redacted>');
    expect(handled?.headers.cookie).toBe('<redacted>');
    // The adapter's line, logged while handling the request, carries the request's id.
    expect(handled?.reqId).toBe('req-test-0001');

    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(5);
    for (const line of requests) expect(line.reqId, JSON.stringify(line)).toEqual(expect.any(String));
    const command = requests.find((l) => l.path === '/fake/news');
    expect(command).toMatchObject({ reqId: 'req-test-0001', method: 'GET', status: 200, level: 30 });
    // The query string (OAuth codes, tokens) is never logged.
    expect(JSON.stringify(command)).not.toContain('token=');
    expect(requests.find((l) => l.reqId === generatedId)).toMatchObject({ path: '/healthz', level: 20 });
    const wrong = lines.find((l) => l.msg === 'queue dashboard: wrong user or password');
    expect(wrong?.reqId).toEqual(expect.any(String));

    // Worker lines about a job carry its id.
    for (const msg of ['digest built; delivery queued', 'digest delivered']) {
      const line = lines.find((l) => l.msg === msg);
      expect(line?.job, msg).toEqual(expect.any(String));
    }
  });
});
