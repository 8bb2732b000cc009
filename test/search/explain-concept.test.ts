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
      expect(outcome.candidates.map((hit) => hit.concept.id)).toEqual(
        expect.arrayContaining(['docker-kubernetes/instance', 'docker-kubernetes/container']),
      );
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

  it('answers the concept a member names inside a mention or a request', () => {
    for (const query of ['@everyone 컨테이너', '<@123> 컨테이너', '컨테이너 please', '도커를 설명해줘']) {
      const outcome = explainConcept(index, query);
      expect(outcome.kind, query).toBe('found');
    }
  });

  it('offers both concepts, ahead of body matches, when a query names two', () => {
    const outcome = explainConcept(index, 'docker 쿠버네티스');
    expect(outcome.kind).toBe('guess');
    if (outcome.kind === 'guess') {
      expect(
        outcome.candidates
          .slice(0, 2)
          .map((hit) => hit.concept.id)
          .sort(),
      ).toEqual(['docker-kubernetes/docker', 'docker-kubernetes/kubernates']);
      expect(outcome.candidates.every((hit) => hit.matchKind !== 'body')).toBe(true);
    }
  });

  it('answers a named concept when the other words are about it, asks when they are about another', () => {
    // 리눅스 is in 도커's own explanation; 스케일링 only in 쿠버네티스'.
    const supported = explainConcept(index, 'docker 리눅스');
    expect(supported.kind === 'found' && supported.hit.concept.id).toBe('docker-kubernetes/docker');

    const contested = explainConcept(index, '컨테이너 스케일링');
    expect(contested.kind).toBe('guess');
    if (contested.kind === 'guess') {
      expect(contested.candidates.map((hit) => hit.concept.id)).toEqual(['docker-kubernetes/container', 'docker-kubernetes/kubernates']);
    }
  });

  it('offers the names starting with a single typed syllable, which is too short to search', () => {
    const outcome = explainConcept(index, '컨');
    expect(outcome.kind).toBe('guess');
    // 컨테이너 starts with 컨; 커널 only shares its jamo (컨 is the keyboard halfway to 커널).
    if (outcome.kind === 'guess')
      expect(outcome.candidates.map((hit) => hit.concept.id)).toEqual(['docker-kubernetes/container', 'docker-kubernetes/kernel']);
    expect(explainConcept(index, '   ')).toEqual({ kind: 'none' });
  });

  it('says there is nothing when nothing is relevant', () => {
    expect(explainConcept(index, 'banana')).toEqual({ kind: 'none' });
    expect(explainConcept(index, '@everyone')).toEqual({ kind: 'none' });
    expect(explainConcept(index, '<@123456789012345678> banana please')).toEqual({ kind: 'none' });
  });
});
