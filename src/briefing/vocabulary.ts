import type { Article } from '../model.js';
import { STOPWORDS, tokenize } from '../text/index.js';

/**
 * Known topic words: article tags and headline words, with how many articles use each. Serves
 * "did you mean" suggestions when a topic matches nothing, and tag autocomplete.
 */
export class Vocabulary {
  private readonly counts = new Map<string, number>();

  addArticle(article: Article): void {
    for (const word of wordsOf(article)) this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
  }

  removeArticle(article: Article): void {
    for (const word of wordsOf(article)) {
      const n = (this.counts.get(word) ?? 0) - 1;
      if (n > 0) this.counts.set(word, n);
      else this.counts.delete(word);
    }
  }

  /** Words that start with the input, then words within a small edit distance, most used first. */
  complete(input: string, limit: number): string[] {
    const q = tokenize(input).join(' ');
    const scored: Array<[string, number]> = [];
    for (const [word, count] of this.counts) {
      if (!q || word.startsWith(q)) scored.push([word, count]);
    }
    scored.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const out = scored.slice(0, limit).map(([w]) => w);
    if (out.length < limit && q) {
      for (const s of this.suggest(q, limit - out.length)) if (!out.includes(s)) out.push(s);
    }
    return out;
  }

  /** Up to `limit` known words closest to each query word (edit distance ≤ 2, or shared prefix). */
  suggest(query: string, limit: number): string[] {
    const words = tokenize(query).filter((w) => !STOPWORDS.has(w));
    const scored = new Map<string, number>();
    for (const q of words) {
      const maxDistance = q.length <= 4 ? 1 : 2;
      for (const [word, count] of this.counts) {
        if (Math.abs(word.length - q.length) > maxDistance && !word.startsWith(q.slice(0, 4))) continue;
        const d = word.startsWith(q.slice(0, Math.max(3, q.length - 1)))
          ? 0.5
          : editDistance(q, word, maxDistance);
        if (d > maxDistance) continue;
        const score = count / (1 + d * 3);
        if ((scored.get(word) ?? 0) < score) scored.set(word, score);
      }
    }
    return [...scored.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([w]) => w);
  }
}

function wordsOf(article: Article): Set<string> {
  const words = new Set<string>();
  for (const tag of article.tags) words.add(tag);
  for (const token of tokenize(article.title)) {
    if (token.length >= 3 && !STOPWORDS.has(token) && !/^\d+$/.test(token)) words.add(token);
  }
  return words;
}

/** Levenshtein distance, giving up (returning max + 1) once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}
