import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/kb/load-knowledge-base.js';
import { ConceptIndex } from '../../src/search/concept-index.js';
import { explainConcept } from '../../src/search/explain-concept.js';
import { measureQuality, queryTable, readQualityNotes } from './query-table.js';

const kb = buildKnowledgeBase('notes', await readQualityNotes());
const index = ConceptIndex.build(kb.concepts);

describe('search quality over the shared note and the fixture notes', () => {
  it('has a table wide enough to mean something', () => {
    const categories = new Set(queryTable.map((entry) => entry.category));
    expect(queryTable.length).toBeGreaterThanOrEqual(60);
    expect(categories.size).toBe(13);
    expect(queryTable.filter((entry) => entry.expected === null).length).toBeGreaterThanOrEqual(10);
    // Every expected concept exists, so a renamed id fails here rather than as a quiet miss.
    for (const entry of queryTable) if (entry.expected) expect(kb.getConcept(entry.expected), entry.query).toBeDefined();
  });

  it('puts the meant concept first for at least 95% of queries and finds nothing for every negative', () => {
    const result = measureQuality((query) => index.search(query).map((hit) => hit.concept.id));
    // eslint-disable-next-line no-console -- the quality number is this test's report, printed on purpose
    console.log(
      `search quality: top-1 ${result.top1}/${result.total} = ${(result.top1Rate * 100).toFixed(1)}%` +
        (result.misses.length ? `; misses: ${JSON.stringify(result.misses)}` : ''),
    );
    expect(result.negativesWithHits).toEqual([]);
    expect(result.top1Rate).toBeGreaterThanOrEqual(0.95);
  });

  it('answers /explain kubernetes although the note spells it Kubernates', () => {
    const outcome = explainConcept(index, 'kubernetes');
    expect(outcome.kind).toBe('found');
    if (outcome.kind === 'found') expect(outcome.hit.concept.id).toBe('docker-kubernetes/kubernates');
  });
});
