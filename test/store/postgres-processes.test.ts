// The PostgreSQL store across real OS processes: several node processes (postgres-worker.ts), each with its own
// store and pool on one schema of the server at TEST_DATABASE_URL, let go at the same instant by a start gate in
// the server (postgres-start-gate.ts). What in-process races cannot show (postgres-exactly-once.test.ts covers
// those): separate connections from separate processes, and a process killed mid-work. PGlite is one session,
// so these run only against a real server.
import pg from 'pg';
import { afterEach, describe, expect, it, type TestContext } from 'vitest';
import type { NewQuestion } from '../../src/quiz/types.js';
import { postgresMigrations } from '../../src/store/postgres/migrations.js';
import type { PostgresQuizStore } from '../../src/store/postgres/postgres-quiz-store.js';
import { startScript, waitForOutput, type ScriptProcess } from '../e2e/script-process.js';
import { postgresBackends } from './postgres-test-db.js';
import { closeStartGate, type StartGate } from './postgres-start-gate.js';
import {
  workerSetupVariable,
  type AnswerReply,
  type LeaderboardRows,
  type WorkerLine,
  type WorkerSetup,
  type WorkerTask,
} from './postgres-worker-protocol.js';

const server = postgresBackends().find((backend) => backend.concurrentConnections);
const guildId = '100000000000000001';
const postedAt = new Date('2026-03-02T09:00:00.000Z');
const minute = 60 * 1000;
const hour = 60 * minute;
const day = 24 * hour;
/** Node and tsx starting in several processes at once take seconds on a busy machine; the work itself, seconds more. */
const processTestTimeoutMs = 240_000;

interface Worker {
  process: ScriptProcess;
  /** The JSON lines printed so far (stdout only: stderr carries diagnostics). */
  lines: () => WorkerLine[];
}

const running: Worker[] = [];
const gates: StartGate[] = [];

afterEach(async () => {
  // A failed test may leave workers behind: end the ones this file started.
  for (const worker of running.splice(0))
    if (worker.process.child.exitCode === null && worker.process.child.signalCode === null) worker.process.child.kill('SIGKILL');
  for (const gate of gates.splice(0)) await gate.close();
});

function startWorker(url: string, schema: string, gate: number, index: number, task: WorkerTask): Worker {
  const started = startScript('test/store/postgres-worker.ts', {
    [workerSetupVariable]: JSON.stringify({ url, schema, gate, worker: index, task } satisfies WorkerSetup),
  });
  // Parsed as whole lines arrive: a reader's output runs to thousands of lines, read again and again.
  const parsed: WorkerLine[] = [];
  let partial = '';
  started.child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('{')) parsed.push(JSON.parse(line) as WorkerLine);
  });
  const worker: Worker = { process: started, lines: () => parsed };
  running.push(worker);
  return worker;
}

/** Start one worker per task and let them all go at the same instant. */
async function startAtOnce(schema: string, tasks: WorkerTask[]): Promise<Worker[]> {
  if (!server) throw new Error('No PostgreSQL server');
  const url = await server.url();
  const gate = await closeStartGate(url);
  gates.push(gate);
  const workers = tasks.map((task, index) => startWorker(url, schema, gate.id, index, task));
  const diedEarly = workers.map(async (worker) => {
    const code = await worker.process.exited;
    throw new Error(`A worker ended (${code}) before the start:\n${worker.process.output()}`);
  });
  await Promise.race([gate.waitForWaiters(tasks.length, 120_000), ...diedEarly]);
  await gate.open();
  // Past the start, a worker's end is for finishAll to judge.
  for (const ending of diedEarly) void ending.catch(() => {});
  return workers;
}

/** Every worker ends with exit code 0, having printed "done". */
async function finishAll(workers: Worker[]): Promise<void> {
  for (const worker of workers) {
    const code = await worker.process.exited;
    expect(code, worker.process.output()).toBe(0);
    expect(worker.lines().at(-1)).toEqual({ type: 'done' });
  }
}

function linesOf<Type extends WorkerLine['type']>(worker: Worker, type: Type): Extract<WorkerLine, { type: Type }>[] {
  return worker.lines().filter((line): line is Extract<WorkerLine, { type: Type }> => line.type === type);
}

function newQuestion(channelId: string, slot: Date, answer = 1): NewQuestion {
  return {
    guildId,
    channelId,
    slotKey: slot.toISOString(),
    question: { conceptId: 'network/tcp', kind: 'which-concept', prompt: 'Which one?', options: ['A', 'B', 'C', 'D'], answer },
    createdAt: slot,
    closesAt: new Date(slot.getTime() + hour),
  };
}

