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
    expect(document).toMatchObject({ id: 'docker-kubernetes', file: 'docker-kubernetes.md', title: '도커(Docker)와 쿠버네티스(Kubernates) 개념 이해하기' });
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
    expect(parseNote(markdown, 'Infra/Docker Notes.md').concepts.map((concept) => concept.id)).toEqual(['infra/docker-notes/container-virtualization']);
  });

  it('get a -2 suffix and a warning when two sections of one note share a slug', () => {
    const { concepts, problems } = parseNote('# 메모\n\n## 해시 맵(Hash Map)\n\n- 하나.\n\n## 해시맵 구현(Hash-Map)\n\n- 둘.\n', 'maps.md');
    expect(concepts.map((concept) => concept.id)).toEqual(['maps/hash-map', 'maps/hash-map-2']);
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', file: 'maps.md', line: 7, message: expect.stringContaining('maps/hash-map-2') })]);
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

  it.each([['참고'], ['참고 자료'], ['참고자료'], ['References'], ['Reference'], ['See also'], ['Links'], ['출처']])('reads "## %s" as references', (heading) => {
    const markdown = `# 메모\n\n## 도커(Docker)\n\n- 설명.\n\n## ${heading}\n\n- [Docker 문서](https://docs.docker.com/)\n- 책 한 권\n`;
    const { document, concepts } = parseNote(markdown, 'memo.md');
    expect(concepts).toHaveLength(1);
    expect(document.references).toEqual([{ text: 'Docker 문서', url: 'https://docs.docker.com/' }, { text: '책 한 권' }]);
  });

  it('keeps "## 링크(Link)" as a concept: a link is a networking term too', () => {
    expect(parseNote('## 링크(Link)\n\n- 두 노드를 잇는 연결.\n', 'net.md').concepts.map((concept) => concept.id)).toEqual(['net/link']);
  });

  it('reads one reference per line when the references are a paragraph', () => {
    const { document } = parseNote('# 메모\n\n## 도커(Docker)\n\n- 설명.\n\n## 출처\n\n위키백과 https://ko.wikipedia.org/wiki/도커\nDocker 문서\n', 'memo.md');
    expect(document.references).toEqual([{ text: '위키백과 https://ko.wikipedia.org/wiki/도커', url: 'https://ko.wikipedia.org/wiki/도커' }, { text: 'Docker 문서' }]);
  });

  it('takes the first image of a section, also through a reference definition', () => {
    const markdown = '# 메모\n\n## 도커(Docker)\n\n- 설명.\n\n![고래][whale]\n![둘째](https://example.com/2.png)\n\n[whale]: https://example.com/whale.png\n';
    expect(parseNote(markdown, 'memo.md').concepts[0]?.image).toEqual({ url: 'https://example.com/whale.png', alt: '고래' });
  });

  it('warns when an image is not an http(s) URL, which Discord cannot show', () => {
    const { concepts, problems } = parseNote('# 메모\n\n## 도커(Docker)\n\n- 설명.\n\n![로컬](./images/docker.png)\n', 'memo.md');
    expect(concepts[0]?.image?.url).toBe('./images/docker.png');
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', file: 'memo.md', line: 3, message: expect.stringContaining('./images/docker.png') })]);
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
    const markdown = '---\nid: infra/k8s\ntitle: 쿠버네티스 노트\naliases:\n  쿠버네티스: [k8s]\n  kubernates: Kubernetes\n---\n# 제목\n\n## 쿠버네티스(Kubernates)\n\n- 설명.\n';
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
    expect(problems).toEqual([{ severity: 'warning', file: 'notes.md', line: expect.any(Number), message: expect.stringContaining('not valid YAML') }]);
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
