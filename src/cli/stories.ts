import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDate } from '../briefing/dates.js';
import { loadCorpus } from '../corpus.js';
import type { StoryRecord } from '../model.js';
import { type CliCommand, parseNow } from './io.js';

export const storiesCommand: CliCommand = {
  name: 'stories',
  summary: 'List every story in a folder of articles',
  usage: `Usage: newsbrief stories [--dir DIR] [--now ISO] [--json]

Lists every story (articles grouped across outlets) in the corpus, oldest first.
With --json, prints JSON Lines, one object per story:
  {"id","title","summary","publishedAt","articles":[{"id","title","outlet","url","file"}]}
where "file" is the article's source file relative to DIR ("files" lists every file it was read
from when duplicates were merged).

Options:
  --dir DIR   folder of articles to read (default: the bundled seeds/)
  --now ISO   accepted for symmetry with brief; stories are listed whatever their age
  --json      JSON Lines output
  -h, --help  show this help`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { dir: { type: 'string' }, now: { type: 'string' }, json: { type: 'boolean' } },
    });
    parseNow(values.now, io);
    const { engine, dir } = await loadCorpus(values.dir, io);
    for (const story of engine.stories()) {
      const record: StoryRecord & { articles: Array<StoryRecord['articles'][number] & { files: string[] }> } =
        {
          id: story.id,
          title: story.title,
          summary: story.summary,
          publishedAt: story.publishedAt,
          articles: story.articles.map((a) => {
            const files = engine.originsOf(a.id).map((origin) => relative(dir, origin));
            return { id: a.id, title: a.title, outlet: a.outlet, url: a.url, file: files[0] ?? '', files };
          }),
        };
      if (values.json) {
        io.stdout(`${JSON.stringify(record)}\n`);
      } else {
        const outlets = [...new Set(record.articles.map((a) => a.outlet).filter(Boolean))].join(', ');
        io.stdout(
          `${formatDate(story.publishedAt)}  ${story.title}\n    ${record.articles.length} article(s): ${outlets}\n`,
        );
      }
    }
    return 0;
  },
};
