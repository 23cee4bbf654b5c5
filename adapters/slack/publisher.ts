/**
 * Posts digests to Slack with chat.postMessage: blocks plus fallback text, link previews off, one
 * message per part (render/digest.ts keeps each part within Slack's limits). Honours the delivery's
 * PublishContext: parts already recorded are skipped; on a resumed delivery the channel history is
 * checked for parts that reached Slack but weren't recorded; each part is recorded as soon as Slack
 * confirms it. Failures become PublishErrors (publish-errors.ts). Rate limits are not waited out here
 * (`rejectRateLimitedCalls`): the deliver job is delayed by Retry-After instead, and resumes.
 */
import { webApi } from '@slack/bolt';
import type { Logger } from '../../src/ports/logger.js';
import {
  type Digest,
  type DigestPublisher,
  type PublishContext,
  PublishError,
} from '../../src/ports/publisher.js';
import { findPostedParts, partMetadata } from './posted-parts.js';
import { slackErrorCode, toPublishError } from './publish-errors.js';
import { renderDigest } from './render/digest.js';
import type { TokenSource } from './token-source.js';

export interface SlackPublisherOptions {
  apiUrl: string;
  tokens: TokenSource;
  logger: Logger;
  /** A Web API call that takes longer fails as transient. @defaultValue 15000 */
  timeoutMs?: number;
  /** Options for the WebClient (a Bolt-compatible logger, a fetch for tests). */
  clientOptions?: Omit<webApi.WebClientOptions, 'slackApiUrl' | 'retryConfig' | 'rejectRateLimitedCalls'>;
}

/** Clients kept, one per token (so per workspace). */
const MAX_CLIENTS = 1000;

export class SlackDigestPublisher implements DigestPublisher {
  readonly platform = 'slack' as const;
  private readonly clients = new Map<string, webApi.WebClient>();

  constructor(private readonly options: SlackPublisherOptions) {}

  async publish(digest: Digest, context: PublishContext): Promise<void> {
    const { teamId, channelId } = digest.channel;
    const token = await this.options.tokens.botToken(teamId);
    if (token === null) {
      throw new PublishError('newsbrief is no longer installed in this workspace', {
        kind: 'permanent',
        action: 'remove',
      });
    }
    const client = this.client(token);
    const parts = renderDigest(digest);
    const log = this.options.logger.child({
      subscriptionId: digest.subscriptionId,
      localDate: digest.localDate,
    });

    let alreadyPosted = new Set<number>();
    if (context.resumed && parts.some((p) => !context.sentParts.has(p.index))) {
      try {
        const since = new Date(digest.briefing.generatedAt);
        alreadyPosted = await findPostedParts(client, channelId, context.idempotencyKey, since);
      } catch (error) {
        log.warn(
          { code: slackErrorCode(error) },
          'cannot read channel history to resume a digest; posting the missing parts',
        );
      }
    }

    for (const part of parts) {
      if (context.sentParts.has(part.index)) continue;
      if (alreadyPosted.has(part.index)) {
        await context.recordPart(part.index);
        continue;
      }
      try {
        await client.chat.postMessage({
          channel: channelId,
          text: part.text,
          blocks: part.blocks,
          unfurl_links: false,
          unfurl_media: false,
          parse: 'none',
          link_names: false,
          metadata: partMetadata(context.idempotencyKey, part.index, part.of),
        });
      } catch (error) {
        const mapped = toPublishError(error);
        log.warn({ part: part.index, of: part.of, code: slackErrorCode(error) }, 'chat.postMessage failed');
        throw mapped;
      }
      await context.recordPart(part.index);
    }
  }

  private client(token: string): webApi.WebClient {
    let client = this.clients.get(token);
    if (client === undefined) {
      if (this.clients.size >= MAX_CLIENTS) {
        const oldest = this.clients.keys().next().value;
        if (oldest !== undefined) this.clients.delete(oldest);
      }
      client = new webApi.WebClient(token, {
        ...this.options.clientOptions,
        slackApiUrl: this.options.apiUrl,
        // The deliver queue retries (with backoff, or after Retry-After): the client must not.
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        timeout: this.options.timeoutMs ?? 15_000,
      });
      this.clients.set(token, client);
    }
    return client;
  }
}
