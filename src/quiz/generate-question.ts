// Quiz questions made from the notes. Three kinds:
// - authored: a multiple-choice question the author wrote in the note, asked as written and ahead of the others.
// - which-concept: one or two sentences of the concept's prose with every name masked; the options are concept labels.
// - cloze: one sentence with a key term blanked; the options are terms of the same note or domain.
// Four distinct options, one right. A generated candidate is asked only when its quality score
// (question-quality.ts) reaches the threshold; question-material.ts works out the candidates.
import type { AuthoredQuestion, KnowledgeBase } from '../kb/types.js';
import { findLeakedName } from './mask-names.js';
import { pickConceptDistractors, pickTermDistractors } from './pick-distractors.js';
import { distractorCount, finishCloze, finishWhichConcept, getQuizMaterial, type ConceptMaterial } from './question-material.js';
import { isAskable, minQuestionScore } from './question-quality.js';
import { createRandom, type Random } from './seeded-random.js';
import type { GeneratedQuestion, QuestionKind, SkippedConcept } from './types.js';

/** The kinds the generator makes from prose (authored questions come from the notes as written). */
export const questionKinds: readonly QuestionKind[] = ['which-concept', 'cloze'];

/**
 * A question about `conceptId`, of `kind` when given. Without a kind, an author-written question of the concept
 * comes first; otherwise either generated kind it allows. Null when the concept is unknown or cannot be asked.
 */
export function generateQuestion(kb: KnowledgeBase, conceptId: string, random: Random, kind?: QuestionKind): GeneratedQuestion | null {
  const material = getQuizMaterial(kb).materialOf(conceptId);
  if (!material) return null;
  if ((kind === undefined || kind === 'authored') && material.authored.length > 0) return askAsWritten(conceptId, random.pick(material.authored));
  if (kind === 'authored') return null;
  for (const candidate of kind ? [kind] : random.shuffle(questionKinds)) {
    const question = candidate === 'which-concept' ? makeWhichConcept(kb, material, random) : makeCloze(material, random);
    if (question && keepsItsAnswer(question, material)) return question;
  }
  return null;
}

function askAsWritten(conceptId: string, authored: AuthoredQuestion): GeneratedQuestion {
  return {
    conceptId,
    kind: 'authored',
    prompt: authored.prompt,
    options: [...authored.options],
    answer: authored.answer,
    optionConceptIds: authored.options.map(() => null),
    source: authored.location,
    score: 1,
  };
}

/**
 * The last word before a question leaves: no form of the right option in the prompt, and for "which concept
 * is this?" no name of the concept either (a cloze keeps the concept's names: its answer is the blanked term).
 */
function keepsItsAnswer(question: GeneratedQuestion, material: ConceptMaterial): boolean {
  const correct = question.options[question.answer] ?? '';
  const correctForms = [correct, ...correct.split(/[()（）,]/)].filter((form) => form.trim() !== '');
  const forbidden = question.kind === 'which-concept' ? [...material.names, ...correctForms] : correctForms;
  return findLeakedName(question.prompt, forbidden) === undefined;
}

function makeWhichConcept(kb: KnowledgeBase, material: ConceptMaterial, random: Random): GeneratedQuestion | null {
  const { concept } = material;
  if (material.whichConcept.length === 0) return null;
  const candidate = random.pick(material.whichConcept);
  let wrong = pickConceptDistractors(concept, candidate.distractors, distractorCount, random);
  let verdict = finishWhichConcept(candidate, concept, wrong);
  // The random company scored lower than the best one (options from other notes): fall back to the best.
  if (!isAskable(verdict)) {
    wrong = candidate.distractors.slice(0, distractorCount);
    verdict = finishWhichConcept(candidate, concept, wrong);
  }
  const labelOf = getQuizMaterial(kb).labelOf;
  const options = random.shuffle([concept, ...wrong]);
  return {
    conceptId: concept.id,
    kind: 'which-concept',
    prompt: candidate.prompt,
    options: options.map(labelOf),
    answer: options.indexOf(concept),
    optionConceptIds: options.map((option) => option.id),
    source: { file: concept.location.file, line: candidate.line },
    score: verdict.score,
  };
}

