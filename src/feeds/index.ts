export {
  type FeedList,
  type FeedUrlCheck,
  loadFeedList,
  normaliseFeedUrl,
  parseFeedList,
  syncFeeds,
} from './feed-list.js';
export {
  DEFAULT_MAX_REDIRECTS,
  type FetchFeedOptions,
  type FetchResult,
  fetchFeed,
  formatBytes,
} from './fetch-feed.js';
export { type FileIngestReport, ingestFile } from './ingest-file.js';
export {
  backoffMs,
  DEFAULT_POLL_OPTIONS,
  type PollDeps,
  type PollOptions,
  type PollOutcome,
  type PollSummary,
  pollFeed,
} from './poll-feed.js';
export { type FolderWatch, type WatchFoldersOptions, watchFolders } from './watch-folders.js';
