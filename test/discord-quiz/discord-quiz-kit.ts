// Shared arrangement for the quiz's Discord tests: the real note, a real store in a temp dir, and (from
// test/discord) the check of every limit Discord enforces on a message.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { buildKnowledgeBase } from '../../src/kb/load-knowledge-base.js';
import type { Concept, KnowledgeBase } from '../../src/kb/types.js';
import type { GeneratedQuestion, StoredQuestion } from '../../src/quiz/types.js';
import { openQuizStore, type SqliteQuizStore } from '../../src/store/sqlite-quiz-store.js';

export { buttonsOf, expectWithinDiscordLimits } from '../discord/message-view-checks.js';

const realNote = fs.readFileSync(new URL('../fixtures/team-note/docker-kubernetes.md', import.meta.url), 'utf8');
export const realKb: KnowledgeBase = buildKnowledgeBase('test/fixtures/team-note', [{ file: 'docker-kubernetes.md', markdown: realNote }]);

export function conceptOf(kb: KnowledgeBase, id: string): Concept {
  const concept = kb.getConcept(id);
  if (!concept) throw new Error(`the note lacks ${id}: ${kb.concepts.map((c) => c.id).join(', ')}`);
  return concept;
}

const openedStores: SqliteQuizStore[] = [];
const createdDirectories: string[] = [];

afterEach(async () => {
  for (const store of openedStores.splice(0)) await store.close();
  for (const directory of createdDirectories.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
});

export function createTempDirectory(prefix = 'concept-bot-discord-quiz-'): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  createdDirectories.push(directory);
  return directory;
}

export function openTestStore(): SqliteQuizStore {
  const store = openQuizStore(path.join(createTempDirectory(), 'quiz.sqlite'));
  openedStores.push(store);
  return store;
}

export const guildId = '110000000000000001';
export const channelId = '220000000000000001';

/** A "which concept" question about `concept` whose options are the names of real concepts of the note. */
export function askAbout(kb: KnowledgeBase, conceptId: string, answer = 1): GeneratedQuestion {
  const others = kb.concepts.filter((concept) => concept.id !== conceptId).slice(0, 3);
  const ids = others.map((concept) => concept.id);
  ids.splice(answer, 0, conceptId);
  return {
    conceptId,
    kind: 'which-concept',
    prompt: conceptOf(kb, conceptId).statements[1] ?? 'Which concept is this?',
    options: ids.map((id) => conceptOf(kb, id).names[0] ?? id),
    answer,
    optionConceptIds: ids,
  };
}

export async function storeQuestion(
  store: SqliteQuizStore,
  question: GeneratedQuestion,
  createdAt = new Date('2026-11-27T00:00:00.000Z'),
): Promise<StoredQuestion> {
  return (
    await store.createQuestion({
      guildId,
      channelId,
      slotKey: createdAt.toISOString(),
      question,
      createdAt,
      closesAt: new Date(createdAt.getTime() + 60 * 60_000),
    })
  ).question;
}
