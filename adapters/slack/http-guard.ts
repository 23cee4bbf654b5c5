/**
 * Checks in front of Bolt's request handler on /slack/events, before any body is read:
 *
 * - a body cap: a declared Content-Length over the cap is refused with 413 at once (Bolt's own
 *   `bodyLimit`, set to the same cap, stops chunked bodies while they stream);
 * - a refusal of request timestamps more than five minutes in the future. Bolt verifies the
 *   signature and refuses timestamps over five minutes old, but accepts future ones
 *   (bolt-js src/receivers/verify-request.ts), which would let a captured request be replayed
 *   for as long as its timestamp lies ahead. 401, like Bolt's other verification failures.
 *
 * Missing or malformed timestamps are left to Bolt, which refuses them with 401.
 */
import type { RequestHandler } from 'express';
import type { Logger } from '../../src/ports/logger.js';

export interface GuardOptions {
  maxBodyBytes: number;
  maxFutureSkewSeconds: number;
  logger: Logger;
  /** The clock, in ms. @defaultValue Date.now */
  nowMs?: () => number;
}

export function slackRequestGuard(options: GuardOptions): RequestHandler {
  const nowMs = options.nowMs ?? Date.now;
  return (req, res, next) => {
    const length = Number(req.headers['content-length']);
    if (Number.isFinite(length) && length > options.maxBodyBytes) {
      options.logger.warn({ contentLength: length }, 'Slack request refused: body too large');
      res.status(413).send();
      return;
    }
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    if (Number.isFinite(timestamp) && timestamp > nowMs() / 1000 + options.maxFutureSkewSeconds) {
      options.logger.warn(
        { skewSeconds: Math.round(timestamp - nowMs() / 1000) },
        'Slack request refused: timestamp in the future',
      );
      res.status(401).send();
      return;
    }
    next();
  };
}
