/**
 * Helpers of the production-readiness tests: a Prometheus text parser, a log capture stream, and a
 * fake Slack-like adapter that answers a `/fake/news` command over HTTP through the real engine and
 * reports it to metrics, with a RecordingPublisher for digests.
 */
import { Writable } from 'node:stream';
import express from 'express';
import type { PlatformAdapterFactory } from '../../../src/ports/platform.js';
import type { DigestPublisher } from '../../../src/ports/publisher.js';

/** One sample of a scrape: the metric name, its labels and value. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the Prometheus text format (enough of it for our own output). */
export function parseMetrics(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('# TYPE ')) {
      const [, , name, type] = line.split(' ');
      if (name && type) types.set(name, type);
      continue;
    }
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1]!] = pair[2]!;
    }
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return { samples, types };
}

/** The value of the sample of `name` whose labels include `labels`, or undefined. */
export function sampleValue(
  samples: readonly Sample[],
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    ?.value;
}

/** A stream that keeps what is written to it (a logger's destination). */
export class LogCapture extends Writable {
  private readonly chunks: string[] = [];

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk.toString());
    callback();
  }

  text(): string {
    return this.chunks.join('');
  }

  /** The JSON lines written so far. */
  lines(): Array<Record<string, unknown>> {
    return this.text()
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}

/**
 * A chat adapter as the runtime sees one: `GET /fake/news?text=korea` builds a briefing through the
 * engine, times it (briefingBuilt), counts the command (commandHandled) and logs the request's
 * headers and the raw configuration (which the logger must redact); digests go to `publisher`.
 */
export function fakeCommandAdapter(publisher: DigestPublisher): PlatformAdapterFactory {
  return (context) => ({
    platform: publisher.platform,
    router() {
      const router = express.Router();
      router.get('/fake/news', (req, res) => {
        const text = typeof req.query.text === 'string' ? req.query.text : '';
        if (text.trim() === '') {
          context.metrics.commandHandled(publisher.platform, 'news', 'bad_input');
          res.status(400).json({ error: 'topic required' });
          return;
        }
        const started = performance.now();
        const briefing = context.engine().brief(text, { now: context.now() });
        context.metrics.briefingBuilt((performance.now() - started) / 1000);
        context.metrics.commandHandled(publisher.platform, 'news', 'ok');
        context.logger.info(
          { headers: req.headers, config: context.config, stories: briefing.stories.length },
          'fake command handled',
        );
        res.json({ stories: briefing.stories.length });
      });
      return router;
    },
    start: async () => {},
    stop: async () => {},
    publisher: () => publisher,
  });
}
