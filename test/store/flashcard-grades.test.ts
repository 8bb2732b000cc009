import { describe, expect, it } from 'vitest';
import { createCardKey } from '../../src/quiz/flashcard-practice.js';
import { listAppliedMigrations } from '../../src/store/database.js';
import Database from 'better-sqlite3';
import {
  createDatabasePath,
  guildId,
  openSqliteTestStore,
  openTestDatabase,
  openTestStore,
  storeBackends,
  startStoreBackends,
} from './store-test-kit.js';

startStoreBackends();

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));
const handshake = { conceptId: 'network/tcp', cardKey: createCardKey('network/tcp', 'TCP 3-way handshake의 세 단계는?') };
const window = { conceptId: 'network/tcp', cardKey: createCardKey('network/tcp', 'TCP가 흐름 제어에 쓰는 것은?') };

describe.each(storeBackends)('flashcard grades ($name)', (backend) => {
  it('records a self-grade and returns it as stored', async () => {
    const store = await openTestStore(backend);

    const stored = await store.recordFlashcardGrade({ guildId, userId: 'u1', ...handshake, grade: 'didnt', gradedAt: at(1) });

    expect(stored).toEqual({ guildId, userId: 'u1', ...handshake, grade: 'didnt', gradedAt: at(1) });
  });

  it('keeps every grade, and lists the latest one per card of the member', async () => {
    const store = await openTestStore(backend);
    await store.recordFlashcardGrade({ guildId, userId: 'u1', ...handshake, grade: 'didnt', gradedAt: at(1) });
    await store.recordFlashcardGrade({ guildId, userId: 'u1', ...window, grade: 'knew', gradedAt: at(2) });
    await store.recordFlashcardGrade({ guildId, userId: 'u1', ...handshake, grade: 'knew', gradedAt: at(20) });

    const latest = await store.listLatestFlashcardGrades(guildId, 'u1');

    expect(latest.map((grade) => [grade.cardKey, grade.grade, grade.gradedAt])).toEqual(
      [
        [handshake.cardKey, 'knew', at(20)],
        [window.cardKey, 'knew', at(2)],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it('two grades in the same millisecond: the later one recorded is the latest', async () => {
    const store = await openTestStore(backend);
    await store.recordFlashcardGrade({ guildId, userId: 'u1', ...handshake, grade: 'knew', gradedAt: at(5) });
    await store.recordFlashcardGrade({ guildId, userId: 'u1', ...handshake, grade: 'didnt', gradedAt: at(5) });

    expect((await store.listLatestFlashcardGrades(guildId, 'u1')).map((grade) => grade.grade)).toEqual(['didnt']);
  });

  it('grades are per member and per server', async () => {
    const store = await openTestStore(backend);
    await store.recordFlashcardGrade({ guildId, userId: 'u1', ...handshake, grade: 'knew', gradedAt: at(1) });
    await store.recordFlashcardGrade({ guildId: 'other-guild', userId: 'u2', ...handshake, grade: 'didnt', gradedAt: at(2) });

    expect(await store.listLatestFlashcardGrades(guildId, 'u2')).toEqual([]);
    expect(await store.listLatestFlashcardGrades('other-guild', 'u1')).toEqual([]);
    expect((await store.listLatestFlashcardGrades('other-guild', 'u2')).map((grade) => grade.grade)).toEqual(['didnt']);
  });

  it('a grade survives closing and reopening the store', async () => {
    const database = await openTestDatabase(backend);
    const first = database.store;
    await first.recordFlashcardGrade({ guildId, userId: 'u1', ...handshake, grade: 'didnt', gradedAt: at(1) });
    await first.close();

    const reopened = await database.reopen();

    expect(await reopened.listLatestFlashcardGrades(guildId, 'u1')).toEqual([
      { guildId, userId: 'u1', ...handshake, grade: 'didnt', gradedAt: at(1) },
    ]);
  });
});

describe('flashcard grades in the SQLite file', () => {
  it('the schema refuses a grade that is neither "knew" nor "didnt"', () => {
    const file = createDatabasePath();
    openSqliteTestStore(file);
    const raw = new Database(file);
    try {
      expect(() =>
        raw
          .prepare("INSERT INTO flashcard_grades (guild_id, user_id, concept_id, card_key, grade, graded_at) VALUES ('g', 'u', 'c', 'k', 'maybe', 0)")
          .run(),
      ).toThrow(/CHECK constraint/);
      expect(listAppliedMigrations(raw).map((migration) => migration.name)).toContain('003_flashcard_grades');
    } finally {
      raw.close();
    }
  });
});
