import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/kb/parse-note.js';
import type { Concept } from '../../src/kb/types.js';

const sharedNotePath = fileURLToPath(new URL('../fixtures/notes/docker-kubernetes.md', import.meta.url));
const sharedNote = readFileSync(sharedNotePath, 'utf8');

function conceptOf(concepts: readonly Concept[], id: string): Concept {
  const concept = concepts.find((candidate) => candidate.id === id);
  if (!concept) throw new Error(`no concept ${id} among ${concepts.map((c) => c.id).join(', ')}`);
  return concept;
}

describe('parseNote on the shared docker-kubernetes note', () => {
  const { document, concepts, problems } = parseNote(sharedNote, 'docker-kubernetes.md');

  it('finds exactly the six ## concepts, with stable ids from their first Latin name, and no problem', () => {
    expect(concepts.map((concept) => concept.id)).toEqual([
      'docker-kubernetes/kubernates',
      'docker-kubernetes/docker',
      'docker-kubernetes/container',
      'docker-kubernetes/computer-cluster',
      'docker-kubernetes/kernel',
      'docker-kubernetes/instance',
    ]);
    expect(problems).toEqual([]);
    expect(document.conceptIds).toEqual(concepts.map((concept) => concept.id));
  });

  it('takes the # heading as the document title and the path as its id', () => {
    expect(document).toMatchObject({
      id: 'docker-kubernetes',
      file: 'docker-kubernetes.md',
      title: '도커(Docker)와 쿠버네티스(Kubernates) 개념 이해하기',
    });
  });

  it.each([
    ['docker-kubernetes/kubernates', ['쿠버네티스', 'Kubernates'], ['Kubernetes', 'k8s', 'kube']],
    ['docker-kubernetes/docker', ['도커', 'Docker'], []],
    [
      'docker-kubernetes/container',
      ['컨테이너', 'Container', '운영 체제 수준 가상화'],
      ['operating-system-level virtualization', '소프트웨어 컨테이너', 'software container', '가상화 엔진', 'VE', 'Virtualization Engine', 'Jail'],
    ],
    ['docker-kubernetes/computer-cluster', ['컴퓨터 클러스터', 'Computer Cluster'], ['클러스터', 'Cluster']],
    ['docker-kubernetes/kernel', ['커널', 'Kernel'], ['운영 체제 커널', 'OS kernel']],
    ['docker-kubernetes/instance', ['인스턴스', 'Instance', '가상 머신', 'Virtual Machine'], ['VM']],
  ])('%s has the names of its heading and the aliases its body and front matter state', (id, names, aliases) => {
    const concept = conceptOf(concepts, id);
    expect(concept.names).toEqual(names);
    expect(concept.aliases).toEqual(aliases);
  });

  it('does not take a gloss in parentheses as an alias: 에뮬레이션(복제), 도구(tool), 운영 체제(OS)', () => {
    const allAliases = concepts.flatMap((concept) => concept.aliases);
    for (const gloss of ['복제', '에뮬레이션', 'tool', 'OS', 'LAN', 'abstraction']) expect(allAliases).not.toContain(gloss);
  });

  it('puts the 정리 section into the document summary instead of a concept', () => {
    expect(concepts.some((concept) => concept.names.includes('정리'))).toBe(false);
    expect(document.summary).toMatch(/^- 가상 머신의 스펙을 기반으로/);
    expect(document.summary).toContain('관리할 수 있도록 도와주는 것이 쿠버네티스이다.');
  });

  it('turns the References section into the document references with their URLs', () => {
    expect(document.references).toEqual([
      { text: 'Wikipedia(https://ko.wikipedia.org/)', url: 'https://ko.wikipedia.org/' },
      { text: 'Docker(https://www.docker.com/why-docker)', url: 'https://www.docker.com/why-docker' },
      { text: 'Google Cloud(https://cloud.google.com/compute/docs/instances/)', url: 'https://cloud.google.com/compute/docs/instances/' },
    ]);
  });

  it('gives the kernel its image and no other concept one', () => {
    expect(conceptOf(concepts, 'docker-kubernetes/kernel').image).toEqual({
      url: 'https://user-images.githubusercontent.com/52814897/85262076-32529600-b4a8-11ea-83ce-8108d9c35c3c.png',
      alt: 'kernel',
    });
    expect(concepts.filter((concept) => concept.image).map((concept) => concept.id)).toEqual(['docker-kubernetes/kernel']);
  });

  it('links concepts whose bodies mention each other, in order of first mention', () => {
    expect(conceptOf(concepts, 'docker-kubernetes/kubernates').relatedIds).toEqual([
      'docker-kubernetes/container',
      'docker-kubernetes/computer-cluster',
      'docker-kubernetes/docker',
    ]);
    expect(conceptOf(concepts, 'docker-kubernetes/docker').relatedIds).toEqual(['docker-kubernetes/container']);
    expect(conceptOf(concepts, 'docker-kubernetes/container').relatedIds).toEqual(['docker-kubernetes/kernel', 'docker-kubernetes/instance']);
    for (const concept of concepts) expect(concept.relatedIds).not.toContain(concept.id);
  });

  it('collects bold terms, including bold that CommonMark leaves literal before a Korean particle (**도커(Docker)**를)', () => {
    expect(conceptOf(concepts, 'docker-kubernetes/kubernates').boldTerms).toEqual(['컨테이너', '클러스터', '도커(Docker)']);
    expect(conceptOf(concepts, 'docker-kubernetes/container').boldTerms).toEqual([
      '운영 체제 수준 가상화(operating-system-level virtualization)',
      '커널',
      '인스턴스',
      '가상화',
    ]);
    expect(conceptOf(concepts, 'docker-kubernetes/kernel').boldTerms).toEqual(['핵심']);
    expect(conceptOf(concepts, 'docker-kubernetes/instance').boldTerms).toEqual(['에뮬레이션(복제)', '소프트웨어']);
  });

  it('makes one plain-text statement per list item, with the markup removed and bold text kept', () => {
    const kubernetes = conceptOf(concepts, 'docker-kubernetes/kubernates');
    expect(kubernetes.statements).toEqual([
      '쿠버네티스는 컨테이너화된 애플리케이션의 자동 디플로이, 스케일링 등을 제공하는 관리시스템이다.',
      '여러 클러스터의 호스트 간에 애플리케이션 컨테이너의 배치, 스케일링, 운영을 자동화하기 위한 플랫폼 제공을 목적으로 한다.',
      '도커(Docker)를 포함한 일련의 컨테이너 도구(tool)들과 함께 동작한다.',
    ]);
    expect(kubernetes.plainText).toBe(kubernetes.statements.join('\n'));
    expect(concepts.flatMap((concept) => concept.statements).some((statement) => /\*\*|!\[/.test(statement))).toBe(false);
    expect(conceptOf(concepts, 'docker-kubernetes/kernel').statements).toHaveLength(5);
  });

  it('keeps the body as the author wrote it, without the heading', () => {
    const kernel = conceptOf(concepts, 'docker-kubernetes/kernel');
    expect(kernel.title).toBe('커널(Kernel)');
    expect(kernel.body.startsWith('- 컴퓨터 운영 체제(OS)의 **핵심**이 되는')).toBe(true);
    expect(kernel.body.endsWith('b4a8-11ea-83ce-8108d9c35c3c.png)')).toBe(true);
  });

  it('points each concept at the line of its heading', () => {
    const lines = sharedNote.split('\n');
    for (const concept of concepts) {
      expect(concept.location.file).toBe('docker-kubernetes.md');
      expect(lines[concept.location.line - 1]).toBe(`## ${concept.title}`);
    }
  });
});

describe('concept ids', () => {
  const idsOf = (markdown: string): string[] => parseNote(markdown, 'docker-kubernetes.md').concepts.map((concept) => concept.id);
  const original = idsOf(sharedNote);

  it('stay the same when other sections are edited, renamed, reordered or added', () => {
    const edited = sharedNote
      .replace('- 시스템의 모든 것을 완전히 통제한다.\n', '- 시스템의 모든 것을 완전히 통제한다.\n- 새로 덧붙인 설명이다.\n')
      .replace('## 컴퓨터 클러스터(Computer Cluster)', '## 서버 클러스터(Server Cluster)')
      .replace('# 도커(Docker)와 쿠버네티스(Kubernates) 개념 이해하기\n', '# 도커와 쿠버네티스\n\n## 가상화(Virtualization)\n\n- 새 개념이다.\n');
    const editedIds = idsOf(edited);
    const unchanged = original.filter((id) => id !== 'docker-kubernetes/computer-cluster');
    for (const id of unchanged) expect(editedIds).toContain(id);
    expect(editedIds[0]).toBe('docker-kubernetes/virtualization');
    expect(editedIds).toContain('docker-kubernetes/server-cluster');
  });

  it('fall back to the Hangul name when a heading has no Latin name', () => {
    expect(idsOf('# 메모\n\n## 가상 머신\n\n- 설명이다.\n')).toEqual(['docker-kubernetes/가상-머신']);
  });

  it('follow a front matter "ids" pin, and the note path with folders', () => {
    const markdown = '---\nids:\n  컨테이너: container-virtualization\n---\n# 메모\n\n## 컨테이너(Container)\n\n- 설명이다.\n';
    expect(parseNote(markdown, 'Infra/Docker Notes.md').concepts.map((concept) => concept.id)).toEqual([
      'infra/docker-notes/container-virtualization',
    ]);
  });

  it('get a -2 suffix and a warning when two sections of one note share a slug', () => {
    const { concepts, problems } = parseNote('# 메모\n\n## 해시 맵(Hash Map)\n\n- 하나.\n\n## 해시맵 구현(Hash-Map)\n\n- 둘.\n', 'maps.md');
    expect(concepts.map((concept) => concept.id)).toEqual(['maps/hash-map', 'maps/hash-map-2']);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'maps.md', line: 7, message: expect.stringContaining('maps/hash-map-2') }),
    ]);
  });
});

