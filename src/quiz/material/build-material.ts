// Builds one concept's material on first use: its which-concept and cloze candidates, each kept when askable,
// and the best rejected one for `kb check`'s explanation.
import type { Concept, KnowledgeBase } from '../../kb/types.js';
import { createNameMasker } from '../mask-names.js';
import { readPromptSentences } from '../prompt-sentences.js';
import { isAskable } from '../question-quality.js';
import { blankableTerms, blankSentence } from './cloze.js';
import { buildMaterialContext } from './context.js';
import { isOwnKey } from './labels.js';
import { maxBlankableTerms, maxPoolSize, maxSentencesPerConcept } from './limits.js';
import { sentenceFeatures, type FeaturesOf } from './sentence-features.js';
import { createTermPools } from './term-pools.js';
import type { Candidate, ClozeCandidate, ConceptMaterial, QuizMaterial, WhichConceptCandidate } from './types.js';
import { describeConcept } from './which-concept.js';

export function buildQuizMaterial(kb: KnowledgeBase): QuizMaterial {
  const context = buildMaterialContext(kb);
  const { labelOf, labelKeys, namesById, nameKeysById, conceptsByDocument, domainOf } = context;
  const pools = createTermPools(context);
  const { termPoolFor, nearestInNote } = pools;

  const byConcept = new Map<string, ConceptMaterial>();

  function materialOf(conceptId: string): ConceptMaterial | undefined {
    const cached = byConcept.get(conceptId);
    if (cached) return cached;
    const concept = kb.getConcept(conceptId);
    if (!concept) return undefined;
    const built = buildConceptMaterial(concept);
    byConcept.set(conceptId, built);
    return built;
  }

  /** Concepts of the domain, same note first, at most `limit` beyond the note itself. */
  function domainConcepts(concept: Concept, limit: number): Concept[] {
    const result: Concept[] = [];
    for (const documentId of domainOf(concept.documentId)) {
      if (documentId === concept.documentId) result.push(...nearestInNote(concept, limit));
      else for (const other of conceptsByDocument.get(documentId) ?? []) result.push(other);
      if (documentId !== concept.documentId && result.length >= limit) break;
    }
    return result;
  }

  function buildConceptMaterial(concept: Concept): ConceptMaterial {
    const label = labelOf(concept);
    const names = namesById.get(concept.id)!;
    const ownKeys = new Set(nameKeysById.get(concept.id)!.keys);
    const sharesName = (other: Concept) => nameKeysById.get(other.id)!.keys.some((key) => isOwnKey(key, ownKeys));
    const neighbours = domainConcepts(concept, maxPoolSize);
    // One per label, never this concept under another name (`TCP 와 UDP` beside `UDP`).
    const seenLabels = new Set<string>([labelKeys.get(concept.id)!]);
    // Two offered concepts that are one thing under two notes' names (`Stash`, `git stash`) are one option.
    const offeredKeys = new Set<string>();
    const offerable = neighbours.filter((other) => {
      if (seenLabels.size > maxPoolSize) return false;
      const key = labelKeys.get(other.id)!;
      const keys = nameKeysById.get(other.id)!.keys;
      if (sharesName(other) || seenLabels.has(key) || keys.some((nameKey) => isOwnKey(nameKey, offeredKeys))) return false;
      seenLabels.add(key);
      for (const nameKey of keys) offeredKeys.add(nameKey);
      return true;
    });
    const sentences = spreadOut(readPromptSentences(concept), maxSentencesPerConcept);
    const sentenceFeaturesBySentence = new Map(sentences.map((sentence) => [sentence, sentenceFeatures(sentence)]));
    // The reading features of a sentence, worked out once per sentence of the concept being built.
    const featuresOf: FeaturesOf = (sentence) => sentenceFeaturesBySentence.get(sentence) ?? sentenceFeatures(sentence);
    const whichConcept: WhichConceptCandidate[] = [];
    const clozes: ClozeCandidate[] = [];
    let bestRejected: ConceptMaterial['bestRejected'] = null;
    const consider = (candidate: Candidate) => {
      if (isAskable(candidate.verdict)) {
        if (candidate.kind === 'which-concept') whichConcept.push(candidate);
        else clozes.push(candidate);
      } else if (!bestRejected || candidate.verdict.score > bestRejected.verdict.score) {
        bestRejected = { verdict: candidate.verdict, line: candidate.line };
      }
    };

    const mask = createNameMasker(names);
    for (const sentence of sentences) {
      const which = describeConcept(context, featuresOf, concept, sentence, names, mask, neighbours, offerable);
      if (which) consider(which);
    }

    const blankable = blankableTerms(context, pools, concept, ownKeys).slice(0, maxBlankableTerms);
    for (const sentence of sentences) {
      for (const term of blankable) {
        const cloze = blankSentence(featuresOf, concept, sentence, term, ownKeys, termPoolFor(concept, term.documentId));
        if (cloze) consider(cloze);
      }
    }
    return { concept, label, names, whichConcept, clozes, authored: concept.authoredQuestions, bestRejected };
  }

  return { kb, labelOf, materialOf };
}

/** At most `max` items, evenly spread from first to last, in order. */
function spreadOut<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  return Array.from({ length: max }, (_, index) => items[Math.floor((index * items.length) / max)]!);
}
