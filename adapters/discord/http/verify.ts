/**
 * Ed25519 verification of Discord's HTTP interactions: `X-Signature-Ed25519` is the signature of
 * `X-Signature-Timestamp + raw body` by the application's public key (hex). Discord sends invalid
 * signatures on purpose and removes the endpoint if they are accepted. Timestamps more than five
 * minutes from our clock are refused too, against replays (Discord names no window).
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export const MAX_SKEW_MS = 5 * 60_000;

export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('DISCORD_PUBLIC_KEY must be 64 hex characters');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

export function verifyInteraction(
  key: KeyObject,
  body: Buffer,
  signature: string | undefined,
  timestamp: string | undefined,
  nowMs: number = Date.now(),
): boolean {
  if (signature === undefined || timestamp === undefined) return false;
  if (!/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowMs - Number(timestamp) * 1000) > MAX_SKEW_MS) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp), body]), key, Buffer.from(signature, 'hex'));
  } catch {
    return false;
  }
}
