export { Analyser, IdList, terms } from './analyser.js';
export { fold } from './fold.js';
export { PLACES_IN } from './places.js';
export { splitSentences } from './sentences.js';
export { stem } from './stem.js';
export { STOPWORDS } from './stopwords.js';
export { ownString } from './token-table.js';
export { tokenize } from './tokenize.js';
