import { describe, expect, it } from 'vitest';
import {
  channelMention,
  clip,
  cut,
  escapeText,
  link,
  safeUrl,
  unescapeText,
  userMention,
} from '../../../adapters/slack/render/mrkdwn.js';

describe('escapeText', () => {
  it('escapes &, < and > so that no control sequence survives', () => {
    expect(escapeText('<!channel> & <@U123> <#C1|x> <!subteam^S1> <https://evil|click>')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;#C1|x&gt; &lt;!subteam^S1&gt; &lt;https://evil|click&gt;',
    );
  });

  it('defuses @here, @channel and @everyone with a word joiner', () => {
    expect(escapeText('hi @here and @Channel, @everyone!')).toBe(
      'hi @\u2060here and @\u2060Channel, @\u2060everyone!',
    );
    expect(escapeText('mail@hereford.example')).toBe('mail@hereford.example');
  });

  it('drops bidi overrides and control characters but keeps newlines', () => {
    expect(escapeText('a\u202Eb\u0007c\nd')).toBe('abc\nd');
  });

  it('escapes an existing entity again, so it shows as typed', () => {
    expect(escapeText('&lt;')).toBe('&amp;lt;');
  });
});

describe('clip and cut', () => {
  it('leaves short text alone', () => {
    expect(clip('short & sweet', 100)).toBe('short &amp; sweet');
    expect(cut('short', 5)).toBe('short');
  });

  it('never cuts inside an entity and stays within the limit once escaped', () => {
    const text = '&'.repeat(50);
    const out = clip(text, 23);
    expect(out.length).toBeLessThanOrEqual(23);
    expect(out).toBe(`${'&amp;'.repeat(4)}…`);
  });

  it('cuts on code points, never splitting an emoji', () => {
    expect(cut('😀😀😀', 2)).toBe('😀…');
    expect(clip('😀😀😀', 3)).toBe('😀…');
  });
});

describe('safeUrl and link', () => {
  it('keeps http(s) URLs, encoding what would end the link', () => {
    expect(safeUrl('https://a.example/x?a=1&b=<2>|3')).toBe('https://a.example/x?a=1&amp;b=%3C2%3E%7C3');
  });

  it('refuses other schemes, credentials and garbage', () => {
    for (const bad of [
      'javascript:alert(1)',
      'slack://channel?id=1',
      '/relative',
      'not a url',
      'https://u:p@a.example/',
    ]) {
      expect(safeUrl(bad)).toBeNull();
    }
    expect(safeUrl(`https://a.example/${'x'.repeat(2000)}`)).toBeNull();
  });

  it('links with an escaped label, or shows only the label', () => {
    expect(link('https://a.example/', 'A <b>')).toBe('<https://a.example/|A &lt;b&gt;>');
    expect(link('javascript:alert(1)', 'click')).toBe('click');
    expect(link(null, 'x & y')).toBe('x &amp; y');
  });
});

describe('mentions from our own ids', () => {
  it('mentions well-formed ids only', () => {
    expect(channelMention('C0123ABC')).toBe('<#C0123ABC>');
    expect(channelMention('C1>|<!here')).toBe('a channel');
    expect(userMention('U0123')).toBe('<@U0123>');
    expect(userMention('!channel')).toBe('');
  });
});

describe('unescapeText', () => {
  it('reads slash-command text as typed', () => {
    expect(unescapeText('AT&amp;T &lt;!channel&gt; &amp;lt;')).toBe('AT&T <!channel> &lt;');
  });
});
