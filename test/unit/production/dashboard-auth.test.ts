/** Basic auth of the queue dashboard: header parsing and the constant-time comparison. */
import { describe, expect, it } from 'vitest';
import { constantTimeEqual, parseBasicAuth } from '../../../src/runtime/dashboard.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('parseBasicAuth', () => {
  it('reads the user and the password (which may contain colons)', () => {
    expect(parseBasicAuth(`Basic ${b64('operator:pa:ss word')}`)).toEqual({
      user: 'operator',
      password: 'pa:ss word',
    });
    expect(parseBasicAuth(`basic ${b64('ü:ñ')}`)).toEqual({ user: 'ü', password: 'ñ' });
  });

  it('rejects anything else', () => {
    expect(parseBasicAuth(undefined)).toBeNull();
    expect(parseBasicAuth('')).toBeNull();
    expect(parseBasicAuth('Bearer abc')).toBeNull();
    expect(parseBasicAuth(`Basic ${b64('no-colon')}`)).toBeNull();
    expect(parseBasicAuth('Basic !!!')).toBeNull();
  });
});

describe('constantTimeEqual', () => {
  it('compares strings of any lengths', () => {
    expect(constantTimeEqual('secret', 'secret')).toBe(true);
    expect(constantTimeEqual('secret', 'secreT')).toBe(false);
    expect(constantTimeEqual('secret', 'secret-but-longer')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
    expect(constantTimeEqual('', 'x')).toBe(false);
  });
});
