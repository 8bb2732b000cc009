// Reveals owed to closed posts: kept in the database so a restart goes on retrying a failed edit.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/store/database.js';
import { migrations } from '../../src/store/migrations.js';
import {
  channelId,
  createDatabasePath,
  guildId,
  hour,
  openSqliteTestStore,
  openTestStore,
  postQuestion,
  storeBackends,
  startStoreBackends,
} from './store-test-kit.js';

startStoreBackends();

const postedAt = new Date('2026-03-02T00:00:00.000Z');

describe.each(storeBackends)('reveals owed ($name)', (backend) => {
  it('closing a posted question makes its reveal due at the close; practice and unposted questions owe none', async () => {
    const store = await openTestStore(backend);
    const posted = await postQuestion(store, { postedAt });
    await store.setQuestionMessage(posted.id, '900000000000000001');
    const practice = await postQuestion(store, { postedAt, practiceUserId: '300000000000000001' });
    const unposted = await postQuestion(store, { postedAt, channel: '200000000000000009' });

    for (const question of [posted, practice, unposted]) await store.closeQuestion(question.id, question.closesAt);

    expect((await store.listDueReveals(posted.closesAt)).map((pending) => [pending.question.id, pending.failedAttempts])).toEqual([[posted.id, 0]]);
    expect(await store.getNextRevealDue()).toEqual(posted.closesAt);
    expect(await store.listDueReveals(new Date(posted.closesAt.getTime() - 1))).toEqual([]);
  });

  it("a postponed reveal counts the failure, is due later, and is the channel's pending one until settled", async () => {
    const store = await openTestStore(backend);
    const posted = await postQuestion(store, { postedAt });
    await store.setQuestionMessage(posted.id, '900000000000000001');
    await store.closeQuestion(posted.id, posted.closesAt);
    const later = new Date(posted.closesAt.getTime() + hour);

    await store.postponeReveal(posted.id, later);
    const pending = await store.getPendingReveal(guildId, channelId);
    await store.settleReveal(posted.id);

    expect(pending).toMatchObject({ question: { id: posted.id, status: 'closed' }, dueAt: later, failedAttempts: 1 });
    expect(await store.getPendingReveal(guildId, channelId)).toBeNull();
    expect(await store.getNextRevealDue()).toBeNull();
  });
});

describe('reveals owed in an older SQLite file', () => {
  it('a database from before the reveal column owes nothing for questions closed back then', async () => {
    const file = createDatabasePath();
    const old = openSqliteTestStore(file);
    const posted = await postQuestion(old, { postedAt });
    await old.setQuestionMessage(posted.id, '900000000000000001');
    await old.close();
    // Roll the file back to schema 3 with the question closed, as an older version left it.
    const db = new Database(file);
    db.exec(`UPDATE questions SET status = 'closed', closed_at = ${posted.closesAt.getTime()};
      DROP INDEX questions_reveal_due; ALTER TABLE questions DROP COLUMN reveal_attempts; ALTER TABLE questions DROP COLUMN reveal_due_at;
      DELETE FROM schema_migrations WHERE version = 4;`);
    applyMigrations(db, migrations);
    db.close();

    const store = openSqliteTestStore(file);

    expect((await store.getQuestion(posted.id))?.status).toBe('closed');
    expect(await store.getNextRevealDue()).toBeNull();
  });
});
