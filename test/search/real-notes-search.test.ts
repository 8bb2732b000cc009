import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase, loadKnowledgeBase } from '../../src/kb/load-knowledge-base.js';
import { ConceptIndex } from '../../src/search/concept-index.js';
import { makeConcept } from './make-concept.js';
import { measureQuality, readQualityNotes } from './query-table.js';
import { realNotesDir, realNotesQueryTable } from './real-notes-query-table.js';

const kb = await loadKnowledgeBase(realNotesDir);
const index = ConceptIndex.build(kb.concepts);
const ids = (query: string, target = index) => target.search(query).map((hit) => hit.concept.id);

describe('search quality over the real-style notes', () => {
  it('has a table of forty queries at least, ten of them negatives, naming concepts that exist', () => {
    expect(realNotesQueryTable.length).toBeGreaterThanOrEqual(40);
    expect(realNotesQueryTable.filter((entry) => entry.expected === null).length).toBeGreaterThanOrEqual(10);
    for (const entry of realNotesQueryTable) if (entry.expected) expect(kb.getConcept(entry.expected), entry.query).toBeDefined();
  });

  it('puts the meant concept first for at least 95% of queries and finds nothing for every negative', () => {
    const result = measureQuality((query) => ids(query), realNotesQueryTable);
    // eslint-disable-next-line no-console -- the quality number is this test's report, printed on purpose
    console.log(
      `real-notes search quality: top-1 ${result.top1}/${result.total} = ${(result.top1Rate * 100).toFixed(1)}%` +
        (result.misses.length ? `; misses: ${JSON.stringify(result.misses)}` : ''),
    );
    expect(result.negativesWithHits).toEqual([]);
    expect(result.top1Rate).toBeGreaterThanOrEqual(0.95);
  });
});

describe('search over subsections, joined names and common words', () => {
  it('finds the concept holding a subsection heading, ranked by the heading ahead of concepts that mention a word of it', () => {
    const concepts = [
      makeConcept({ id: 'os/paging-basics', names: ['페이징 기법'], plainText: '페이징은 메모리를 같은 크기로 나눈다.\n요구 사항에 따라 다르다.' }),
      makeConcept({
        id: 'os/virtual-memory',
        names: ['가상 메모리'],
        plainText: '프로세스마다 주소 공간을 준다.',
        subsections: [{ title: '요구 페이징(Demand Paging)', names: ['요구 페이징', 'Demand Paging'], line: 9 }],
      }),
    ];
    const small = ConceptIndex.build(concepts);
    const [first] = small.search('요구 페이징');
    expect(first).toMatchObject({ matchKind: 'subsection', matchedName: '요구 페이징', confident: true });
    expect(first?.concept.id).toBe('os/virtual-memory');
    expect(ids('demand paging', small)[0]).toBe('os/virtual-memory');
  });

  it('finds PCB, a subsection of 프로세스와 스레드, as that concept', () => {
    expect(ids('PCB')[0]).toBe('os-basics/프로세스');
  });

  it('does not make a generic heading such as 특징 a way to a concept', () => {
    expect(index.search('특징').every((hit) => hit.matchKind !== 'subsection')).toBe(true);
  });

  it('answers nothing for a query sharing one common word with a body or a name', async () => {
    expect(ids('양자 컴퓨터')).toEqual([]);
    const shared = ConceptIndex.build(buildKnowledgeBase('notes', await readQualityNotes()).concepts);
    // The shared fixtures hold 컴퓨터 클러스터 and bodies that mention 컴퓨터.
    expect(ids('컴퓨터', shared)).not.toEqual([]);
    expect(ids('양자 컴퓨터', shared)).toEqual([]);
  });

  it('puts an exact name before a longer name that contains it', () => {
    expect(ids('프로세스와 스레드')[0]).toBe('os-basics/프로세스');
    expect(ids('멀티 프로세스와 멀티 스레드')[0]).toBe('os-basics/멀티-프로세스');
    expect(ids('프로세스')[0]).toBe('os-basics/프로세스');
  });

  it('finds a joined heading by each of its terms', () => {
    for (const term of ['TCP', 'Semaphore', 'Mutex', 'GET', 'POST', '트랜잭션', '교착상태', 'Process', 'Thread']) {
      expect(index.search(term)[0]?.matchKind, term).toBe('exact');
    }
  });
});
