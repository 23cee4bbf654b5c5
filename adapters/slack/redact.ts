/**
 * Secrets out of log lines. Bolt and the Slack SDK log request bodies and URLs at debug level;
 * every line they write goes through `redactSecrets` before it reaches our logger, so tokens
 * (xoxb-, xoxp-, xapp-…), client secrets, response URLs (which let anyone post for 30 minutes) and
 * the deprecated verification token in slash-command bodies never get into the logs.
 */

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/\bxox[a-z]-[A-Za-z0-9-]+/g, 'xox*-<redacted>'],
  [/\bxapp-[A-Za-z0-9-]+/g, 'xapp-<redacted>'],
  [/https:\/\/hooks\.slack(?:-gov)?\.com\/[^\s"'&]+/g, 'https://hooks.slack.com/<redacted>'],
  [
    /("?(?:token|client_secret|signing_secret|refresh_token|access_token)"?\s*[:=]\s*"?)[^"&\s,}]+/gi,
    '$1<redacted>',
  ],
];

export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
