import { describe, expect, it } from 'vitest';
import { ConceptIndex } from '../../src/search/concept-index.js';
import { explainConcept } from '../../src/search/explain-concept.js';
import { makeConcept, sharedNoteConcepts } from './make-concept.js';

const index = ConceptIndex.build(sharedNoteConcepts);

describe('explainConcept', () => {
  it('answers an exact name, an alias, a small typo and a question', () => {
    for (const [query, id] of [
      ['container', 'docker-kubernetes/container'],
      ['VM', 'docker-kubernetes/instance'],
      ['kubernetes', 'docker-kubernetes/kubernates'],
      ['쿠버네티스란', 'docker-kubernetes/kubernates'],
    ] as const) {
      const outcome = explainConcept(index, query);
      expect(outcome.kind, query).toBe('found');
      if (outcome.kind === 'found') expect(outcome.hit.concept.id, query).toBe(id);
    }
  });

  it('offers choices instead of answering when the query fits several concepts', () => {
    const outcome = explainConcept(index, '가상');
    expect(outcome.kind).toBe('guess');
    if (outcome.kind === 'guess') {
      expect(outcome.candidates.map((hit) => hit.concept.id)).toEqual(expect.arrayContaining(['docker-kubernetes/instance', 'docker-kubernetes/container']));
      expect(outcome.candidates.length).toBeLessThanOrEqual(5);
    }
  });

  it('offers choices when a typo is as close to two names', () => {
    const concepts = [makeConcept({ id: 'n/docker', names: ['Docker'] }), makeConcept({ id: 'n/decker', names: ['Decker'] })];
    expect(explainConcept(ConceptIndex.build(concepts), 'dacker').kind).toBe('guess');
  });

  it('offers choices when two notes use the same name', () => {
    const concepts = [makeConcept({ id: 'a/cache', names: ['캐시', 'Cache'] }), makeConcept({ id: 'b/cache', names: ['캐시', 'Cache'] })];
    const outcome = explainConcept(ConceptIndex.build(concepts), '캐시');
    expect(outcome.kind).toBe('guess');
    if (outcome.kind === 'guess') expect(outcome.candidates.map((hit) => hit.concept.id).sort()).toEqual(['a/cache', 'b/cache']);
  });

  it('says there is nothing when nothing is relevant', () => {
    expect(explainConcept(index, 'banana')).toEqual({ kind: 'none' });
    expect(explainConcept(index, '@everyone')).toEqual({ kind: 'none' });
  });
});
