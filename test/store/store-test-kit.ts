// Shared arrangement for the store tests. The store tests are one contract suite: each file runs its tests once per
// backend in `storeBackends` (describe.each), so a second implementation of `QuizStore` is checked by adding one
// entry there. Tests of one backend's own machinery (SQLite's file, migrations, pragmas, other processes on the
// file) stay in their own describe, on that backend only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll } from 'vitest';
import type { QuizStore } from '../../src/quiz/quiz-store.js';
import type { ClosedQuestion, GeneratedQuestion, StoredQuestion } from '../../src/quiz/types.js';
import { openQuizStore, type SqliteQuizStore } from '../../src/store/sqlite-quiz-store.js';
import { postgresBackends, postgresStartTimeoutMs, startPostgresBackends } from './postgres-test-db.js';

/** A fresh, empty database of one backend with a store open on it. */
export interface OpenedTestStore {
  store: QuizStore;
  /** Another store on the same database: a restart, or a second instance beside the first. */
  reopen(): Promise<QuizStore>;
  /** Close every store opened here (the test may have closed some itself) and remove the database. */
  cleanup(): Promise<void>;
}

export interface StoreBackend {
  /** Shown in the test names, e.g. "questions (sqlite)". */
  name: string;
  open(): Promise<OpenedTestStore>;
}

/** Close a store the test may have closed itself already. */
async function closeQuietly(store: QuizStore): Promise<void> {
  try {
    await store.close();
  } catch {
    // Already closed by the test itself.
  }
}

/** A real SQLite file in a fresh temp directory. */
export const sqliteBackend: StoreBackend = {
  name: 'sqlite',
  async open() {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'concept-bot-store-'));
    const file = path.join(directory, 'var', 'quiz.sqlite');
    const stores: QuizStore[] = [openQuizStore(file)];
    return {
      store: stores[0]!,
      async reopen() {
        const store = openQuizStore(file);
        stores.push(store);
        return store;
      },
      async cleanup() {
        for (const store of stores) await closeQuietly(store);
        fs.rmSync(directory, { recursive: true, force: true });
      },
    };
  },
};

/**
 * PostgreSQL: PGlite always, and the server at TEST_DATABASE_URL when it is set (postgres-test-db.ts). Each database
 * is a new schema with a random name on that server, dropped afterwards.
 */
const postgresStoreBackends: StoreBackend[] = postgresBackends().map((backend) => ({
  name: backend.name,
  async open() {
    const schema = await backend.createSchema();
    const stores: QuizStore[] = [await backend.openSchema(schema)];
    return {
      store: stores[0]!,
      async reopen() {
        const store = await backend.openSchema(schema);
        stores.push(store);
        return store;
      },
      async cleanup() {
        for (const store of stores) await closeQuietly(store);
        await backend.dropSchema(schema);
      },
    };
  },
}));

/** Every backend the store contract suite runs against: a new `QuizStore` implementation is one more entry. */
export const storeBackends: readonly StoreBackend[] = [sqliteBackend, ...postgresStoreBackends];

/**
 * Start every backend's server before the file's tests: PGlite compiles its WebAssembly first, seconds that no
 * single test should pay. Called at the top of each contract file.
 */
export function startStoreBackends(): void {
  beforeAll(startPostgresBackends, postgresStartTimeoutMs);
}

const cleanups: (() => Promise<void>)[] = [];
const openedStores: SqliteQuizStore[] = [];
const createdDirectories: string[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  for (const store of openedStores.splice(0)) await closeQuietly(store);
  for (const directory of createdDirectories.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
});

/** A fresh database of `backend` (SQLite unless told) with a store on it; the kit cleans it up after the test. */
export async function openTestDatabase(backend: StoreBackend = sqliteBackend): Promise<Omit<OpenedTestStore, 'cleanup'>> {
  const opened = await backend.open();
  cleanups.push(() => opened.cleanup());
  return { store: opened.store, reopen: () => opened.reopen() };
}

/** A store on a fresh database of `backend` (SQLite unless told); the kit cleans it up after the test. */
export async function openTestStore(backend: StoreBackend = sqliteBackend): Promise<QuizStore> {
  return (await openTestDatabase(backend)).store;
}

// SQLite only: tests of the file itself.

/** A path for a database file that does not exist yet (in a directory that does not exist yet either). */
export function createDatabasePath(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'concept-bot-store-'));
  createdDirectories.push(directory);
  return path.join(directory, 'var', 'quiz.sqlite');
}

/** Open a SQLite store on `file` that the test kit closes after the test. */
export function openSqliteTestStore(file: string = createDatabasePath()): SqliteQuizStore {
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

export async function postQuestion(store: QuizStore, options: AskOptions): Promise<StoredQuestion> {
  const { question } = await store.createQuestion({
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
export async function askAndClose(store: QuizStore, options: AskOptions & { answers: Record<string, boolean> }): Promise<ClosedQuestion> {
  const question = await postQuestion(store, options);
  let minute = 1;
  for (const [userId, right] of Object.entries(options.answers)) {
    const choice = right ? question.answer : (question.answer + 1) % question.options.length;
    await store.recordAnswer(question.id, userId, `name-${userId}`, choice, new Date(options.postedAt.getTime() + minute++ * 60_000));
  }
  const closed = await store.closeQuestion(question.id, question.closesAt);
  if (!closed) throw new Error('question vanished');
  return closed;
}
