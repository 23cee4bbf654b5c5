/** The `/news` command grammar, shared by the Slack and Discord adapters. */
export { HELP_TOPICS, type HelpText, type HelpTopic, helpText, helpTopic } from './help.js';
export { MAX_COMMAND_LENGTH, MAX_TAG_LENGTH, MAX_TAGS, MAX_TOPIC_LENGTH } from './limits.js';
export { parseCommand } from './parse.js';
export { echo } from './sanitise.js';
export { normaliseTag, type TagResult } from './tags.js';
export { parseTime, type TimeResult } from './time.js';
export {
  listTimeZones,
  lookupTimeZone,
  suggestTimeZones,
  type TimeZoneResult,
  validateTimeZone,
} from './timezone.js';
export type { Command, CommandError, CommandErrorCode, ParseResult, Weekdays } from './types.js';
