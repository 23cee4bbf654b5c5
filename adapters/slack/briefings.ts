/** Builds a briefing page with the core engine, and reports how long it took. */
import type { Briefing } from '../../src/model.js';
import type { PlatformContext } from '../../src/ports/platform.js';

export function buildBriefing(
  context: PlatformContext,
  topic: string,
  page: { now: Date; offset: number; limit: number },
): Briefing {
  const started = performance.now();
  const briefing = context.engine().brief(topic, page);
  context.metrics.briefingBuilt((performance.now() - started) / 1000);
  return briefing;
}
