import type { Briefing } from '../model.js';
import { describeAge, formatDate, relativeTime } from './dates.js';

export interface TextRenderOptions {
  /** Show each story's score parts. */
  explain?: boolean;
}

/** Plain-text rendering of a briefing, for terminals and logs. */
export function renderBriefingText(briefing: Briefing, options: TextRenderOptions = {}): string {
  const now = new Date(briefing.generatedAt);
  const lines: string[] = [];
  const { stories, totalStories, offset, notice } = briefing;
  lines.push(`Briefing: ${briefing.topic} · ${formatDate(briefing.generatedAt)}`);
  if (notice?.kind === 'no-match') {
    lines.push('', `No stories match "${briefing.topic}".`);
    if (notice.suggestions.length > 0)
      lines.push(`Known topics close to it: ${notice.suggestions.join(', ')}.`);
    return `${lines.join('\n')}\n`;
  }
  if (stories.length === 0) {
    lines.push('', offset > 0 ? 'No more stories.' : `No new stories on "${briefing.topic}".`);
    return `${lines.join('\n')}\n`;
  }
  if (notice?.kind === 'only-old') {
    lines.push(`Only older stories match: the newest is ${describeAge(notice.newestAgeHours)} old.`);
  }
  if (briefing.unmatched)
    lines.push(
      unmatchedNote(
        briefing.unmatched,
        (w) => `"${w}"`,
        (s) => s,
      ),
    );
  const last = offset + stories.length;
  lines.push(`Stories ${offset + 1}–${last} of ${totalStories}`);
  stories.forEach((story, i) => {
    lines.push('');
    lines.push(`${offset + i + 1}. ${story.title}`);
    const outlets = story.outlets.map((o) => o.name).join(', ') || 'unknown outlet';
    lines.push(`   ${outlets} · ${relativeTime(story.publishedAt, now)} (${formatDate(story.publishedAt)})`);
    if (story.summary) lines.push(...wrap(story.summary, 96).map((l) => `   ${l}`));
    if (story.url) lines.push(`   ${story.url}`);
    if (options.explain) {
      const s = story.score;
      lines.push(
        `   score ${s.total.toFixed(3)} = relevance ${s.relevance.toFixed(3)} · coverage ${s.coverage.toFixed(3)}` +
          ` (${story.outlets.length} outlets) · recency ${s.recency.toFixed(3)} · diversity ${s.diversity.toFixed(3)}`,
      );
    }
  });
  return `${lines.join('\n')}\n`;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

/**
 * The note for words of the topic that no article mentions: `No article mentions "kroea"; these
 * stories match the other words. Known topics close to it: korea.`, or when the briefing is on a
 * corrected topic, `No article mentions "japna"; showing stories on "japan" instead.` Each renderer
 * passes its own quoting and escaping of user text.
 */
export function unmatchedNote(
  unmatched: { words: readonly string[]; suggestions: readonly string[]; corrected?: string },
  quote: (word: string) => string,
  escapeText: (text: string) => string,
): string {
  const words = unmatched.words.map(quote).join(' or ');
  if (unmatched.corrected !== undefined) {
    return `No article mentions ${words}; showing stories on ${quote(unmatched.corrected)} instead.`;
  }
  const close =
    unmatched.suggestions.length > 0
      ? ` Known topics close to ${unmatched.words.length > 1 ? 'the first' : 'it'}: ${unmatched.suggestions.map(escapeText).join(', ')}.`
      : '';
  return `No article mentions ${words}; these stories match the other words.${close}`;
}
