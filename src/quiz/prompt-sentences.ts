// The sentences a question may quote: whole sentences of a concept's explanatory prose (`concept.passages`),
// each with where it stands, and what a reader of a quiz post would stumble on if it stood alone.
import type { Concept, Passage } from '../kb/types.js';

export interface PromptSentence {
  text: string;
  /** 1-based line in the note. */
  line: number;
  passage: Passage;
  /** Position among the sentences of its passage. */
  indexInPassage: number;
  /** The next sentence of the same passage, when there is one (a second clue for a which-concept prompt). */
  next?: string;
}

/** Words that end in a dot without ending a sentence. */
const abbreviations = /(?:\be\.g|\bi\.e|\betc|\bvs|\bcf|\bex|\bMr|\bDr|\bNo|\bapprox|\bv\d*)$/i;

/** A passage cut into sentences: after `.`, `!`, `?` or `。` followed by a space, unless the dot ends an abbreviation or a number. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const ends = /[.!?。](?=\s+\S)/gu;
  for (let match = ends.exec(text); match; match = ends.exec(text)) {
    const before = text.slice(start, match.index);
    if (match[0] === '.' && (abbreviations.test(before) || /\d$/.test(before))) continue;
    sentences.push(text.slice(start, match.index + 1).trim());
    start = match.index + 1;
  }
  const last = text.slice(start).trim();
  if (last !== '') sentences.push(last);
  return sentences.filter((sentence) => sentence !== '');
}

/** Every sentence of the concept's prose, in note order. */
export function readPromptSentences(concept: Concept): PromptSentence[] {
  const result: PromptSentence[] = [];
  for (const passage of concept.passages) {
    const sentences = splitSentences(passage.text);
    sentences.forEach((text, indexInPassage) => {
      const next = sentences[indexInPassage + 1];
      result.push({ text, line: passage.line, passage, indexInPassage, ...(next !== undefined ? { next } : {}) });
    });
  }
  return result;
}

/**
 * Sentences that open by leaning on the one before ("따라서, …", "이 방식은 …", "This means …") make no sense
 * alone in a quiz post.
 */
const leansOnPrevious =
  /^(?:따라서|그러므로|그래서|그러나|하지만|그런데|그리고|반면에?|즉|또한|또|게다가|결국|이때|이\s?경우|이를|이로|이와|이에|이런|이러한|이렇게|이것|이는|그것|덕분에|때문에|대신|그\s?결과|반대로|예를\s?들어|예컨대|해당|그런|그러한|그렇게|그|이|저|위의?|위와|앞서|앞의|여기서|다음|아래)(?:은|는|을|를|이|가|의|에|도|로)?(?:[\s,.]|$)/u;
const leansOnPreviousLatin =
  /^(?:therefore|thus|hence|so|also|however|but|and|or|then|this|these|that|those|it|its|they|their|such|here|there|both|neither|either|instead|otherwise|in (?:this|that|such) case|as a result|for (?:this|that) reason)\b/iu;

export function leansOnPreviousSentence(sentence: string): boolean {
  const trimmed = sentence.trim().replace(/^[*_"“'‘(]+/u, '');
  // `해당 페이지`, `위의 예`: pointing back wherever it stands in the sentence.
  return (
    leansOnPrevious.test(trimmed) ||
    leansOnPreviousLatin.test(trimmed) ||
    /(?:^|\s)(?:해당|위의|앞의|이러한|그러한)\s/u.test(trimmed) ||
    // "두 연산 모두 …", "Both operations …": which two?
    /^(?:두|세|네|다섯)\s\S+\s?(?:모두|다|중)\s|^(?:both|all three|each of them)\b/iu.test(trimmed)
  );
}

/** A study diary's own voice ("오늘은 … 공부했다", "Today I learned …"): about the author, not the subject. */
export function isNarration(sentence: string): boolean {
  return /^오늘은?|공부했다|정리해\s?(?:보았|봤)다|알아보(?:자|았다|겠다)|살펴보(?:자|았다|겠다)|^today\b|\blet's\b|\bin this (?:post|note|article)\b|\bwe will\b/iu.test(
    sentence.trim(),
  );
}

/** "아래의 자료에서 …", "다음과 같다", "See the link below": boilerplate that points elsewhere, not an explanation. */
export function pointsElsewhere(sentence: string): boolean {
  return (
    isNarration(sentence) ||
    /아래(?:의|에)?\s?(?:자료|링크|내용|글|표|그림|코드|예시|설명)|다음과\s?같|다음\s?(?:[두세네]|다섯|여섯|몇)\s?가지|링크|참고하|참조하|\bbelow\b|\bthe following\b|\bsee the\b|\bclick\b|https?:\/\//iu.test(
      sentence,
    ) ||
    /[:：]\s*$/u.test(sentence)
  );
}

/**
 * A whole sentence says something: it ends like one (`…다.`, `…요`, a full stop or question mark), or as a
 * list item is long enough to be a clause rather than a fragment (`빠른 속도`, `Stateless`).
 */
export function isWholeSentence(sentence: string): boolean {
  const text = sentence.trim();
  if (/(?:다|요|음|함|됨|임|함\.|다\.|요\.)\s*$/u.test(text)) return true;
  if (/[.!?。]\s*$/u.test(text)) return text.split(/\s+/u).length >= 5;
  return false;
}

/** Code-ish material quoted in prose: it reads badly in a post and often is the answer in disguise. */
export function looksLikeCode(sentence: string): boolean {
  return /`|[{};]|=>|\b[a-z]+\([^)]*\)|\$ /u.test(sentence);
}
