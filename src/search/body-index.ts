// The last layer: a word that appears only in explanations (`스케일링`, `LAN`, `에뮬레이션`) finds the
// concepts that use it, those that put it in bold first.
import type { Concept } from '../kb/types.js';
import type { MatchKind } from './types.js';
import { splitWords } from './normalize-text.js';
import type { SearchRanking } from './ranking.js';

export interface BodyIndex {
  conceptCount: number;
  /** word → the concepts whose bodies hold it, with its weight in each. */
  postings: Map<string, Posting>;
}

/**
 * Concept indices in ascending order, each with the word's weight in that body. Two arrays rather than a map per
 * word: concepts are indexed in order, so a word's entry for the concept being indexed is always the last one,
 * and at 10,000 concepts the 400,000 map writes were most of the index's build time.
 */
export interface Posting {
  conceptIndices: number[];
  weights: number[];
}

export interface BodyCandidate {
  conceptIndex: number;
  score: number;
  matchKind: MatchKind;
  matchedName: string;
  bodyConcepts: number;
  /** The body holds every word searched for. */
  allWords: boolean;
}

// Korean function words and endings that appear everywhere and explain nothing.
const koreanFillers = new Set([
  '있다',
  '이다',
  '한다',
  '하는',
  '하고',
  '또는',
  '그리고',
  '따라서',
  '이는',
  '것을',
  '것이',
  '것은',
  '것이다',
  '여러',
  '모든',
  '같은',
  '위한',
  '통해',
  '대한',
  '하나',
  '거의',
  '여기서는',
  '말한다',
  '이러한',
  '그런',
  '어떤',
  '있는',
  '없는',
]);
const englishFillers = new Set([
  'the',
  'and',
  'for',
  'with',
  'from',
  'that',
  'this',
  'are',
  'was',
  'not',
  'but',
  'you',
  'can',
  'its',
  'into',
  'than',
]);

const hangulSyllables = /^[\uac00-\ud7a3]+$/;

/** Two characters at least, not a number, not a filler: one letter or `1` matches everything. */
export function isSearchableWord(word: string): boolean {
  return word.length >= 2 && !/^\d+$/.test(word) && !koreanFillers.has(word) && !englishFillers.has(word);
}

export function buildBodyIndex(concepts: readonly Concept[], ranking: Readonly<SearchRanking>): BodyIndex {
  const { boldWeight, maxStemCut, stemWeight } = ranking.body;
  const postings = new Map<string, Posting>();
  const add = (word: string, conceptIndex: number, weight: number) => {
    let posting = postings.get(word);
    if (!posting) postings.set(word, (posting = { conceptIndices: [], weights: [] }));
    const last = posting.conceptIndices.length - 1;
    if (posting.conceptIndices[last] === conceptIndex) posting.weights[last] = Math.max(posting.weights[last]!, weight);
    else {
      posting.conceptIndices.push(conceptIndex);
      posting.weights.push(Math.max(0, weight));
    }
  };
  concepts.forEach((concept, conceptIndex) => {
    const bold = new Set(concept.boldTerms.flatMap((term) => splitWords(term)));
    for (const word of new Set(splitWords(concept.plainText))) {
      if (!isSearchableWord(word)) continue;
      const emphasis = bold.has(word) ? boldWeight : 1;
      add(word, conceptIndex, emphasis);
      // Korean words carry their particles and endings (`클러스터의`, `격리된`): the stem is indexed too,
      // a little weaker than the word itself.
      if (hangulSyllables.test(word)) {
        for (let cut = 1; cut <= maxStemCut && word.length - cut >= 2; cut++) {
          add(word.slice(0, word.length - cut), conceptIndex, stemWeight * emphasis);
        }
      }
    }
  });
  return { conceptCount: concepts.length, postings };
}

/** Concepts whose bodies contain the words (already normalized and filtered), rarer words weighing more. */
export function searchBodies(index: BodyIndex, words: readonly string[], ranking: Readonly<SearchRanking>): BodyCandidate[] {
  const { base, relative, absolute, absoluteWords, minMatchedWords } = ranking.body;
  const totals = new Map<number, { weight: number; matchedWords: number }>();
  for (const word of new Set(words)) {
    const posting = index.postings.get(word);
    if (!posting) continue;
    const { conceptIndices, weights } = posting;
    const rarity = Math.log(1 + index.conceptCount / conceptIndices.length);
    for (let entry = 0; entry < conceptIndices.length; entry++) {
      const conceptIndex = conceptIndices[entry]!;
      const weight = weights[entry]!;
      const total = totals.get(conceptIndex) ?? { weight: 0, matchedWords: 0 };
      total.weight += weight * rarity;
      total.matchedWords += 1;
      totals.set(conceptIndex, total);
    }
  }
  const wordCount = new Set(words).size;
  // A body sharing one word with a query of several (`양자 컴퓨터` against a note that says 컴퓨터) is a
  // coincidence, not an answer: it must hold two of the query's words at least.
  const needed = Math.min(minMatchedWords, wordCount);
  for (const [conceptIndex, total] of totals) if (total.matchedWords < needed) totals.delete(conceptIndex);
  if (totals.size === 0) return [];
  const best = Math.max(...[...totals.values()].map((total) => total.weight));
  const veryRareWords = absoluteWords * Math.log(1 + index.conceptCount);
  return [...totals].map(([conceptIndex, total]) => ({
    conceptIndex,
    score: base + relative * (total.weight / best) * (total.matchedWords / wordCount) + absolute * Math.min(1, total.weight / veryRareWords),
    matchKind: 'body' as const,
    matchedName: '',
    bodyConcepts: totals.size,
    allWords: total.matchedWords === wordCount,
  }));
}
