import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RecordAnswerResult } from '../../src/quiz/types.js';
import { openQuizStore } from '../../src/store/sqlite-quiz-store.js';
import {
  createDatabasePath,
  day,
  hour,
  openSqliteTestStore,
  openTestStore,
  postQuestion,
  storeBackends,
  startStoreBackends,
} from './store-test-kit.js';

startStoreBackends();

const postedAt = new Date('2026-03-02T00:00:00Z');
const during = new Date(postedAt.getTime() + 10 * 60_000);
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const answerProcess = path.join(projectRoot, 'test/store/fixtures/answer-process.ts');

function startAnswerProcess(args: string[]): { child: ChildProcess; lines: AsyncIterableIterator<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', answerProcess, ...args], { cwd: projectRoot, stdio: ['pipe', 'pipe', 'inherit'] });
  if (!child.stdout) throw new Error('no stdout');
  return { child, lines: readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]() };
}

async function nextLine(lines: AsyncIterableIterator<string>): Promise<string> {
  const { value, done } = await lines.next();
  if (done) throw new Error('the answer process ended early');
  return value;
}

describe.each(storeBackends)('recording answers ($name)', (backend) => {
  it('records a right and a wrong answer with the answer time and the name used', async () => {
    const store = await openTestStore(backend);
    const question = await postQuestion(store, { postedAt });

    const right = await store.recordAnswer(question.id, 'u1', 'Mina', question.answer, during);
    const wrong = await store.recordAnswer(question.id, 'u2', 'Joon', (question.answer + 1) % 4, during);

    expect(right).toMatchObject({
      kind: 'recorded',
      answer: { questionId: question.id, userId: 'u1', userName: 'Mina', choice: question.answer, correct: true, answeredAt: during },
    });
    expect(wrong).toMatchObject({ kind: 'recorded', answer: { userId: 'u2', correct: false } });
  });

  it('when a user clicks twice, the first answer stands', async () => {
    const store = await openTestStore(backend);
    const question = await postQuestion(store, { postedAt });

    await store.recordAnswer(question.id, 'u1', 'Mina', 1, during);
    const second = await store.recordAnswer(question.id, 'u1', 'Mina', 3, new Date(during.getTime() + 1000));

    expect(second).toMatchObject({ kind: 'already-answered', answer: { choice: 1, answeredAt: during } });
    expect((await store.getTally(question.id)).counts).toEqual([0, 1, 0, 0]);
  });

  it('when a member clicks twice in the same moment, the first click stands and the second reads it', async () => {
    const store = await openTestStore(backend);
    const question = await postQuestion(store, { postedAt });
    const members = Array.from({ length: 40 }, (_, index) => `u${index}`);

    // Both clicks of every member are sent before any of them is stored: a store that groups clicks into one
    // statement sees all 80 at once, and must still let each member's first click win.
    const results = await Promise.all(
      members.flatMap((userId, index) => [
        store.recordAnswer(question.id, userId, userId, index % 4, during),
        store.recordAnswer(question.id, userId, userId, (index + 1) % 4, new Date(during.getTime() + 1)),
      ]),
    );

    members.forEach((userId, index) => {
      expect(results[2 * index]).toMatchObject({ kind: 'recorded', answer: { userId, choice: index % 4, answeredAt: during } });
      expect(results[2 * index + 1]).toMatchObject({ kind: 'already-answered', answer: { userId, choice: index % 4, answeredAt: during } });
    });
    expect((await store.getTally(question.id)).counts).toEqual([10, 10, 10, 10]);
  });

  it('a click on a closed question is refused and not counted', async () => {
    const store = await openTestStore(backend);
    const question = await postQuestion(store, { postedAt });
    await store.closeQuestion(question.id, during);

    const result = await store.recordAnswer(question.id, 'u1', 'Mina', 1, new Date(during.getTime() + 1000));

    expect(result).toMatchObject({ kind: 'closed', question: { id: question.id, status: 'closed' } });
    expect((await store.getTally(question.id)).participants).toBe(0);
  });

  it('a click at or after the close time is refused even before the close has run', async () => {
    const store = await openTestStore(backend);
    const question = await postQuestion(store, { postedAt });

    const atClose = await store.recordAnswer(question.id, 'u1', 'Mina', 1, question.closesAt);

    expect(atClose.kind).toBe('closed');
    expect((await store.getTally(question.id)).participants).toBe(0);
  });

  it('a click on an unknown question says so', async () => {
    const store = await openTestStore(backend);

    expect(await store.recordAnswer('nope', 'u1', 'Mina', 1, during)).toEqual({ kind: 'unknown-question' });
  });

  it('a choice that is not an option is refused without storing anything, and the member can still answer', async () => {
    const store = await openTestStore(backend);
    const question = await postQuestion(store, { postedAt });

    const crafted: RecordAnswerResult[] = [];
    for (const choice of [4, -1, 1.5]) crafted.push(await store.recordAnswer(question.id, 'u1', 'Mina', choice, during));
    const real = await store.recordAnswer(question.id, 'u1', 'Mina', 2, during);

    expect(crafted.map((result) => result.kind)).toEqual(['invalid-choice', 'invalid-choice', 'invalid-choice']);
    expect(real.kind).toBe('recorded');
    expect((await store.getTally(question.id)).counts).toEqual([0, 0, 1, 0]);
  });

  it('the tally counts per option and lists who was right in answer order, with the name they had then', async () => {
    const store = await openTestStore(backend);
    const question = await postQuestion(store, { postedAt });
    await store.recordAnswer(question.id, 'u2', 'Joon', question.answer, new Date(during.getTime() + 2000));
    await store.recordAnswer(question.id, 'u1', 'Mina', question.answer, new Date(during.getTime() + 1000));
    await store.recordAnswer(question.id, 'u3', 'Hana', 0, during);

    const tally = await store.getTally(question.id);

    expect(tally).toEqual({
      questionId: question.id,
      counts: [1, 2, 0, 0],
      participants: 3,
      correct: [
        { userId: 'u1', userName: 'Mina' },
        { userId: 'u2', userName: 'Joon' },
      ],
    });
  });

  it('when 1,000 members each click twice in interleaved order, each first click stands and the tally counts 1,000', async () => {
    const store = await openTestStore(backend);
    const question = await postQuestion(store, { postedAt });
    const members = Array.from({ length: 1000 }, (_, index) => `u${index}`);
    // Every member clicks twice (a double click) from separate tasks whose timers interleave the calls. The SQLite
    // store does each call's work synchronously underneath, so there the calls never overlap: this proves ordering
    // and idempotence; the multi-process test below is its real concurrency test. A network backend overlaps them.
    const clicks = [...members, ...members].map((userId, index) => ({ userId, choice: index % 4, pause: (index * 7) % 5 }));

    const results: RecordAnswerResult[] = await Promise.all(
      clicks.map(async ({ userId, choice, pause }) => {
        await new Promise((resolve) => setTimeout(resolve, pause));
        return await store.recordAnswer(question.id, userId, userId, choice, during);
      }),
    );

    const tally = await store.getTally(question.id);
    expect(results.filter((result) => result.kind === 'recorded')).toHaveLength(1000);
    expect(results.filter((result) => result.kind === 'already-answered')).toHaveLength(1000);
    expect(tally.participants).toBe(1000);
    expect(tally.counts.reduce((sum, count) => sum + count, 0)).toBe(1000);
    // 2,000 round trips: PGlite runs them one at a time in WebAssembly, some 10 ms each on a busy 2-core machine.
  }, 120_000);
});

