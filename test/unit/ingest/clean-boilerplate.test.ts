import { describe, expect, it } from 'vitest';
import {
  gluedHeadline,
  isBoilerplateLine,
  isBoilerplateSentence,
  isHeadlineLike,
} from '../../../src/ingest/clean-boilerplate.js';

describe('isBoilerplateSentence', () => {
  it('recognises JavaScript-required notices and the enable-javascript link', () => {
    expect(isBoilerplateSentence('Sorry, but your browser needs Javascript to use this site.')).toBe(true);
    expect(isBoilerplateSentence('Please enable JavaScript to view the comments.')).toBe(true);
    expect(
      isBoilerplateSentence(
        "If you're not sure how to activate it, please refer to this site: https://www.enable-javascript.com/",
      ),
    ).toBe(true);
  });
  it('recognises cookie and consent banners, including their buttons', () => {
    expect(isBoilerplateSentence('We use cookies to improve your experience on our site.')).toBe(true);
    expect(isBoilerplateSentence('By continuing to browse, you agree to our use of cookies.')).toBe(true);
    expect(isBoilerplateSentence('Accept all | Settings')).toBe(true);
    expect(isBoilerplateSentence('Yes, I agree | No, take me to settings')).toBe(true);
  });
  it('recognises newsletter, subscription, share, read-more and click-here prompts', () => {
    for (const s of [
      'Sign up for our newsletter',
      'Sign up for the Morning Briefing. Get the day’s news in your inbox.',
      'Subscribe to continue reading.',
      'Already a subscriber? Log in.',
      'Share this article',
      'Read more: Rhine shipping hit as water levels sink',
      'CLICK HERE TO GET THE APP',
      'Follow our sports coverage on X and Facebook.',
      'The Associated Press contributed to this report.',
      '(Reporting by Jane Roe; Editing by John Poe)',
      'Copyright 2025 Example Media. All rights reserved.',
      'This article was originally published in Japanese.',
      'This story has been updated with comment from the ministry.',
      'Originally published on Jan. 5, 2026.',
      'A version of this article appears in print on Jan. 6, 2026, Section A, Page 4.',
      'An earlier version of this story misstated the number of casualties.',
      'Get the latest updates on the election, exclusive interviews and more on ExampleNews.com.',
      'Get my picks for the best budget laptops at GadgetDesk.com.',
      'For more on this story, visit www.harbour-times.co.uk',
      'Watch the full interview on RiverTV.news',
      'Follow our coverage of the floods at https://example.org/hub/floods',
      'Learn more at harbour-times.example.com.',
      'For more deals, visit www.example.com/deals',
      'Our Standards: The Example Trust Principles.',
      'Editorial standards: how we report.',
      '▶ Related: Bus fares to rise next month',
      '» Read more: Port strike enters second day',
      'ⓒ Example Times.',
      'Unauthorized reproduction and redistribution prohibited.',
      'This material may not be published, broadcast, rewritten or redistributed.',
    ]) {
      expect(isBoilerplateSentence(s), s).toBe(true);
    }
  });
  it('does not flag news sentences that mention the same words', () => {
    for (const s of [
      'The company said its JavaScript library had been downloaded a million times.',
      'Regulators said the cookie rules would take effect next year.',
      'Thousands signed up to volunteer after the floods.',
      'Readers can share their views at a public meeting on Monday.',
      'She said more reporting was needed before any decision.',
      'This story began in 2019, when the mine first flooded.',
      'The report was originally published by the ministry in 2020 and later withdrawn.',
      'Get ready for higher fares, the transport ministry told commuters on Monday.',
      'Visitors to Amazon.com rose 10% during the sale, the company said.',
      'For more than a decade, the site example.com has hosted the archive, its founder said.',
      'Smoking is prohibited on all platforms from March, the operator said.',
      'Follow-up inspections at the plant are planned for March, the regulator said.',
      'Our standards of care have slipped, the hospital chief admitted.',
      'The court said the book may not be published until the appeal is heard.',
    ]) {
      expect(isBoilerplateSentence(s), s).toBe(false);
    }
  });
});

describe('isBoilerplateLine', () => {
  it('recognises advertising slots, share bars and empty furniture', () => {
    for (const line of [
      'Advertisement',
      'ADVERTISEMENT',
      'Share | Tweet | Email',
      'Facebook',
      '--',
      'Short link:',
      'Share on Facebook Share on X Copy link',
      'reporter@example-news.com',
      'Share via WhatsApp | desk@example.org',
      '3 min read',
      '5-minute read',
    ]) {
      expect(isBoilerplateLine(line), line).toBe(true);
    }
  });
  it('keeps ordinary short lines', () => {
    for (const line of ['The vote was close.', 'Advertising revenue fell 5%.', 'Share prices rose']) {
      expect(isBoilerplateLine(line), line).toBe(false);
    }
  });
});

describe('gluedHeadline', () => {
  it('returns the headline glued in front of a notice', () => {
    expect(
      gluedHeadline(
        'South Korea expresses hope for holding summit with Japan Sorry, but your browser needs Javascript to use this site.',
      ),
    ).toBe('South Korea expresses hope for holding summit with Japan');
    expect(gluedHeadline('Fusion reactor in China sets record for sustained plasma Advertisement')).toBe(
      'Fusion reactor in China sets record for sustained plasma',
    );
  });
  it('returns null for a notice on its own or a sentence that is not boilerplate', () => {
    expect(gluedHeadline('Sorry, but your browser needs Javascript to use this site.')).toBeNull();
    expect(gluedHeadline('Officials said the site was safe.')).toBeNull();
  });
  it('tells headline-like text from prose', () => {
    expect(isHeadlineLike('Mine operator faces safety inquiry after collapse')).toBe(true);
    expect(isHeadlineLike('The miners were taken to hospital.')).toBe(false);
    expect(isHeadlineLike('if you are not sure how to activate it,')).toBe(false);
  });
});
