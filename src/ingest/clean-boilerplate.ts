/**
 * Web boilerplate: text that a page shows around every story (JavaScript and cookie notices,
 * advertising slots, newsletter and subscription prompts, share and "read more" links). General
 * phrasings only, never one site's strings.
 */

import { BULLETS, EMAIL, pieceCount, READING_TIME } from './clean-whitespace.js';

/** How an invitation to the publisher's site opens ("Get the latest …", "For more on this story, …"). */
const INVITATION =
  'get|find|read|watch|see|check out|visit|follow|learn more|stay up to date|keep up|for (?:more|the latest)';
const INVITATION_OPENING = new RegExp(`^(?:${INVITATION})\\b`);

/** Sentences that are boilerplate wherever they appear. */
const SENTENCE_PATTERNS: readonly RegExp[] = [
  // JavaScript-required notices and their "how to enable it" follow-ups.
  /\bjava-?script\b.{0,60}\b(?:is (?:disabled|required|not enabled|turned off)|must be enabled|to (?:use|view|access|continue))\b/i,
  /\b(?:enable|turn on|activate|requires?|needs?|allow)\s+java-?script\b/i,
  /\byour (?:web )?browser\b.{0,80}\bjava-?script\b|\bjava-?script\b.{0,80}\byour (?:web )?browser\b/i,
  /\benable-?javascript\b/i,
  /\b(?:please )?refer to this (?:site|page)\b.*https?:\/\//i,
  // Cookie and consent banners speak to the reader ("we use cookies", "you accept").
  /^(?=.*\bcookies?\b)(?=.*\b(?:we|our|you|your)\b)(?=.*\b(?:use|accept|consent|settings|preferences|policy|continu\w*|agree|experience)\b)/i,
  /\bmanage (?:your )?(?:consent|cookie|privacy) (?:settings|preferences|choices)\b/i,
  // Newsletter and subscription prompts.
  /^(?:sign up|subscribe|register|join (?:our|us)\b)\b.{0,80}\b(?:newsletters?|inbox|alerts?|free|now|today|here|access|updates|daily|weekly|briefing|digest|emails?)\b/i,
  /\b(?:already (?:a )?subscriber|subscribe (?:now|today|to (?:continue|read|keep reading|our|the))|subscribers? only|for subscribers|(?:log|sign) ?in to (?:continue|read|keep reading)|create a free account|start (?:your|a) free trial|get unlimited access|to continue reading|to keep reading)\b/i,
  /\b(?:delivered|straight|direct(?:ly)?|in|to) (?:to )?your inbox\b/i,
  // Link furniture.
  /\b(?:click|tap) here\b/i,
  /^(?:read more|read next|read also|see also|see more(?: on)?|go deeper|more on this(?: story)?|continue reading|most (?:read|popular|viewed)|recommended(?: for you)?|related(?: articles?| stories| coverage| links?)?)\b\s*(?:[:.…»>|–—→›-]|$)/i,
  // Gift links and a byline's link: "Send any friend a story", "As a subscriber, you have 10 gift
  // articles to give each month.", "More about Maria Gonzalez".
  /^send (?:any|a) friend (?:a|this) (?:story|article)\b|\bgift (?:articles?|stories|links?)\b/i,
  /^[Mm]ore (?:about|from|by) (?:\p{Lu}[\p{L}.'’-]*)(?: \p{Lu}[\p{L}.'’-]*){0,3}$/u,
  // A blog feed's footer: "The post Ferry fares to rise appeared first on Harbour Daily."
  /^the post .{1,200} appeared first on .{1,80}$/i,
  // A link to the publisher's policies: "Our Standards: The … Trust Principles."
  /^(?:our|editorial) (?:standards|principles|ethics(?: policy)?|corrections policy)\s*:/i,
  /^share (?:this|the) (?:article|story|page|post|video)\b/i,
  /^(?:follow|like)\b.{0,60}\bon (?:x|twitter|facebook|instagram|tiktok|youtube|threads|linkedin|bluesky|whatsapp|telegram)\b/i,
  /^(?:download|get|install) (?:the|our) .{0,30}\bapp\b/i,
  // An invitation to the publisher's own site: "Get the latest updates … on FoxNews.com.",
  // "For more on this story, visit example.com", "Follow AP's coverage … at https://apnews.com/hub/…".
  new RegExp(
    `^(?:${INVITATION})\\b.{0,160}\\b(?:on|at|visit|to) (?:https?:\\/\\/\\S+|(?:www\\.)?[a-z\\d-]+(?:\\.[a-z\\d-]+)*\\.(?:com|org|net|co\\.uk|news|tv)\\b(?:\\/\\S*)?[.!]?)$`,
    'i',
  ),
  // Rights and credits for the page, not the story.
  /\ball rights reserved\b/i,
  /^(?:copyright\b|[©ⓒⒸ]|\(c\) \d{4})/i,
  // "Unauthorized reproduction and redistribution prohibited.", "This material may not be published,
  // broadcast, rewritten or redistributed." (a list of such verbs: "may not be published" alone is news)
  /\b(?:reproduction|redistribution|republication|rebroadcast)\b.{0,60}\b(?:prohibited|forbidden|not (?:permitted|allowed))\b|\bmay not be (?:re)?(?:published|broadcast|rewritten|redistributed|reproduced|copied)(?:,? (?:or |and )?(?:re)?(?:published|broadcast|rewritten|redistributed|reproduced|copied))+\b/i,
  /\bcontributed (?:reporting )?to this (?:report|story|article)\b/i,
  /^\(?(?:additional )?(?:reporting|writing|editing) by\b/i,
  /^listen to (?:this|the) (?:article|story)\b/i,
  // The fine print of a newsletter form: "Privacy Notice: Newsletters may contain …", "For more
  // information see our Privacy Policy.", "… the Google Privacy Policy and Terms of Service apply."
  /^privacy (?:notice|policy|statement)\s*:|\b(?:see|read|view|review) our privacy (?:policy|notice|statement)\b|\bprivacy policy and terms of (?:service|use) apply\b/i,
  // A subscription pitch: "By subscribing, you can help us …", "… quality journalism is more
  // crucial than ever."
  /^by subscribing\b|\bsupport (?:our|independent|quality) journalism\b|\bquality journalism is more (?:crucial|important|vital|essential|needed) than ever\b/i,
  // A notice glued after other text: "… two separate waves Advertisement".
  /\s(?:Advertisement|ADVERTISEMENT)$/,
  /^(?:skip to (?:main )?content|loading\.*|advertisement - scroll to continue)\b/i,
  // Notes on the page's publication history: "This article was originally published in …",
  // "A version of this story appeared in print …", "An earlier version of this article …".
  /^(?:this (?:article|story|report|piece|post) (?:was|has been|is|first) (?:\w+ )?(?:published|appeared|updated|corrected|amended|republished|translated|adapted|produced)|originally (?:published|appeared)|(?:a|an earlier|an updated) version of this (?:article|story|report|piece|post))\b/i,
];

/**
 * For each of SENTENCE_PATTERNS, in order, a cheap test that every text the pattern matches passes
 * (a word the pattern cannot match without, in the lower-cased sentence), so that most sentences
 * are cleared without running the patterns. The patterns only match ASCII letters to their
 * letters, so lower-casing keeps those words.
 */
const SENTENCE_GUARDS: ReadonlyArray<(lower: string, s: string) => boolean> = [
  (l) => l.includes('java'),
  (l) => l.includes('java'),
  (l) => l.includes('java'),
  (l) => l.includes('java'),
  (l) => l.includes('refer to this'),
  (l) => l.includes('cookie'),
  (l) => l.includes('manage '),
  (l) =>
    l.startsWith('sign up') || l.startsWith('subscribe') || l.startsWith('register') || l.startsWith('join '),
  (l) =>
    l.includes('subscri') ||
    l.includes('in to ') ||
    l.includes('free account') ||
    l.includes('free trial') ||
    l.includes('unlimited access') ||
    l.includes('continue reading') ||
    l.includes('keep reading'),
  (l) => l.includes('your inbox'),
  (l) => l.includes(' here'),
  (l) =>
    l.startsWith('read ') ||
    l.startsWith('see also') ||
    l.startsWith('see more') ||
    l.startsWith('go deeper') ||
    l.startsWith('more on this') ||
    l.startsWith('continue reading') ||
    l.startsWith('most ') ||
    l.startsWith('recommended') ||
    l.startsWith('related'),
  (l) => l.startsWith('send ') || l.includes('gift '),
  (l) => l.startsWith('more '),
  (l) => l.startsWith('the post '),
  (l) => l.startsWith('our ') || l.startsWith('editorial '),
  (l) => l.startsWith('share '),
  (l) => l.startsWith('follow') || l.startsWith('like'),
  (l) => l.startsWith('download ') || l.startsWith('get ') || l.startsWith('install '),
  (l) => INVITATION_OPENING.test(l) && /\.(?:com|org|net|co\.uk|news|tv)\b|https?:\/\//.test(l),
  (l) => l.includes('all rights reserved'),
  (l) => l.startsWith('copyright') || l.startsWith('©') || l.startsWith('ⓒ') || l.startsWith('(c) '),
  (l) =>
    l.includes('prohibited') ||
    l.includes('forbidden') ||
    l.includes('not permitted') ||
    l.includes('not allowed') ||
    l.includes('may not be '),
  (l) => l.includes('contributed '),
  (l) => l.includes('ing by'),
  (l) => l.startsWith('listen to '),
  (l) => l.includes('privacy'),
  (l) => l.includes('subscri') || l.includes('journalism'),
  (_, s) => s.endsWith('Advertisement') || s.endsWith('ADVERTISEMENT'),
  (l) => l.startsWith('skip to ') || l.startsWith('loading') || l.startsWith('advertisement - scroll'),
  (l) => l.startsWith('this ') || l.startsWith('originally ') || l.includes('version of this '),
];

/**
 * True when any of SENTENCE_GUARDS passes, except the case-sensitive "Advertisement" ending, split
 * in the words looked for anywhere and those that open the sentence. The patterns only match ASCII
 * letters case-insensitively (without the u flag), so these case-insensitive tests on the sentence
 * itself pass whenever the guards pass on it lower-cased and a pattern could match.
 */
const GUARD_WORDS =
  /java|refer to this|cookie|manage |subscri|in to |free account|free trial|unlimited access|continue reading|keep reading|your inbox| here|all rights reserved|contributed |ing by|prohibited|forbidden|not permitted|not allowed|may not be |privacy|journalism/i;
const GUARD_OPENINGS =
  /^(?:sign up|subscribe|register|join |read |see |send |go deeper|more |most |recommended|related|the post |our |editorial |share |follow|like|download |get |install |find |watch |check out|visit |learn more|stay up to date|keep up|for more|for the latest|copyright|[©ⓒⒸ]|\(c\) |listen to |skip to |loading|advertisement - scroll|this (?:article|story|report|piece|post) |originally (?:published|appeared)|an? (?:earlier |updated )?version of this )/i;

/**
 * False when no sentence of the paragraph holds one of the words that boilerplate sentences hold
 * anywhere (its sentences then need only the cheaper tests of `isBoilerplateSentence`).
 */
export function mayHaveBoilerplateWords(paragraph: string): boolean {
  return GUARD_WORDS.test(paragraph);
}

/** A line of punctuation and symbols only ("--", "* * *"), however long. */
const NO_WORDS = /^[\p{P}\p{S}\s]*$/u;
/**
 * Lines longer than this are never furniture but for NO_WORDS: every other line pattern is
 * bounded well below it (a share bar of twelve words, a bio, a sign-off after three addresses).
 */
const LINE_MAX = 320;

/**
 * Whole lines that are page furniture, in one pattern: ad slots ("Advertisement", "Supported by",
 * "Ad Feedback"), credits and notes for the page rather than the story ("— With assistance from Ken
 * Ito.", "(Updates with CEO comment in fourth paragraph.)", "Source: Example News and news
 * agencies"), a link to the story in another language ("Japanese version", "Read in Korean"), and
 * the mark of a promotion inside the story ("after newsletter promotion").
 */
const PAGE_NOTE = new RegExp(
  `^(?:${[
    'advertisement|advertising|advert|ad|ad feedback|sponsored(?: content)?|supported by|sponsored by|promoted(?: content)?|paid (?:content|post|partner)|story continues below(?: this)? advertisement|scroll to continue(?: with content)?',
    '[—–-]*\\s*with (?:assistance|additional reporting|reporting) (?:from|by) [^.]{1,100}\\.?',
    '\\((?:updates?|adds?|recasts?|corrects?|changes?|rewrites?|refiles?|fixes) [^()]{1,160}\\)',
    'sources?\\s*:\\s*[^.!?]{1,80}',
    '(?:japanese|korean|chinese|english|spanish|french|german|arabic|russian) (?:version|original|edition)|read (?:it |this )?in (?:japanese|korean|chinese|english|spanish|french|german|arabic|russian)',
    '(?:after|skip past|skip) (?:the )?(?:newsletter|advertisement|ad) promotion',
  ].join('|')})$`,
  'i',
);

/** Whole lines that are page furniture: ad slots and notes, single navigation or share words. */
const LINE_PATTERNS: readonly RegExp[] = [
  PAGE_NOTE,
  // Share bars, also "Share on Facebook Share on X Copy link" and a reporter's address beside them.
  new RegExp(
    `^(?:(?:share|tweet|email|e-mail|print|save|copy link|link copied|comments?|facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|instagram|youtube|tiktok|telegram|threads|bluesky|flipboard|messenger|close|menu|search|home|photo|video|image|listen|on|via|to|${EMAIL})(?![\\w@.-])[\\s|,/·•]*){1,12}$`,
    'i',
  ),
  NO_WORDS,
  // A page's reading time: "3 min read".
  READING_TIME,
  // A sign-off that closes a wire story: "==Kyodo", "-- AFP", "(END)", also after the reporter's
  // address ("yoonhw@example.co.kr (END)").
  new RegExp(
    `^(?:${EMAIL}\\s+){0,3}(?:(?:={2,}|-{2,}|[—–])\\s*\\p{Lu}[\\p{L}.&-]*(?: \\p{Lu}[\\p{L}.&-]*)?|\\(?(?:END|ENDS|End)\\)?)$`,
    'u',
  ),
];

/** A dateline alone on its line, in capitals: "TOKYO", "CNN —", "SEOUL (Reuters) -". */
const LONE_DATELINE =
  /^(?=[^a-z]{2,60}$)\p{Lu}[\p{Lu}'’.&-]*(?: [\p{Lu}'’.&-]+){0,3}(?: \([\p{L} .&-]{1,30}\))?(?: ?[—–-]{1,2})?$/u;
