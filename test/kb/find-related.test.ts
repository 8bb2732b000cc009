import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/kb/load-knowledge-base.js';

function relatedOf(notes: Record<string, string>, id: string): string[] {
  const kb = buildKnowledgeBase(
    'docs',
    Object.entries(notes).map(([file, markdown]) => ({ file, markdown })),
  );
  const concept = kb.getConcept(id);
  if (!concept) throw new Error(`no ${id} among ${kb.concepts.map((c) => c.id).join(', ')}`);
  return concept.relatedIds;
}

describe('related concepts', () => {
  it('match Latin names as whole words, a plural allowed', () => {
    const notes = {
      'a.md':
        '## 도커(Docker)\n\n- 설명.\n\n## 이미지(Image)\n\n- 설명.\n\n## 빌드(Build)\n\n- A Dockerfile describes images.\n\n## 노드(Node)\n\n- Nodes and clusters.\n',
    };
    expect(relatedOf(notes, 'a/build')).toEqual(['a/image']);
    expect(relatedOf(notes, 'a/node')).toEqual([]);
  });

  it('match Hangul names of two or more syllables inside words, but never a single syllable', () => {
    const notes = {
      'a.md': '## 락(Lock)\n\n- 설명.\n\n## 컨테이너(Container)\n\n- 설명.\n\n## 배포(Deploy)\n\n- 컨테이너화된 블록을 배포한다.\n',
    };
    expect(relatedOf(notes, 'a/deploy')).toEqual(['a/container']);
  });

  it('resolve overlapping mentions to the longest name, so "가상 머신" does not also count as "머신"', () => {
    const notes = {
      'a.md': '## 머신(Machine)\n\n- 기계.\n\n## 가상 머신(Virtual Machine)\n\n- 설명.\n\n## 하이퍼바이저(Hypervisor)\n\n- 가상 머신을 돌린다.\n',
    };
    expect(relatedOf(notes, 'a/hypervisor')).toEqual(['a/virtual-machine']);
  });

  it('prefer the longer of two names that start at the same place', () => {
    const notes = {
      'a.md':
        '## 가상 머신(Virtual Machine)\n\n- 설명.\n\n## 가상 머신 모니터(Virtual Machine Monitor)\n\n- 설명.\n\n## 하이퍼바이저(Hypervisor)\n\n- 하이퍼바이저는 가상 머신 모니터와 같은 것이다.\n',
    };
    expect(relatedOf(notes, 'a/hypervisor')).toEqual(['a/virtual-machine-monitor']);
  });

  it('link through aliases, in order of first mention, without the concept itself', () => {
    const notes = {
      'a.md':
        '---\naliases:\n  kubernetes: [k8s]\n---\n## 쿠버네티스(Kubernetes)\n\n- k8s는 쿠버네티스이다.\n\n## 파드(Pod)\n\n- 파드는 k8s가 컨테이너를 묶는 단위이다. 쿠버네티스가 만든다.\n\n## 컨테이너(Container)\n\n- 설명.\n',
    };
    expect(relatedOf(notes, 'a/pod')).toEqual(['a/kubernetes', 'a/container']);
    expect(relatedOf(notes, 'a/kubernetes')).toEqual([]);
  });

  it('do not come from the summary, which is no concept', () => {
    const notes = { 'a.md': '## 도커(Docker)\n\n- 설명.\n\n## 커널(Kernel)\n\n- 설명.\n\n## 정리\n\n- 도커는 커널을 쓴다.\n' };
    expect(relatedOf(notes, 'a/docker')).toEqual([]);
  });
});
