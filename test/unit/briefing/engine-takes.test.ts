import { describe, expect, it } from 'vitest';
import { NewsEngine } from '../../../src/briefing/engine.js';
import { parseDocument } from '../../../src/ingest/parse-document.js';

const ctx = { origin: '/news/take.txt', mtime: new Date('2026-01-14T09:00:00Z') };

function take(text: string) {
  const outcome = parseDocument(text, ctx);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.articles;
}

describe('takes of one wire story', () => {
  it('read as one article: the later take is a duplicate of the first', () => {
    const engine = new NewsEngine();
    const first = engine.add(
      take(
        '(LEAD) Port strike ends\nJanuary 13, 2026 (Harbour Wire)\nDockworkers returned to work on Tuesday.',
      ),
    );
    const second = engine.add(
      take(
        '(2nd LD) Port strike ends\nJanuary 13, 2026 (Harbour Wire)\nDockworkers returned to work on Tuesday after a two-day strike.',
      ),
    );
    expect(first.added).toHaveLength(1);
    expect(second.added).toHaveLength(0);
    expect(second.duplicates).toHaveLength(1);
    expect(engine.stories().map((s) => s.title)).toEqual(['Port strike ends']);
  });

  it("keep the fuller text: a later, longer take replaces the first one's body and summary", () => {
    const engine = new NewsEngine();
    engine.add(
      take(
        '(LEAD) Port strike ends\nJanuary 13, 2026 (Harbour Wire)\nDockworkers returned to work on Tuesday.',
      ),
    );
    const [first] = engine.stories();
    engine.add(
      take(
        '(2nd LD) Port strike ends\nJanuary 13, 2026 (Harbour Wire)\n' +
          'Dockworkers returned to work on Tuesday after a two-day strike that left 40 ships waiting off the coast, the port authority said.\n' +
          'The union accepted a 6% pay rise over two years.',
      ),
    );
    const [story] = engine.stories();
    expect(story!.id).toBe(first!.id);
    expect(story!.summary).toContain('after a two-day strike that left 40 ships waiting');
    expect(engine.brief('union pay', { now: new Date('2026-01-14T00:00:00Z') }).stories).toHaveLength(1);
    // A shorter copy read afterwards changes nothing.
    engine.add(take('Port strike ends\nJanuary 13, 2026 (Harbour Wire)\nDockworkers returned to work.'));
    expect(engine.stories()[0]!.summary).toBe(story!.summary);
  });
});
