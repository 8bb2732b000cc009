import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildKnowledgeBase, loadKnowledgeBase } from '../../src/kb/load-knowledge-base.js';

const fixturesDir = fileURLToPath(new URL('../fixtures/notes', import.meta.url));
const brokenDir = fileURLToPath(new URL('../fixtures/broken-notes', import.meta.url));

const tempDirs: string[] = [];
function makeTempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kb-test-'));
  tempDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadKnowledgeBase on the shared note', () => {
  // The fixture copy of the team's first note: tests never read data/docs, so editing a shipped note cannot break them.
  it('loads the shared note with exactly six concepts and no problem', async () => {
    const dir = makeTempDir();
    writeFileSync(path.join(dir, 'docker-kubernetes.md'), readFileSync(path.join(fixturesDir, 'docker-kubernetes.md'), 'utf8'));
    const kb = await loadKnowledgeBase(dir);
    expect(kb.problems).toEqual([]);
    expect(kb.documents.map((document) => document.id)).toEqual(['docker-kubernetes']);
    expect(kb.concepts).toHaveLength(6);
    expect(kb.getConcept('docker-kubernetes/container')?.names[0]).toBe('컨테이너');
    expect(kb.getDocument('docker-kubernetes')?.conceptIds).toHaveLength(6);
    expect(kb.getConcept('docker-kubernetes/nope')).toBeUndefined();
  });
});

describe('loadKnowledgeBase on the fixture notes', () => {
  it('loads every note below the folder, sorted by path, without problems', async () => {
    const kb = await loadKnowledgeBase(fixturesDir);
    expect(kb.problems).toEqual([]);
    expect(kb.documents.map((document) => document.file)).toEqual([
      'docker-kubernetes.md',
      'git-basics.md',
      'network/vpn-and-dns.md',
      'os/process-and-thread.md',
    ]);
    expect(kb.documents.map((document) => document.id)).toEqual(['docker-kubernetes', 'git-basics', 'network/vpn-and-dns', 'os/process-and-thread']);
  });

  it('gives quiz and search at least twelve more concepts, each with two to five statements and bold terms', async () => {
    const kb = await loadKnowledgeBase(fixturesDir);
    const fixtureConcepts = kb.concepts.filter((concept) => concept.documentId !== 'docker-kubernetes');
    expect(fixtureConcepts.length).toBeGreaterThanOrEqual(12);
    for (const concept of fixtureConcepts) {
      expect(concept.statements.length, concept.id).toBeGreaterThanOrEqual(2);
      expect(concept.statements.length, concept.id).toBeLessThanOrEqual(5);
      expect(concept.boldTerms.length, concept.id).toBeGreaterThan(0);
    }
  });

  it('reads names, aliases, summaries and references of the fixture notes', async () => {
    const kb = await loadKnowledgeBase(fixturesDir);
    expect(kb.getConcept('network/vpn-and-dns/vpn')?.names).toEqual(['가상 사설망', 'VPN', 'Virtual Private Network']);
    expect(kb.getConcept('network/vpn-and-dns/proxy')?.names).toEqual(['프록시', 'Proxy', '리버스 프록시', 'Reverse Proxy']);
    expect(kb.getConcept('network/vpn-and-dns/load-balancer')?.aliases).toEqual(['부하 분산 장치']);
    expect(kb.getConcept('git-basics/merge')?.aliases).toEqual(['머지']);
    expect(kb.getConcept('git-basics/remote-repository')?.aliases).toEqual(['origin', '리모트']);
    expect(kb.getConcept('os/process-and-thread/thread')?.aliases).toEqual(['경량 프로세스', 'LWP', 'Lightweight Process']);
    expect(kb.getDocument('git-basics')).toMatchObject({ title: 'Git 기초 개념', summary: expect.stringContaining('리베이스로 다시 합친다') });
    expect(kb.getDocument('network/vpn-and-dns')?.references[0]).toEqual({
      text: 'MDN Web Docs: DNS',
      url: 'https://developer.mozilla.org/en-US/docs/Glossary/DNS',
    });
  });

  it('links related concepts across notes', async () => {
    const kb = await loadKnowledgeBase(fixturesDir);
    expect(kb.getConcept('os/process-and-thread/process')?.relatedIds).toEqual(['docker-kubernetes/kernel']);
    expect(kb.getConcept('git-basics/rebase')?.relatedIds).toEqual([
      'git-basics/branch',
      'git-basics/commit',
      'git-basics/merge',
      'git-basics/remote-repository',
    ]);
  });
});

