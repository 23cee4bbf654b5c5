import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { slackRequestGuard } from '../../../adapters/slack/http-guard.js';
import { silentLogger } from '../../../src/ports/logger.js';

const NOW_MS = 1_768_381_200_000;
const guard = slackRequestGuard({
  maxBodyBytes: 1000,
  maxFutureSkewSeconds: 300,
  logger: silentLogger,
  nowMs: () => NOW_MS,
});

function run(headers: Record<string, string>): number | 'next' {
  let status: number | 'next' = 'next';
  const res = {
    status(code: number) {
      status = code;
      return { send: () => undefined };
    },
  };
  // A minimal request and response: the guard only reads headers and sets a status.
  guard({ headers } as unknown as Request, res as unknown as Response, () => {});
  return status;
}

describe('slackRequestGuard', () => {
  const ts = (offsetSec: number) => String(NOW_MS / 1000 + offsetSec);

  it('lets a current request through', () => {
    expect(run({ 'x-slack-request-timestamp': ts(0), 'content-length': '500' })).toBe('next');
  });

  it('refuses a timestamp more than 5 minutes ahead with 401, allows small skew', () => {
    expect(run({ 'x-slack-request-timestamp': ts(301) })).toBe(401);
    expect(run({ 'x-slack-request-timestamp': ts(299) })).toBe('next');
  });

  it('leaves old or missing timestamps to Bolt', () => {
    expect(run({ 'x-slack-request-timestamp': ts(-3600) })).toBe('next');
    expect(run({})).toBe('next');
  });

  it('refuses a declared body over the cap with 413', () => {
    expect(run({ 'content-length': '1001' })).toBe(413);
  });
});
