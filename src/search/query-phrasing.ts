// People ask the bot questions, not keywords: `쿠버네티스란`, `도커가 뭐야?`, `what is docker`. These turn a
// query into the concept name it probably holds. The original query is always searched too, so a name
// that happens to end like a question (`…란`) still matches itself first.
import { foldText } from './normalize-text.js';
import { defaultRanking, type SearchRanking } from './ranking.js';

export interface QueryVariant {
  text: string;
  /** Multiplies the scores found with this variant: a rewritten query is a little less certain. */
  weight: number;
}

const englishLead =
  /^(?:what\s+is|what\s+are|what's|whats|what\s+does|who\s+is|explain|define|describe|tell\s+me\s+about|meaning\s+of|definition\s+of)\s+(?:an?\s+|the\s+)?/;
const englishTail = /\s+(?:mean|means|stand\s+for|stands\s+for)$/;
const trailingPunctuation = /[\s?？!！.。~]+$/;
const koreanTail =
  /\s*(?:(?:이|가|은|는|이란|란)?\s*(?:뭐야|뭐예요|뭐에요|뭔가요|뭐지|뭐임|무엇인가요|무엇인가|무엇이야|무엇입니까|무엇이에요)|(?:에\s*대해\s*)?(?:설명해\s*줘|설명해\s*주세요|알려\s*줘|알려\s*주세요)|(?:의\s*)?(?:뜻|의미)|이란|란)$/;
const trailingParticle = /(?<=[\uac00-\ud7a3]{2}|[a-z0-9]{2})(?:에서|으로|은|는|이|가|을|를|의|에|도|와|과|로)$/;

function stripQuestion(text: string): string {
  let current = text;
  for (;;) {
    const next = current.replace(trailingPunctuation, '').replace(englishLead, '').replace(englishTail, '').replace(koreanTail, '').trim();
    if (next === current) return current;
    current = next;
  }
}

// Words that never name a concept (see stopWords below); the filler words are these and more.
const stopWordList = [
  'a',
  'an',
  'the',
  'is',
  'are',
  'was',
  'be',
  'of',
  'and',
  'or',
  'to',
  'in',
  'on',
  'at',
  'for',
  'by',
  'with',
  'it',
  'this',
  'that',
  'what',
  'whats',
  'how',
  'why',
  'who',
  'explain',
  'define',
  'me',
  'my',
  'i',
  'you',
  'everyone',
  'here',
];

// Words around a name that never name a concept themselves: requests, greetings, question words, the
// `and`/`vs` between two names, what is left of a mention (`@everyone`, the id of `<@123>`).
const fillerWords = new Set([
  ...stopWordList,
  'about',
  'describe',
  'tell',
  'please',
  'pls',
  'plz',
  'thanks',
  'thx',
  'hey',
  'hi',
  'hello',
  'bot',
  'vs',
  'versus',
  'mean',
  'means',
  'meaning',
  'definition',
  'difference',
  'between',
  '제발',
  '뭐야',
  '뭐예요',
  '뭐에요',
  '뭔가요',
  '뭐지',
  '뭐임',
  '무엇',
  '무엇인가요',
  '무엇인가',
  '무엇이야',
  '무엇입니까',
  '설명',
  '설명해',
  '설명해줘',
  '설명해주세요',
  '알려줘',
  '알려주세요',
  '알려',
  '주세요',
  '의미',
  '차이',
  '차이점',
  '그리고',
  '대해',
  '대해서',
  '에서',
  '이랑',
  '하고',
]);

// Words that never name a concept, nor are worth finding in a body: a longer name's words (`what`, `the`)
// are not indexed alone, and a query that is one of them guesses nothing. Narrower than `fillerWords`: a
// word such as `please` may still be searched for in a body.
const stopWords = new Set(stopWordList);

export function isStopWord(word: string): boolean {
  return stopWords.has(word);
}

/**
 * A word of a query that says nothing about which concept is meant (`please`, `뭐야`, the digits of a
 * mention). Single letters and syllables are judged by the caller: `큐` may be a name.
 */
export function isFillerWord(word: string): boolean {
  return fillerWords.has(word) || /^\d+$/.test(word);
}

// Like `trailingParticle`, plus the endings that join two names (`랑`, `이랑`) or ask (`란`). Latin words
// never carry one: `splitWords` already cut `Docker를` in two.
const wordEnding = /(?<=[\uac00-\ud7a3]{2})(?:이란|란|에서|으로|은|는|이|가|을|를|의|에|도|와|과|로|랑|이랑)$/;

/** One word of a query without its Korean ending: `쿠버네티스와` → `쿠버네티스`, `도커를` → `도커`. */
export function stripWordEnding(word: string): string {
  return word.replace(wordEnding, '');
}

/** The query as typed, then without question phrasing, then without a trailing particle (`도커를` → `도커`). */
export function listQueryVariants(query: string, weights: SearchRanking['variants'] = defaultRanking.variants): QueryVariant[] {
  const original = foldText(query).trim();
  const variants: QueryVariant[] = [{ text: original, weight: 1 }];
  const withoutQuestion = stripQuestion(original);
  if (withoutQuestion && withoutQuestion !== original) variants.push({ text: withoutQuestion, weight: weights.withoutQuestion });
  const withoutParticle = withoutQuestion.replace(trailingParticle, '');
  if (withoutParticle && withoutParticle !== withoutQuestion) variants.push({ text: withoutParticle, weight: weights.withoutParticle });
  return variants;
}
