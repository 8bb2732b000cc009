// Quiz questions made from the notes. Two kinds:
// - which-concept: a statement of the concept with every name and alias masked; the options are concept labels.
// - cloze: a sentence with one bold term blanked; the options are bold terms of the notes.
// Four distinct options, one right, its position decided by the seed. A question that would give its answer
// away or lacks three wrong options is never made (see question-material.ts for the rules).
import type { KnowledgeBase } from '../kb/types.js';
import { countLetters, findLeakedName } from './mask-names.js';
import { pickConceptDistractors, pickTermDistractors } from './pick-distractors.js';
import { distractorCount, getQuizMaterial, minPromptLetters, type ConceptMaterial } from './question-material.js';
import { createRandom, type Random } from './seeded-random.js';
import type { GeneratedQuestion, QuestionKind, SkippedConcept } from './types.js';

export const questionKinds: readonly QuestionKind[] = ['which-concept', 'cloze'];

/** A statement shorter than this gets its neighbour as a second clue. */
const twoStatementsBelowLetters = 40;

/**
 * A question about `conceptId`, of `kind` when given (else either kind the concept allows). Null when the
 * concept is unknown or cannot be asked that way.
 */
export function generateQuestion(kb: KnowledgeBase, conceptId: string, random: Random, kind?: QuestionKind): GeneratedQuestion | null {
  const material = getQuizMaterial(kb).materialOf(conceptId);
  if (!material) return null;
  for (const candidate of kind ? [kind] : random.shuffle(questionKinds)) {
    const question = candidate === 'which-concept' ? makeWhichConcept(kb, material, random) : makeCloze(material, random);
    if (question && keepsItsAnswer(question, material)) return question;
  }
  return null;
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
  const { concept, descriptions, distractorConcepts } = material;
  if (descriptions.length === 0 || distractorConcepts.length < distractorCount) return null;
  const index = random.int(descriptions.length);
  const prompt = describeConcept(descriptions, index, material.names);
  const quizMaterial = getQuizMaterial(kb);
  // A concept the prompt itself names is the natural pick ("컨테이너에는 …" in the Docker section offering
  // 컨테이너): as a wrong option it would make the question unfair, so it is left out.
  const fair = distractorConcepts.filter((other) => findLeakedName(prompt, quizMaterial.materialOf(other.id)?.names ?? other.names) === undefined);
  if (fair.length < distractorCount) return null;
  const wrong = pickConceptDistractors(concept, fair, distractorCount, random);
  const labelOf = quizMaterial.labelOf;
  const options = random.shuffle([concept, ...wrong]);
  return {
    conceptId: concept.id,
    kind: 'which-concept',
    prompt,
    options: options.map(labelOf),
    answer: options.indexOf(concept),
    optionConceptIds: options.map((option) => option.id),
  };
}

/** One masked statement, or two neighbouring ones when the first alone is a thin clue. */
function describeConcept(descriptions: readonly string[], index: number, names: readonly string[]): string {
  const first = descriptions[index]!;
  if (countLetters(first) >= twoStatementsBelowLetters || descriptions.length < 2) return first;
  const neighbour = index + 1 < descriptions.length ? index + 1 : index - 1;
  const pair = [first, descriptions[neighbour]!];
  const both = (neighbour > index ? pair : pair.reverse()).join('\n');
  // Each statement is clean alone; read together, the end of one and the start of the next must not spell a name.
  return findLeakedName(both, names) === undefined ? both : first;
}

function makeCloze(material: ConceptMaterial, random: Random): GeneratedQuestion | null {
  if (material.clozes.length === 0) return null;
  const cloze = random.pick(material.clozes);
  const wrong = pickTermDistractors(cloze.term, cloze.distractors, distractorCount, random);
  const options = random.shuffle([cloze.term, ...wrong]);
  return {
    conceptId: material.concept.id,
    kind: 'cloze',
    prompt: cloze.prompt,
    options: options.map((term) => term.text),
    answer: options.indexOf(cloze.term),
    optionConceptIds: options.map((term) => term.namedConceptId),
  };
}

/** Concepts no question can be made about, each with the reason (`cli kb check` prints them). */
export function findUnaskableConcepts(kb: KnowledgeBase): SkippedConcept[] {
  const material = getQuizMaterial(kb);
  const skipped: SkippedConcept[] = [];
  for (const concept of kb.concepts) {
    const reason = explainUnaskable(material.materialOf(concept.id)!);
    if (reason) skipped.push({ conceptId: concept.id, reason });
  }
  return skipped;
}

function explainUnaskable({ concept, descriptions, distractorConcepts, clozes }: ConceptMaterial): string | null {
  const describable = descriptions.length > 0 && distractorConcepts.length >= distractorCount;
  if (describable || clozes.length > 0) return null;
  if (concept.statements.length === 0) return 'its section has no statements to ask about';
  const whichConcept =
    descriptions.length === 0
      ? `no statement keeps ${minPromptLetters} letters once the concept's names are masked`
      : `fewer than ${distractorCount} other concepts to offer as wrong answers`;
  const cloze =
    concept.boldTerms.length === 0
      ? 'no **bold** term to blank'
      : `no **bold** term can be blanked once, without repeating in its sentence, with ${distractorCount} other terms as wrong answers`;
  return `${whichConcept}; ${cloze}`;
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
