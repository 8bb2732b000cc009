// Builds one concept's material on first use: its which-concept and cloze candidates, each kept when askable,
// and the best rejected one for `kb check`'s explanation. Whether a concept can be asked at all is answered
// from its candidates up to the first askable one.
import type { Concept, KnowledgeBase } from '../../kb/types.js';
import type { Term } from '../key-terms.js';
import { createLeakFinder, createNameMasker } from '../mask-names.js';
import { readPromptSentences, type PromptSentence } from '../prompt-sentences.js';
import { isAskable } from '../question-quality.js';
import { blankableTerms, blankSentence } from './cloze.js';
import { buildMaterialContext } from './context.js';
import { isOwnKey } from './labels.js';
import { maxBlankableTerms, maxPoolSize, maxSentencesPerConcept } from './limits.js';
import { createNearConcepts } from './near-names.js';
import { sentenceFeatures, type FeaturesOf, type SentenceFeatures } from './sentence-features.js';
import { createTermPools } from './term-pools.js';
import type { Candidate, ConceptMaterial, QuizMaterial } from './types.js';
import { describeConcept, subsectionKeysOf, type WhichConceptSubject } from './which-concept.js';

export function buildQuizMaterial(kb: KnowledgeBase): QuizMaterial {
  const context = buildMaterialContext(kb);
  const { labelOf, labelKeys, namesById, nameKeysById, conceptsByDocument, domainOf } = context;
  const pools = createTermPools(context);
  const nearConceptsOf = createNearConcepts(kb.concepts, (id) => nameKeysById.get(id)!.keys);
  const { termPoolFor, nearestInNote } = pools;

  const byConcept = new Map<string, ConceptMaterial>();

  function materialOf(conceptId: string): ConceptMaterial | undefined {
    const cached = byConcept.get(conceptId);
    if (cached) return cached;
    const concept = kb.getConcept(conceptId);
    return concept ? scanConcept(concept, false) : undefined;
  }

  function canAsk(conceptId: string): boolean | undefined {
    const cached = byConcept.get(conceptId);
    if (cached) return hasAskable(cached);
    const concept = kb.getConcept(conceptId);
    if (!concept) return undefined;
    if (concept.authoredQuestions.length > 0) return true;
    return hasAskable(scanConcept(concept, true));
  }

  /**
   * The concept's candidates, in order, each kept when askable and the best rejected one remembered. With
   * `stopAtAskable` the scan ends at the first askable candidate (all a yes-or-no question needs); a scan that
   * went through every candidate is the concept's whole material, and is kept.
   */
  function scanConcept(concept: Concept, stopAtAskable: boolean): ConceptMaterial {
    const material: ConceptMaterial = {
      concept,
      label: labelOf(concept),
      names: namesById.get(concept.id)!,
      whichConcept: [],
      clozes: [],
      authored: concept.authoredQuestions,
      bestRejected: null,
    };
    for (const candidate of candidatesOf(concept, material.names)) {
      if (isAskable(candidate.verdict)) {
        if (candidate.kind === 'which-concept') material.whichConcept.push(candidate);
        else material.clozes.push(candidate);
        if (stopAtAskable) return material;
      } else if (!material.bestRejected || candidate.verdict.score > material.bestRejected.verdict.score) {
        material.bestRejected = { verdict: candidate.verdict, line: candidate.line };
      }
    }
    byConcept.set(concept.id, material);
    return material;
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

  /** Which-concept candidates sentence by sentence, then cloze candidates sentence by sentence and term by term. */
  function* candidatesOf(concept: Concept, names: readonly string[]): Generator<Candidate> {
    const sharingName = nearConceptsOf(concept.id);
    const neighbours = domainConcepts(concept, maxPoolSize);
    // One per label, never this concept under another name (`TCP 와 UDP` beside `UDP`).
    const seenLabels = new Set<string>([labelKeys.get(concept.id)!]);
    // Two offered concepts that are one thing under two notes' names (`Stash`, `git stash`) are one option.
    const offered = new Set<string>();
    const offerable = neighbours.filter((other) => {
      if (seenLabels.size > maxPoolSize) return false;
      const key = labelKeys.get(other.id)!;
      if (sharingName.has(other.id) || seenLabels.has(key) || someIn(nearConceptsOf(other.id), offered)) return false;
      seenLabels.add(key);
      offered.add(other.id);
      return true;
    });
    const sentences = spreadOut(readPromptSentences(concept), maxSentencesPerConcept);
    const sentenceFeaturesBySentence = new Map<PromptSentence, SentenceFeatures>();
    // The reading features of a sentence, worked out once per sentence of the concept being built (when it is reached).
    const featuresOf: FeaturesOf = (sentence) => {
      let features = sentenceFeaturesBySentence.get(sentence);
      if (!features) sentenceFeaturesBySentence.set(sentence, (features = sentenceFeatures(sentence)));
      return features;
    };

    const subject: WhichConceptSubject = {
      concept,
      names,
      mask: createNameMasker(names),
      leaks: createLeakFinder(names),
      subsectionKeys: subsectionKeysOf(concept),
      neighbours,
      offerable,
    };
    for (const sentence of sentences) {
      const which = describeConcept(context, featuresOf, subject, sentence);
      if (which) yield which;
    }

    // A term naming the concept itself is never blanked nor offered; asked of each pool term once per concept.
    // (Made here, not above: a scan that stops at an askable which-concept candidate never gets this far.)
    const ownKeys = new Set(nameKeysById.get(concept.id)!.keys);
    const ownTerms = new Map<Term, boolean>();
    const isOwnTerm = (term: Term): boolean => {
      let own = ownTerms.get(term);
      if (own === undefined) ownTerms.set(term, (own = term.partKeys.some((key) => isOwnKey(key, ownKeys))));
      return own;
    };
    const blankable = blankableTerms(context, pools, concept, isOwnTerm).slice(0, maxBlankableTerms);
    for (const sentence of sentences) {
      for (const term of blankable) {
        const cloze = blankSentence(featuresOf, concept, sentence, term, isOwnTerm, termPoolFor(concept, term.documentId));
        if (cloze) yield cloze;
      }
    }
  }

  return { kb, labelOf, materialOf, canAsk };
}

function someIn<T>(items: Iterable<T>, set: ReadonlySet<T>): boolean {
  for (const item of items) if (set.has(item)) return true;
  return false;
}

function hasAskable(material: ConceptMaterial): boolean {
  return material.authored.length > 0 || material.whichConcept.length > 0 || material.clozes.length > 0;
}

/** At most `max` items, evenly spread from first to last, in order. */
function spreadOut<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  return Array.from({ length: max }, (_, index) => items[Math.floor((index * items.length) / max)]!);
}
