/**
 * Publication dates are strings with the precision of their source ("2026-01-13" or an ISO instant).
 * For arithmetic, a day-only date stands for noon UTC of that day: the middle of the day, which keeps
 * the error of any single reading under 12 hours.
 */
export function publishedMs(publishedAt: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(publishedAt)) return Date.parse(`${publishedAt}T12:00:00Z`);
  return Date.parse(publishedAt);
}

/** Human age: "3 hours", "2 days", "5 months", "3 years". */
export function describeAge(hours: number): string {
  const h = Math.max(0, hours);
  if (h < 1) return 'less than an hour';
  if (h < 48) return plural(Math.round(h), 'hour');
  const days = h / 24;
  if (days < 60) return plural(Math.round(days), 'day');
  if (days < 730) return plural(Math.round(days / 30.44), 'month');
  return plural(Math.round(days / 365.25), 'year');
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * How long ago, at the precision of the date: a day-only date says "today", "yesterday",
 * "3 days ago"; an instant says "5 hours ago". A date up to an hour ahead (clock skew) reads as
 * "just now", a day-only date up to a day ahead (time zones) as "today"; one further ahead of the
 * briefing's clock (a briefing asked for an earlier time than the newest news) says so: "in 6 days",
 * "in 3 hours".
 */
export function relativeTime(publishedAt: string, now: Date): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(publishedAt)) {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const days = Math.round((today - Date.parse(`${publishedAt}T00:00:00Z`)) / 86_400_000);
    // A day ahead is still today somewhere east of UTC (a Seoul paper's date at 20:00 UTC).
    if (days === 0 || days === -1) return 'today';
    if (days === 1) return 'yesterday';
    return days < 0 ? `in ${describeAge(-days * 24)}` : `${describeAge(days * 24)} ago`;
  }
  const hours = (now.getTime() - Date.parse(publishedAt)) / 3_600_000;
  if (hours < -1) return `in ${describeAge(-hours)}`;
  if (hours < 1 / 60) return 'just now';
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min ago`;
  return `${describeAge(hours)} ago`;
}

/** One formatter for every call: building an Intl.DateTimeFormat costs about a millisecond. */
const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "13 Jan 2026" for a day, "13 Jan 2026 08:30 UTC" for an instant. */
export function formatDate(publishedAt: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(publishedAt);
  const d = new Date(day ? `${publishedAt}T00:00:00Z` : publishedAt);
  const date = DAY_FORMAT.format(d);
  return day ? date : `${date} ${d.toISOString().slice(11, 16)} UTC`;
}
