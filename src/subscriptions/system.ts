/**
 * Subscription changes made by newsbrief itself rather than by a command: after a permanent
 * delivery failure, when the app is uninstalled or the bot removed from a server, and at start.
 */

import type { SubscriptionPorts } from './context.js';
import type { Platform, Subscription } from './model.js';

/**
 * Pauses a subscription because delivery failed permanently (channel gone, archived, no access).
 * The reason is shown by /news list; /news resume clears it. Removes the trigger (the scheduler
 * keeps none for a paused subscription). Overrides a user pause: the system reason is the one that
 * matters then. Returns the paused subscription, or null when it no longer exists.
 */
export async function pauseBySystem(
  subscriptionId: string,
  reason: string,
  now: Date,
  deps: Pick<SubscriptionPorts, 'subscriptions' | 'scheduler'>,
): Promise<Subscription | null> {
  const sub = await deps.subscriptions.get(subscriptionId);
  if (sub === null) return null;
  const paused: Subscription = {
    ...sub,
    paused: { reason, at: now.toISOString(), by: 'system' },
    updatedAt: now.toISOString(),
  };
  await deps.subscriptions.put(paused);
  await deps.scheduler.upsert(paused);
  return paused;
}

/**
 * Deletes a subscription with its trigger and delivery history (unsubscribe all, a permanent
 * failure with action 'remove'). Idempotent; returns whether it existed. The trigger and history go
 * first, so a crash half way leaves a subscription that a retry removes, never an orphan trigger.
 */
export async function removeSubscription(subscriptionId: string, deps: SubscriptionPorts): Promise<boolean> {
  await deps.scheduler.remove(subscriptionId);
  await deps.deliveries.forget(subscriptionId);
  return deps.subscriptions.delete(subscriptionId);
}

/**
 * Removes every subscription of a team (Slack app uninstalled, bot removed from a Discord server)
 * with their triggers and histories. Returns the ids removed.
 */
export async function removeTeam(
  platform: Platform,
  teamId: string,
  deps: SubscriptionPorts,
): Promise<string[]> {
  const subs = await deps.subscriptions.listByTeam(platform, teamId);
  const removed: string[] = [];
  for (const sub of subs) {
    await removeSubscription(sub.id, deps);
    removed.push(sub.id);
  }
  return removed.sort();
}

/**
 * Upserts the trigger of every subscription (at start, or after the scheduler's state was lost);
 * the scheduler drops the trigger of a paused one. Returns how many subscriptions there are.
 */
export async function syncSchedules(
  deps: Pick<SubscriptionPorts, 'subscriptions' | 'scheduler'>,
): Promise<number> {
  const subs = await deps.subscriptions.listAll();
  for (const sub of subs) await deps.scheduler.upsert(sub);
  return subs.length;
}
