// The terms a cloze may blank and offer: names of concepts, **bold** terms and terms written with a
// parenthesised translation (`가상 메모리(Virtual Memory)`). Never a generic word, a verb or an adverb.
import { finalSoundOf, type FinalSound } from './korean-particles.js';
import { textKey } from './mask-names.js';

export type TermSource = 'name' | 'bold' | 'translation';

export interface Term {
  /** As the author wrote it: `도커(Docker)`. */
  text: string;
  key: string;
  /** Keys of the term and of each name in it: `도커(Docker)` → 도커docker, 도커, docker. */
  partKeys: string[];
  /** The term and the names in it, as written. */
  forms: string[];
  documentId: string;
  /** The concept this term names, when one does (`커널` → the Kernel concept); for explain buttons. */
  namedConceptId: string | null;
  script: 'hangul' | 'latin' | 'mixed';
  source: TermSource;
  /** Worked out once: never offered when generic or a verb/adverb form; the sound its particle follows. */
  generic: boolean;
  verbal: boolean;
  finalSound: FinalSound;
}

/** Words a note bolds for emphasis that ask for nothing when blanked. */
const genericWords = new Set(
  [
    '장점',
    '단점',
    '방식',
    '것',
    '특징',
    '종류',
    '개념',
    '정의',
    '예시',
    '예',
    '역할',
    '기능',
    '목적',
    '이유',
    '차이',
    '차이점',
    '방법',
    '경우',
    '문제',
    '문제점',
    '구조',
    '과정',
    '원리',
    '단계',
    '결과',
    '사용',
    '의미',
    '상태',
    '대상',
    '부분',
    '전체',
    '내용',
    '정보',
    '중요',
    '주의',
    '핵심',
    '요약',
    '정리',
    '공유',
    '도구',
    '단위',
    '요소',
    '기술',
    '방향',
    '수준',
    '영역',
    '공간',
    '환경',
    '대신',
    '참고',
    '필요',
    '가능',
    '기본',
    '일반',
    '용도',
    '장단점',
    '비교',
    '설명',
    '예제',
    '순서',
    '동작',
    '작업',
    '처리',
    'advantage',
    'advantages',
    'disadvantage',
    'disadvantages',
    'pros',
    'cons',
    'way',
    'method',
    'thing',
    'things',
    'feature',
    'features',
    'example',
    'examples',
    'note',
    'important',
    'warning',
    'summary',
    'definition',
    'purpose',
    'reason',
    'difference',
    'differences',
    'step',
    'steps',
    'result',
    'usage',
    'why',
    'how',
    'what',
    'not',
    'never',
    'always',
    'only',
    'must',
    'all',
    'none',
  ].map(textKey),
);

/** Korean adverbs and adverbial forms a note may bold (`대신`, `독립적으로`, `빠르게`). */
const koreanAdverbs = new Set(
  [
    '대신',
    '함께',
    '먼저',
    '직접',
    '항상',
    '반드시',
    '다시',
    '동시에',
    '따로',
    '서로',
    '모두',
    '바로',
    '그대로',
    '매우',
    '주로',
    '특히',
    '절대',
    '결코',
    '자동으로',
    '미리',
    '계속',
    '즉시',
  ].map(textKey),
);
const adverbialEnding = /(?:적으로|으로|하게|되게|스럽게|롭게|[가-힣]게|[가-힣]히|하다|한다|된다|되다|하는|되는|했다|였다|[가-힣]다)$/u;

export function isGenericWord(text: string): boolean {
  const key = textKey(text);
  // `도구(tool)` is as generic as `도구`.
  const head = textKey(text.replace(/\s*[(（][^)）]*[)）]\s*$/u, ''));
  return key.length < 2 || genericWords.has(key) || genericWords.has(head);
}

/** A term that is a verb or an adverb by its form (`독립적으로`, `빠르게`, `합친다`, `quickly`). */
export function isVerbOrAdverbForm(text: string): boolean {
  const plain = text.trim().replace(/\s*[(（][^)）]*[)）]\s*$/u, '');
  const lastWord = plain.split(/\s+/u).at(-1) ?? '';
  if (/\p{Script=Hangul}/u.test(lastWord)) return koreanAdverbs.has(textKey(plain)) || adverbialEnding.test(lastWord);
  // Lower-case adjectives (`thread-safe`, `stateless`, `idempotent`) and adverbs: not names a blank can take.
  return /^[a-z]+ly$/u.test(plain) || /^[a-z][a-z-]*(?:-safe|-based|-free|-aware|able|ible|ful|ous|ive|less)$/u.test(plain);
}

