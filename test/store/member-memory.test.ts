// Members' memory in the real store: FSRS states and the review log survive a reopen, a review is one
// transaction, and the report's queries read answers, grades and past states back.
import { describe, expect, it } from 'vitest';
import { createMemoryState, reviewConcept, type MemoryState } from '../../src/learning/memory-state.js';
import { reviewMemory } from '../../src/learning/member-memory.js';
import { listAppliedMigrations, openDatabase } from '../../src/store/database.js';
import {
  askAndClose,
  channelId,
  createDatabasePath,
  day,
  guildId,
  hour,
  openTestDatabase,
  openTestStore,
  postQuestion,
  storeBackends,
  startStoreBackends,
} from './store-test-kit.js';

startStoreBackends();

const start = new Date('2026-03-02T09:00:00.000Z');
const key = { guildId, userId: 'u1', conceptId: 'network/tcp' };

function review(rating: 'again' | 'good', at: Date, source: 'channel' | 'flashcard' = 'channel') {
  return { ...key, source, rating, questionId: null, reviewedAt: at };
}

describe('member memory in the SQLite file', () => {
  it('migration 006 creates the memory tables on a fresh file', () => {
    const db = openDatabase(createDatabasePath());
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((row) => row.name);
    expect(listAppliedMigrations(db).map((migration) => migration.name)).toContain('006_member_memory');
    expect(tables).toEqual(expect.arrayContaining(['memory_states', 'review_logs']));
    db.close();
  });
});

describe.each(storeBackends)('member memory in the store ($name)', (backend) => {
  it('a review stores the FSRS state and its log entry, and both read back unchanged after a reopen', async () => {
    const database = await openTestDatabase(backend);
    const { store } = database;

    const logged = await reviewMemory(store, review('good', start));
    await store.close();
    const reopened = await database.reopen();

    const expected: MemoryState = reviewConcept(createMemoryState(start.getTime()), 'good', start.getTime()).state;
    expect(await reopened.getMemory(key)).toEqual({ ...key, state: expected, updatedAt: start });
    expect(await reopened.listMemberReviews(guildId, 'u1')).toEqual([logged]);
    expect(logged).toMatchObject({ source: 'channel', rating: 'good', stateBefore: null, stateAfter: expected });
  });

  it('each review starts from the stored state, and the log keeps the state before and after', async () => {
    const store = await openTestStore(backend);

    const first = await reviewMemory(store, review('good', start));
    const second = await reviewMemory(store, review('again', new Date(start.getTime() + 3 * day), 'flashcard'));

    const expected = reviewConcept(first.stateAfter, 'again', start.getTime() + 3 * day).state;
    expect(second.stateBefore).toEqual(first.stateAfter);
    expect(second.stateAfter).toEqual(expected);
    expect((await store.getMemory(key))?.state).toEqual(expected);
    expect((await store.getMemory(key))?.state.lapses).toBe(1);
  });

  it('when the next state cannot be computed, neither the state nor the log changes', async () => {
    const store = await openTestStore(backend);
    await reviewMemory(store, review('good', start));
    const before = await store.getMemory(key);

    await expect(
      store.recordReview(review('good', new Date(start.getTime() + day)), () => {
        throw new Error('scheduler broke');
      }),
    ).rejects.toThrow('scheduler broke');

    expect(await store.getMemory(key)).toEqual(before);
    expect(await store.listMemberReviews(guildId, 'u1')).toHaveLength(1);
  });

  it('members and guilds keep their own memories', async () => {
    const store = await openTestStore(backend);
    await reviewMemory(store, review('good', start));
    await reviewMemory(store, { ...review('again', start), userId: 'u2' });
    await reviewMemory(store, { ...review('good', start), guildId: 'other-guild' });

    expect((await store.listMemberMemories(guildId, 'u1')).map((memory) => memory.state.lapses)).toEqual([0]);
    expect((await store.listGuildMemories(guildId)).map((memory) => memory.userId)).toEqual(['u1', 'u2']);
    expect(await store.listGuildMemories('other-guild')).toHaveLength(1);
  });

  it("memories as of a past time are the states after each member's latest review by then", async () => {
    const store = await openTestStore(backend);
    const first = await reviewMemory(store, review('good', start));
    await reviewMemory(store, review('again', new Date(start.getTime() + 5 * day)));

    const asOf = await store.listGuildMemoriesAsOf(guildId, new Date(start.getTime() + 2 * day));

    expect(asOf).toEqual([{ ...key, state: first.stateAfter, updatedAt: start }]);
    expect(await store.listGuildMemoriesAsOf(guildId, new Date(start.getTime() - 1))).toEqual([]);
  });

  it('recent answerers of a channel are those who answered its posts since the time given, not practice', async () => {
    const store = await openTestStore(backend);
    await askAndClose(store, { postedAt: start, answers: { u1: true, u2: false } });
    await askAndClose(store, { postedAt: new Date(start.getTime() + 40 * day), answers: { u2: true } });
    const practice = await postQuestion(store, { postedAt: new Date(start.getTime() + 40 * day + hour), practiceUserId: 'u3' });
    await store.recordAnswer(practice.id, 'u3', 'name-u3', 0, new Date(start.getTime() + 40 * day + hour + 1));

    const recent = await store.listRecentChannelAnswerers(guildId, channelId, new Date(start.getTime() + 10 * day));

    expect([...recent.keys()]).toEqual(['u2']);
    expect(recent.get('u2')).toEqual(new Date(start.getTime() + 40 * day + 60_000));
  });

  it('answer activity holds answers and flashcard grades within the period, with whether each was right', async () => {
    const store = await openTestStore(backend);
    await askAndClose(store, { postedAt: start, conceptId: 'network/tcp', answers: { u1: true, u2: false } });
    await store.recordFlashcardGrade({
      guildId,
      userId: 'u1',
      conceptId: 'os/deadlock',
      cardKey: '0123456789abcdef',
      grade: 'knew',
      gradedAt: new Date(start.getTime() + 2 * hour),
    });
    await askAndClose(store, { postedAt: new Date(start.getTime() + 8 * day), answers: { u1: true } });

    const activity = await store.listAnswerActivity(guildId, start, new Date(start.getTime() + 7 * day));

    expect(activity.map((entry) => [entry.userId, entry.conceptId, entry.correct])).toEqual([
      ['u1', 'network/tcp', true],
      ['u2', 'network/tcp', false],
      ['u1', 'os/deadlock', true],
    ]);
    expect((await store.listMemberNames(guildId)).get('u2')).toBe('name-u2');
  });
});
