// Hand-made concepts for index tests: only what search reads, the rest filled in.
import type { Concept } from '../../src/kb/types.js';

export function makeConcept(fields: Partial<Concept> & { id: string; names: string[] }): Concept {
  const documentId = fields.documentId ?? fields.id.split('/')[0]!;
  const plainText = fields.plainText ?? '';
  return {
    documentId,
    title: fields.names.join(' '),
    aliases: [],
    body: plainText,
    plainText,
    statements: plainText ? plainText.split('\n') : [],
    passages: (plainText ? plainText.split('\n') : []).map((text) => ({ text, kind: 'paragraph' as const, line: 2 })),
    subsections: [],
    flashcards: [],
    authoredQuestions: [],
    boldTerms: [],
    relatedIds: [],
    location: { file: `${documentId}.md`, line: 1 },
    ...fields,
  };
}

/** The shared note's concepts as the loader should see them, without any front-matter alias. */
export const sharedNoteConcepts: Concept[] = [
  makeConcept({
    id: 'docker-kubernetes/kubernates',
    names: ['쿠버네티스', 'Kubernates'],
    title: '쿠버네티스(Kubernates)',
    plainText:
      '쿠버네티스는 컨테이너화된 애플리케이션의 자동 디플로이, 스케일링 등을 제공하는 관리시스템이다.\n도커(Docker)를 포함한 일련의 컨테이너 도구(tool)들과 함께 동작한다.',
    boldTerms: ['컨테이너', '클러스터', '도커(Docker)'],
  }),
  makeConcept({
    id: 'docker-kubernetes/docker',
    names: ['도커', 'Docker'],
    title: '도커(Docker)',
    plainText: '도커(Docker)는 리눅스의 응용 프로그램들을 소프트웨어 컨테이너 안에 배치시키는 일을 자동화하는 오픈 소스 프로젝트이다.',
  }),
  makeConcept({
    id: 'docker-kubernetes/container',
    names: ['컨테이너', 'Container', '운영 체제 수준 가상화'],
    title: '컨테이너(Container) 및 운영 체제 수준 가상화',
    aliases: ['operating-system-level virtualization', '소프트웨어 컨테이너', '가상화 엔진', 'VE', 'Virtualization Engine', 'Jail'],
    plainText: '컨테이너는 운영 체제의 커널이 여러 개의 격리된 사용자 공간 인스턴스를 갖출 수 있도록 하는 서버 가상화 방식이다.',
  }),
  makeConcept({
    id: 'docker-kubernetes/computer-cluster',
    names: ['컴퓨터 클러스터', 'Computer Cluster'],
    title: '컴퓨터 클러스터(Computer Cluster)',
    plainText: '컴퓨터 클러스터는 일반적으로 고속의 근거리 통신망(LAN)으로 연결된다. a 1 the',
  }),
  makeConcept({
    id: 'docker-kubernetes/kernel',
    names: ['커널', 'Kernel'],
    title: '커널(Kernel)',
    plainText: '컴퓨터 운영 체제(OS)의 핵심이 되는 컴퓨터 프로그램 중 하나이다.\n보안 / 자원 관리 / 하드웨어 추상화(abstraction)의 역할을 가진다.',
  }),
  makeConcept({
    id: 'docker-kubernetes/instance',
    names: ['인스턴스', 'Instance', '가상 머신', 'Virtual Machine'],
    title: '인스턴스(Instance) 및 가상 머신(Virtual Machine)',
    aliases: ['VM'],
    plainText: '가상 머신(또는 인스턴스)는 컴퓨팅 환경을 소프트웨어로 구현한 것, 즉 컴퓨터를 에뮬레이션(복제)하는 소프트웨어이다.',
    boldTerms: ['에뮬레이션(복제)', '소프트웨어'],
  }),
];
