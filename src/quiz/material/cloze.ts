// Cloze candidates: a sentence of the concept's prose with one key term blanked, and the terms that may stand beside it.
import type { Concept } from '../../kb/types.js';
import { commandWords, isVerbSlot, makeTerm, overlaps, type Term } from '../key-terms.js';
import { agreeParticle, readBlankEnding } from '../korean-particles.js';
import { answerMask, compiledPattern, countLetters, countOccurrences, findLeakedName, foldText, namePatternSource, textKey } from '../mask-names.js';
import type { PromptSentence } from '../prompt-sentences.js';
import { scoreQuestion, type QualityVerdict, type QuestionFeatures } from '../question-quality.js';
import type { MaterialContext } from './context.js';
import { showsAny } from './labels.js';
import { distractorCount, maxPoolSize } from './limits.js';
import type { FeaturesOf } from './sentence-features.js';
import { lengthGap, rankTerms, uniqueTerms } from './term-likeness.js';
import type { TermPools } from './term-pools.js';
import type { ClozeCandidate } from './types.js';

/** Terms of this concept's prose a cloze may blank: its bold terms, translated terms, and names of other concepts it mentions. */
export function blankableTerms(context: MaterialContext, pools: TermPools, concept: Concept, isOwnTerm: (term: Term) => boolean): Term[] {
  const { kb, domainOf, conceptByNameKey, translatedTermsOf } = context;
  const { termByKeyOf } = pools;
  const byKey = termByKeyOf(concept.documentId);
  const domain = domainOf(concept.documentId);
  const texts = [...concept.boldTerms, ...translatedTermsOf(concept), ...concept.relatedIds.flatMap((id) => kb.getConcept(id)?.names ?? [])];
  const result: Term[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    const key = textKey(text);
    if (seen.has(key)) continue;
    seen.add(key);
    // A name borrowed from another note's concept keeps that note as its home, so its company comes from there.
    const term =
      byKey.get(key) ??
      makeTerm(
        text,
        conceptByNameKey.has(key) ? (kb.getConcept(conceptByNameKey.get(key)!)?.documentId ?? concept.documentId) : concept.documentId,
        'name',
      );
    // Blanking the concept's own name is a which-concept question in disguise.
    if (!term || isOwnTerm(term)) continue;
    // A name borrowed from a note outside the domain is a homonym as often as not (`인덱스 i` in a heap note).
    if (!domain.includes(term.documentId)) continue;
    term.namedConceptId ??= term.partKeys.map((part) => conceptByNameKey.get(part)).find((id) => id !== undefined) ?? null;
    result.push(term);
  }
  return result;
}

export function blankSentence(
  featuresOf: FeaturesOf,
  concept: Concept,
  sentence: PromptSentence,
  term: Term,
  isOwnTerm: (term: Term) => boolean,
  domainTerms: readonly Term[],
): ClozeCandidate | null {
  const prompt = blankTerm(sentence.text, term);
  if (prompt === null) return null;
  const text = foldText(prompt);
  const candidates: Term[] = [];
  for (const other of domainTerms) {
    if (overlaps(other, term) || isOwnTerm(other)) continue;
    if (other.generic || other.verbal || showsAny(text, other.partKeys)) continue;
    candidates.push(other);
    if (candidates.length >= maxPoolSize * 3) break;
  }
  const distractors = uniqueTerms(rankTerms(term, candidates), maxPoolSize);
  if (distractors.length < distractorCount) return null;
  const ending = readBlankEnding(prompt, answerMask);
  const before = prompt.slice(0, prompt.indexOf(answerMask));
  const read = featuresOf(sentence);
  // Field by field, not `...featuresOf(sentence)`: see describeConcept (V8's slow path on Node 20).
  const features: QuestionFeatures = {
    fromListItem: read.fromListItem,
    wholeSentence: read.wholeSentence,
    leansOnPrevious: read.leansOnPrevious,
    pointsElsewhere: read.pointsElsewhere,
    looksLikeCode: read.looksLikeCode,
    kind: 'cloze',
    letters: countLetters(prompt),
    maskedShare: 0,
    masks: 1,
    sentences: 1,
    namesAnotherConcept: false,
    describesPart: false,
    masksDifferentNames: false,
    genericBlank: term.generic || isCommonNounUse(sentence.text, term),
    verbalBlank: term.verbal || (term.script !== 'hangul' && isVerbSlot(before)) || (ending.kind === 'inside-word' && ending.verbal),
    blankInsideWord:
      (ending.kind === 'inside-word' && !ending.verbal) ||
      /[\p{L}\p{N}]$/u.test(before) ||
      isInsideCommand(before, prompt, term) ||
      isInsideBrackets(before),
    particleNeutralized: false,
    optionsFromOtherNotes: 0,
    optionsInOtherScript: 0,
    optionLengthGap: 0,
  };
  const best = distractors.slice(0, distractorCount);
  const finished = finishCloze({ kind: 'cloze', prompt, line: sentence.line, features, verdict: scoreQuestion(features), term, distractors }, best);
  if (!finished) return null;
  return { kind: 'cloze', prompt, line: sentence.line, features, verdict: finished.verdict, term, distractors };
}

