/**
 * The process logger: JSON lines in production and test, pretty in development (JSON when
 * pino-pretty can't be loaded), credentials redacted by path, and the log context (request id)
 * added to every line.
 */
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../../src/ports/logger.js';
import { createLogger, logFormatFor, prettyStream, withLogContext } from '../../../src/runtime/logger.js';
import { LogCapture } from '../../integration/production/support.js';

function capture(nodeEnv: 'production' | 'development' | 'test' = 'production', level = 'debug' as const) {
  const out = new LogCapture();
  const logger = createLogger({ LOG_LEVEL: level, NODE_ENV: nodeEnv }, out);
  return { out, logger };
}

describe('format', () => {
  it('is JSON in production and test, pretty in development', () => {
    expect(logFormatFor('production')).toBe('json');
    expect(logFormatFor('test')).toBe('json');
    expect(logFormatFor('development')).toBe('pretty');

    const json = capture('production');
    json.logger.info({ port: 3000 }, 'HTTP server listening');
    expect(json.out.lines()[0]).toMatchObject({
      level: 30,
      name: 'newsbrief',
      port: 3000,
      msg: 'HTTP server listening',
    });

    const pretty = capture('development');
    pretty.logger.info({ port: 3000 }, 'HTTP server listening');
    const text = pretty.out.text();
    expect(text).toMatch(/INFO.*\(newsbrief\): HTTP server listening/);
    expect(text).toMatch(/port: 3000/);
    expect(() => JSON.parse(text.split('\n')[0] ?? '')).toThrow();
  });

  it('falls back to JSON when pino-pretty is not installed', () => {
    const out = new LogCapture();
    const missing = () => {
      throw Object.assign(new Error("Cannot find module 'pino-pretty'"), { code: 'MODULE_NOT_FOUND' });
    };
    expect(prettyStream(out, missing)).toBeNull();
    expect(prettyStream(out)).not.toBeNull();
  });

  it('honours LOG_LEVEL', () => {
    const out = new LogCapture();
    const logger = createLogger({ LOG_LEVEL: 'warn', NODE_ENV: 'production' }, out);
    logger.info({}, 'hidden');
    logger.warn({}, 'shown');
    expect(out.lines().map((l) => l.msg)).toEqual(['shown']);
  });
});

describe('redaction', () => {
  const TOKEN = 'xoxb-123-456-SECRET';

  it('censors credential fields at any of three levels, and headers', () => {
    const { out, logger } = capture();
    logger.info(
      {
        token: TOKEN,
        config: { SLACK_BOT_TOKEN: TOKEN, ADMIN_PASSWORD: TOKEN, DISCORD_TOKEN: TOKEN, PORT: 3000 },
        installation: { bot: { token: TOKEN, userId: 'U1' }, accessToken: TOKEN },
        req: {
          headers: { authorization: `Bearer ${TOKEN}`, cookie: `s=${TOKEN}`, 'x-request-id': 'r1' },
        },
        res: { headers: { 'set-cookie': `s=${TOKEN}` } },
        oauth: { client_secret: TOKEN, refresh_token: TOKEN },
      },
      'something happened',
    );
    const text = out.text();
    expect(text).not.toContain('SECRET');
    const line = out.lines()[0] as {
      config: Record<string, unknown>;
      installation: { bot: Record<string, unknown> };
      req: { headers: Record<string, string> };
    };
    expect(line.config.SLACK_BOT_TOKEN).toBe('<redacted>');
    expect(line.config.PORT).toBe(3000);
    expect(line.installation.bot.userId).toBe('U1');
    expect(line.req.headers['x-request-id']).toBe('r1');
  });

  it('keeps the host of a REDIS_URL but not its password', () => {
    const { out, logger } = capture();
    logger.info({ config: { REDIS_URL: 'redis://user:hunter2@redis.internal:6379/0' } }, 'config');
    expect(out.text()).not.toContain('hunter2');
    expect((out.lines()[0] as { config: { REDIS_URL: string } }).config.REDIS_URL).toBe(
      'redis://user:***@redis.internal:6379/0',
    );
  });

  it('censors child logger bindings too', () => {
    const { out, logger } = capture();
    logger.child({ installation: { token: TOKEN } }).info({}, 'bound');
    expect(out.text()).not.toContain('SECRET');
  });
});

describe('log context', () => {
  it('adds the context fields to every line logged within it, through awaits', async () => {
    const { out, logger } = capture();
    logger.info({}, 'outside');
    await withLogContext({ reqId: 'r-1' }, async () => {
      logger.info({}, 'inside');
      await new Promise((resolve) => setTimeout(resolve, 5));
      logger.child({ component: 'adapter' }).warn({ ok: true }, 'later');
      await withLogContext({ job: 'j-1' }, async () => logger.info({}, 'nested'));
    });
    const lines = out.lines();
    expect(lines.map((l) => [l.msg, l.reqId, l.job])).toEqual([
      ['outside', undefined, undefined],
      ['inside', 'r-1', undefined],
      ['later', 'r-1', undefined],
      ['nested', 'r-1', 'j-1'],
    ]);
  });

  it('never writes a field twice when the line or a child already has it', () => {
    const { out, logger } = capture();
    withLogContext({ reqId: 'ctx' }, () => {
      logger.info({ reqId: 'own' }, 'own field');
      logger.child({ reqId: 'bound' }).info({}, 'bound field');
    });
    const raw = out.text().trim().split('\n');
    for (const line of raw) expect(line.match(/"reqId"/g)).toHaveLength(1);
    expect(out.lines().map((l) => l.reqId)).toEqual(['own', 'bound']);
  });

  it('works with the Logger port type', () => {
    const { out, logger } = capture();
    const port: Logger = logger;
    withLogContext({ reqId: 'p' }, () => port.error({ err: 'x' }, 'failed'));
    expect(out.lines()[0]).toMatchObject({ level: 50, reqId: 'p', err: 'x' });
  });
});