describe('parseNote structure', () => {
  it('keeps ### subsections and their text inside the ## concept', () => {
    const markdown = '# 메모\n\n## 도커(Docker)\n\n- 첫 설명.\n\n### 명령어\n\n도커 명령어는 `docker run`이다.\n\n## 커널(Kernel)\n\n- 핵심.\n';
    const { concepts } = parseNote(markdown, 'memo.md');
    expect(concepts).toHaveLength(2);
    expect(concepts[0]?.body).toBe('- 첫 설명.\n\n### 명령어\n\n도커 명령어는 `docker run`이다.');
    expect(concepts[0]?.statements).toEqual(['첫 설명.', '도커 명령어는 docker run이다.']);
    expect(concepts[0]?.plainText).toBe('첫 설명.\n명령어\n도커 명령어는 docker run이다.');
  });

  it('treats a later # heading as the end of a concept and warns about it', () => {
    const { concepts, problems } = parseNote('# 메모\n\n## 도커(Docker)\n\n- 설명.\n\n# 두 번째 제목\n\n떠도는 문단.\n', 'memo.md');
    expect(concepts[0]?.body).toBe('- 설명.');
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', line: 7, message: expect.stringContaining('second # heading') })]);
  });

  it.each([['요약'], ['Summary'], ['TL;DR'], ['결론'], ['5. 정리']])('reads "## %s" as the summary', (heading) => {
    const { document, concepts } = parseNote(`# 메모\n\n## 도커(Docker)\n\n- 설명.\n\n## ${heading}\n\n요약 문장이다.\n`, 'memo.md');
    expect(concepts.map((concept) => concept.id)).toEqual(['memo/docker']);
    expect(document.summary).toBe('요약 문장이다.');
  });

  it.each([['참고'], ['참고 자료'], ['참고자료'], ['References'], ['Reference'], ['See also'], ['Links'], ['출처']])(
    'reads "## %s" as references',
    (heading) => {
      const markdown = `# 메모\n\n## 도커(Docker)\n\n- 설명.\n\n## ${heading}\n\n- [Docker 문서](https://docs.docker.com/)\n- 책 한 권\n`;
      const { document, concepts } = parseNote(markdown, 'memo.md');
      expect(concepts).toHaveLength(1);
      expect(document.references).toEqual([{ text: 'Docker 문서', url: 'https://docs.docker.com/' }, { text: '책 한 권' }]);
    },
  );

  it('keeps "## 링크(Link)" as a concept: a link is a networking term too', () => {
    expect(parseNote('## 링크(Link)\n\n- 두 노드를 잇는 연결.\n', 'net.md').concepts.map((concept) => concept.id)).toEqual(['net/link']);
  });

  it('reads one reference per line when the references are a paragraph', () => {
    const { document } = parseNote(
      '# 메모\n\n## 도커(Docker)\n\n- 설명.\n\n## 출처\n\n위키백과 https://ko.wikipedia.org/wiki/도커\nDocker 문서\n',
      'memo.md',
    );
    expect(document.references).toEqual([
      { text: '위키백과 https://ko.wikipedia.org/wiki/도커', url: 'https://ko.wikipedia.org/wiki/도커' },
      { text: 'Docker 문서' },
    ]);
  });

  it('takes the first image of a section, also through a reference definition', () => {
    const markdown =
      '# 메모\n\n## 도커(Docker)\n\n- 설명.\n\n![고래][whale]\n![둘째](https://example.com/2.png)\n\n[whale]: https://example.com/whale.png\n';
    expect(parseNote(markdown, 'memo.md').concepts[0]?.image).toEqual({ url: 'https://example.com/whale.png', alt: '고래' });
  });

  it('warns when an image is not an http(s) URL, which Discord cannot show', () => {
    const { concepts, problems } = parseNote('# 메모\n\n## 도커(Docker)\n\n- 설명.\n\n![로컬](./images/docker.png)\n', 'memo.md');
    expect(concepts[0]?.image?.url).toBe('./images/docker.png');
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'memo.md', line: 3, message: expect.stringContaining('./images/docker.png') }),
    ]);
  });

  it('uses the file name as title when there is no # heading', () => {
    expect(parseNote('## 도커(Docker)\n\n- 설명.\n', 'infra/docker-notes.md').document.title).toBe('docker-notes');
  });

  it('does not count literal ** inside code as bold', () => {
    const { concepts } = parseNote('# 메모\n\n## 거듭제곱(Power)\n\n- 파이썬에서는 `2 ** 10`처럼 쓴다.\n', 'memo.md');
    expect(concepts[0]?.boldTerms).toEqual([]);
  });
});