describe('loadKnowledgeBase on broken notes', () => {
  const problemAt = (file: string, severity: 'error' | 'warning', line: number, message: RegExp) =>
    expect.objectContaining({ file, severity, line, message: expect.stringMatching(message) });

  it('reports every problem with its file and line and loads the rest', async () => {
    const kb = await loadKnowledgeBase(brokenDir);
    expect(kb.problems).toEqual(
      expect.arrayContaining([
        problemAt('non-utf8.md', 'error', 3, /not UTF-8/),
        problemAt('broken-front-matter.md', 'warning', 5, /not valid YAML/),
        problemAt('unclosed-front-matter.md', 'warning', 1, /no closing "---"/),
        problemAt('no-concepts.md', 'warning', 1, /no topic heading/),
        problemAt('empty-section.md', 'error', 7, /"해시 충돌\(Hash Collision\)" has no text/),
        problemAt('duplicate-slug.md', 'warning', 7, /duplicate-slug\/hash-map-2/),
        problemAt('good-note.md', 'warning', 3, /"캐시", "Cache" .*good-note\.md:3.*duplicate-name\.md:3/),
        problemAt('broken-quiz.md', 'error', 7, /quiz block: 2 options are checked, not exactly one/),
      ]),
    );
    expect(kb.problems).toHaveLength(8);
    expect(kb.concepts.map((concept) => concept.id)).toEqual([
      'broken-front-matter/queue',
      'broken-front-matter/stack',
      'broken-quiz/commit',
      'duplicate-name/cache',
      'duplicate-slug/hash-map',
      'duplicate-slug/hash-map-2',
      'empty-section/hash-function',
      'empty-section/hash-table',
      'good-note/cache',
      'good-note/cache-replacement-policy',
      'unclosed-front-matter/tree',
    ]);
  });

  it('prefers the concept of the same note when two notes share a name', async () => {
    const kb = await loadKnowledgeBase(brokenDir);
    expect(kb.getConcept('good-note/cache-replacement-policy')?.relatedIds).toEqual(['good-note/cache']);
  });

  it('reports a missing docs directory as a problem instead of throwing', async () => {
    const missing = path.join(makeTempDir(), 'nope');
    const kb = await loadKnowledgeBase(missing);
    expect(kb.concepts).toEqual([]);
    expect(kb.problems).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining(`docs directory not found: ${missing}`) }),
    ]);
  });

  it('reports an unreadable note with its file and line, and loads the others', async () => {
    const dir = makeTempDir();
    writeFileSync(path.join(dir, 'good.md'), '## 도커(Docker)\n\n- 설명.\n');
    symlinkSync(path.join(dir, 'missing-target.md'), path.join(dir, 'dangling.md'));
    const kb = await loadKnowledgeBase(dir);
    expect(kb.concepts.map((concept) => concept.id)).toEqual(['good/docker']);
    expect(kb.problems).toEqual([
      expect.objectContaining({ severity: 'error', file: 'dangling.md', line: 1, message: expect.stringContaining('cannot read') }),
    ]);
  });

  it('reads nested folders, skips hidden folders and files that are not markdown', async () => {
    const dir = makeTempDir();
    mkdirSync(path.join(dir, 'infra', 'Cloud Notes'), { recursive: true });
    mkdirSync(path.join(dir, '.obsidian'));
    writeFileSync(path.join(dir, 'infra', 'Cloud Notes', 'VPC Basics.md'), '## 가상 사설 클라우드(VPC)\n\n- 설명.\n');
    writeFileSync(path.join(dir, '.obsidian', 'hidden.md'), '## 숨김(Hidden)\n\n- 설명.\n');
    writeFileSync(path.join(dir, 'notes.txt'), '## 텍스트(Text)\n\n- 설명.\n');
    const kb = await loadKnowledgeBase(dir);
    expect(kb.concepts.map((concept) => concept.id)).toEqual(['infra/cloud-notes/vpc-basics/vpc']);
    expect(kb.documents[0]?.file).toBe('infra/Cloud Notes/VPC Basics.md');
  });

  it('warns when the folder holds no note at all', async () => {
    const kb = await loadKnowledgeBase(makeTempDir());
    expect(kb.problems).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('no *.md notes') })]);
  });
});

