// Notes in the styles real teams keep (diary TILs, long interview notes, stubs, Q&A sections), under
// test/fixtures/real-notes: the concepts a reader expects, and nothing that is not one.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/load-knowledge-base.js';
import type { Concept } from '../../src/kb/types.js';

const realNotesDir = fileURLToPath(new URL('../fixtures/real-notes', import.meta.url));
const kb = await loadKnowledgeBase(realNotesDir);

/** Per note, the concepts a reader expects: id and first name, in order. Shared with the report of issue 7. */
export const expectedConcepts: Record<string, [id: string, firstName: string][]> = {
  'data-structures-stubs.md': [
    ['data-structures-stubs/hash-table', '해시 테이블'],
    ['data-structures-stubs/heap', '힙'],
    ['data-structures-stubs/trie', '트라이'],
    ['data-structures-stubs/스택', '스택'],
  ],
  'database-transaction.md': [
    ['database-transaction/transaction', '트랜잭션'],
    ['database-transaction/정규화', '정규화'],
    ['database-transaction/index', '인덱스'],
  ],
  'dns.md': [['dns/dns', 'DNS']],
  'git-workflow.md': [
    ['git-workflow/commit', 'Commit'],
    ['git-workflow/branching-strategy', 'Branching strategy'],
    ['git-workflow/merge', 'Merge'],
    ['git-workflow/stash', 'Stash'],
  ],
  'memory-management-en.md': [
    ['memory-management-en/paging', 'Paging'],
    ['memory-management-en/segmentation', 'Segmentation'],
    ['memory-management-en/thrashing', 'Thrashing'],
  ],
  'network-interview.md': [
    ['network-interview/tcp', 'TCP'],
    ['network-interview/get', 'HTTP 요청 방식'],
    ['network-interview/http', 'HTTP'],
  ],
  'os-basics.md': [
    ['os-basics/프로세스', '프로세스'],
    ['os-basics/멀티-프로세스', '멀티 프로세스'],
    ['os-basics/semaphore', 'Semaphore'],
    ['os-basics/virtual-memory', '가상 메모리'],
    ['os-basics/cpu-scheduling', 'CPU 스케줄링'],
  ],
  'process-vs-thread-en.md': [['process-vs-thread-en/process', 'Process']],
  'til-cache-memory.md': [['til-cache-memory/cache-memory', '캐시 메모리']],
  'til-git-log.md': [
    ['til-git-log/git-rebase', 'git rebase'],
    ['til-git-log/git-stash', 'git stash'],
    ['til-git-log/cherry-pick', 'cherry-pick'],
  ],
  'til-tcp-handshake.md': [['til-tcp-handshake/tcp-3-way-handshake', 'TCP 3-way Handshake']],
  'til-udp.md': [['til-udp/udp', 'UDP']],
  'web-auth-mixed.md': [
    ['web-auth-mixed/cookie', '쿠키'],
    ['web-auth-mixed/session', '세션'],
    ['web-auth-mixed/jwt', 'JWT'],
  ],
};

function concept(id: string): Concept {
  const found = kb.getConcept(id);
  if (!found) throw new Error(`no concept ${id}; have ${kb.concepts.map((c) => c.id).join(', ')}`);
  return found;
}

