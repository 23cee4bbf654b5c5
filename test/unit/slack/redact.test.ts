import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../../adapters/slack/redact.js';

describe('redactSecrets', () => {
  it('removes tokens, secrets and response URLs from log lines', () => {
    const line =
      'token=xoxb-123-456-abc&client_secret=s3cr3t {"token":"verif"} Bearer xapp-1-A1-xyz ' +
      'https://hooks.slack.com/commands/T1/123/abc xoxp-9-9';
    const out = redactSecrets(line);
    for (const secret of ['xoxb-123', 's3cr3t', 'verif', 'xapp-1-A1', 'commands/T1/123', 'xoxp-9']) {
      expect(out).not.toContain(secret);
    }
  });
});
