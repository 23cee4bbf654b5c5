import { describe, expect, it } from 'vitest';
import { beforeGluedTimestamp, bylineKind, isNameAboveByline } from '../../../src/ingest/clean-byline.js';
import { startsWithDateline, stripDateline } from '../../../src/ingest/clean-dateline.js';
import { dropRepeatedParagraphs } from '../../../src/ingest/clean-duplicates.js';
import { isKickerLink, isRelatedStoryLine, withoutKicker } from '../../../src/ingest/clean-related.js';

describe('stripDateline', () => {
  it('removes wire datelines with an agency', () => {
    expect(stripDateline('TOKYO (Kyodo) Visiting officials met.')).toBe('Visiting officials met.');
    expect(stripDateline('LONDON (Reuters) - Shares fell.')).toBe('Shares fell.');
    expect(stripDateline('SEOUL, South Korea (AP) — North Korea fired.')).toBe('North Korea fired.');
    expect(stripDateline('NARA, Japan, Jan. 13 (Yonhap) -- Leaders met.')).toBe('Leaders met.');
    expect(stripDateline('Jan 13 (Reuters) - FIFA received requests.')).toBe('FIFA received requests.');
  });
  it('removes datelines made of a place and a dash', () => {
    expect(stripDateline('KYIV — Air raid sirens sounded.')).toBe('Air raid sirens sounded.');
    expect(stripDateline('London – The foreign ministers met.')).toBe('The foreign ministers met.');
  });
  it('leaves sentences that only start with a name or an acronym', () => {
    for (const s of [
      'London is expensive.',
      'NATO said on Monday it would respond.',
      'Boris Johnson – the former prime minister – spoke.',
      'The UN (United Nations) said.',
    ]) {
      expect(stripDateline(s), s).toBe(s);
      expect(startsWithDateline(s)).toBe(false);
    }
  });
});

describe('bylineKind', () => {
  it('recognises bylines, dated bylines and timestamps', () => {
    expect(bylineKind('By Jane Doe')).toBe('byline');
    expect(bylineKind('By Kenta Hoshino, Staff Writer')).toBe('byline');
    expect(bylineKind('By Sam Harris, BBC Sport football reporter')).toBe('byline');
    expect(bylineKind('Staff Writer')).toBe('byline');
    expect(bylineKind('Kyodo May 13, 2021')).toBe('dated-byline');
    expect(bylineKind('AFP January 12, 2026')).toBe('dated-byline');
    expect(bylineKind('Updated: January 12, 2026 10:30 a.m.')).toBe('timestamp');
    expect(bylineKind('Published 3 hours ago')).toBe('timestamp');
  });
  it('does not take sentences for bylines', () => {
    for (const s of [
      'By Monday, the death toll had risen to 50.',
      'Kyodo News reported the talks on May 13, 2021.',
      'The writer said so.',
    ]) {
      expect(bylineKind(s), s).toBeNull();
    }
  });
  it('finds a timestamp glued to a teaser headline', () => {
    expect(
      beforeGluedTimestamp('Referees to explain VAR decisions from February Published 3 hours ago'),
    ).toBe('Referees to explain VAR decisions from February');
    expect(beforeGluedTimestamp('France unveils AI plan Issued on: 13/01/2026 - 18:40')).toBe(
      'France unveils AI plan',
    );
    expect(beforeGluedTimestamp('The report was published on Monday.')).toBeNull();
  });
});

describe('isRelatedStoryLine', () => {
  it('recognises an all-caps related-story link', () => {
    expect(isRelatedStoryLine("NATO WARNS RUSSIA AFTER POLAND SHOOTS DOWN 'HUGE NUMBER' OF DRONES")).toBe(
      true,
    );
  });
  it('keeps short acronyms and normal sentences', () => {
    expect(isRelatedStoryLine('NATO AND EU')).toBe(false);
    expect(isRelatedStoryLine('NATO warns Russia after Poland shoots down drones')).toBe(false);
    expect(isRelatedStoryLine('2,000 - 1,500 (2024)')).toBe(false);
  });
});

describe('all-caps kickers', () => {
  it('recognises a kicker over a linked headline', () => {
    for (const line of [
      'CAUGHT ON CAMERA: Unseen store video shows suspect pacing the aisles before the robbery',
      'RATE SHOCK: 5 big changes to mortgages taking effect across the U.S.',
      'WATCH: Senator says the spending plan will fail',
      'US-CHINA TALKS: Officials meet in Geneva as tariff deadline looms',
    ]) {
      expect(isKickerLink(line), line).toBe(true);
    }
  });
  it('takes the kicker off a sentence it opens, and keeps the sentence', () => {
    expect(
      withoutKicker(
        'FIRST ON LOCAL 7: The city council will vote on the budget on Tuesday, two members said.',
      ),
    ).toBe('The city council will vote on the budget on Tuesday, two members said.');
    expect(withoutKicker('UNITED NATIONS: Member states split over the resolution on Monday.')).toBe(
      'Member states split over the resolution on Monday.',
    );
    expect(isKickerLink('UNITED NATIONS: Member states split over the resolution on Monday.')).toBe(false);
  });
  it('leaves ordinary paragraphs, one-word labels and long kicker text alone', () => {
    for (const line of [
      'The U.S. said: no deal.',
      'NATO: allies agree',
      'Officials said the plan was final: no more talks.',
      'BREAKING NEWS ALERT: the markets opened lower after the central bank decision',
      'A B: Two letters do not make a kicker.',
    ]) {
      expect(isKickerLink(line), line).toBe(false);
      expect(withoutKicker(line), line).toBe(line);
    }
  });
});

describe('isNameAboveByline', () => {
  it('takes a name above a role for part of the byline, and nothing else', () => {
    expect(isNameAboveByline('Jane Smith', 'Political reporter')).toBe(true);
    expect(isNameAboveByline('Kim Min-ji', 'Staff Writer')).toBe(true);
    expect(isNameAboveByline('Jane Smith', 'The minister said the vote would be close.')).toBe(false);
    expect(isNameAboveByline('Housing', 'Political reporter')).toBe(false);
    expect(isNameAboveByline('Jane Smith', undefined)).toBe(false);
  });
});

describe('dropRepeatedParagraphs', () => {
  it('keeps the first of repeated paragraphs, ignoring case and spacing', () => {
    expect(dropRepeatedParagraphs(['One thing.', 'Another.', 'one  THING.', 'Last.'])).toEqual([
      'One thing.',
      'Another.',
      'Last.',
    ]);
  });
  it('drops a paragraph that only repeats the headline', () => {
    expect(
      dropRepeatedParagraphs(
        ['Miners freed after three days', 'Rescuers freed them.'],
        ['Miners freed after three days'],
      ),
    ).toEqual(['Rescuers freed them.']);
  });
});
