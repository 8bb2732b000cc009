// What every part of the material needs to know about the knowledge base, worked out once per knowledge base and
// handed to each part: labels, names and their keys, each note's concepts in order, and each note's domain.
import type { Concept, KnowledgeBase } from '../../kb/types.js';
import { findTranslatedTerms } from '../key-terms.js';
import { textKey } from '../mask-names.js';
import { buildDomains } from './domains.js';
import { formatQuizLabel, keysOf, namesOf, type NameKeys } from './labels.js';

export interface MaterialContext {
  kb: KnowledgeBase;
  labelOf: (concept: Concept) => string;
  labelKeys: ReadonlyMap<string, string>;
  namesById: ReadonlyMap<string, string[]>;
  nameKeysById: ReadonlyMap<string, NameKeys>;
  /** Other terms of a concept a prompt may name: bold terms and subsection names (≥ 3 letters, or they match everywhere). */
  termKeysById: ReadonlyMap<string, string[]>;
  conceptsByDocument: ReadonlyMap<string, Concept[]>;
  domainOf: (documentId: string) => string[];
  positionInNote: ReadonlyMap<string, number>;
  /** Which concept a name key names: a bold `커널` in another section still opens the Kernel concept. */
  conceptByNameKey: ReadonlyMap<string, string>;
  /** Terms its prose writes with a translation (`가상 메모리(Virtual Memory)`), in order; read once per concept. */
  translatedTermsOf: (concept: Concept) => string[];
}

export function buildMaterialContext(kb: KnowledgeBase): MaterialContext {
  const labels = new Map(kb.concepts.map((concept) => [concept.id, formatQuizLabel(concept)]));
  const labelOf = (concept: Concept) => labels.get(concept.id) ?? formatQuizLabel(concept);
  const labelKeys = new Map([...labels].map(([id, label]) => [id, textKey(label)]));
  const namesById = new Map(kb.concepts.map((concept) => [concept.id, namesOf(concept, labelOf(concept))]));
  const nameKeysById = new Map<string, NameKeys>(kb.concepts.map((concept) => [concept.id, { keys: keysOf(namesById.get(concept.id)!) }]));
  const termKeysById = new Map(
    kb.concepts.map((concept) => [
      concept.id,
      keysOf([...concept.boldTerms, ...concept.subsections.flatMap((subsection) => subsection.names)]).filter((key) => key.length >= 3),
    ]),
  );

  const conceptsByDocument = new Map<string, Concept[]>();
  for (const concept of kb.concepts) {
    const list = conceptsByDocument.get(concept.documentId) ?? [];
    list.push(concept);
    conceptsByDocument.set(concept.documentId, list);
  }
  const domainOf = buildDomains(kb, conceptsByDocument);
  const positionInNote = new Map<string, number>();
  for (const concepts of conceptsByDocument.values()) concepts.forEach((concept, index) => positionInNote.set(concept.id, index));

  const conceptByNameKey = new Map<string, string>();
  for (const concept of kb.concepts)
    for (const key of nameKeysById.get(concept.id)!.keys) if (!conceptByNameKey.has(key)) conceptByNameKey.set(key, concept.id);
  const translatedTerms = new Map<string, string[]>();
  const translatedTermsOf = (concept: Concept): string[] => {
    let terms = translatedTerms.get(concept.id);
    if (!terms) translatedTerms.set(concept.id, (terms = concept.passages.flatMap((passage) => findTranslatedTerms(passage.text))));
    return terms;
  };
  return {
    kb,
    labelOf,
    labelKeys,
    namesById,
    nameKeysById,
    termKeysById,
    conceptsByDocument,
    domainOf,
    positionInNote,
    conceptByNameKey,
    translatedTermsOf,
  };
}
