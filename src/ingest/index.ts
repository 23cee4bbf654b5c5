/**
 * Ingest: news files in, clean articles out. `listSourceFiles` and `readSourceFile` read a folder
 * file by file and never throw; `parseDocument` parses text already in memory. The cleaning and
 * title helpers are exported for other readers (the feed reader) that meet the same debris.
 */
export { cleanBody } from './clean-body.js';
export { decodeEntities } from './clean-entities.js';
export {
  cleanOutlet,
  cleanTitle,
  splitOutletSuffix,
  stripHeadlineFurniture,
  stripOutletSuffix,
} from './clean-title.js';
export { articleId, clusterId, titleKey, urlKey } from './ids.js';
export { normaliseTags } from './normalise-tags.js';
export { type ParsedDate, parseDate } from './parse-date.js';
export { FEED_REASON, parseDocument } from './parse-document.js';
export type { FeedKind, FeedParseContext, FeedParseResult } from './parse-feed.js';
export { parseFeed } from './parse-feed.js';
export { decodeFeedBytes } from './parse-feed-bytes.js';
export type { DocumentsOutcome, SourceDocument } from './parse-feed-file.js';
export {
  DEFAULT_MAX_FEED_FILE_BYTES,
  documentKey,
  readFeedFile,
  readSourceDocuments,
} from './parse-feed-file.js';
export { DEFAULT_MAX_BYTES, listSourceFiles, readSourceFile, readSourceFiles } from './read-files.js';
export type { DocumentFormat, FileOutcome, ParseContext, ParseOutcome } from './types.js';
