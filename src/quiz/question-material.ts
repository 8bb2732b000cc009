// What each concept offers for questions, worked out once per knowledge base: candidate prompts from the
// concept's explanatory prose (one or two whole sentences with its names masked, or one sentence with a key
// term blanked), each with the wrong options that may stand beside it and its quality score
// (question-quality.ts). Deterministic; randomness only picks among it later.
//
// Scale: a concept is compared only with the concepts and terms of its own domain (its note, the notes in
// the same folder, the notes it mentions or that mention it), at most `maxPoolSize` of them, found through
// maps built once. Nothing scans every concept per concept, so 10,000 concepts cost about ten times 1,000.
//
// The parts live in `material/`: limits (every bound in one place), labels and name keys, domains, term pools,
// which-concept and cloze candidates, and the builder that puts them together. This file is their one public face.
import type { KnowledgeBase } from '../kb/types.js';
import { buildQuizMaterial } from './material/build-material.js';
import type { QuizMaterial } from './material/types.js';

export type { Term } from './key-terms.js';
export { finishCloze } from './material/cloze.js';
export { formatQuizLabel, splitJoinedName } from './material/labels.js';
export { distractorCount, minPromptLetters } from './material/limits.js';
export { termLikeness } from './material/term-likeness.js';
export type { Candidate, ClozeCandidate, ConceptMaterial, QuizMaterial, WhichConceptCandidate } from './material/types.js';
export { finishWhichConcept } from './material/which-concept.js';

const materials = new WeakMap<KnowledgeBase, QuizMaterial>();

/** The material of a knowledge base, built on first use (a knowledge base never changes once loaded). */
export function getQuizMaterial(kb: KnowledgeBase): QuizMaterial {
  let material = materials.get(kb);
  if (!material) {
    material = buildQuizMaterial(kb);
    materials.set(kb, material);
  }
  return material;
}
