// What the PostgreSQL store must get right beyond the shared contract: values read back exactly through
// PostgreSQL's own types (text[], jsonb, timestamptz, double precision, bigint counts), SQLite's byte order of
// ids whatever the server's locale, and the main paths end to end on each server.
import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryState, reviewConcept, type MemoryState } from '../../src/learning/memory-state.js';
import type { GeneratedQuestion, StoredQuestion } from '../../src/quiz/types.js';
import type { PostgresQuizStore } from '../../src/store/postgres/postgres-quiz-store.js';
import { postgresBackends, postgresStartTimeoutMs, startPostgresBackends } from './postgres-test-db.js';

beforeAll(startPostgresBackends, postgresStartTimeoutMs);

const guildId = '100000000000000001';
const channelId = '200000000000000001';
const postedAt = new Date('2026-03-02T09:00:00.123Z');
const hour = 60 * 60 * 1000;

const awkwardQuestion: GeneratedQuestion = {
  conceptId: 'network/tcp',
  kind: 'authored',
  prompt: 'Which one is "reliable", {ordered} and \\ stream-based? 컨테이너 ㅋㅌㅇㄴ',
  options: ['NULL', 'a, b', '"quoted"', '{braces} \\ back\\slash', ''],
  answer: 2,
  optionConceptIds: ['network/tcp', null, 'NULL', 'a,b'],
};

/** A question of options A–D (B right) in the test channel, open from `createdAt` to `closesAt`. */
async function openFourOptionQuestion(
  store: PostgresQuizStore,
  createdAt = postedAt,
  closesAt = new Date(postedAt.getTime() + hour),
): Promise<StoredQuestion> {
  const { question } = await store.createQuestion({
    guildId,
    channelId,
    slotKey: createdAt.toISOString(),
    question: { ...awkwardQuestion, options: ['A', 'B', 'C', 'D'], answer: 1 },
    createdAt,
    closesAt,
  });
  return question;
}