describe('recording answers from several processes on one SQLite file', () => {
  it('1,000 answers from four processes and this one writing the same file at once are tallied exactly', async () => {
    const file = createDatabasePath();
    const store = openSqliteTestStore(file);
    const question = (
      await store.createQuestion({
        guildId: '1',
        channelId: '2',
        slotKey: 'concurrent',
        question: { conceptId: 'pod', kind: 'cloze', prompt: '?', options: ['a', 'b', 'c', 'd'], answer: 0 },
        createdAt: new Date(),
        closesAt: new Date(Date.now() + day),
      })
    ).question;
    // Members u0–u199 click here, u200–u999 in four other processes; every process also clicks again for
    // u0–u49, racing the first clicks of those members.
    const processes = [200, 400, 600, 800].map((firstUser) => startAnswerProcess(['burst', file, question.id, String(firstUser), '200', '50']));
    for (const { lines } of processes) expect(await nextLine(lines)).toBe('ready');

    for (const { child } of processes) child.stdin?.write('go\n');
    const local = await Promise.all(
      Array.from({ length: 250 }, async (_, index) => {
        await new Promise((resolve) => setImmediate(resolve));
        const userId = `u${index % 200}`;
        return await store.recordAnswer(question.id, userId, userId, index % 4, new Date());
      }),
    );
    const summaries = await Promise.all(
      processes.map(async ({ lines }) => JSON.parse(await nextLine(lines)) as { kinds: Record<string, number>; recordedUsers: string[] }),
    );

    const recordedUsers = [
      ...local.flatMap((result) => (result.kind === 'recorded' ? [result.answer.userId] : [])),
      ...summaries.flatMap((summary) => summary.recordedUsers),
    ];
    expect(recordedUsers).toHaveLength(1000);
    expect(new Set(recordedUsers).size).toBe(1000);
    const tally = await store.getTally(question.id);
    expect(tally.participants).toBe(1000);
    expect(tally.counts.reduce((sum, count) => sum + count, 0)).toBe(1000);
    // 1,250 clicks in all: whoever came second for u0–u49 (here or in another process) was told "already answered".
    const alreadyAnswered =
      local.filter((result) => result.kind === 'already-answered').length +
      summaries.reduce((sum, summary) => sum + (summary.kinds['already-answered'] ?? 0), 0);
    expect(alreadyAnswered).toBe(250);
  });

  it('answers acknowledged before the process was killed are there after a restart, and the close still happens', async () => {
    const file = createDatabasePath();
    const setup = openQuizStore(file);
    const closesAt = new Date(Date.now() + day);
    const question = (
      await setup.createQuestion({
        guildId: '1',
        channelId: '2',
        slotKey: 'killed',
        question: { conceptId: 'pod', kind: 'cloze', prompt: '?', options: ['a', 'b', 'c', 'd'], answer: 0 },
        createdAt: new Date(),
        closesAt,
      })
    ).question;
    await setup.close();

    const { child, lines } = startAnswerProcess(['until-killed', file, question.id]);
    const acknowledged = new Map<string, number>();
    while (acknowledged.size < 300) {
      const [, userId, choice] = (await nextLine(lines)).split(' ');
      if (userId && choice) acknowledged.set(userId, Number(choice));
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const restarted = openSqliteTestStore(file);
    const afterRestart = new Date(closesAt.getTime() - hour);
    const secondClicks: RecordAnswerResult[] = [];
    for (const [userId] of acknowledged) secondClicks.push(await restarted.recordAnswer(question.id, userId, userId, 3, afterRestart));
    const overdue = await restarted.listOverdueQuestions(closesAt);
    const closed = await restarted.closeQuestion(question.id, closesAt);

    expect(secondClicks.every((result) => result.kind === 'already-answered')).toBe(true);
    expect(secondClicks.map((result) => (result.kind === 'already-answered' ? result.answer.choice : -1))).toEqual([...acknowledged.values()]);
    expect(overdue.map((stored) => stored.id)).toEqual([question.id]);
    expect(closed?.question.status).toBe('closed');
    expect(closed?.tally.participants).toBeGreaterThanOrEqual(acknowledged.size);
  });
});
