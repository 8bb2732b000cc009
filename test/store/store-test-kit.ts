// Shared arrangement for the store tests: real SQLite files in fresh temp directories.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { ClosedQuestion, GeneratedQuestion, StoredQuestion } from '../../src/quiz/types.js';
import { openQuizStore, type SqliteQuizStore } from '../../src/store/sqlite-quiz-store.js';

const openedStores: SqliteQuizStore[] = [];
const createdDirectories: string[] = [];

afterEach(() => {
  for (const store of openedStores.splice(0)) {
    try {
      store.close();
    } catch {
      // Already closed by the test itself.
    }
  }
  for (const directory of createdDirectories.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
});

/** A path for a database file that does not exist yet (in a directory that does not exist yet either). */
export function createDatabasePath(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'concept-bot-store-'));
  createdDirectories.push(directory);
  return path.join(directory, 'var', 'quiz.sqlite');
}

/** Open a store that the test kit closes after the test. */
export function openTestStore(file: string = createDatabasePath()): SqliteQuizStore {
  const store = openQuizStore(file);
  openedStores.push(store);
  return store;
}

export const guildId = '100000000000000001';
export const channelId = '200000000000000001';

/** Options A–D; the right one is `answer` (B unless told). */
export function makeGenerated(conceptId: string, answer = 1): GeneratedQuestion {
  return {
    conceptId,
    kind: 'which-concept',
    prompt: `Which concept is described here? (${conceptId})`,
    options: ['Alpha', 'Bravo', 'Charlie', 'Delta'],
    answer,
    optionConceptIds: ['alpha', 'bravo', 'charlie', 'delta'],
  };
}

export const hour = 60 * 60 * 1000;
export const day = 24 * hour;

export interface AskOptions {
  guild?: string;
  channel?: string;
  conceptId?: string;
  /** When the question is posted; it closes one hour later. */
  postedAt: Date;
  practiceUserId?: string;
}

export function postQuestion(store: SqliteQuizStore, options: AskOptions): StoredQuestion {
  const { question } = store.createQuestion({
    guildId: options.guild ?? guildId,
    channelId: options.channel ?? channelId,
    slotKey: options.practiceUserId ? `practice:${options.postedAt.toISOString()}` : options.postedAt.toISOString(),
    question: makeGenerated(options.conceptId ?? 'container'),
    practiceUserId: options.practiceUserId ?? null,
    createdAt: options.postedAt,
    closesAt: new Date(options.postedAt.getTime() + hour),
  });
  return question;
}

/**
 * Post a question, let members answer (true = right, false = wrong; members left out miss it) and close it at
 * its close time.
 */
export function askAndClose(store: SqliteQuizStore, options: AskOptions & { answers: Record<string, boolean> }): ClosedQuestion {
  const question = postQuestion(store, options);
  let minute = 1;
  for (const [userId, right] of Object.entries(options.answers)) {
    const choice = right ? question.answer : (question.answer + 1) % question.options.length;
    store.recordAnswer(question.id, userId, `name-${userId}`, choice, new Date(options.postedAt.getTime() + minute++ * 60_000));
  }
  const closed = store.closeQuestion(question.id, question.closesAt);
  if (!closed) throw new Error('question vanished');
  return closed;
}
