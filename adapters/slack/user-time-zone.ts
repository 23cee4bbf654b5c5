/**
 * The time zone of a Slack user (users.info `tz`), used as the default zone of a new subscription
 * that names none. Best effort: without the users:read scope, or if Slack is slow, there is none.
 *
 * @see https://docs.slack.dev/reference/methods/users.info
 */
import type { webApi } from '@slack/bolt';

const TIMEOUT_MS = 1500;

export async function userTimeZone(client: webApi.WebClient, userId: string): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), TIMEOUT_MS);
  });
  try {
    const lookup = client.users.info({ user: userId }).then(
      (result) => result.user?.tz || undefined,
      () => undefined,
    );
    return await Promise.race([lookup, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