/** A cloze with these wrong options: its prompt with the particle agreed, and its score. Null when no particle fits. */
export function finishCloze(candidate: ClozeCandidate, wrong: readonly Term[]): { prompt: string; verdict: QualityVerdict } | null {
  const options = [candidate.term, ...wrong].map((term) => term.text);
  const agreed = agreeParticle(candidate.prompt, answerMask, options);
  const features: QuestionFeatures = {
    ...candidate.features,
    blankInsideWord: candidate.features.blankInsideWord || agreed === null,
    particleNeutralized: agreed?.neutralized ?? false,
    optionsFromOtherNotes: wrong.filter((term) => term.documentId !== candidate.term.documentId).length,
    optionsInOtherScript: wrong.filter((term) => term.script !== candidate.term.script).length,
    optionLengthGap: wrong.reduce((sum, term) => sum + lengthGap(candidate.term.text, term.text), 0) / Math.max(1, wrong.length),
  };
  return { prompt: agreed?.prompt ?? candidate.prompt, verdict: scoreQuestion(features) };
}

/**
 * `Process` is a concept's name, but "every process is busy" uses the word, not the name: blanked, only the
 * one common noun among the options fits. A Latin name written in lower case where the name is capitalised is that.
 */
function isCommonNounUse(sentence: string, term: Term): boolean {
  if (term.script !== 'latin' || !/\p{Lu}/u.test(term.text)) return false;
  const source = namePatternSource(term.text);
  const found = source === null ? null : compiledPattern(source, 'iu').exec(sentence.normalize('NFC'));
  return found !== null && found[0] === found[0].toLowerCase();
}

/** `경량 프로세스(LWP, Lightweight ＿＿＿)`: a blank inside a gloss sits beside its own translation. */
function isInsideBrackets(before: string): boolean {
  return (before.match(/[(（]/gu)?.length ?? 0) > (before.match(/[)）]/gu)?.length ?? 0);
}

/** `git ＿＿＿ list`, `＿＿＿ pop` for `git stash`: the blank is a word of a command line, which no other term completes. */
function isInsideCommand(before: string, prompt: string, term: Term): boolean {
  const previousWord = /(\S+)\s*$/u.exec(before)?.[1] ?? '';
  if (commandWords.test(previousWord)) return true;
  const after = prompt.slice(prompt.indexOf(answerMask) + answerMask.length);
  return (
    commandWords.test(term.text.split(/\s+/u)[0] ?? '') &&
    /^\s+-{0,2}[a-z][a-z-]*(?:\s|$)/u.test(after) &&
    !/^\s+(?:is|are|was|the|a|an|and|or|to|of|in|on|for|with|saves|keeps|creates|makes|moves)\b/u.test(after)
  );
}

const glossAfterBlank = new RegExp(`${answerMask}\\s*[(（][^)）]*[)）]`, 'u');
const blankInsideBrackets = new RegExp(`[(（]\\s*${answerMask}`, 'u');

/** The sentence with its one occurrence of `term` blanked, or null when that would not make a fair question. */
function blankTerm(sentence: string, term: Term): string | null {
  // Twice in the sentence means the second one answers the first.
  if (countOccurrences(sentence, term.text) !== 1) return null;
  const source = namePatternSource(term.text);
  if (source === null) return null;
  const blanked = sentence
    .normalize('NFC')
    .replace(compiledPattern(source, 'iu'), answerMask)
    // `＿＿＿(Time To Live)` spells out what `TTL` was: the gloss goes with the term.
    .replace(glossAfterBlank, answerMask);
  // `Time To Live(＿＿＿)`: the words before the brackets are the answer in other words.
  if (blankInsideBrackets.test(blanked)) return null;
  // The concept's own names stay: they are the sentence's context, and the answer is the blanked term.
  const prompt = blanked.trim();
  if (findLeakedName(prompt, term.forms) !== undefined) return null;
  return prompt;
}