describe('front matter', () => {
  it('adds aliases keyed by a concept name or id slug, and overrides the document id and title', () => {
    const markdown =
      '---\nid: infra/k8s\ntitle: 쿠버네티스 노트\naliases:\n  쿠버네티스: [k8s]\n  kubernates: Kubernetes\n---\n# 제목\n\n## 쿠버네티스(Kubernates)\n\n- 설명.\n';
    const { document, concepts, problems } = parseNote(markdown, 'notes.md');
    expect(problems).toEqual([]);
    expect(document).toMatchObject({ id: 'infra/k8s', title: '쿠버네티스 노트' });
    expect(concepts[0]).toMatchObject({ id: 'infra/k8s/kubernates', aliases: ['k8s', 'Kubernetes'] });
  });

  it('never repeats a name as alias', () => {
    const markdown = '---\naliases:\n  docker: [docker, 도커, Docker Engine]\n---\n# 제목\n\n## 도커(Docker)\n\n- 설명.\n';
    expect(parseNote(markdown, 'notes.md').concepts[0]?.aliases).toEqual(['Docker Engine']);
  });

  it('warns with the file line of an alias key that names no concept of the note', () => {
    const markdown = '---\naliases:\n  docker: [도커 엔진]\n  podman: [포드맨]\n---\n# 제목\n\n## 도커(Docker)\n\n- 설명.\n';
    const { concepts, problems } = parseNote(markdown, 'notes.md');
    expect(concepts[0]?.aliases).toEqual(['도커 엔진']);
    expect(problems).toEqual([{ severity: 'warning', file: 'notes.md', line: 4, message: expect.stringContaining('"podman"') }]);
  });

  it('skips a front matter alias longer than 40 characters, with a warning', () => {
    const long = 'a'.repeat(41);
    const { concepts, problems } = parseNote(`---\naliases:\n  docker: [${long}, 도커 엔진]\n---\n## 도커(Docker)\n\n- 설명.\n`, 'notes.md');
    expect(concepts[0]?.aliases).toEqual(['도커 엔진']);
    expect(problems).toEqual([{ severity: 'warning', file: 'notes.md', line: 3, message: expect.stringContaining('longer than 40') }]);
  });

  it('reports broken YAML with its file line and still loads the note', () => {
    const markdown = '---\ntitle: 제목\naliases: [unclosed\n---\n# 제목\n\n## 도커(Docker)\n\n- 설명.\n';
    const { concepts, problems } = parseNote(markdown, 'notes.md');
    expect(concepts.map((concept) => concept.id)).toEqual(['notes/docker']);
    expect(problems).toEqual([
      { severity: 'warning', file: 'notes.md', line: expect.any(Number), message: expect.stringContaining('not valid YAML') },
    ]);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(2);
    expect(problems[0]?.line).toBeLessThanOrEqual(4);
  });

  it('reports front matter that is not a mapping, or whose aliases are not a mapping', () => {
    expect(parseNote('---\n- a\n- b\n---\n## 도커(Docker)\n\n- 설명.\n', 'a.md').problems).toEqual([
      { severity: 'warning', file: 'a.md', line: 2, message: expect.stringContaining('must be a mapping') },
    ]);
    expect(parseNote('---\ntitle: 제목\naliases: [k8s]\n---\n## 도커(Docker)\n\n- 설명.\n', 'b.md').problems).toEqual([
      { severity: 'warning', file: 'b.md', line: 3, message: expect.stringContaining('"aliases" must map') },
    ]);
  });
});

