/**
 * Id of the deliver job of one digest, and the idempotency key its publisher gets: stable for a
 * subscription and local date, so that enqueueing the same digest twice is a no-op in BullMQ and a
 * re-run posts under the same key. Contains no ':' (BullMQ job ids may not) and is never all digits
 * (BullMQ reads those as its own numeric ids): `deliver.<subscriptionId>.<YYYY-MM-DD>`.
 */
export function deliveryJobId(subscriptionId: string, localDate: string): string {
  return `deliver.${subscriptionId.replace(/:/g, '~3a')}.${localDate}`;
}