function makeCloze(material: ConceptMaterial, random: Random): GeneratedQuestion | null {
  if (material.clozes.length === 0) return null;
  const candidate = random.pick(material.clozes);
  let wrong = pickTermDistractors(candidate.term, candidate.distractors, distractorCount, random);
  let finished = finishCloze(candidate, wrong);
  if (!finished || !isAskable(finished.verdict)) {
    wrong = candidate.distractors.slice(0, distractorCount);
    finished = finishCloze(candidate, wrong);
  }
  if (!finished) return null;
  const options = random.shuffle([candidate.term, ...wrong]);
  return {
    conceptId: material.concept.id,
    kind: 'cloze',
    prompt: finished.prompt,
    options: options.map((term) => term.text),
    answer: options.indexOf(candidate.term),
    optionConceptIds: options.map((term) => term.namedConceptId),
    source: { file: material.concept.location.file, line: candidate.line },
    score: finished.verdict.score,
  };
}

/** Concepts no question can be made about, each with the reason (`cli kb check` prints them). */
export function findUnaskableConcepts(kb: KnowledgeBase): SkippedConcept[] {
  const skipped: SkippedConcept[] = [];
  for (const concept of kb.concepts) {
    const reason = explainUnaskableConcept(kb, concept.id);
    if (reason) skipped.push({ conceptId: concept.id, reason });
  }
  return skipped;
}

/** Why no question can be made about this concept, or null when one can (unknown concepts cannot be asked). */
export function explainUnaskableConcept(kb: KnowledgeBase, conceptId: string): string | null {
  const quizMaterial = getQuizMaterial(kb);
  const askable = quizMaterial.canAsk(conceptId);
  if (askable === undefined) return 'the concept is not in the notes';
  // Only an unaskable concept needs its whole material, for the reason (its scan went through every candidate).
  return askable ? null : explainUnaskable(quizMaterial.materialOf(conceptId)!);
}

function explainUnaskable({ concept, whichConcept, clozes, authored, bestRejected }: ConceptMaterial): string | null {
  if (authored.length > 0 || whichConcept.length > 0 || clozes.length > 0) return null;
  if (concept.passages.length === 0) return 'too thin for a question: its section has no explanatory prose to ask about';
  if (!bestRejected) {
    return `too thin for a question: no sentence can be asked with ${distractorCount} fair wrong options from its note or domain`;
  }
  const { verdict, line } = bestRejected;
  return `too thin for a question: the best candidate (line ${line}) scores ${verdict.score} < ${minQuestionScore} (${verdict.rules.join(', ')})`;
}

export interface SampleOptions {
  seed: number;
  /** Only concepts of this note (document id). */
  noteId?: string;
}

/** One question from the whole knowledge base (or one note), the same for the same seed. Null when nothing can be asked. */
export function sampleQuestion(kb: KnowledgeBase, { seed, noteId }: SampleOptions): GeneratedQuestion | null {
  const random = createRandom(seed);
  const scope = kb.concepts.filter((concept) => noteId === undefined || concept.documentId === noteId);
  for (const concept of random.shuffle(scope)) {
    const question = generateQuestion(kb, concept.id, random);
    if (question) return question;
  }
  return null;
}

export interface ReviewOptions extends SampleOptions {
  count: number;
}

/**
 * Up to `count` questions as the bot would ask them: one per concept in a seeded order (a second round when
 * there are fewer concepts than questions), no prompt twice. For reading before scheduling (`cli quiz review`).
 */
export function reviewQuestions(kb: KnowledgeBase, { seed, count, noteId }: ReviewOptions): GeneratedQuestion[] {
  const random = createRandom(seed);
  const scope = random.shuffle(kb.concepts.filter((concept) => noteId === undefined || concept.documentId === noteId));
  const questions: GeneratedQuestion[] = [];
  const prompts = new Set<string>();
  for (let round = 0; round < 4 && questions.length < count; round++) {
    for (const concept of scope) {
      if (questions.length >= count) break;
      // Later rounds skip authored questions: each is asked as written, so it would only repeat.
      const kind = round === 0 ? undefined : random.pick(questionKinds);
      const question = generateQuestion(kb, concept.id, random, kind);
      if (!question || prompts.has(question.prompt)) continue;
      prompts.add(question.prompt);
      questions.push(question);
    }
  }
  return questions;
}