describe("parseNote: the concept level follows the note's headings", () => {
  it('makes a note without ## one concept from its # heading, deeper headings inside it', () => {
    const { concepts, document, problems } = parseNote(
      '# [OS] 스케줄러란?\n\n스케줄러는 다음 프로세스를 고른다.\n\n### 선점\n\n실행 중인 프로세스를 멈춘다.\n',
      'til.md',
    );
    expect(problems).toEqual([]);
    expect(concepts.map((c) => [c.id, c.names])).toEqual([['til/스케줄러', ['스케줄러']]]);
    expect(concepts[0]?.subsections).toEqual([{ title: '선점', names: ['선점'], line: 5 }]);
    expect(concepts[0]?.passages.map((p) => [p.line, p.subheading])).toEqual([
      [3, undefined],
      [7, '선점'],
    ]);
    expect(document.title).toBe('[OS] 스케줄러란?');
  });

  it("makes each of several dated ### entries a concept, and their reference heading the note's references", () => {
    const markdown =
      '### 2021.04.05 [Git] rebase란?\n\nrebase는 커밋을 옮긴다.\n\n### 2021.04.06 [Git] stash\n\nstash는 변경을 보관한다.\n\n### 참고\n\n- [Pro Git](https://git-scm.com/book)\n';
    const { concepts, document } = parseNote(markdown, 'log.md');
    expect(concepts.map((c) => c.names)).toEqual([['rebase'], ['stash']]);
    expect(document.references).toEqual([{ text: 'Pro Git', url: 'https://git-scm.com/book' }]);
  });

  it("reads an empty first # above several # topics as the note's title", () => {
    const { concepts, problems, document } = parseNote('# 운영체제\n\n# 프로세스\n\n실행 중인 프로그램.\n\n# 스레드\n\n실행의 흐름.\n', 'os.md');
    expect(problems).toEqual([]);
    expect(concepts.map((c) => c.names[0])).toEqual(['프로세스', '스레드']);
    expect(document.title).toBe('운영체제');
  });

  it('keeps the shared style when ## topics exist: the # is the title, ### stays inside', () => {
    const { concepts } = parseNote('# 메모\n\n## 도커(Docker)\n\n설명.\n\n### 명령어\n\n도커 명령어.\n\n## 커널(Kernel)\n\n핵심.\n', 'memo.md');
    expect(concepts.map((c) => c.id)).toEqual(['memo/docker', 'memo/kernel']);
    expect(concepts[0]?.subsections.map((sub) => sub.title)).toEqual(['명령어']);
    expect(concepts[0]?.passages).toEqual([
      { text: '설명.', kind: 'paragraph', line: 5 },
      { text: '도커 명령어.', kind: 'paragraph', line: 9, subheading: '명령어' },
    ]);
  });

  it('skips a table of contents, by its heading or by being nothing but links into the note', () => {
    const markdown = '# 메모\n\n## 목록\n\n- [도커](#도커docker)\n- [커널](#커널kernel)\n\n## 도커(Docker)\n\n설명.\n\n## 목차\n\n1. 도커\n';
    expect(parseNote(markdown, 'memo.md').concepts.map((c) => c.id)).toEqual(['memo/docker']);
  });
});

