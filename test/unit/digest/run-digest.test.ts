import { describe, expect, it } from 'vitest';
import { deliveryJobId } from '../../../src/digest/ids.js';
import { RecordingPublisher } from '../../../src/digest/recording-publisher.js';
import { runDelivery } from '../../../src/digest/run-delivery.js';
import { type DigestJobOutcome, runDigest } from '../../../src/digest/run-digest.js';
import type { Digest } from '../../../src/ports/publisher.js';
import { article, engineWith, memoryPorts, subscription } from './fixtures.js';

// 08:00 in Seoul on Wednesday 14 and Thursday 15 January 2026.
const FIRST = new Date('2026-01-13T23:00:00Z');
const SECOND = new Date('2026-01-14T23:00:00Z');

function setup() {
  const tooOld = article('Korean Air orders a fleet of new jets', '2026-01-12T22:00:00Z', {
    outlet: 'Korea Herald',
  });
  const rates = article("South Korea's central bank holds interest rates steady", '2026-01-13T02:00:00Z', {
    outlet: 'Yonhap',
  });
  const missile = article('North Korea fires ballistic missile into the sea', '2026-01-13T03:00:00Z', {
    outlet: 'Reuters',
  });
  const budget = article("Japan's parliament passes record budget", '2026-01-13T04:00:00Z', {
    outlet: 'NHK',
  });
  const engine = engineWith([tooOld, rates, missile, budget]);
  const ports = memoryPorts();
  const publisher = new RecordingPublisher('slack');
  const sub = subscription();
  const deps = { ...ports, engine };
  const deliver = (digest: Digest, now: Date) =>
    runDelivery(digest, { ...ports, publishers: { slack: publisher }, now });
  return { engine, ports, publisher, sub, deps, deliver, tooOld, rates, missile, budget };
}

function digestOf(outcome: DigestJobOutcome): Digest {
  if (outcome.kind !== 'deliver')
    throw new Error(`expected a digest, got ${outcome.kind}: ${outcome.message}`);
  return outcome.digest;
}

const articleIds = (digest: Digest) => digest.briefing.stories.flatMap((s) => s.articleIds).sort();

describe('runDigest', () => {
  it('builds the first digest from the last 24 hours, for the local date of the trigger', async () => {
    const { ports, sub, deps, rates, missile } = setup();
    await ports.subscriptions.put(sub);
    const outcome = await runDigest({ subscriptionId: sub.id, firedAt: FIRST }, deps);
    expect(outcome).toMatchObject({
      kind: 'deliver',
      localDate: '2026-01-14',
      jobId: deliveryJobId(sub.id, '2026-01-14'),
    });
    expect(articleIds(digestOf(outcome))).toEqual([rates.id, missile.id].sort());
  });

  it('excludes what the channel received, also a story that only gained an outlet, and includes new stories', async () => {
    const { engine, ports, sub, deps, deliver, missile } = setup();
    await ports.subscriptions.put(sub);
    const first = digestOf(await runDigest({ subscriptionId: sub.id, firedAt: FIRST }, deps));
    expect(await deliver(first, new Date(FIRST.getTime() + 5_000))).toMatchObject({ kind: 'delivered' });

    const moreCoverage = article('North Korea fires ballistic missile into the sea', '2026-01-14T02:00:00Z', {
      outlet: 'AP',
    });
    const fresh = article('Korean won strengthens against the dollar', '2026-01-14T05:00:00Z', {
      outlet: 'Bloomberg',
    });
    engine.add([moreCoverage]);
    engine.add([fresh]);
    // The AP copy joined the missile story, which now has a new article.
    expect(engine.storyOf(moreCoverage.id)?.id).toBe(engine.storyOf(missile.id)?.id);

    const second = digestOf(await runDigest({ subscriptionId: sub.id, firedAt: SECOND }, deps));
    expect(second.localDate).toBe('2026-01-15');
    expect(articleIds(second)).toEqual([fresh.id]);
  });

  it('skips a missing or paused subscription', async () => {
    const { ports, sub, deps } = setup();
    expect(await runDigest({ subscriptionId: sub.id, firedAt: FIRST }, deps)).toMatchObject({
      kind: 'skipped',
      reason: 'missing',
    });
    await ports.subscriptions.put({
      ...sub,
      paused: { reason: 'paused with /news pause', at: FIRST.toISOString(), by: 'user' },
    });
    expect(await runDigest({ subscriptionId: sub.id, firedAt: FIRST }, deps)).toMatchObject({
      kind: 'skipped',
      reason: 'paused',
      localDate: '2026-01-14',
    });
  });

  it('skips a date already sent, or being sent', async () => {
    const { ports, sub, deps, deliver } = setup();
    await ports.subscriptions.put(sub);
    const digest = digestOf(await runDigest({ subscriptionId: sub.id, firedAt: FIRST }, deps));
    await ports.deliveries.begin(sub.id, digest.localDate, { storyIds: [], articleIds: [] }, FIRST);
    expect(await runDigest({ subscriptionId: sub.id, firedAt: FIRST }, deps)).toMatchObject({
      kind: 'skipped',
      reason: 'in-progress',
    });
    await deliver(digest, FIRST);
    // Same local date, even when fired again later that day (the time was changed).
    const later = new Date(FIRST.getTime() + 6 * 3_600_000);
    expect(await runDigest({ subscriptionId: sub.id, firedAt: later }, deps)).toMatchObject({
      kind: 'skipped',
      reason: 'already-sent',
      localDate: '2026-01-14',
    });
  });

  it('skips a weekdays subscription on a weekend in its own zone', async () => {
    const { ports, deps } = setup();
    const sub = subscription({ days: 'weekdays' });
    await ports.subscriptions.put(sub);
    // Saturday 08:00 in Seoul is Friday 23:00 UTC.
    const saturday = new Date('2026-01-16T23:00:00Z');
    expect(await runDigest({ subscriptionId: sub.id, firedAt: saturday }, deps)).toMatchObject({
      kind: 'skipped',
      reason: 'weekend',
      localDate: '2026-01-17',
    });
    // Friday 08:00 in Seoul is Thursday in UTC: not a weekend.
    const friday = new Date('2026-01-15T23:00:00Z');
    const onFriday = await runDigest({ subscriptionId: sub.id, firedAt: friday }, deps);
    expect(onFriday).toMatchObject({ kind: 'skipped', reason: 'empty', localDate: '2026-01-16' });
  });

  it('skips an empty digest, or sends a "no new stories" one when asked to', async () => {
    const { ports, deps } = setup();
    const sub = subscription({ tags: ['volcano'] });
    await ports.subscriptions.put(sub);
    expect(await runDigest({ subscriptionId: sub.id, firedAt: FIRST }, deps)).toMatchObject({
      kind: 'skipped',
      reason: 'empty',
    });
    const outcome = await runDigest(
      { subscriptionId: sub.id, firedAt: FIRST },
      { ...deps, options: { sendEmptyDigests: true } },
    );
    const digest = digestOf(outcome);
    expect(digest.briefing.stories).toEqual([]);
    expect(digest.localDate).toBe('2026-01-14');
  });
});
