// Exactly-once across processes, decided in the database: several stores (as several bot processes would) on one
// schema, racing each other. Needs a server that takes several connections at once, so it runs on the server at
// TEST_DATABASE_URL (PGlite is one session: see postgres-test-db.ts).
import { beforeAll, describe, expect, it as vitestIt } from 'vitest';
import { createMemoryState, reviewConcept } from '../../src/learning/memory-state.js';
import type { NewQuestion, RecordAnswerResult } from '../../src/quiz/types.js';
import type { PostgresQuizStore } from '../../src/store/postgres/postgres-quiz-store.js';
import { postgresBackends, postgresStartTimeoutMs, startPostgresBackends, type PostgresBackend } from './postgres-test-db.js';

beforeAll(startPostgresBackends, postgresStartTimeoutMs);

const guildId = '100000000000000001';
const postedAt = new Date('2026-03-02T09:00:00.000Z');
const hour = 60 * 60 * 1000;

function newQuestion(channelId: string, slot = postedAt): NewQuestion {
  return {
    guildId,
    channelId,
    slotKey: slot.toISOString(),
    question: { conceptId: 'network/tcp', kind: 'which-concept', prompt: 'Which one?', options: ['A', 'B', 'C', 'D'], answer: 1 },
    createdAt: slot,
    closesAt: new Date(slot.getTime() + hour),
  };
}

/** Four processes' stores on one new schema. */
async function openProcesses(backend: PostgresBackend, count = 4): Promise<PostgresQuizStore[]> {
  const schema = await backend.createSchema();
  return Promise.all(Array.from({ length: count }, () => backend.openSchema(schema)));
}

