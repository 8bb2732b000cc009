// Knowledge bases for the quiz tests: the real notes through the real loader, or small hand-made ones
// when a test needs one exact situation.
import fs from 'node:fs';
import path from 'node:path';
import { buildKnowledgeBase, loadKnowledgeBase } from '../../src/kb/load-knowledge-base.js';
import type { Concept, KnowledgeBase } from '../../src/kb/types.js';
import { teamNoteDir } from '../fixture-dirs.js';

export const fixtureNotesDir = path.resolve('test/fixtures/notes');
/** Notes in the styles real teams keep (several authors, Korean and English); see its EXPECTED.md. */
export const realNotesDir = path.resolve('test/fixtures/real-notes');

/** The team's first note, as copied into the fixtures (tests never read data/docs), through the real parser. */
export function buildSharedNoteKnowledgeBase(): KnowledgeBase {
  const file = 'docker-kubernetes.md';
  return buildKnowledgeBase(teamNoteDir, [{ file, markdown: fs.readFileSync(path.join(teamNoteDir, file), 'utf8') }]);
}

/** Every fixture note (several folders, several topics). */
export function loadFixtureKnowledgeBase(): Promise<KnowledgeBase> {
  return loadKnowledgeBase(fixtureNotesDir);
}

export interface ConceptSpec {
  /** The slug after the note id; defaults to the first Latin name. */
  slug?: string;
  names: string[];
  aliases?: string[];
  statements: string[];
  boldTerms?: string[];
  /** Author-written question/answer pairs, placed after the statements. */
  flashcards?: { question: string; answer: string }[];
}

/** A knowledge base written out by hand: `{ note-id: [concepts] }`. */
export function makeKnowledgeBase(notes: Record<string, ConceptSpec[]>): KnowledgeBase {
  const concepts: Concept[] = [];
  for (const [documentId, specs] of Object.entries(notes)) {
    specs.forEach((spec, index) => {
      const slug = spec.slug ?? (spec.names.find((name) => /^[A-Za-z ]+$/.test(name)) ?? `concept-${index}`).toLowerCase().replace(/\s+/g, '-');
      const title = spec.names.length > 1 ? `${spec.names[0]}(${spec.names.slice(1).join(', ')})` : (spec.names[0] ?? slug);
      concepts.push({
        id: `${documentId}/${slug}`,
        documentId,
        title,
        names: spec.names,
        aliases: spec.aliases ?? [],
        body: spec.statements.map((statement) => `- ${statement}`).join('\n'),
        plainText: spec.statements.join('\n'),
        statements: spec.statements,
        passages: spec.statements.map((text, n) => ({ text, kind: 'list-item' as const, line: 4 + index * 4 + n })),
        subsections: [],
        flashcards: (spec.flashcards ?? []).map((card, n) => ({
          ...card,
          location: { file: `${documentId}.md`, line: 4 + index * 4 + spec.statements.length + n },
        })),
        authoredQuestions: [],
        boldTerms: spec.boldTerms ?? [],
        relatedIds: [],
        location: { file: `${documentId}.md`, line: 3 + index * 4 },
      });
    });
  }
  const documents = Object.keys(notes).map((id) => ({
    id,
    title: id,
    file: `${id}.md`,
    references: [],
    conceptIds: concepts.filter((concept) => concept.documentId === id).map((concept) => concept.id),
  }));
  return {
    docsDir: '/notes',
    documents,
    concepts,
    problems: [],
    getConcept: (id) => concepts.find((concept) => concept.id === id),
    getDocument: (id) => documents.find((document) => document.id === id),
  };
}

/** Four plain concepts of one note: enough wrong answers for any of them. */
export function fillerConcepts(): ConceptSpec[] {
  return [
    { names: ['라우터', 'Router'], statements: ['서로 다른 네트워크 사이에서 패킷이 갈 길을 정해 전달하는 장비이다.'], boldTerms: ['패킷'] },
    { names: ['스위치', 'Switch'], statements: ['같은 네트워크 안에서 MAC 주소를 보고 프레임을 전달하는 장비이다.'], boldTerms: ['프레임'] },
    {
      names: ['게이트웨이', 'Gateway'],
      statements: ['내부 네트워크에서 외부 네트워크로 나가는 출입구 역할을 하는 장비이다.'],
      boldTerms: ['출입구'],
    },
    { names: ['허브', 'Hub'], statements: ['받은 신호를 연결된 모든 포트로 그대로 내보내는 단순한 장비이다.'], boldTerms: ['신호'] },
  ];
}

/** A concept with two flashcards, as the flashcard tests ask about it. */
export function tcpWithCards(): ConceptSpec {
  return {
    names: ['TCP'],
    statements: ['연결을 맺고 순서와 도착을 보장하는 전송 계층 프로토콜이다.'],
    flashcards: [
      { question: 'TCP 3-way handshake의 세 단계는?', answer: 'SYN, SYN-ACK, ACK' },
      { question: 'TCP가 흐름 제어에 쓰는 것은?', answer: '수신 윈도우(rwnd)' },
    ],
  };
}

/** A concept of another note with one flashcard. */
export function deadlockWithCard(): ConceptSpec {
  return {
    names: ['Deadlock'],
    statements: ['두 프로세스가 서로의 자원을 기다리며 멈춘 상태이다.'],
    flashcards: [{ question: '교착상태의 네 조건은?', answer: '상호 배제, 점유 대기, 비선점, 순환 대기' }],
  };
}
