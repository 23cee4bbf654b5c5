import { parseArgs } from 'node:util';
import { loadCorpus } from '../corpus.js';
import { type CliCommand, UsageError } from './io.js';

export const ingestCommand: CliCommand = {
  name: 'ingest',
  summary: 'Read a folder of articles and report what was read, skipped and merged',
  usage: `Usage: newsbrief ingest --dir DIR [--json]

Reads every article file under DIR (both formats, detected by content) and prints how many files
were read, how many articles they held, which files were skipped and why, and how many duplicates
were merged. Warnings go to stderr, one line per file.

Options:
  --dir DIR   folder to read (required)
  --json      print the report as JSON
  -h, --help  show this help`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { dir: { type: 'string' }, json: { type: 'boolean' } } });
    if (!values.dir) throw new UsageError('ingest needs --dir DIR');
    const { report } = await loadCorpus(values.dir, io);
    if (values.json) {
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    const lines = [
      `files:      ${report.files} found, ${report.read} read, ${report.skipped.length} skipped`,
      `articles:   ${report.articles} new, ${report.duplicates} duplicates merged`,
      `stories:    ${report.stories}`,
      `warnings:   ${report.warnings}`,
    ];
    for (const s of report.skipped) lines.push(`skipped:    ${s.file}: ${s.reason}`);
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
};