/** The reporter's bio as its own paragraph: "Maria Gonzalez covers city politics for The Metro Times. More about Maria Gonzalez". */
const BIO =
  /^(?:\p{Lu}[\p{L}.'’-]+ ){1,3}(?:covers|writes about|reports on) [^.]{1,100} for (?:the )?\p{Lu}[\p{L}.'’&-]*(?: \p{Lu}[\p{L}.'’&-]*){0,4}\.?(?: [Mm]ore (?:about|from|by) \p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3})?$/u;

/** A bare label left over from a link or a widget: "Short link:", "Tags:". */
const LABEL = /^\p{L}+(?: \p{L}+){0,2}:$/u;

// The buttons of a cookie or consent banner: "Accept", "Accept all | Settings", "Yes, I agree".
const CONSENT_BUTTON =
  /\b(?:accept(?: all)?(?: cookies)?|reject(?: all)?|decline|allow(?: all)?|deny|(?:yes|no),? (?:i agree|thanks|take me to settings)|i agree|agree|manage (?:preferences|settings|cookies|options|consent)|cookie settings|more options|settings|preferences|got it|ok(?:ay)?)\b/gi;

// Where a notice glued to the end of other text starts: a capitalised opening phrase.
const NOTICE_START =
  /(?<=\s)(?:Advertisement$|ADVERTISEMENT$|Sorry\b|Your (?:web )?browser\b|Please (?:enable|turn on|activate|update|upgrade|allow)\b|(?:This|The) (?:site|website|page|app) (?:requires|needs|uses)\b|Java[Ss]cript (?:is|must|needs)\b|We use cookies\b|(?:Sign up|Subscribe) (?:for|to|now|today)\b|To continue reading\b)/;

/**
 * True for a sentence that is web boilerplate (see the patterns above). `words` false says that
 * `mayHaveBoilerplateWords` is false for the sentence's paragraph.
 */
export function isBoilerplateSentence(sentence: string, words = true): boolean {
  // A bullet or an arrow before a prompt ("▶ Related: …") does not hide it.
  const s = withoutBullet(sentence.trim());
  if (s === '') return false;
  // Most sentences pass none of the guards: one test for all of them first.
  if (
    !(words && GUARD_WORDS.test(s)) &&
    !GUARD_OPENINGS.test(s) &&
    !s.endsWith('Advertisement') &&
    !s.endsWith('ADVERTISEMENT')
  ) {
    return isConsentButtons(s);
  }
  const lower = s.toLowerCase();
  for (let i = 0; i < SENTENCE_PATTERNS.length; i++) {
    if (SENTENCE_GUARDS[i]!(lower, s) && SENTENCE_PATTERNS[i]!.test(s)) return true;
  }
  return isConsentButtons(s);
}

/** Bullets and arrows that pages set before links and prompts. */
const BULLET = new RegExp(`^[${BULLETS}]+\\s*`);

function withoutBullet(text: string): string {
  const c = text.charCodeAt(0);
  return c < 0x2022 && c !== 0xb7 && c !== 0xbb && c !== 42 && c !== 62 ? text : text.replace(BULLET, '');
}

// What a line of consent buttons opens with: CONSENT_BUTTON's matches all start with a letter, so
// the first character that is not a separator must start one of them (or there is none).
const CONSENT_OPENING =
  /^[\s|,/·•.!]*(?:$|accept|reject|decline|allow|deny|yes|no|i|agree|manage|cookie|more|settings|preferences|got|ok)/i;

/** True for a line made only of consent-banner buttons ("Accept Manage preferences"). */
function isConsentButtons(text: string): boolean {
  return (
    CONSENT_OPENING.test(text) &&
    pieceCount(text, 13) <= 12 &&
    /^[\s|,/·•.!]*$/.test(text.replace(CONSENT_BUTTON, ''))
  );
}

/**
 * True for a whole line that is page furniture ("Advertisement", "Share | Tweet | Email", "--").
 * Boilerplate sentences inside a paragraph are found with isBoilerplateSentence.
 */
export function isBoilerplateLine(line: string): boolean {
  const s = line.trim();
  // Most lines are story text, longer than any furniture: one test spares them the patterns.
  if (s.length > LINE_MAX) return NO_WORDS.test(s);
  // A label ends with its colon: the pattern's backtracking is spared the other lines.
  return (
    LINE_PATTERNS.some((re) => re.test(s)) ||
    (s.endsWith(':') && LABEL.test(s)) ||
    (s.length <= 60 && LONE_DATELINE.test(s)) ||
    BIO.test(s)
  );
}

/**
 * For a boilerplate sentence with other text glued in front of the notice ("South Korea expresses
 * hope for a summit Sorry, but your browser needs Javascript…"), the glued text when it reads as a
 * headline (no closing punctuation, at least three words, capitalised); otherwise null.
 */
export function gluedHeadline(sentence: string): string | null {
  if (!isBoilerplateSentence(sentence)) return null;
  const m = NOTICE_START.exec(sentence);
  if (!m || m.index === 0) return null;
  const prefix = sentence.slice(0, m.index).trim();
  return isHeadlineLike(prefix) ? prefix : null;
}

/**
 * Reads as a headline rather than prose: 3–30 words, starts with a capital letter, digit or quote,
 * and does not end with sentence punctuation, a comma or a colon.
 */
export function isHeadlineLike(text: string): boolean {
  const s = text.trim();
  // The cheap tests first: most text tested is a sentence that ends with a full stop.
  if (s.length > 220 || endsWithPunctuation(s) || !/^["'“‘]?[\p{Lu}\p{N}]/u.test(s)) return false;
  const words = pieceCount(s, 31);
  return words >= 3 && words <= 30;
}

/** `/[.,;:!]["'”’)]*$/.test(text)`: sentence punctuation, a comma or a colon before any closing quotes. */
function endsWithPunctuation(text: string): boolean {
  let i = text.length - 1;
  for (let c = text.charCodeAt(i); c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41; )
    c = text.charCodeAt(--i);
  const c = text.charCodeAt(i);
  return c === 46 || c === 44 || c === 59 || c === 58 || c === 33;
}
