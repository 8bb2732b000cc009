// Which-concept candidates: a sentence of the concept's prose with its names masked, asking which concept it describes.
import type { Concept } from '../../kb/types.js';
import { neutralizeAllParticles } from '../korean-particles.js';
import { answerMask, countLetters, findShownNameKeys, foldText, textKey, type FoldedText } from '../mask-names.js';
import { pointsElsewhere, type PromptSentence } from '../prompt-sentences.js';
import { scoreQuestion, type QualityVerdict, type QuestionFeatures } from '../question-quality.js';
import type { MaterialContext } from './context.js';
import { createShowsAny } from './labels.js';
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

function optionFeatures(answer: Concept, wrong: readonly Concept[]) {
  return { optionsFromOtherNotes: wrong.filter((other) => other.documentId !== answer.documentId).length };
}

/** What every sentence of one concept is checked against, worked out once for the concept. */
export interface WhichConceptSubject {
  concept: Concept;
  /** Names, aliases, label, title and parts of joined names: none may show in the prompt. */
  names: readonly string[];
  mask: (text: string) => string;
  leaks: (text: FoldedText) => string | undefined;
  /** Keys of the names of the concept's subsections (2+ letters). */
  subsectionKeys: readonly string[];
  neighbours: readonly Concept[];
  offerable: readonly Concept[];
}

export function subsectionKeysOf(concept: Concept): string[] {
  return concept.subsections.flatMap((subsection) => subsection.names.map(textKey)).filter((key) => key.length >= 2);
}

/** `＿＿＿(Process)`, `＿＿＿(또는 ＿＿＿)`: a bracket after the mask is the name in other words. */
const bracketAfterMask = new RegExp(`${answerMask}\\s*[(（][^)）]*[)）]`, 'gu');
const definesTerm = /(?:이?라고|이?라)\s?(?:한다|부른다)|is called/u;

export function describeConcept(
  context: MaterialContext,
  featuresOf: FeaturesOf,
  subject: WhichConceptSubject,
  sentence: PromptSentence,
): WhichConceptCandidate | null {
  const { nameKeysById, termKeysById } = context;
  const { concept, names, mask, neighbours, offerable } = subject;
  // "흔히 인터넷의 전화번호부라고도 부른다": a sentence that only gives another name says nothing once masked.
  if (aliasSentence.test(sentence.text)) return null;
  // "부하 분산 장치라고도 하며, …": the alias clause, once masked, only delays the clue.
  const first = mask(sentence.text).trim().replace(leadingAliasClause, '');
  const useNext = countLetters(first) < twoSentencesBelowLetters && sentence.next !== undefined && !pointsElsewhere(sentence.next);
  const originalText = useNext ? `${sentence.text} ${sentence.next}` : sentence.text;
  const masked = useNext ? `${first} ${mask(sentence.next!).trim()}` : first;
  const prompt = neutralizeAllParticles(masked.replace(bracketAfterMask, answerMask), answerMask);
  if (commandBeforeMask.test(prompt)) return null;
  // Each sentence is masked alone; the leak check reads the prompt as one text, across word gaps.
  const text = foldText(prompt);
  if (subject.leaks(text) !== undefined) return null;
  // Worked out once for each neighbour: the offerable ones are among them.
  const shows = createShowsAny(text);
  const showingNames = new Set(neighbours.filter((other) => shows(nameKeysById.get(other.id)!.keys)));
  const namesAnotherConcept = showingNames.size > 0;
  // "요구 페이징은 …" inside 가상 메모리 describes the subsection, not the concept a reader is asked for.
  const describesPart = subject.subsectionKeys.length > 0 && describesSubsection(subject.subsectionKeys, sentence.text, originalText);
  // A concept whose names or own terms the prompt shows would be the natural pick, or a second right answer.
  const distractors = offerable.filter((other) => !showingNames.has(other) && !shows(termKeysById.get(other.id)!));
  if (distractors.length < distractorCount) return null;
  const letters = countLetters(prompt);
  const masks = prompt.split(answerMask).length - 1;
  const read = featuresOf(sentence);
  // Written out field by field: on Node 20 a literal that opens with a spread and goes on with a dozen fields
  // takes V8's slow path, about 30 µs an object (a third of a second for `kb check` at 10,000 concepts).
  const features: QuestionFeatures = {
    fromListItem: read.fromListItem,
    wholeSentence: read.wholeSentence,
    leansOnPrevious: read.leansOnPrevious,
    pointsElsewhere: read.pointsElsewhere,
    looksLikeCode: read.looksLikeCode,
    kind: 'which-concept',
    letters,
    maskedShare: 1 - letters / Math.max(1, countLetters(originalText)),
    masks,
    sentences: useNext ? 2 : 1,
    namesAnotherConcept,
    describesPart,
    // Two masks that stand for two different names; `＿＿＿(또는 ＿＿＿)` was collapsed into one above.
    masksDifferentNames: masks > 1 && countMaskedNames(originalText, names) >= 2,
    genericBlank: false,
    verbalBlank: false,
    blankInsideWord: false,
    particleNeutralized: false,
    optionsInOtherScript: 0,
    optionLengthGap: 0,
    optionsFromOtherNotes: optionFeatures(concept, distractors.slice(0, distractorCount)).optionsFromOtherNotes,
  };
  return { kind: 'which-concept', prompt, line: sentence.line, features, verdict: scoreQuestion(features), distractors };
}

/** It opens with a subsection's name, or names it where it defines a term ("… 순수 요구 페이징이라고 한다"). */
function describesSubsection(subsectionKeys: readonly string[], sentence: string, originalText: string): boolean {
  const opening = textKey(sentence.slice(0, 40));
  const sentenceKey = textKey(originalText);
  return subsectionKeys.some((key) => opening.startsWith(key) || (sentenceKey.includes(key) && definesTerm.test(originalText)));
}

/** A which-concept question with these wrong options: its score. */
export function finishWhichConcept(candidate: WhichConceptCandidate, answer: Concept, wrong: readonly Concept[]): QualityVerdict {
  return scoreQuestion({ ...candidate.features, ...optionFeatures(answer, wrong) });
}
