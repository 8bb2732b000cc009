// The terms a cloze may blank and draw wrong options from: each note's terms, each domain's terms, and for a note too
// big to hand over whole, the terms of a concept's neighbours in it. Built on demand and cached per knowledge base.
import type { Concept } from '../../kb/types.js';
import { makeTerm, type Term } from '../key-terms.js';
import type { MaterialContext } from './context.js';
import { maxNoteTermsInPool, maxPoolSize } from './limits.js';

export interface TermPools {
  termByKeyOf: (documentId: string) => Map<string, Term>;
  termPoolFor: (concept: Concept, documentId: string) => readonly Term[];
  nearestInNote: (concept: Concept, limit: number) => Concept[];
}

export function createTermPools(context: MaterialContext): TermPools {
  const { conceptsByDocument, conceptByNameKey, domainOf, positionInNote, translatedTermsOf } = context;

  /** Terms in the order a note offers them: names of its concepts, bold terms, translated terms of its prose; one per key. */
  function collectTerms(documentId: string, concepts: readonly Concept[]): Term[] {
    const terms: Term[] = [];
    const seen = new Set<string>();
    for (const concept of concepts) {
      for (const term of termsOfConcept(concept, documentId)) {
        if (seen.has(term.key)) continue;
        seen.add(term.key);
        terms.push(term);
      }
    }
    return terms;
  }

  /** One concept's terms, each made once however many pools take it (a big note's pools overlap). */
  const termsByDocumentAndConcept = new Map<string, Map<string, Term[]>>();
  function termsOfConcept(concept: Concept, documentId: string): Term[] {
    let termsByConcept = termsByDocumentAndConcept.get(documentId);
    if (!termsByConcept) termsByDocumentAndConcept.set(documentId, (termsByConcept = new Map<string, Term[]>()));
    const cached = termsByConcept.get(concept.id);
    if (cached) return cached;
    const terms: Term[] = [];
    const seen = new Set<string>();
    const add = (text: string, source: Term['source']) => {
      const term = makeTerm(text, documentId, source);
      if (!term || seen.has(term.key)) return;
      seen.add(term.key);
      term.namedConceptId = term.partKeys.map((key) => conceptByNameKey.get(key)).find((id) => id !== undefined) ?? null;
      terms.push(term);
    };
    // A Korean note's concepts go by their Korean names: `Virtual Memory` beside `PCB` is the same option twice over.
    const [first, ...rest] = concept.names;
    if (first !== undefined) add(first, 'name');
    if (first !== undefined && !/\p{Script=Hangul}/u.test(first)) for (const name of rest) add(name, 'name');
    for (const bold of concept.boldTerms) add(bold, 'bold');
    for (const translated of translatedTermsOf(concept)) add(translated, 'translation');
    termsByConcept.set(concept.id, terms);
    return terms;
  }

  const termsByDocument = new Map<string, Term[]>();
  /** A note's terms (cached per note). */
  function termsOf(documentId: string): Term[] {
    let terms = termsByDocument.get(documentId);
    if (!terms) termsByDocument.set(documentId, (terms = collectTerms(documentId, conceptsByDocument.get(documentId) ?? [])));
    return terms;
  }

  const termByKeyByDocument = new Map<string, Map<string, Term>>();
  function termByKeyOf(documentId: string): Map<string, Term> {
    let byKey = termByKeyByDocument.get(documentId);
    if (!byKey) termByKeyByDocument.set(documentId, (byKey = new Map(termsOf(documentId).map((term) => [term.key, term]))));
    return byKey;
  }

  /**
   * The wrong options a cloze about `concept` may draw from for a term at home in `documentId`: the note's domain,
   * or, for a note too big to hand over whole, the terms of the concept's neighbours in it.
   */
  let neighbourPool: { conceptId: string; terms: Term[] } | null = null;
  function termPoolFor(concept: Concept, documentId: string): readonly Term[] {
    if (documentId !== concept.documentId || termsOf(documentId).length <= maxNoteTermsInPool) return domainTermsOf(documentId);
    // Material is built one concept at a time: remembering the last concept's pool is all the caching it needs.
    if (neighbourPool?.conceptId !== concept.id) {
      neighbourPool = { conceptId: concept.id, terms: collectTerms(documentId, [concept, ...nearestInNote(concept, maxPoolSize)]) };
    }
    return neighbourPool.terms;
  }

  /** Up to `limit` other concepts of the concept's own note, nearest in the note first (a long note wanders off topic). */
  function nearestInNote(concept: Concept, limit: number): Concept[] {
    const siblings = conceptsByDocument.get(concept.documentId) ?? [];
    if (siblings.length - 1 <= limit) return siblings.filter((other) => other.id !== concept.id);
    const at = positionInNote.get(concept.id) ?? 0;
    const result: Concept[] = [];
    for (let distance = 1; result.length < limit && distance < siblings.length; distance++) {
      const before = siblings[at - distance];
      const after = siblings[at + distance];
      if (before) result.push(before);
      if (after && result.length < limit) result.push(after);
    }
    return result;
  }

  /** The terms of a note's domain, its own first, at most a few pools' worth (cached per note). */
  const domainTermsByDocument = new Map<string, Term[]>();
  function domainTermsOf(documentId: string): Term[] {
    const cached = domainTermsByDocument.get(documentId);
    if (cached) return cached;
    const terms: Term[] = [];
    for (const member of domainOf(documentId)) {
      if (member !== documentId && terms.length >= maxPoolSize * 8) break;
      terms.push(...termsOf(member));
    }
    domainTermsByDocument.set(documentId, terms);
    return terms;
  }

  return { termByKeyOf, termPoolFor, nearestInNote };
}
