/**
 * Posts digests to Discord channels with @discordjs/rest alone (deliver workers need no gateway).
 * REST queues requests per route bucket and waits out 429s itself; a wait longer than
 * `maxRateLimitWaitMs` is handed back as a `rate-limited` PublishError so the job is delayed rather
 * than holding a worker. Each part carries a nonce derived from the delivery's idempotency key with
 * `enforce_nonce`, so a re-run that re-posts a part Discord already took gets the same message back.
 */
import { createHash } from 'node:crypto';
import { REST, type RESTOptions, Routes } from 'discord.js';
import type { Logger } from '../../src/ports/logger.js';
import type { Digest, DigestPublisher, PublishContext } from '../../src/ports/publisher.js';
import { toPublishError } from './publish-errors.js';
import { digestParts } from './render/digest.js';
import { NO_MENTIONS } from './render/message.js';

/** Discord's nonce is at most 25 characters. */
const NONCE_LENGTH = 25;

/** The nonce of one part of a delivery: stable for key + part, ≤ 25 characters. */
export function partNonce(idempotencyKey: string, part: number): string {
  return createHash('sha256').update(`${idempotencyKey}#${part}`).digest('hex').slice(0, NONCE_LENGTH);
}

export interface DiscordPublisherOptions {
  /** Rate-limit waits longer than this are returned to the queue. @defaultValue 10_000 */
  maxRateLimitWaitMs?: number;
  /** Retries of 5xx and network errors inside one publish. @defaultValue 2 */
  retries?: number;
  /** Per-request timeout. @defaultValue 15_000 */
  timeoutMs?: number;
  logger?: Logger;
}

/** The REST client the publisher posts with. */
export function createPublisherRest(
  apiUrl: string,
  token: string,
  options: DiscordPublisherOptions = {},
): REST {
  const maxWait = options.maxRateLimitWaitMs ?? 10_000;
  const rest: Partial<RESTOptions> = {
    api: apiUrl,
    retries: options.retries ?? 2,
    timeout: options.timeoutMs ?? 15_000,
    rejectOnRateLimit: (data) => data.retryAfter > maxWait,
  };
  return new REST(rest).setToken(token);
}

export class DiscordPublisher implements DigestPublisher {
  readonly platform = 'discord' as const;

  constructor(
    private readonly rest: REST,
    private readonly logger?: Logger,
  ) {}

  async publish(digest: Digest, context: PublishContext): Promise<void> {
    const parts = digestParts(digest);
    for (const [index, part] of parts.entries()) {
      if (context.sentParts.has(index)) continue;
      const body = {
        content: part.content,
        embeds: part.embeds,
        allowed_mentions: NO_MENTIONS,
        nonce: partNonce(context.idempotencyKey, index),
        enforce_nonce: true,
      };
      try {
        await this.rest.post(Routes.channelMessages(digest.channel.channelId), { body });
      } catch (error) {
        const failure = toPublishError(error, digest.channel);
        this.logger?.debug(
          {
            subscriptionId: digest.subscriptionId,
            part: index,
            failure: failure.failure,
            err: failure.message,
          },
          'discord digest post failed',
        );
        throw failure;
      }
      await context.recordPart(index);
    }
  }
}
