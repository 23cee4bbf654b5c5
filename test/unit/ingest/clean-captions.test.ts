import { describe, expect, it } from 'vitest';
import {
  isCaptionSentence,
  isCredit,
  isUncreditedCaption,
  reattachCredits,
  stripTrailingCredit,
} from '../../../src/ingest/clean-captions.js';

describe('isCredit', () => {
  it('recognises credits standing alone', () => {
    for (const c of [
      '(Kyodo)',
      '(AP Photo/Evan Vucci)',
      '[NEWS1]',
      'Photo: Reuters',
      'Getty Images',
      'AFP via Getty Images',
      'NASA/ESA/CSA',
    ]) {
      expect(isCredit(c), c).toBe(true);
    }
  });
  it('does not take a parenthetical remark or a short sentence for a credit', () => {
    for (const c of ['(see below)', 'The minister resigned.', 'Blue Gene/L machine']) {
      expect(isCredit(c), c).toBe(false);
    }
  });
});

describe('isCaptionSentence', () => {
  it('recognises captions ending in a photo credit', () => {
    for (const s of [
      'But the two neighbors have not held a summit since 2019. | POOL / AFP-JIJI',
      'A man cools off at a fountain in Seville, Spain, on July 1, 2025. (AP Photo/Laura Ortega)',
      'Referee Anthony Mills announces a decision during a trial. Image: Getty Images',
      'The EAST tokamak in Hefei, China. Xinhua/Alamy',
    ]) {
      expect(isCaptionSentence(s), s).toBe(true);
    }
  });
  it('recognises a photo description followed by an agency credit', () => {
    expect(
      isCaptionSentence(
        'Japanese Prime Minister Yoshihide Suga arrives at his office in Tokyo on May 13, 2021. (Kyodo)',
      ),
    ).toBe(true);
  });
  it('keeps a news sentence that merely ends with an agency credit, and plain prose', () => {
    expect(isCaptionSentence('The talks ended without agreement, officials said. (Kyodo)')).toBe(false);
    expect(isCaptionSentence('The US is poised to top the chart with the Blue Gene/L machine.')).toBe(false);
    expect(isCaptionSentence('The report, by In-Stat/MDR, was published on Monday.')).toBe(false);
  });
});

describe('reattachCredits and stripTrailingCredit', () => {
  it('moves a credit split off by sentence splitting back onto its caption', () => {
    expect(
      reattachCredits([
        'He arrives in Tokyo on May 13, 2021.',
        '(Kyodo) TOKYO (Kyodo) Visiting officials met.',
      ]),
    ).toEqual(['He arrives in Tokyo on May 13, 2021. (Kyodo)', 'TOKYO (Kyodo) Visiting officials met.']);
    expect(reattachCredits(['A view of the port.', 'Photo: AFP', 'Ships resumed sailing.'])).toEqual([
      'A view of the port. Photo: AFP',
      'Ships resumed sailing.',
    ]);
  });
  it('removes an agency credit closing a news sentence but keeps the sentence', () => {
    expect(stripTrailingCredit('The talks ended without agreement, officials said. (Kyodo)')).toBe(
      'The talks ended without agreement, officials said.',
    );
    expect(stripTrailingCredit('Nothing to strip here.')).toBe('Nothing to strip here.');
  });
});

describe('isUncreditedCaption', () => {
  it('recognises a short present-tense photo description before the story or closing with a day', () => {
    expect(
      isUncreditedCaption(['A container ship sails through the Suez Canal in Ismailia, Egypt.'], true),
    ).toBe(true);
    expect(
      isUncreditedCaption(
        ['Residents gather at an evacuation center in Kuji before dawn on Jan. 12.'],
        false,
      ),
    ).toBe(true);
  });
  it('never takes a one-sentence news lead or paragraph for a caption', () => {
    for (const s of [
      'Oregon beat Texas Tech 23-0 to win the Orange Bowl on Thursday.',
      'Tennessee quarterback Joey Aguilar reportedly underwent surgery on his arm.',
      'For an international manager, a friendly provides an opportunity to work with players.',
      'Polls open at 7 a.m. and close at 8 p.m. on Tuesday, Dec. 30.',
    ]) {
      expect(isUncreditedCaption([s], true), s).toBe(false);
    }
    expect(
      isUncreditedCaption(['A container ship sails through the Suez Canal in Ismailia, Egypt.'], false),
    ).toBe(false);
  });
});