describe('buildKnowledgeBase', () => {
  const docker = { file: 'docker.md', markdown: '# 도커\n\n## 도커(Docker)\n\n- 도커는 컨테이너를 다룬다.\n' };
  const container = { file: 'container.md', markdown: '# 컨테이너\n\n## 컨테이너(Container)\n\n- 컨테이너는 도커로 만든다.\n' };

  it('gives the same result whatever order the files come in', () => {
    const forward = buildKnowledgeBase('docs', [docker, container]);
    const backward = buildKnowledgeBase('docs', [container, docker]);
    expect(backward.concepts.map((concept) => [concept.id, concept.relatedIds])).toEqual(
      forward.concepts.map((concept) => [concept.id, concept.relatedIds]),
    );
    expect(forward.concepts.map((concept) => concept.id)).toEqual(['container/container', 'docker/docker']);
    expect(forward.getConcept('docker/docker')?.relatedIds).toEqual(['container/container']);
  });

  it('keeps problems handed in from reading the files', () => {
    const kb = buildKnowledgeBase('docs', [docker], [{ severity: 'error', file: 'x.md', line: 1, message: 'cannot read the note' }]);
    expect(kb.problems).toEqual([{ severity: 'error', file: 'x.md', line: 1, message: 'cannot read the note' }]);
    expect(kb.docsDir).toBe('docs');
  });

  it('renames a second note that claims the same id, with a warning', () => {
    const twin = { file: 'zz.md', markdown: '---\nid: docker\n---\n## 컨테이너(Container)\n\n- 설명.\n' };
    const kb = buildKnowledgeBase('docs', [docker, twin]);
    expect(kb.documents.map((document) => document.id)).toEqual(['docker', 'docker-2']);
    expect(kb.getConcept('docker-2/container')?.documentId).toBe('docker-2');
    expect(kb.problems).toEqual([
      expect.objectContaining({ file: 'zz.md', line: 1, message: expect.stringContaining('"docker" is already used by docker.md') }),
    ]);
  });

  it('drops an alias that is another concept name, with a warning naming both places', () => {
    const vm = { file: 'vm.md', markdown: '## 가상 머신(Virtual Machine)\n\n- 가상 머신은 도커라고도 부른다.\n' };
    const kb = buildKnowledgeBase('docs', [docker, vm]);
    expect(kb.getConcept('vm/virtual-machine')?.aliases).toEqual([]);
    expect(kb.problems).toEqual([
      expect.objectContaining({ file: 'vm.md', line: 1, message: expect.stringMatching(/alias "도커".*vm\.md:1.*docker\.md:3/) }),
    ]);
  });

  it('leaves a note without concepts out of the documents', () => {
    const kb = buildKnowledgeBase('docs', [docker, { file: 'empty.md', markdown: '' }]);
    expect(kb.documents.map((document) => document.id)).toEqual(['docker']);
    expect(kb.problems).toEqual([expect.objectContaining({ file: 'empty.md', line: 1, message: expect.stringContaining('no topic heading') })]);
  });
});
