/**
 * Datelines that open a wire story: "TOKYO (Kyodo) — ", "LONDON (Reuters) - ",
 * "WASHINGTON, Jan 5 (Reuters) -", "Jan 13 (Reuters) - ", "SEOUL, South Korea (AP) — ", "KYIV —",
 * "London – ".
 */

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
// An upper-case place ("TOKYO", "NEW YORK", "ST. LOUIS"), optionally ", Region" and ", Jan 5".
const CAPS_PLACE = `[\\p{Lu}][\\p{Lu}.'’-]+(?:\\s+[\\p{Lu}][\\p{Lu}.'’-]*){0,3}`;
const REGION = `(?:,\\s+[\\p{Lu}][\\p{L}.'’-]*(?:\\s+[\\p{Lu}][\\p{L}.'’-]*){0,2})?`;
const DAY = `(?:,\\s+(?:${MONTH}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH}))?`;
// A short agency or outlet in parentheses: "(Kyodo)", "(Reuters)", "(AP)", "(CNN)".
const AGENCY = `\\(\\s*[\\p{Lu}][\\p{L}\\p{N}&.'’/ -]{0,30}\\)`;
const DASH = '(?:\\s*(?:[-–—:]+|--)\\s*|\\s+)';

// A date alone may stand for the place: "Jan 13 (Reuters) - ".
const DATE_ONLY = `(?:${MONTH}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH})`;
const WITH_AGENCY = new RegExp(
  `^(?:${CAPS_PLACE}${REGION}${DAY}\\s*|${DATE_ONLY}\\s*)?${AGENCY}${DASH}(?=\\S)`,
  'u',
);
const CAPS_WITH_DASH = new RegExp(
  `^${CAPS_PLACE}${REGION}${DAY}\\s*(?:[–—]|--|\\s-)\\s+(?=["“'‘]?\\p{Lu})`,
  'u',
);
// A title-case place needs an en or em dash: "London – The foreign ministers …".
const TITLE_WITH_DASH = new RegExp(
  `^[\\p{Lu}][\\p{Ll}'’-]+(?:\\s+[\\p{Lu}][\\p{Ll}'’-]+){0,2}${REGION}\\s+[–—]\\s+(?=["“'‘]?\\p{Lu})`,
  'u',
);

/** Removes a dateline from the start of a story's first paragraph; other text is returned unchanged. */
export function stripDateline(text: string): string {
  // Each pattern is tried only on text holding what it cannot match without: the agency's "(",
  // a dash, and (in ASCII) two capitals or a capital and a dot, apostrophe or hyphen.
  const dash = text.includes('–') || text.includes('—');
  const m =
    (text.includes('(') ? WITH_AGENCY.exec(text) : null) ??
    ((dash || text.includes('-')) && mayOpenCapsPlace(text) ? CAPS_WITH_DASH.exec(text) : null) ??
    (dash ? TITLE_WITH_DASH.exec(text) : null);
  return m ? text.slice(m[0].length).trimStart() : text;
}

/** False when text cannot open with CAPS_PLACE: its first or second character is ASCII and out of place. */
function mayOpenCapsPlace(text: string): boolean {
  const first = text.charCodeAt(0);
  const second = text.charCodeAt(1);
  if (first < 128 && !(first >= 65 && first <= 90)) return false;
  return second >= 128 || (second >= 65 && second <= 90) || second === 46 || second === 39 || second === 45;
}

/** True when text starts with a dateline. */
export function startsWithDateline(text: string): boolean {
  return stripDateline(text) !== text;
}
