/**
 * Cost of each ingest stage, measured by a second ingest that calls the engine's parts one by one
 * on the same files: read (stat and read, 64 files at a time as loadDirectory reads them, and
 * decode), parse (parseDocument: front matter, HTML, date and title cleaning, and body cleaning),
 * clean (cleanBody alone, on the scraped bodies: a part of parse), summarise (summarizeArticle),
 * index (SearchIndex.add, which also reads the title and lead terms that grouping takes),
 * vocabulary, group (StoryGrouper.add) and story views (summarizeHeadlines for headline-only
 * stories, done by the engine when stories are first listed). Dedup bookkeeping and the engine's
 * own glue are not counted here: they are the difference to the engine's total. Times are process
 * CPU time.
 */
import { readFileSync, statSync } from 'node:fs';
import { publishedMs } from '../src/briefing/dates.js';
import { leadLength, StoryGrouper } from '../src/briefing/grouping.js';
import { SearchIndex } from '../src/briefing/search-index.js';
import { summarizeArticle, summarizeHeadlines } from '../src/briefing/summarize.js';
import { Vocabulary } from '../src/briefing/vocabulary.js';
import { cleanBody } from '../src/ingest/clean-body.js';
import { decodeText } from '../src/ingest/decode-text.js';
import { normaliseDocument, parseDocument } from '../src/ingest/parse-document.js';
import type { IndexedArticle } from '../src/model.js';

export type Stage =
  | 'read'
  | 'parse'
  | 'clean'
  | 'summarise'
  | 'index'
  | 'vocabulary'
  | 'group'
  | 'storyViews';

export interface StageCosts {
  files: number;
  articles: number;
  scrapedArticles: number;
  /** Total CPU milliseconds per stage ("clean" is included in "parse"). */
  ms: Record<Stage, number>;
}

export async function measureStages(files: readonly string[]): Promise<StageCosts> {
  // CPU time of the process, in microseconds: robust to other work on the machine.
  const us: Record<Stage, number> = {
    read: 0,
    parse: 0,
    clean: 0,
    summarise: 0,
    index: 0,
    vocabulary: 0,
    group: 0,
    storyViews: 0,
  };
  const clock = (): number => {
    const u = process.cpuUsage();
    return u.user + u.system;
  };
  const index = new SearchIndex();
  const grouper = new StoryGrouper();
  const vocabulary = new Vocabulary();
  const byId = new Map<string, IndexedArticle>();
  let slot = 0;
  let scrapedArticles = 0;
  // Files are read a batch at a time, then parsed, as loadDirectory does (readSourceFiles).
  const read: Array<{ file: string; mtime: Date; bytes: Buffer }> = [];
  for (let next = 0; next < files.length || read.length > 0; ) {
    if (read.length === 0) {
      const t = clock();
      for (const file of files.slice(next, next + 64)) {
        read.push({ file, mtime: statSync(file).mtime, bytes: readFileSync(file) });
      }
      next += 64;
      us.read += clock() - t;
      read.reverse();
    }
    const { file, mtime, bytes } = read.pop()!;
    let t = clock();
    const decoded = decodeText(bytes);
    let u = clock();
    us.read += u - t;
    if (!decoded.ok) continue;
    t = u;
    const outcome = parseDocument(decoded.text, { origin: file, mtime });
    u = clock();
    us.parse += u - t;
    if (!outcome.ok) continue;
    if (outcome.format === 'scraped-text') {
      // The body as parseScrapedText hands it to cleanBody (the corpus has a date line on line 2).
      const raw = normaliseDocument(decoded.text).split('\n').slice(2).join('\n');
      t = clock();
      cleanBody(raw, { title: outcome.articles[0]!.title });
      us.clean += clock() - t;
      scrapedArticles++;
    }
    const fresh: Array<{ article: IndexedArticle; read: { title: string[]; lead: string[] | null } }> = [];
    for (const a of outcome.articles) {
      if (byId.has(a.id)) continue;
      t = clock();
      const summary = a.body ? summarizeArticle(a.title, a.body) : '';
      u = clock();
      us.summarise += u - t;
      const article: IndexedArticle = { ...a, summary };
      byId.set(a.id, article);
      t = u;
      const lead = leadLength(article.body);
      const indexed = index.add(slot++, article, lead);
      const read = { title: indexed.title, lead: lead > 0 ? indexed.lead : null };
      u = clock();
      us.index += u - t;
      t = u;
      vocabulary.addArticle(article);
      us.vocabulary += clock() - t;
      fresh.push({ article, read });
    }
    // The grouper takes the title and lead terms the index read, as the engine passes them.
    const batch = fresh.map(({ article: a, read }) => ({
      id: a.id,
      title: a.title,
      body: a.body,
      outlet: a.outlet,
      publishedMs: publishedMs(a.publishedAt),
      titleTerms: read.title,
      leadTerms: read.lead,
      ...(a.clusterKey ? { clusterKey: a.clusterKey } : {}),
    }));
    t = clock();
    if (batch.length > 0) grouper.add(batch);
    us.group += clock() - t;
  }
  const t = clock();
  for (const story of grouper.stories()) {
    const members = story.articleIds.map((id) => byId.get(id)!);
    if (members.some((a) => a.summary)) continue;
    summarizeHeadlines(
      members[0]!.title,
      members.slice(1).map((a) => a.title),
    );
  }
  us.storyViews += clock() - t;
  const msOut = {} as Record<Stage, number>;
  for (const [k, v] of Object.entries(us)) msOut[k as Stage] = v / 1000;
  return { files: files.length, articles: byId.size, scrapedArticles, ms: msOut };
}
