import { describe, expect, it } from 'vitest';
import { HELP_TOPICS, helpText, parseCommand } from '../../../src/commands/index.js';

const KIND: Record<(typeof HELP_TOPICS)[number], string> = {
  brief: 'brief',
  subscribe: 'subscribe',
  unsubscribe: 'unsubscribe',
  list: 'list',
  pause: 'pause',
  resume: 'resume',
  preview: 'preview',
  help: 'help',
};

describe('helpText', () => {
  it('gives an overview with a line for every command', () => {
    const help = helpText();
    expect(help.title).toMatch(/newsbrief/);
    expect(help.lines).toHaveLength(HELP_TOPICS.length);
    for (const topic of ['subscribe', 'unsubscribe', 'list', 'pause', 'resume', 'preview', 'help']) {
      expect(help.lines.some((line) => line.startsWith(`/news ${topic}`))).toBe(true);
    }
    expect(help.examples.length).toBeGreaterThan(0);
  });

  it.each(HELP_TOPICS)('describes %s with examples that parse as that command', (topic) => {
    const help = helpText(topic);
    expect(help.title).toMatch(/^\/news/);
    expect(help.lines.length).toBeGreaterThan(0);
    expect(help.examples.length).toBeGreaterThan(0);
    for (const example of help.examples) {
      expect(example.startsWith('/news ')).toBe(true);
      const result = parseCommand(example.slice('/news '.length));
      expect(result).toMatchObject({ ok: true, command: { kind: KIND[topic] } });
    }
  });

  it('accepts aliases and falls back to the overview for unknown names', () => {
    expect(helpText('Topic')).toStrictEqual(helpText('brief'));
    expect(helpText('/Subscribe')).toStrictEqual(helpText('subscribe'));
    expect(helpText('nonsense')).toStrictEqual(helpText());
  });

  it('returns copies the caller may change', () => {
    helpText('list').lines.push('changed');
    expect(helpText('list').lines).not.toContain('changed');
  });

  it('is plain text: no mentions or control characters', () => {
    for (const topic of [undefined, ...HELP_TOPICS]) {
      const { title, lines, examples } = helpText(topic);
      for (const text of [title, ...lines, ...examples]) {
        expect(text).not.toMatch(/@(everyone|here|channel)|[\p{Cc}]/u);
      }
    }
  });
});