describe('parseNote: passages', () => {
  it('leaves out tables, code, pictures, link captions, pointer sentences and bare URLs', () => {
    const markdown = [
      '## 힙(Heap)',
      '',
      '힙은 완전 이진 트리이다.',
      '',
      '| 연산 | 비용 |',
      '|---|---|',
      '| 삽입 | O(log n) |',
      '',
      '```js',
      'heap.push(1);',
      '```',
      '',
      '![힙 그림](https://example.com/heap.png)',
      '',
      '[힙 설명](https://example.com/heap)',
      '',
      '아래의 자료에서 자세한 설명을 볼 수 있다.',
      '',
      'See the link below.',
      '',
      'https://example.com/heap',
      '',
      '- 루트가 가장 크다.',
      '- [링크만](https://example.com)',
      '',
    ].join('\n');
    const [heap] = parseNote(markdown, 'ds.md').concepts;
    expect(heap?.passages).toEqual([
      { text: '힙은 완전 이진 트리이다.', kind: 'paragraph', line: 3 },
      { text: '루트가 가장 크다.', kind: 'list-item', line: 23 },
    ]);
  });
});

describe('parseNote: author-written questions', () => {
  const quiz = (body: string) => `## 커밋(Commit)\n\n커밋은 스냅샷이다.\n\n\`\`\`quiz\n${body}\n\`\`\`\n`;

  it('reads a quiz block with its prompt, four options and the checked answer', () => {
    const { concepts, problems } = parseNote(quiz('커밋을 가리키는 것은?\n- [ ] 이름\n- [x] 해시\n- [ ] 날짜\n- [ ] 브랜치'), 'git.md');
    expect(problems).toEqual([]);
    expect(concepts[0]?.authoredQuestions).toEqual([
      { prompt: '커밋을 가리키는 것은?', options: ['이름', '해시', '날짜', '브랜치'], answer: 1, location: { file: 'git.md', line: 5 } },
    ]);
  });

  it.each([
    ['three options', '커밋은?\n- [ ] 이름\n- [x] 해시\n- [ ] 날짜', 5, /3 options, not 4/],
    ['two checked', '커밋은?\n- [x] 이름\n- [x] 해시\n- [ ] 날짜\n- [ ] 브랜치', 5, /2 options are checked/],
    ['none checked', '커밋은?\n- [ ] 이름\n- [ ] 해시\n- [ ] 날짜\n- [ ] 브랜치', 5, /0 options are checked/],
    ['no prompt', '- [ ] 이름\n- [x] 해시\n- [ ] 날짜\n- [ ] 브랜치', 5, /no prompt/],
    ['text after the options', '커밋은?\n- [ ] 이름\n- [x] 해시\n- [ ] 날짜\n- [ ] 브랜치\n해설', 11, /follows the options/],
    ['a repeated option', '커밋은?\n- [ ] 해시\n- [x] 해시\n- [ ] 날짜\n- [ ] 브랜치', 8, /appears twice/],
  ])('reports a quiz block with %s as an error at its line, and asks nothing from it', (_case, body, line, message) => {
    const { concepts, problems } = parseNote(quiz(body), 'git.md');
    expect(concepts[0]?.authoredQuestions).toEqual([]);
    expect(problems).toEqual([{ severity: 'error', file: 'git.md', line, message: expect.stringMatching(message) }]);
  });

  it('reads <details> blocks and Q:/A: pairs as flashcards, but not a folded table of contents', () => {
    const markdown = [
      '## 커밋(Commit)',
      '',
      '커밋은 스냅샷이다.',
      '',
      '<details>',
      '<summary>커밋은 무엇을 담나요?</summary>',
      '',
      '변경 내용과 **작성자**를 담는다.',
      '',
      '</details>',
      '',
      '<details><summary>Table of contents</summary>',
      '',
      '- [커밋](#커밋)',
      '',
      '</details>',
      '',
      'Q: 커밋 해시는 바뀌나요?',
      'A: 내용이 같으면',
      '바뀌지 않는다.',
      '',
    ].join('\n');
    const [commit] = parseNote(markdown, 'git.md').concepts;
    expect(commit?.flashcards).toEqual([
      { question: '커밋은 무엇을 담나요?', answer: '변경 내용과 작성자를 담는다.', location: { file: 'git.md', line: 5 } },
      { question: '커밋 해시는 바뀌나요?', answer: '내용이 같으면 바뀌지 않는다.', location: { file: 'git.md', line: 18 } },
    ]);
    expect(commit?.passages.map((p) => p.text)).toEqual(['커밋은 스냅샷이다.']);
  });

  it('gives a note-level Q&A card to the concept its question names, else to the first concept', () => {
    const markdown =
      '# Git\n\n## 커밋(Commit)\n\n스냅샷.\n\n## 브랜치(Branch)\n\n커밋을 가리킨다.\n\n## 질의응답\n\nQ: 브랜치를 지우면 커밋도 사라지나요?\nA: 아니요.\n\nQ: git은 누가 만들었나요?\nA: 리누스 토르발스.\n';
    const { concepts } = parseNote(markdown, 'git.md');
    expect(concepts.map((c) => c.flashcards.map((card) => card.question))).toEqual([
      ['git은 누가 만들었나요?'],
      ['브랜치를 지우면 커밋도 사라지나요?'],
    ]);
  });

  it("gives the cards of a one-topic note's ## 질의응답 to its one concept", () => {
    const { concepts } = parseNote('# DNS\n\n이름을 주소로 바꾼다.\n\n## 질의응답\n\n- Q: 포트는?\n  A: 53번.\n', 'dns.md');
    expect(concepts.map((c) => c.id)).toEqual(['dns/dns']);
    expect(concepts[0]?.flashcards).toEqual([{ question: '포트는?', answer: '53번.', location: { file: 'dns.md', line: 7 } }]);
  });
});

