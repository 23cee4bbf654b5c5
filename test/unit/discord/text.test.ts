import { describe, expect, it } from 'vitest';
import {
  defuseMentions,
  discordText,
  safeMarkdown,
  safePlain,
  truncate,
} from '../../../adapters/discord/render/text.js';

const ZWSP = '\u200b';

describe('defuseMentions', () => {
  it.each([
    ['@everyone look', `@${ZWSP}everyone look`],
    ['hi @here', `hi @${ZWSP}here`],
    ['<@123> and <@!5>', `<${ZWSP}@123> and <${ZWSP}@!5>`],
    ['role <@&456>', `role <${ZWSP}@&456>`],
    ['see <#789>', `see <${ZWSP}#789>`],
    ['run </news:1>', `run <${ZWSP}/news:1>`],
    ['at <t:1700000000:R>', `at <${ZWSP}t:1700000000:R>`],
    ['emoji <:x:1> <a:y:2>', `emoji <${ZWSP}:x:1> <${ZWSP}a:y:2>`],
    ['3 < 4 and a@b.c, <tags> <all>', '3 < 4 and a@b.c, <tags> <all>'],
  ])('%s', (input, expected) => {
    expect(defuseMentions(input)).toBe(expected);
  });
});

describe('safeMarkdown', () => {
  it('escapes markdown and masked links, collapses whitespace, defuses mentions', () => {
    expect(safeMarkdown('**Big** [click](https://evil.example)\n\n@everyone')).toBe(
      `\\*\\*Big\\*\\* \\[click](https://evil.example) @${ZWSP}everyone`,
    );
  });
  it('leaves plain fields unescaped but defused', () => {
    expect(safePlain('Science *Daily* <@&1>')).toBe(`Science *Daily* <${ZWSP}@&1>`);
  });
});

describe('truncate', () => {
  it('keeps short text', () => {
    expect(truncate('short', 10)).toBe('short');
  });
  it('cuts at a word boundary with an ellipsis, within the limit', () => {
    const out = truncate('one two three four five six seven', 20);
    expect(out.length).toBeLessThanOrEqual(20);
    expect(out).toBe('one two three four…');
  });
  it('never splits a surrogate pair or leaves a dangling escape', () => {
    const emoji = '😀'.repeat(20);
    expect(truncate(emoji, 11)).toBe(`${'😀'.repeat(5)}…`);
    const odd = truncate(emoji, 10);
    expect(odd).toBe(`${'😀'.repeat(4)}…`);
    expect(odd.length).toBeLessThanOrEqual(10);
    expect(truncate('abcdefgh\\\\ijkl', 11)).toBe('abcdefgh…');
  });
});

describe('discordText', () => {
  it('names the /digest subcommands and escapes markdown', () => {
    expect(
      discordText('Start one with /news subscribe <tags>, then /news resume. Zone Asia/Ho_Chi_Minh.'),
    ).toBe('Start one with /digest subscribe <tags>, then /digest resume. Zone Asia/Ho\\_Chi\\_Minh.');
  });
  it('keeps newsbrief’s own channel links but defuses pings', () => {
    expect(discordText('lost access to <#42> @everyone')).toBe(`lost access to <#42> @${ZWSP}everyone`);
  });
  it('leaves /news <topic> alone', () => {
    expect(discordText('For example: /news korea')).toBe('For example: /news korea');
  });
});
