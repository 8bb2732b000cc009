import { describe, expect, it } from 'vitest';
import { ConceptIndex } from '../../src/search/concept-index.js';
import { allowedEdits, defaultRanking, resolveRanking, type SearchRankingOverride } from '../../src/search/ranking.js';
import { sharedNoteConcepts } from './make-concept.js';

describe('search ranking knobs', () => {
  it('ranks with the frozen defaults when no override is given', () => {
    const index = ConceptIndex.build(sharedNoteConcepts);

    expect(index.ranking).toBe(defaultRanking);
    expect(() => ((defaultRanking.typo as { confidenceMargin: number }).confidenceMargin = 1)).toThrow(TypeError);
    expect(() => ((defaultRanking.typo.editsFromLength.latin as number[])[0] = 1)).toThrow(TypeError);
  });

  it('changes only the knobs an override names', () => {
    const index = ConceptIndex.build(sharedNoteConcepts, { exact: { alias: 0.5 } });

    expect(index.search('jail')[0]).toMatchObject({ matchKind: 'alias', score: 0.5 });
    expect(index.search('가상머신')[0]).toMatchObject({ matchKind: 'exact', score: 1 });
    expect(index.ranking.exact.name).toBe(defaultRanking.exact.name);
    expect(index.ranking.typo).toBe(defaultRanking.typo);
    expect(ConceptIndex.build(sharedNoteConcepts).search('jail')[0]?.score).toBe(defaultRanking.exact.alias);
  });

  it('allows typos only as the table of lengths says', () => {
    const noTypos = ConceptIndex.build(sharedNoteConcepts, { typo: { editsFromLength: { hangul: [99], latin: [99] } } });

    expect(ConceptIndex.build(sharedNoteConcepts).search('dokcer')[0]).toMatchObject({ matchKind: 'fuzzy', matchedName: 'Docker' });
    expect(noTypos.search('dokcer').filter((hit) => hit.matchKind === 'fuzzy')).toEqual([]);
  });

  it('counts allowed edits by length: none for short words, Hangul stricter per jamo than Latin per letter', () => {
    const edits = (length: number, hangul: boolean) => allowedEdits(defaultRanking, length, hangul);

    expect([3, 4, 6, 7, 11, 12, 20].map((length) => edits(length, true))).toEqual([0, 1, 1, 2, 2, 3, 3]);
    expect([3, 4, 7, 8, 11, 12].map((length) => edits(length, false))).toEqual([0, 1, 1, 2, 2, 3]);
  });

  it('refuses an override naming a group that does not exist', () => {
    expect(() => resolveRanking({ exactt: { name: 1 } } as SearchRankingOverride)).toThrow(/unknown search ranking group: exactt/);
  });
});