/** English words before a blank that make it a verb slot: "to ＿＿＿", "never ＿＿＿", "can ＿＿＿". */
const verbSlotBefore =
  /\b(?:to|never|is|are|be|been|being|become|becomes|was|were|seems|not|don't|doesn't|didn't|do|does|did|can|cannot|can't|could|will|would|should|must|may|might|please|always|often|you|we|they|i)\s*$/iu;

export function isVerbSlot(before: string): boolean {
  return verbSlotBefore.test(before);
}

/** Command words whose next word is a subcommand: `git stash ＿＿＿`, `＿＿＿ pop` complete a command line, not a sentence. */
export const commandWords = /^(?:git|docker|kubectl|npm|yarn|pip|apt|brew|curl|sudo)$/iu;

export function scriptOf(text: string): Term['script'] {
  const hangul = /\p{Script=Hangul}/u.test(text);
  const latin = /\p{Script=Latin}/u.test(text);
  if (hangul && !latin) return 'hangul';
  if (latin && !hangul) return 'latin';
  return 'mixed';
}

/** `도커(Docker)` → 도커(Docker), 도커, Docker; `가상화 엔진(VE, Virtualization Engine)` → the whole and its three names. */
export function formsOfTerm(text: string): string[] {
  const match = /^(.*?)\s*[(（](.*)[)）]\s*$/u.exec(text.trim());
  const parts = match ? [match[1]!, ...match[2]!.split(/\s*[,/;]\s*/u)] : [];
  return [text, ...parts].map((part) => part.trim()).filter((part) => textKey(part) !== '');
}

export function makeTerm(text: string, documentId: string, source: TermSource): Term | null {
  const trimmed = text.trim();
  const key = textKey(trimmed);
  // A bold `a` or a bold link is emphasis, not a term worth asking for.
  if (key.length < 2 || /https?:\/\//iu.test(trimmed)) return null;
  const forms = formsOfTerm(trimmed);
  return {
    text: trimmed,
    key,
    partKeys: [...new Set(forms.map(textKey))],
    forms,
    documentId,
    namedConceptId: null,
    script: scriptOf(trimmed),
    source,
    generic: isGenericWord(trimmed),
    verbal: isVerbOrAdverbForm(trimmed),
    finalSound: finalSoundOf(trimmed),
  };
}

/** Words that stand before a term without being part of it (`모두 전송 계층(…)`). */
const leadingWords = new Set([
  '모두',
  '그',
  '이',
  '저',
  '각',
  '및',
  '또는',
  '즉',
  '주로',
  '특히',
  '흔히',
  '보통',
  '같은',
  '다른',
  '여러',
  '모든',
  '새',
  '두',
  '세',
  '한',
  '또',
  '곧',
  '더',
]);

/** Particles a Korean word before a bracket may carry: `운영체제의 가상 메모리(…)` keeps `가상 메모리`. */
const particleEnding = /(?:의|은|는|이|가|을|를|에|로|와|과|도|만)$/u;

/**
 * Terms written with a parenthesised translation in a sentence: `가상 메모리(Virtual Memory)` → that term.
 * As many Korean words as the translation has (at most three), without a word that ends in a particle.
 */
export function findTranslatedTerms(sentence: string): string[] {
  const found: string[] = [];
  const pattern = /((?:[\p{Script=Hangul}0-9]+\s?){1,3})[(（]\s*([A-Za-z][A-Za-z0-9 .\-/]{1,40}?)\s*[)）]/gu;
  for (let match = pattern.exec(sentence); match; match = pattern.exec(sentence)) {
    const latin = match[2]!.trim();
    const latinWords = latin.split(/\s+/u).length;
    // An acronym stands for several words (`확인 응답(ACK)`); a Korean name may take a word more than its
    // translation (`상태 기반 검사(stateful inspection)`). Words ending in a particle are cut off below.
    const wanted = /^[A-Z0-9]{2,6}$/u.test(latin) ? 2 : latinWords === 1 ? 1 : latinWords + 1;
    const words = match[1]!.trim().split(/\s+/u);
    let kept = words.slice(-Math.min(3, wanted));
    while (kept.length > 1 && (particleEnding.test(kept[0]!) || /[는은을할한된던]$/u.test(kept[0]!) || leadingWords.has(kept[0]!)))
      kept = kept.slice(1);
    if (kept.length === 1 && particleEnding.test(kept[0]!) && kept[0]!.length > 2) continue;
    found.push(`${kept.join(' ')}(${match[2]!.trim()})`);
  }
  return found;
}

/** Two terms that mean the same thing (one contains the other, or both name one concept: `커널`, `Kernel`) cannot both be options. */
export function overlaps(a: Term, b: Term): boolean {
  if (a.key.includes(b.key) || b.key.includes(a.key)) return true;
  if (a.namedConceptId !== null && a.namedConceptId === b.namedConceptId) return true;
  return a.partKeys.some((key) => b.partKeys.includes(key));
}