describe('parseNote: a quiz block outside every concept', () => {
  it('is reported with its line instead of being dropped silently', () => {
    const markdown = '# Git\n\n```quiz\n커밋은?\n- [ ] 이름\n- [x] 해시\n- [ ] 날짜\n- [ ] 브랜치\n```\n\n## 커밋(Commit)\n\n스냅샷.\n';
    const { concepts, problems } = parseNote(markdown, 'git.md');
    expect(concepts[0]?.authoredQuestions).toEqual([]);
    expect(problems).toEqual([{ severity: 'warning', file: 'git.md', line: 3, message: expect.stringContaining('belongs to none') }]);
  });
});

describe('parseNote: <details> written with blank lines', () => {
  it('reads a summary that stands apart from its <details> tag', () => {
    const markdown = '## 커밋(Commit)\n\n스냅샷.\n\n<details>\n\n<summary>커밋은 바뀌나요?</summary>\n\n바뀌지 않는다.\n\n</details>\n';
    const [commit] = parseNote(markdown, 'git.md').concepts;
    expect(commit?.flashcards).toEqual([{ question: '커밋은 바뀌나요?', answer: '바뀌지 않는다.', location: { file: 'git.md', line: 5 } }]);
  });
});

describe('parseNote on a note nested past what the parser reads', () => {
  it('keeps the concepts before the cut and warns at the line where reading stopped', () => {
    const nested = Array.from({ length: 600 }, (_, level) => `${'  '.repeat(level)}- level ${level}`).join('\n');
    const { concepts, problems } = parseNote(`# T\n\n## 알파(Alpha)\n\n${nested}\n\n## 베타(Beta)\n\nb text.\n`, 'deep.md');

    expect(concepts.map((concept) => concept.title)).toEqual(['알파(Alpha)']);
    expect(problems).toEqual([
      {
        severity: 'warning',
        file: 'deep.md',
        line: 504,
        message: 'lists or quotes nested too deep (over 1000 levels, a list counting two); the note was read up to this line only',
      },
    ]);
  });
});
