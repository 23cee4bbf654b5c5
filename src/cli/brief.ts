import { parseArgs } from 'node:util';
import { renderBriefingText } from '../briefing/render-text.js';
import { loadCorpus } from '../corpus.js';
import { type CliCommand, parseNow, parsePositiveInt, UsageError } from './io.js';

export const briefCommand: CliCommand = {
  name: 'brief',
  summary: 'Print a briefing on a topic from a folder of articles',
  usage: `Usage: newsbrief brief <topic…> [options]

Prints the top stories on a topic: articles grouped into stories across outlets, ranked by
relevance, coverage and recency, each with a short summary and links.

Options:
  --dir DIR      folder of articles to read (default: the bundled seeds/)
  --now ISO      the time the briefing is for (default: now), e.g. 2026-01-14T09:00:00Z
  --limit N      stories to show (default 5)
  --offset N     skip the first N stories (paging)
  --json         print the Briefing as JSON
  --explain      show each story's score parts
  -h, --help     show this help`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        dir: { type: 'string' },
        now: { type: 'string' },
        limit: { type: 'string' },
        offset: { type: 'string' },
        json: { type: 'boolean' },
        explain: { type: 'boolean' },
      },
    });
    const topic = positionals.join(' ').trim();
    if (!topic) throw new UsageError('brief needs a topic, e.g. newsbrief brief korea');
    const now = parseNow(values.now, io);
    const limit = parsePositiveInt('--limit', values.limit, 5);
    const offset = values.offset === undefined ? 0 : parsePositiveInt('--offset', values.offset, 0);
    const { engine } = await loadCorpus(values.dir, io);
    const briefing = engine.brief(topic, { now, limit, offset });
    io.stdout(
      values.json
        ? `${JSON.stringify(briefing, null, 2)}\n`
        : renderBriefingText(briefing, { explain: values.explain ?? false }),
    );
    return 0;
  },
};
