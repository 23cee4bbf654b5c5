import { describe, expect, it } from 'vitest';
import { htmlToText, looksLikeHtml, stripMarkdown } from '../../../src/ingest/clean-markup.js';

describe('htmlToText', () => {
  it('turns block elements into paragraphs, decodes entities and drops scripts and captions', () => {
    const html =
      '<article><figure><img src="a.jpg"><figcaption>A caption.</figcaption></figure>' +
      '<p>First&nbsp;paragraph &amp; more.</p><script>var x = "<p>no</p>";</script>' +
      '<p>Second<br>line &#8217;quoted&#8217;.</p><nav>Home | World</nav></article>';
    expect(htmlToText(html)).toBe('First paragraph & more.\n\nSecond\nline ’quoted’.');
  });
  it('detects HTML only when there are real elements', () => {
    expect(looksLikeHtml('<p>Text</p>')).toBe(true);
    expect(looksLikeHtml('Prices rose 5% as 3 < 4 and 5 > 2.')).toBe(false);
  });
});

describe('stripMarkdown', () => {
  it('removes Markdown syntax and keeps the text of links', () => {
    const md = [
      '# Heading',
      '',
      'Some **bold**, _italic_ and `code` with a [link](https://example.org/a_(b)).',
      '',
      '![An image caption](https://example.org/i.jpg)',
      '',
      '> A quote.',
      '',
      '- item one',
      '1. item two',
      '',
      '[ref]: https://example.org',
    ].join('\n');
    expect(
      stripMarkdown(md)
        .replace(/\n{2,}/g, '\n\n')
        .trim(),
    ).toBe('Heading\n\nSome bold, italic and code with a link.\n\nA quote.\n\nitem one\nitem two');
  });
  it('leaves snake_case words and arithmetic alone', () => {
    expect(stripMarkdown('The file_name_here has 2 * 3 = 6 entries.')).toBe(
      'The file_name_here has 2 * 3 = 6 entries.',
    );
  });
});
