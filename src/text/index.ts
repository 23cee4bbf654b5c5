export { fold } from './fold.js';
export { splitSentences } from './sentences.js';
export { stem } from './stem.js';
export { STOPWORDS } from './stopwords.js';
export { terms, tokenize } from './tokenize.js';