async function postQuestions(store: PostgresQuizStore, channelId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++)
    ids.push((await store.createQuestion(newQuestion(channelId, new Date(postedAt.getTime() + index * minute)))).question.id);
  return ids;
}

function memberIds(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${String(index).padStart(3, '0')}`);
}

const pairKey = (questionId: string, userId: string) => `${questionId}/${userId}`;

async function storedAnswers(schema: string): Promise<Map<string, { choice: number; correct: boolean; scoredAt: Date | null }>> {
  const { rows } = await server!.query<{ question_id: string; user_id: string; choice: number; correct: boolean; scored_at: Date | null }>(
    `SELECT question_id, user_id, choice, correct, scored_at FROM ${pg.escapeIdentifier(schema)}.answers`,
  );
  return new Map(rows.map((row) => [pairKey(row.question_id, row.user_id), { choice: row.choice, correct: row.correct, scoredAt: row.scored_at }]));
}

describe.skipIf(!server)('the PostgreSQL store across OS processes', () => {
  const backend = server!;

  it(
    'six processes opening the same empty schema at once migrate it once, and all open',
    async ({ annotate }: TestContext) => {
      const schema = await backend.createSchema();

      const workers = await startAtOnce(
        schema,
        Array.from({ length: 6 }, (): WorkerTask => ({ kind: 'open' })),
      );
      await finishAll(workers);

      expect(workers.every((worker) => linesOf(worker, 'opened').length === 1)).toBe(true);
      const { rows } = await backend.query<{ version: number; name: string }>(
        `SELECT version, name FROM ${pg.escapeIdentifier(schema)}.schema_migrations ORDER BY version`,
      );
      expect(rows).toEqual(postgresMigrations.map(({ version, name }) => ({ version, name })));
      await annotate(`6 processes opened; schema_migrations: ${rows.map((row) => row.name).join(', ')} (each once)`);
    },
    processTestTimeoutMs,
  );

  it(
    'four processes clicking different choices for the same members at once: the first click of each member stands, and every process is told it',
    async ({ annotate }: TestContext) => {
      const schema = await backend.createSchema();
      const store = await backend.openSchema(schema);
      const questionIds = await postQuestions(store, '2001', 10);
      const userIds = memberIds('u', 30);
      const at = new Date(postedAt.getTime() + 30 * 1000).toISOString();

      // Worker n clicks choice n: the stored choice tells which process won each member's click.
      const workers = await startAtOnce(
        schema,
        [0, 1, 2, 3].map((choice): WorkerTask => ({ kind: 'answer', questionIds, userIds, choice, at })),
      );
      await finishAll(workers);

      const stored = await storedAnswers(schema);
      expect(stored.size).toBe(questionIds.length * userIds.length);
      const replies = workers.map(
        (worker) => new Map(linesOf(worker, 'answers')[0]!.answers.map((reply) => [pairKey(reply.questionId, reply.userId), reply])),
      );
      const wins = [0, 0, 0, 0];
      for (const [pair, answer] of stored) {
        const told = replies.map((byPair) => byPair.get(pair));
        const recordedBy = told.flatMap((reply, worker) => (reply?.kind === 'recorded' ? [worker] : []));
        expect(recordedBy, pair).toHaveLength(1);
        expect(
          told.filter((reply) => reply?.kind === 'already-answered'),
          pair,
        ).toHaveLength(3);
        expect(
          told.map((reply) => reply?.choice),
          pair,
        ).toEqual([answer.choice, answer.choice, answer.choice, answer.choice]);
        expect(answer.choice, pair).toBe(recordedBy[0]);
        wins[recordedBy[0]!]!++;
      }
      await annotate(`${stored.size} pairs stored once each (4 × ${stored.size} replies agree); first clicks won per process: ${wins.join(', ')}`);
    },
    processTestTimeoutMs,
  );

  it(
    'four processes posting the same slots of two channels at once make one question per slot, and all four get it',
    async ({ annotate }: TestContext) => {
      const schema = await backend.createSchema();
      await backend.openSchema(schema);
      const channelIds = ['3001', '3002'];
      const slotKeys = Array.from({ length: 50 }, (_, index) => new Date(postedAt.getTime() + index * hour).toISOString());

      const workers = await startAtOnce(
        schema,
        Array.from({ length: 4 }, (): WorkerTask => ({ kind: 'post', guildId, channelIds, slotKeys, at: postedAt.toISOString() })),
      );
      await finishAll(workers);

      const posts = workers.flatMap((worker, index) => linesOf(worker, 'posts')[0]!.posts.map((post) => ({ ...post, worker: index })));
      const { rows } = await backend.query<{ channel_id: string; slot_key: string; id: string; prompt: string }>(
        `SELECT channel_id, slot_key, id, prompt FROM ${pg.escapeIdentifier(schema)}.questions`,
      );
      expect(rows).toHaveLength(channelIds.length * slotKeys.length);
      for (const row of rows) {
        const forSlot = posts.filter((post) => post.channelId === row.channel_id && post.slotKey === row.slot_key);
        expect(forSlot).toHaveLength(4);
        const creators = forSlot.filter((post) => post.created);
        expect(creators).toHaveLength(1);
        expect(forSlot.every((post) => post.questionId === row.id)).toBe(true);
        // The stored question is the creator's own.
        expect(row.prompt).toBe(`Posted by worker ${creators[0]!.worker}`);
      }
      const createdPerProcess = [0, 1, 2, 3].map((worker) => posts.filter((post) => post.worker === worker && post.created).length);
      await annotate(
        `${rows.length} slots, ${posts.filter((post) => post.created).length} created: true of ${posts.length} replies; per process: ${createdPerProcess.join(', ')}`,
      );
    },
    processTestTimeoutMs,
  );

  it(
    'four processes closing the same questions at once close and score each once',
    async ({ annotate }: TestContext) => {
      const schema = await backend.createSchema();
      const store = await backend.openSchema(schema);
      const questionIds = await postQuestions(store, '4001', 16);
      const userIds = memberIds('m', 12);
      // A pattern with misses (a missed question ends a streak) and wrong answers, the same every run.
      const answers = questionIds.flatMap((questionId, q) =>
        userIds.flatMap((userId, m) => ((q + m) % 5 === 0 ? [] : [{ questionId, q, userId, correct: (q * (m + 1)) % 3 !== 0 }])),
      );
      for (const answer of answers) {
        await store.recordAnswer(
          answer.questionId,
          answer.userId,
          answer.userId,
          answer.correct ? 1 : 2,
          new Date(postedAt.getTime() + answer.q * minute + 1000),
        );
      }
      const closeTimes = [0, 1, 2, 3].map((worker) => new Date(postedAt.getTime() + day + worker * 1000).toISOString());

      const workers = await startAtOnce(
        schema,
        closeTimes.map((at): WorkerTask => ({ kind: 'close', questionIds, at })),
      );
      await finishAll(workers);

      // Each question closed once: every process was told the same close time, which is one process's own.
      const closes = workers.map((worker) => linesOf(worker, 'closes')[0]!.closes);
      const stored = await storedAnswers(schema);
      const closedBy = [0, 0, 0, 0];
      for (const [q, questionId] of questionIds.entries()) {
        const told = closes.map((list) => list[q]);
        expect(told.every((close) => close?.questionId === questionId && close.status === 'closed')).toBe(true);
        const closedAt = told[0]!.closedAt;
        expect(told.every((close) => close?.closedAt === closedAt)).toBe(true);
        expect(closeTimes).toContain(closedAt);
        closedBy[closeTimes.indexOf(closedAt!)]!++;
        for (const answer of answers.filter((each) => each.questionId === questionId)) {
          expect(stored.get(pairKey(questionId, answer.userId))?.scoredAt?.toISOString()).toBe(closedAt);
        }
      }
      // Scored once: points, answers and streaks as if each question had been closed once, in order (each process
      // moves to the next question only once the previous one is closed, whoever closed it).
      const expected = new Map<string, { points: number; answered: number; streak: number; bestStreak: number }>();
      for (const [q] of questionIds.entries()) {
        for (const userId of userIds) {
          const answer = answers.find((each) => each.q === q && each.userId === userId);
          const score = expected.get(userId);
          if (!answer) {
            if (score) score.streak = 0;
            continue;
          }
          const next = score ?? { points: 0, answered: 0, streak: 0, bestStreak: 0 };
          next.answered++;
          next.points += answer.correct ? 1 : 0;
          next.streak = answer.correct ? next.streak + 1 : 0;
          next.bestStreak = Math.max(next.bestStreak, next.streak);
          expected.set(userId, next);
        }
      }
      for (const userId of userIds) expect(await store.getMemberStats(guildId, userId), userId).toMatchObject(expected.get(userId) ?? {});
      const leaderboard = await store.getLeaderboard(guildId, 'all', null, null, 1000);
      const totalPoints = leaderboard.top.reduce((sum, row) => sum + row.points, 0);
      expect(totalPoints).toBe(answers.filter((answer) => answer.correct).length);
      expect(leaderboard.top.reduce((sum, row) => sum + row.answered, 0)).toBe(answers.length);
      await annotate(
        `${questionIds.length} questions × 4 closes: each closed once (by process ${closedBy.join(', ')}); leaderboard ${totalPoints} points = ${answers.filter((answer) => answer.correct).length} correct answers`,
      );
    },
    processTestTimeoutMs,
  );

  /*
   * Consistent, precisely: every leaderboard read equals the scoring of some set C of whole closed questions, and
   * nothing else. Each question q has a marker member who answered q alone (before the start), so a read shows
   * which questions it counts: C = the questions whose marker has a row. Then every member's points and answers in
   * that read must be exactly the sum of their stored answers to the questions of C, no member may be missing or
   * extra, and so the read's total is the sum of its rows' answers. A close half seen (the question's marker but
   * not all its answers, or some answers without the marker) breaks it. A member's stats, read in steps of their
   * own, must never go back between reads and never count more points than answers.
   */
  it(
    'while four processes answer and close, a fifth reading leaderboards and stats never sees a half-scored close, and the totals end as the sum of the recorded points',
    async ({ annotate }: TestContext) => {
      const schema = await backend.createSchema();
      const store = await backend.openSchema(schema);
      // A question scored a month ago: counted all time, outside the period the reader asks for.
      const { question: old } = await store.createQuestion(newQuestion('5001', new Date(postedAt.getTime() - 30 * day)));
      await store.recordAnswer(old.id, 'veteran', 'veteran', 1, new Date(old.createdAt.getTime() + 1000));
      await store.closeQuestion(old.id, old.closesAt);
      const questionIds = await postQuestions(store, '5002', 24);
      const markerOf = new Map(questionIds.map((questionId, q) => [questionId, `marker-${String(q).padStart(3, '0')}`]));
      for (const [questionId, marker] of markerOf) await store.recordAnswer(questionId, marker, marker, 1, new Date(postedAt.getTime() + 1000));
      const userIds = memberIds('m', 20);
      const at = new Date(postedAt.getTime() + 30 * minute).toISOString();

      const workers = await startAtOnce(schema, [
        ...Array.from({ length: 4 }, (): WorkerTask => ({ kind: 'play', questionIds, userIds, at, closeLag: 2 })),
        { kind: 'watch', guildId, since: new Date(postedAt.getTime() - day).toISOString(), statsUserIds: userIds, maxReads: 3000 },
      ]);
      await finishAll(workers);
      const writers = workers.slice(0, 4);
      const reader = workers[4]!;

      // The end: every question closed, and the totals are the recorded answers' points.
      expect(await store.listOpenQuestions()).toEqual([]);
      const stored = await storedAnswers(schema);
      const recorded: AnswerReply[] = writers.flatMap((worker) =>
        linesOf(worker, 'answers')[0]!.answers.filter((reply) => reply.kind === 'recorded'),
      );
      const prearranged = 1 + questionIds.length; // the veteran and the markers
      expect(stored.size).toBe(recorded.length + prearranged);
      for (const reply of recorded) expect(stored.get(pairKey(reply.questionId, reply.userId))?.choice).toBe(reply.choice);
      const final = await store.getLeaderboard(guildId, 'all', null, null, 10_000);
      const finalPoints = final.top.reduce((sum, row) => sum + row.points, 0);
      expect(finalPoints).toBe(recorded.filter((reply) => reply.correct).length + prearranged);
      expect(final.top.reduce((sum, row) => sum + row.answered, 0)).toBe(recorded.length + prearranged);

      // Every read during the play: the scoring of a set of whole questions.
      const answersOf = new Map<string, { userId: string; correct: boolean }[]>();
      for (const [pair, answer] of stored) {
        const [questionId = '', userId = ''] = pair.split('/');
        answersOf.set(questionId, [...(answersOf.get(questionId) ?? []), { userId, correct: answer.correct }]);
      }
      const expectedRows = (counted: string[], withVeteran: boolean): LeaderboardRows => {
        const totals = new Map<string, [number, number]>(withVeteran ? [['veteran', [1, 1]]] : []);
        for (const questionId of counted) {
          for (const { userId, correct } of answersOf.get(questionId) ?? []) {
            const [points, answered] = totals.get(userId) ?? [0, 0];
            totals.set(userId, [points + (correct ? 1 : 0), answered + 1]);
          }
        }
        return [...totals].map(([userId, [points, answered]]): [string, number, number] => [userId, points, answered]).sort(byUser);
      };
      const reads = linesOf(reader, 'leaderboard');
      const countedSizes = new Set<number>();
      for (const read of reads) {
        const shown = new Set(read.rows.map(([userId]) => userId));
        const counted = questionIds.filter((questionId) => shown.has(markerOf.get(questionId)!));
        countedSizes.add(counted.length);
        expect([...read.rows].sort(byUser), `a ${read.view} read counting ${counted.length} questions`).toEqual(
          expectedRows(counted, read.view === 'all'),
        );
      }
      const intermediate = [...countedSizes].filter((size) => size > 0 && size < questionIds.length);
      // The reader ran during the play, not only before or after it.
      expect(intermediate.length).toBeGreaterThan(0);

      const stats = linesOf(reader, 'stats');
      const lastSeen = new Map<string, { points: number; answered: number }>();
      for (const read of stats) {
        expect(read.points).toBeLessThanOrEqual(read.answered);
        expect(read.streak).toBeLessThanOrEqual(read.bestStreak);
        const before = lastSeen.get(read.userId) ?? { points: 0, answered: 0 };
        expect(read.points).toBeGreaterThanOrEqual(before.points);
        expect(read.answered).toBeGreaterThanOrEqual(before.answered);
        lastSeen.set(read.userId, read);
      }
      await annotate(
        `${recorded.length} answers recorded by 4 processes (+${prearranged} arranged), ${finalPoints} points in the end = the sum of the recorded points; ` +
          `${reads.length} leaderboard reads (${intermediate.length} distinct mid-play states) and ${stats.length} stats reads, all consistent`,
      );
    },
    processTestTimeoutMs,
  );

  it(
    'a process killed with SIGKILL mid-storm loses none of the answers it acknowledged',
    async ({ annotate }: TestContext) => {
      const schema = await backend.createSchema();
      const store = await backend.openSchema(schema);
      const questionIds = await postQuestions(store, '6001', 10);
      const userIds = memberIds('k', 800);
      const at = new Date(postedAt.getTime() + 30 * 1000).toISOString();
      // Each process its own members: every acknowledgement is a new answer of its own.
      const shares = [0, 1, 2, 3].map((worker) => userIds.filter((_, index) => index % 4 === worker));

      const workers = await startAtOnce(
        schema,
        shares.map((share): WorkerTask => ({ kind: 'acknowledge', questionIds, userIds: share, at })),
      );
      const [victim, ...survivors] = workers as [Worker, ...Worker[]];
      await waitForOutput(victim.process, '"acknowledged"', 60_000);
      while (linesOf(victim, 'acknowledged').length < 200 && victim.process.child.exitCode === null)
        await new Promise((resolve) => setTimeout(resolve, 10));
      victim.process.child.kill('SIGKILL');
      await victim.process.exited;
      await finishAll(survivors);

      expect(victim.process.child.signalCode).toBe('SIGKILL');
      const stored = await storedAnswers(schema);
      const acknowledged = workers.map((worker) => new Set(linesOf(worker, 'acknowledged').map((line) => pairKey(line.questionId, line.userId))));
      const lost = acknowledged.flatMap((pairs) => [...pairs].filter((pair) => !stored.has(pair)));
      expect(lost).toEqual([]);
      // The survivors finished: all their answers stored and acknowledged.
      for (const [worker, pairs] of acknowledged.entries()) if (worker > 0) expect(pairs.size).toBe(questionIds.length * shares[worker]!.length);
      // The victim was killed mid-way; at most the calls it had in flight were stored without their acknowledgement.
      const victimPairs = new Set(questionIds.flatMap((questionId) => shares[0]!.map((userId) => pairKey(questionId, userId))));
      const victimStored = [...stored.keys()].filter((pair) => victimPairs.has(pair)).length;
      const victimAcknowledged = acknowledged[0]!.size;
      expect(victimAcknowledged).toBeLessThan(victimPairs.size);
      expect(victimStored - victimAcknowledged).toBeGreaterThanOrEqual(0);
      expect(victimStored - victimAcknowledged).toBeLessThanOrEqual(8);
      expect(stored.size).toBe(victimStored + survivors.length * questionIds.length * shares[1]!.length);
      await annotate(
        `killed process: ${victimAcknowledged} acknowledged, ${victimStored} stored (of ${victimPairs.size}); all processes: ` +
          `${acknowledged.reduce((sum, pairs) => sum + pairs.size, 0)} acknowledged, ${stored.size} stored, ${lost.length} acknowledged answers lost`,
      );
    },
    processTestTimeoutMs,
  );
});

function byUser(a: [string, number, number], b: [string, number, number]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}