describe('real-style notes: the concepts a reader expects', () => {
  it('has at least twelve notes, every one giving concepts', () => {
    expect(Object.keys(expectedConcepts).length).toBeGreaterThanOrEqual(12);
    expect(kb.documents.map((document) => document.file).sort()).toEqual(Object.keys(expectedConcepts).sort());
  });

  it.each(Object.entries(expectedConcepts))('finds exactly the expected concepts of %s', (file, expected) => {
    const found = kb.concepts.filter((c) => c.location.file === file).map((c) => [c.id, c.names[0]]);
    expect(found).toEqual(expected);
  });

  it('loads them without errors; the only warnings are names two notes share', () => {
    expect(kb.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    for (const problem of kb.problems) expect(problem.message).toMatch(/also a name of|is a name of/);
  });

  it('makes a note without ## one concept named by its top heading, date and tag prefixes and 란? removed', () => {
    expect(concept('til-udp/udp').names).toEqual(['UDP']);
    expect(concept('til-cache-memory/cache-memory').names).toEqual(['캐시 메모리', 'Cache Memory']);
    expect(concept('til-tcp-handshake/tcp-3-way-handshake').title).toBe('2020-03-02 [TIL] TCP 3-way Handshake');
  });

  it('keeps deeper headings inside the concept as subsections, with the names cleaned', () => {
    expect(concept('os-basics/virtual-memory').subsections.map((sub) => sub.names)).toEqual([
      ['요구 페이징', 'Demand Paging'],
      ['페이지 폴트', 'Page Fault'],
      ['페이지 폴트 처리 순서'],
      ['페이지 교체 알고리즘'],
    ]);
    expect(concept('process-vs-thread-en/process').subsections.map((sub) => sub.names[0])).toEqual([
      'process',
      'thread',
      'Thread safety',
      'Context switching',
    ]);
  });

  it('never makes a subsection of a Q&A, reference or contents heading', () => {
    const titles = kb.concepts.flatMap((c) => c.subsections.map((sub) => sub.title));
    expect(titles).not.toContain('질의응답');
    expect(titles).not.toContain('질문');
    expect(titles).not.toContain('참고');
    expect(titles).not.toContain('출처');
    expect(titles).not.toContain('Interview questions');
  });
});

describe('real-style notes: passages are explanatory prose only', () => {
  const allPassages = kb.concepts.flatMap((c) => c.passages);

  it('takes no table row, code line, link caption, HTML or "see below" boilerplate', () => {
    for (const passage of allPassages) {
      expect(passage.text, passage.text).not.toMatch(/^\|.*\||---|<\/?details|<summary|^https?:\/\//);
      expect(passage.text).not.toMatch(/아래의 자료에서|See the link below|pid_t|semaphore\.acquire|CREATE INDEX/);
    }
    expect(allPassages.map((passage) => passage.text)).not.toContain('해시 테이블 정리');
    expect(allPassages.map((passage) => passage.text)).not.toContain('How HTTPS works');
  });

  it('gives a link-only stub no passage, while it stays a concept with its link in the body', () => {
    expect(concept('data-structures-stubs/hash-table').passages).toEqual([]);
    expect(concept('data-structures-stubs/trie').passages).toEqual([]);
    expect(concept('data-structures-stubs/trie').body).toContain('https://en.wikipedia.org/wiki/Trie');
  });

  it('records the line and the subheading of each passage', () => {
    const paging = concept('os-basics/virtual-memory').passages.find((passage) => passage.text.startsWith('요구 페이징'));
    expect(paging).toMatchObject({ kind: 'paragraph', line: 74, subheading: '요구 페이징(Demand Paging)' });
    expect(concept('os-basics/virtual-memory').passages[0]).toMatchObject({ line: 69 });
    expect(concept('os-basics/virtual-memory').passages[0]?.subheading).toBeUndefined();
    const item = concept('til-udp/udp').passages.find((passage) => passage.kind === 'list-item');
    expect(item).toMatchObject({ text: '송신 전에 연결을 설정하지 않는 비연결형 서비스를 제공한다.', line: 9, subheading: '특징' });
  });

  it('keeps questions and answers out of the passages', () => {
    expect(allPassages.some((passage) => /^(?:Q|A):|PCB에는 어떤 정보가|쿠키는 정보를 클라이언트에 저장하고/.test(passage.text))).toBe(false);
  });

  it('keeps statements as before: every paragraph and list item of the section', () => {
    expect(concept('data-structures-stubs/hash-table').statements).toEqual(['아래의 자료에서 자세한 설명을 볼 수 있다.', '해시 테이블 정리']);
  });
});

describe('real-style notes: joined headings, names and aliases', () => {
  it('makes each term of a joined heading a name', () => {
    expect(concept('network-interview/tcp').names).toEqual(['TCP', 'UDP']);
    expect(concept('os-basics/프로세스').names).toEqual(['프로세스', '스레드']);
    expect(concept('process-vs-thread-en/process').names).toEqual(['Process', 'Thread']);
    expect(concept('os-basics/semaphore').names).toEqual(['Semaphore', 'Mutex']);
    expect(concept('network-interview/get').names).toEqual(['HTTP 요청 방식', 'GET', 'POST']);
    expect(concept('database-transaction/transaction').names).toEqual(['트랜잭션', 'Transaction', '교착상태']);
    expect(concept('database-transaction/정규화').names).toEqual(['정규화']);
    expect(concept('database-transaction/index').names).toEqual(['인덱스', 'Index']);
  });

  it('takes no alias from a subsection about another term: 일관성 "동일성이라고도 하며" stays 일관성\'s', () => {
    expect(concept('database-transaction/transaction').aliases).not.toContain('동일성');
    expect(concept('database-transaction/transaction').aliases).not.toContain('Consistency');
    expect(concept('database-transaction/transaction').aliases).not.toContain('Atomicity');
  });

  it("takes aliases from the concept's own defining sentences", () => {
    expect(concept('os-basics/semaphore').aliases).toEqual(['뮤텍스', '세마포어']);
    expect(concept('data-structures-stubs/스택').aliases).toEqual(['Stack', 'Queue']);
    expect(concept('database-transaction/정규화').aliases).toEqual(['Normalization']);
    // 교착상태 is a name of the joined heading, so its own subsection defines it.
    expect(concept('database-transaction/transaction').aliases).toEqual(['Deadlock']);
  });
});

describe('real-style notes: Q&A, references and authored questions', () => {
  it("gives the cards of a one-topic note's Q&A section to that concept", () => {
    expect(concept('dns/dns').flashcards.map((card) => card.question)).toEqual([
      'DNS는 주로 TCP와 UDP 중 무엇을 사용하나요?',
      'TTL이 너무 길면 어떤 문제가 있나요?',
    ]);
    expect(concept('til-tcp-handshake/tcp-3-way-handshake').flashcards).toHaveLength(2);
    expect(concept('process-vs-thread-en/process').flashcards[0]).toEqual({
      question: 'Why is a thread switch cheaper than a process switch?',
      answer: 'Threads of one process share the address space, so the kernel does not switch page tables or lose the TLB contents.',
      location: { file: 'process-vs-thread-en.md', line: 31 },
    });
  });

  it('gives each card of a note-level Q&A section to the concept its question names, else the first concept', () => {
    const questionsOf = (id: string) => concept(id).flashcards.map((card) => card.question);
    // `PCB` is a subsection of 프로세스와 스레드; 뮤텍스 an alias of Semaphore & Mutex; the last names nothing.
    expect(questionsOf('os-basics/프로세스')).toEqual(['PCB에는 어떤 정보가 저장되나요?', '운영체제를 공부하는 가장 좋은 방법은?']);
    expect(questionsOf('os-basics/semaphore')).toEqual(['뮤텍스와 세마포어의 차이는 무엇인가요?']);
    expect(questionsOf('web-auth-mixed/cookie')).toEqual(['쿠키와 세션의 가장 큰 차이는?']);
    expect(questionsOf('web-auth-mixed/jwt')).toEqual(['JWT의 단점은?']);
    expect(questionsOf('network-interview/get')).toEqual(['GET과 POST의 차이를 설명해 주세요.']);
    expect(questionsOf('network-interview/http')).toEqual(['What does the S in HTTPS stand for?']);
  });

  it('keeps a <details> question inside a concept with that concept', () => {
    expect(concept('database-transaction/index').flashcards).toEqual([
      {
        question: '인덱스를 걸면 좋은 컬럼은?',
        answer: 'WHERE 절과 JOIN 조건에 자주 쓰이고, 값의 종류가 많아 카디널리티가 높은 컬럼이 좋다.',
        location: { file: 'database-transaction.md', line: 72 },
      },
    ]);
  });

  it("turns reference sections at any level into the note's references", () => {
    expect(kb.getDocument('til-udp')?.references).toEqual([{ text: 'https://example.com/network/udp', url: 'https://example.com/network/udp' }]);
    expect(kb.getDocument('dns')?.references).toEqual([{ text: 'DNS 동작 원리', url: 'https://example.com/network/dns' }]);
    expect(kb.getDocument('network-interview')?.references).toHaveLength(2);
  });

  it('reads the authored multiple-choice blocks as written, with their answer and line', () => {
    expect(concept('git-workflow/commit').authoredQuestions).toEqual([
      {
        prompt: 'What does git use to identify a commit?',
        options: ["The author's e-mail address", "A hash of the commit's contents", 'The order in which commits were made', 'The branch name'],
        answer: 1,
        location: { file: 'git-workflow.md', line: 15 },
      },
    ]);
    expect(concept('til-cache-memory/cache-memory').authoredQuestions[0]?.answer).toBe(1);
    expect(kb.concepts.flatMap((c) => c.authoredQuestions)).toHaveLength(4);
  });
});