describe.each(postgresBackends())('PostgreSQL store on $name', (backend) => {
  it('reads a question back exactly: option lists with commas, quotes, braces, the word NULL and nulls; times to the millisecond', async () => {
    const store = await backend.open();

    const { created, question } = await store.createQuestion({
      guildId,
      channelId,
      slotKey: postedAt.toISOString(),
      question: awkwardQuestion,
      language: 'ko',
      createdAt: postedAt,
      closesAt: new Date(postedAt.getTime() + hour),
    });

    expect(created).toBe(true);
    expect(await store.getQuestion(question.id)).toEqual({
      id: question.id,
      guildId,
      channelId,
      slotKey: postedAt.toISOString(),
      conceptId: 'network/tcp',
      kind: 'authored',
      prompt: awkwardQuestion.prompt,
      options: awkwardQuestion.options,
      answer: 2,
      optionConceptIds: awkwardQuestion.optionConceptIds,
      practiceUserId: null,
      messageId: null,
      language: 'ko',
      status: 'open',
      createdAt: postedAt,
      closesAt: new Date(postedAt.getTime() + hour),
      closedAt: null,
    });
    expect((await store.getTally(question.id)).counts).toEqual([0, 0, 0, 0, 0]);
  });

  it('keeps a memory state and its review log exactly, floats and epoch milliseconds included', async () => {
    const store = await backend.open();
    const key = { guildId, userId: 'u1', conceptId: 'network/tcp' };
    const at = postedAt.getTime();
    const states: MemoryState[] = [];

    const first = await store.recordReview({ ...key, source: 'channel', rating: 'good', questionId: null, reviewedAt: postedAt }, (before) => {
      const state = reviewConcept(before ?? createMemoryState(at), 'good', at).state;
      states.push(state);
      return state;
    });
    const later = at + 3 * 24 * hour + 7;
    const second = await store.recordReview(
      { ...key, source: 'flashcard', rating: 'again', questionId: null, reviewedAt: new Date(later) },
      (before) => {
        const state = reviewConcept(before ?? createMemoryState(later), 'again', later).state;
        states.push(state);
        return state;
      },
    );

    expect(second.stateBefore).toEqual(first.stateAfter);
    expect(await store.getMemory(key)).toEqual({ ...key, state: states[1], updatedAt: new Date(later) });
    expect(await store.listMemberReviews(guildId, 'u1')).toEqual([first, second]);
    expect(typeof first.id).toBe('number');
    expect((await store.listGuildMemoriesAsOf(guildId, new Date(later - 1))).map((memory) => memory.state)).toEqual([states[0]]);
  });

  it("orders ids byte by byte as SQLite does, whatever the server's collation", async () => {
    const store = await backend.open();
    const channels = ['b', 'B', 'a', '10', '9', '_x', 'é'];

    for (const channel of channels) {
      await store.saveSchedule({
        guildId,
        channelId: channel,
        cron: '0 9 * * *',
        timezone: 'Asia/Seoul',
        noteId: null,
        closeAfterMinutes: null,
        createdBy: 'admin',
        createdAt: postedAt,
      });
    }

    expect((await store.listSchedules(guildId)).map((schedule) => schedule.channelId)).toEqual(['10', '9', 'B', '_x', 'a', 'b', 'é']);
  });

  it('a schedule problem goes through jsonb and back as the same data, and pausing sticks until saved again', async () => {
    const store = await backend.open();
    const schedule = {
      guildId,
      channelId,
      cron: '0 9 * * *',
      timezone: 'Asia/Seoul',
      noteId: 'net',
      closeAfterMinutes: 90,
      createdBy: 'admin',
      createdAt: postedAt,
    };
    await store.saveSchedule(schedule);

    await store.recordScheduleProblem(
      guildId,
      channelId,
      { kind: 'missing-permissions', permissions: ['Send Messages', 'Embed "Links"'] },
      postedAt,
      true,
    );
    await store.recordScheduleProblem(guildId, channelId, { kind: 'rate-limited', retryAfterMs: 1500 }, postedAt, false);

    expect(await store.getSchedule(guildId, channelId)).toMatchObject({
      paused: true,
      lastProblem: { kind: 'rate-limited', retryAfterMs: 1500 },
      lastProblemAt: postedAt,
      closeAfterMinutes: 90,
    });
    expect(await store.saveSchedule(schedule)).toMatchObject({ paused: false, lastProblem: null, lastProblemAt: null });
  });

  it('a click the database refuses fails alone: the clicks sent in the same statement are still recorded', async () => {
    const store = await backend.open();
    const question = await openFourOptionQuestion(store);
    const during = new Date(postedAt.getTime() + 60_000);

    // PostgreSQL text cannot hold a NUL character: that one click's statement fails.
    const results = await Promise.allSettled(
      ['Mina', 'Jo\u0000on', 'Ari', 'Bo'].map((name, index) => store.recordAnswer(question.id, `u${index}`, name, 1, during)),
    );

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value.kind : null))).toEqual(['recorded', null, 'recorded', 'recorded']);
    expect((await store.getTally(question.id)).participants).toBe(3);
  });

  it('a period leaderboard counts exactly the answers whose questions closed at or after its start, for any start', async () => {
    const store = await backend.open();
    const members = ['ari', 'bo', 'cy', 'dee', 'eun', 'fay'];
    // Twelve questions closing every 40 hours over three weeks, each answered by some members, right or wrong by a
    // fixed pattern; the scores each close adds are kept here as well.
    const scored: { userId: string; correct: boolean; closedAt: number }[] = [];
    const firstClose = Date.parse('2026-03-02T06:00:00.000Z');
    for (let index = 0; index < 12; index++) {
      const closesAt = new Date(firstClose + index * 40 * hour);
      const createdAt = new Date(closesAt.getTime() - hour);
      const question = await openFourOptionQuestion(store, createdAt, closesAt);
      for (const [memberIndex, userId] of members.entries()) {
        if ((index + memberIndex) % 3 === 0) continue;
        const correct = (index * memberIndex) % 4 !== 1;
        await store.recordAnswer(question.id, userId, userId, correct ? 1 : 2, new Date(createdAt.getTime() + 60_000 * (memberIndex + 1)));
        scored.push({ userId, correct, closedAt: closesAt.getTime() });
      }
      await store.closeQuestion(question.id, closesAt);
    }

    // Starts every 7 hours from before the first close (the whole history, read from the running totals) to after
    // the last (nothing), on and between closes.
    for (let since = firstClose - 9 * hour; since <= firstClose + 460 * hour; since += 7 * hour) {
      const expected = new Map<string, { points: number; answered: number }>();
      for (const answer of scored.filter(({ closedAt }) => closedAt >= since)) {
        const totals = expected.get(answer.userId) ?? { points: 0, answered: 0 };
        expected.set(answer.userId, { points: totals.points + (answer.correct ? 1 : 0), answered: totals.answered + 1 });
      }
      const leaderboard = await store.getLeaderboard(guildId, 'week', new Date(since), null, 100);
      const counted = new Map(leaderboard.top.map((row) => [row.userId, { points: row.points, answered: row.answered }]));
      expect({ since: new Date(since), counted }).toEqual({ since: new Date(since), counted: expected });
    }
  });

  it('the main path: post, answer, close, score, leaderboard and stats, with counts as numbers', async () => {
    const store = await backend.open();
    const question = await openFourOptionQuestion(store);
    await store.setQuestionMessage(question.id, '300000000000000001');
    const during = new Date(postedAt.getTime() + 60_000);

    expect((await store.recordAnswer(question.id, 'mina', 'Mina', 1, during)).kind).toBe('recorded');
    expect((await store.recordAnswer(question.id, 'joon', 'Joon', 3, during)).kind).toBe('recorded');
    expect((await store.recordAnswer(question.id, 'mina', 'Mina', 2, during)).kind).toBe('already-answered');
    const closed = await store.closeQuestion(question.id, question.closesAt);

    expect(closed?.tally).toEqual({
      questionId: question.id,
      counts: [0, 1, 0, 1],
      participants: 2,
      correct: [{ userId: 'mina', userName: 'Mina' }],
    });
    expect(await store.listDueReveals(question.closesAt)).toEqual([{ question: closed?.question, dueAt: question.closesAt, failedAttempts: 0 }]);
    const week = await store.getLeaderboard(guildId, 'week', postedAt, 'joon');
    const all = await store.getLeaderboard(guildId, 'all', null, 'joon');
    expect(week.top).toEqual(all.top);
    expect(all.top).toEqual([
      { rank: 1, userId: 'mina', userName: 'Mina', points: 1, answered: 1, accuracy: 1, streak: 1 },
      { rank: 2, userId: 'joon', userName: 'Joon', points: 0, answered: 1, accuracy: 0, streak: 0 },
    ]);
    expect(await store.getMemberStats(guildId, 'joon')).toEqual({
      userId: 'joon',
      userName: 'Joon',
      points: 0,
      answered: 1,
      accuracy: 0,
      streak: 0,
      bestStreak: 0,
      weakest: [{ conceptId: 'network/tcp', answered: 1, correct: 0 }],
    });
    expect(await store.getConceptPerformance(guildId, channelId)).toEqual([
      { conceptId: 'network/tcp', asked: 1, answers: 2, correctAnswers: 1, lastAskedAt: postedAt },
    ]);
  });
});