describe.each(postgresBackends())('exactly once across processes on $name', (backend) => {
  const it = backend.concurrentConnections ? vitestIt : vitestIt.skip;

  it('four processes posting the same slot at once make one question, and all four get it', async () => {
    const stores = await openProcesses(backend);

    const results = await Promise.all(stores.map((store) => store.createQuestion(newQuestion('2001'))));

    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.question.id)).size).toBe(1);
  });

  it('answers racing a close from another process are each either scored or refused as closed, never lost', async () => {
    const stores = await openProcesses(backend, 5);
    const [closer, ...answerers] = stores as [PostgresQuizStore, ...PostgresQuizStore[]];
    const { question } = await closer.createQuestion(newQuestion('2001'));
    const during = new Date(postedAt.getTime() + 60_000);
    const members = Array.from({ length: 200 }, (_, index) => `u${index}`);

    const answering = Promise.all(
      members.map((userId, index) => answerers[index % answerers.length]!.recordAnswer(question.id, userId, userId, index % 2, during)),
    );
    // Let some answers land first, then close while the rest are still arriving.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [results, closed] = await Promise.all([answering, closer.closeQuestion(question.id, during)]);

    const recorded = results.filter((result): result is Extract<RecordAnswerResult, { kind: 'recorded' }> => result.kind === 'recorded');
    expect(results.every((result) => result.kind === 'recorded' || result.kind === 'closed')).toBe(true);
    expect(closed?.tally.participants).toBe(recorded.length);
    const leaderboard = await closer.getLeaderboard(guildId, 'all', null, null, 1000);
    expect(leaderboard.top.reduce((sum, row) => sum + row.answered, 0)).toBe(recorded.length);
    expect(leaderboard.top.reduce((sum, row) => sum + row.points, 0)).toBe(recorded.filter((result) => result.answer.correct).length);
  });

  it('batches of clicks over several questions racing their closes from another process: each click is scored or refused, never lost', async () => {
    const stores = await openProcesses(backend, 4);
    const [closer, ...answerers] = stores as [PostgresQuizStore, ...PostgresQuizStore[]];
    const questions = await Promise.all(
      ['2001', '2002', '2003', '2004'].map(async (channel) => (await closer.createQuestion(newQuestion(channel))).question),
    );
    const during = new Date(postedAt.getTime() + 60_000);
    const members = Array.from({ length: 150 }, (_, index) => `m${index}`);

    // Every member clicks every question, through three processes, in waves, so each statement carries clicks of
    // several questions; meanwhile the questions close one after the other.
    const answering = Promise.all(
      members.map(async (userId, index) => {
        await new Promise((resolve) => setTimeout(resolve, index % 15));
        const answerer = answerers[index % answerers.length]!;
        return Promise.all(questions.map((question) => answerer.recordAnswer(question.id, userId, userId, index % 4, during)));
      }),
    );
    const closing = (async () => {
      const closed = [];
      for (const question of questions) {
        await new Promise((resolve) => setTimeout(resolve, 4));
        closed.push(await closer.closeQuestion(question.id, during));
      }
      return closed;
    })();
    const [results, closed] = await Promise.all([answering, closing]);

    let recordedInAll = 0;
    let rightInAll = 0;
    questions.forEach((question, index) => {
      const ofQuestion = results.map((perMember) => perMember[index]!);
      expect(ofQuestion.every((result) => result.kind === 'recorded' || result.kind === 'closed')).toBe(true);
      const recorded = ofQuestion.filter((result): result is Extract<RecordAnswerResult, { kind: 'recorded' }> => result.kind === 'recorded');
      // Every answer accepted is in the close's tally, and nothing else is.
      expect(closed[index]?.tally.participants).toBe(recorded.length);
      recordedInAll += recorded.length;
      rightInAll += recorded.filter((result) => result.answer.correct).length;
    });
    // ...and every one of them was scored by its question's close.
    const leaderboard = await closer.getLeaderboard(guildId, 'all', null, null, 1000);
    expect(leaderboard.top.reduce((sum, row) => sum + row.answered, 0)).toBe(recordedInAll);
    expect(leaderboard.top.reduce((sum, row) => sum + row.points, 0)).toBe(rightInAll);
  });

  it('two processes recording the same members on several questions in opposite orders neither deadlock nor count twice', async () => {
    const [first, second] = (await openProcesses(backend, 2)) as [PostgresQuizStore, PostgresQuizStore];
    const questions = await Promise.all(['2001', '2002', '2003'].map(async (channel) => (await first.createQuestion(newQuestion(channel))).question));
    const during = new Date(postedAt.getTime() + 60_000);
    const clicks = questions.flatMap((question) => Array.from({ length: 120 }, (_, index) => ({ questionId: question.id, userId: `m${index}` })));

    // The same clicks from both processes at once, one in order and one in reverse: their statements insert the
    // same answers and update the same members' names, so only a common lock order keeps them from deadlocking.
    const [inOrder, reversed] = await Promise.all([
      Promise.all(clicks.map(({ questionId, userId }) => first.recordAnswer(questionId, userId, `${userId} (first)`, 1, during))),
      Promise.all([...clicks].reverse().map(({ questionId, userId }) => second.recordAnswer(questionId, userId, `${userId} (second)`, 2, during))),
    ]);

    reversed.reverse();
    clicks.forEach((_, index) => {
      const pair = [inOrder[index]!, reversed[index]!];
      expect(pair.map((result) => result.kind).sort()).toEqual(['already-answered', 'recorded']);
      const [a, b] = pair as Extract<RecordAnswerResult, { answer: unknown }>[];
      expect(a!.answer).toEqual(b!.answer);
    });
    for (const question of questions) expect((await first.getTally(question.id)).participants).toBe(120);
  });

  it('two processes closing the same question at once score it once', async () => {
    const [first, second] = (await openProcesses(backend, 2)) as [PostgresQuizStore, PostgresQuizStore];
    const { question } = await first.createQuestion(newQuestion('2001'));
    await first.recordAnswer(question.id, 'mina', 'Mina', 1, new Date(postedAt.getTime() + 60_000));

    const [a, b] = await Promise.all([first.closeQuestion(question.id, question.closesAt), second.closeQuestion(question.id, question.closesAt)]);

    expect(a?.question.status).toBe('closed');
    expect(b?.question.closedAt).toEqual(a?.question.closedAt);
    expect(await first.getMemberStats(guildId, 'mina')).toMatchObject({ points: 1, answered: 1, streak: 1, bestStreak: 1 });
  });

  it('two channels of one guild closing at once, each ending the streaks the other extends, neither deadlock nor mix', async () => {
    const [first, second] = (await openProcesses(backend, 2)) as [PostgresQuizStore, PostgresQuizStore];
    const here = Array.from({ length: 60 }, (_, index) => `h${String(index).padStart(2, '0')}`);
    const there = Array.from({ length: 60 }, (_, index) => `t${String(index).padStart(2, '0')}`);
    const during = new Date(postedAt.getTime() + 60_000);
    // Everyone starts on a streak of 1.
    const { question: warmUp } = await first.createQuestion(newQuestion('2001', new Date(postedAt.getTime() - 24 * hour)));
    for (const userId of [...here, ...there]) await first.recordAnswer(warmUp.id, userId, userId, 1, new Date(warmUp.createdAt.getTime() + 60_000));
    await first.closeQuestion(warmUp.id, warmUp.closesAt);
    // Then each half answers only its own channel: closing one channel extends its half's streaks and ends the
    // other half's, so the two closes lock the same members' rows in opposite orders.
    const { question: inHere } = await first.createQuestion(newQuestion('2001'));
    const { question: inThere } = await first.createQuestion(newQuestion('2002'));
    for (const userId of here) await first.recordAnswer(inHere.id, userId, userId, 1, during);
    for (const userId of there) await first.recordAnswer(inThere.id, userId, userId, 1, during);

    await Promise.all([first.closeQuestion(inHere.id, inHere.closesAt), second.closeQuestion(inThere.id, inThere.closesAt)]);

    // As if one after the other: the half of the channel that closed last has a streak of 1 (ended, then extended), the other 0.
    const rows = new Map((await first.getLeaderboard(guildId, 'all', null, null, 200)).top.map((row) => [row.userId, row]));
    expect([...rows.values()].every((row) => row.points === 2 && row.answered === 2)).toBe(true);
    const halves = [here, there].map((members) => [...new Set(members.map((userId) => rows.get(userId)?.streak))]);
    expect([
      [[0], [1]],
      [[1], [0]],
    ]).toContainEqual(halves);
  });

  it("two processes reviewing a member's new concept at once both count, the second built on the first", async () => {
    const [first, second] = (await openProcesses(backend, 2)) as [PostgresQuizStore, PostgresQuizStore];
    const key = { guildId, userId: 'u1', conceptId: 'network/tcp' };
    const at = postedAt.getTime();
    const review = (store: PostgresQuizStore) =>
      store.recordReview(
        { ...key, source: 'review', rating: 'good', questionId: null, reviewedAt: postedAt },
        (before) => reviewConcept(before ?? createMemoryState(at), 'good', at).state,
      );

    const logs = await Promise.all([review(first), review(second), review(first), review(second)]);

    const [initial, ...rest] = [...logs].sort((a, b) => a.id - b.id);
    expect(initial?.stateBefore).toBeNull();
    expect(rest.every((log) => log.stateBefore !== null)).toBe(true);
    expect((await first.getMemory(key))?.state.reps).toBe(4);
  });

  it("four processes claiming a member's reminder day at once: exactly one may send", async () => {
    const stores = await openProcesses(backend);
    await stores[0]!.saveReminder({ guildId, userId: 'u1', minuteOfDay: 510, language: null, at: postedAt });

    const claims = await Promise.all(
      stores.flatMap((store) => [store.claimReminderDay(guildId, 'u1', '2026-03-02'), store.claimReminderDay(guildId, 'u1', '2026-03-02')]),
    );

    expect(claims.filter(Boolean)).toHaveLength(1);
  });
});
