// Which-concept candidates: a sentence of the concept's prose with its names masked, asking which concept it describes.
import type { Concept } from '../../kb/types.js';
import { neutralizeAllParticles } from '../korean-particles.js';
import { answerMask, countLetters, findLeakedName, findShownNameKeys, textKey } from '../mask-names.js';
import { pointsElsewhere, type PromptSentence } from '../prompt-sentences.js';
import { scoreQuestion, type QualityVerdict, type QuestionFeatures } from '../question-quality.js';
import type { MaterialContext } from './context.js';
import { prepare, showsAny } from './labels.js';
import { distractorCount, twoSentencesBelowLetters } from './limits.js';
import type { FeaturesOf } from './sentence-features.js';
import type { WhichConceptCandidate } from './types.js';

/** `git ＿＿＿(으)로 기록한다`: a masked command word is a spelling question, not a concept question. */
const commandBeforeMask = new RegExp(`(?:^|\\s)(?:git|docker|kubectl|npm)\\s+${answerMask}`, 'u');
const leadingAliasClause = new RegExp(`^${answerMask}\\S*\\s?(?:이?라고도|으로도|로도)\\s?(?:하며|불리며|부르며|한다\\.?)\\s*,?\\s*`, 'u');
const aliasSentence =
  /^(?:흔히|보통|또는|혹은)?\s?\S*(?:이?라고도|으로도|로도)\s?(?:부른다|한다|불린다|쓴다)\.?$|^(?:it is )?also (?:called|known as)\b/u;

/**
 * How many different names of the concept the text shows, Hangul and Latin counted apart (`프로세스(Process)`
 * is one name in two scripts; `스레드 … 프로세스` are two). Masked, two names become two blanks that read alike.
 */
function countMaskedNames(text: string, names: readonly string[]): number {
  const shown = findShownNameKeys(text, names);
  const hangul = shown.filter((key) => /\p{Script=Hangul}/u.test(key)).length;
  return Math.max(hangul, shown.length - hangul);
}

const noBlankFeatures = {
  genericBlank: false,
  verbalBlank: false,
  blankInsideWord: false,
  particleNeutralized: false,
  optionsInOtherScript: 0,
  optionLengthGap: 0,
};

function optionFeatures(answer: Concept, wrong: readonly Concept[]) {
  return { optionsFromOtherNotes: wrong.filter((other) => other.documentId !== answer.documentId).length };
}

export function describeConcept(
  context: MaterialContext,
  featuresOf: FeaturesOf,
  concept: Concept,
  sentence: PromptSentence,
  names: readonly string[],
  mask: (text: string) => string,
  neighbours: readonly Concept[],
  offerable: readonly Concept[],
): WhichConceptCandidate | null {
  const { nameKeysById, termKeysById } = context;
  // "흔히 인터넷의 전화번호부라고도 부른다": a sentence that only gives another name says nothing once masked.
  if (aliasSentence.test(sentence.text)) return null;
  // "부하 분산 장치라고도 하며, …": the alias clause, once masked, only delays the clue.
  const first = mask(sentence.text).trim().replace(leadingAliasClause, '');
  const useNext = countLetters(first) < twoSentencesBelowLetters && sentence.next !== undefined && !pointsElsewhere(sentence.next);
  const originalText = useNext ? `${sentence.text} ${sentence.next}` : sentence.text;
  const masked = useNext ? `${first} ${mask(sentence.next!).trim()}` : first;
  // `＿＿＿(Process)`, `＿＿＿(또는 ＿＿＿)`: a bracket after the mask is the name in other words.
  const prompt = neutralizeAllParticles(masked.replace(new RegExp(`${answerMask}\\s*[(（][^)）]*[)）]`, 'gu'), answerMask), answerMask);
  if (commandBeforeMask.test(prompt)) return null;
  // Each sentence is masked alone; the leak check reads the prompt as one text, across word gaps.
  if (findLeakedName(prompt, names) !== undefined) return null;
  const text = prepare(prompt);
  const namesAnotherConcept = neighbours.some((other) => showsAny(text, nameKeysById.get(other.id)!.keys));
  // "요구 페이징은 …" inside 가상 메모리 describes the subsection, not the concept a reader is asked for.
  const opening = textKey(sentence.text.slice(0, 40));
  const sentenceKey = textKey(originalText);
  const describesPart = concept.subsections.some((subsection) =>
    subsection.names.some((name) => {
      const key = textKey(name);
      // It opens with the subsection's name, or names it where it defines a term ("… 순수 요구 페이징이라고 한다").
      return (
        key.length >= 2 &&
        (opening.startsWith(key) || (sentenceKey.includes(key) && /(?:이?라고|이?라)\s?(?:한다|부른다)|is called/u.test(originalText)))
      );
    }),
  );
  // A concept whose names or own terms the prompt shows would be the natural pick, or a second right answer.
  const distractors = offerable.filter((other) => !showsAny(text, nameKeysById.get(other.id)!.keys) && !showsAny(text, termKeysById.get(other.id)!));
  if (distractors.length < distractorCount) return null;
  const letters = countLetters(prompt);
  const features: QuestionFeatures = {
    ...featuresOf(sentence),
    kind: 'which-concept',
    letters,
    maskedShare: 1 - letters / Math.max(1, countLetters(originalText)),
    masks: prompt.split(answerMask).length - 1,
    sentences: useNext ? 2 : 1,
    namesAnotherConcept,
    describesPart,
    // Two masks that stand for two different names; `＿＿＿(또는 ＿＿＿)` was collapsed into one above.
    masksDifferentNames: prompt.split(answerMask).length > 2 && countMaskedNames(originalText, names) >= 2,
    ...noBlankFeatures,
    ...optionFeatures(concept, distractors.slice(0, distractorCount)),
  };
  return { kind: 'which-concept', prompt, line: sentence.line, features, verdict: scoreQuestion(features), distractors };
}

/** A which-concept question with these wrong options: its score. */
export function finishWhichConcept(candidate: WhichConceptCandidate, answer: Concept, wrong: readonly Concept[]): QualityVerdict {
  return scoreQuestion({ ...candidate.features, ...optionFeatures(answer, wrong) });
}
