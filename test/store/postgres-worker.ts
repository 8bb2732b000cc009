// One bot-like OS process for postgres-processes.test.ts: opens its own PostgreSQL store on the test's schema,
// waits at the start gate with its siblings, does its task with several calls in flight (as a bot handles
// clicks), and prints what the store told it, one JSON line at a time (postgres-worker-protocol.ts).
import type { RecordAnswerResult } from '../../src/quiz/types.js';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.js';
import type { PostgresQuizStore } from '../../src/store/postgres/postgres-quiz-store.js';
import { waitAtGate } from './postgres-start-gate.js';
import { workerSetupVariable, type AnswerReply, type WorkerLine, type WorkerSetup, type WorkerTask } from './postgres-worker-protocol.js';

const poolSize = 4;
/** Calls in flight at once: more than the pool, so some wait for a connection as a busy bot's do. */
const inFlight = 8;
const hour = 60 * 60 * 1000;

/** stdout to a pipe is written synchronously on Linux: a line printed is out of the process even if it is killed next. */
function print(line: WorkerLine): void {
  process.stdout.write(JSON.stringify(line) + '\n');
}

async function forEachInFlight<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

function toReply(questionId: string, userId: string, result: RecordAnswerResult): AnswerReply {
  const answer = result.kind === 'recorded' || result.kind === 'already-answered' ? result.answer : null;
  return { questionId, userId, kind: result.kind, choice: answer?.choice ?? null, correct: answer?.correct ?? null };
}

function pairsOf(questionIds: readonly string[], userIds: readonly string[]): [string, string][] {
  return questionIds.flatMap((questionId) => userIds.map((userId): [string, string] => [questionId, userId]));
}

async function runTask(store: PostgresQuizStore, task: Exclude<WorkerTask, { kind: 'open' }>, worker: number): Promise<void> {
  switch (task.kind) {
    case 'answer': {
      const replies: AnswerReply[] = [];
      await forEachInFlight(pairsOf(task.questionIds, task.userIds), inFlight, async ([questionId, userId]) => {
        replies.push(toReply(questionId, userId, await store.recordAnswer(questionId, userId, userId, task.choice, new Date(task.at))));
      });
      print({ type: 'answers', answers: replies });
      return;
    }
    case 'post': {
      const slots = task.channelIds.flatMap((channelId) => task.slotKeys.map((slotKey) => ({ channelId, slotKey })));
      const posts: Extract<WorkerLine, { type: 'posts' }>['posts'] = [];
      await forEachInFlight(slots, inFlight, async ({ channelId, slotKey }) => {
        const at = new Date(task.at);
        const { created, question } = await store.createQuestion({
          guildId: task.guildId,
          channelId,
          slotKey,
          question: {
            conceptId: 'network/tcp',
            kind: 'which-concept',
            prompt: `Posted by worker ${worker}`,
            options: ['A', 'B', 'C', 'D'],
            answer: 1,
          },
          createdAt: at,
          closesAt: new Date(at.getTime() + hour),
        });
        posts.push({ channelId, slotKey, created, questionId: question.id });
      });
      print({ type: 'posts', posts });
      return;
    }
    case 'close': {
      const closes: Extract<WorkerLine, { type: 'closes' }>['closes'] = [];
      // One after the other: the next close starts only once this one is decided, whichever process decided it.
      for (const questionId of task.questionIds) {
        const closed = await store.closeQuestion(questionId, new Date(task.at));
        closes.push({ questionId, status: closed?.question.status ?? null, closedAt: closed?.question.closedAt?.toISOString() ?? null });
      }
      print({ type: 'closes', closes });
      return;
    }
    case 'play': {
      const replies: AnswerReply[] = [];
      const closes: Extract<WorkerLine, { type: 'closes' }>['closes'] = [];
      const close = async (questionId: string | undefined): Promise<void> => {
        if (questionId === undefined) return;
        const closed = await store.closeQuestion(questionId, new Date(task.at));
        closes.push({ questionId, status: closed?.question.status ?? null, closedAt: closed?.question.closedAt?.toISOString() ?? null });
      };
      for (const [questionIndex, questionId] of task.questionIds.entries()) {
        await forEachInFlight(task.userIds, inFlight, async (userId, userIndex) => {
          const choice = (questionIndex + userIndex + worker) % 4;
          replies.push(toReply(questionId, userId, await store.recordAnswer(questionId, userId, userId, choice, new Date(task.at))));
        });
        await close(task.questionIds[questionIndex - task.closeLag]);
      }
      for (const questionId of task.questionIds.slice(-task.closeLag)) await close(questionId);
      print({ type: 'answers', answers: replies });
      print({ type: 'closes', closes });
      return;
    }
    case 'watch': {
      const since = new Date(task.since);
      for (let read = 0; read < task.maxReads; read++) {
        const [all, period] = await Promise.all([
          store.getLeaderboard(task.guildId, 'all', null, null, 10_000),
          store.getLeaderboard(task.guildId, 'week', since, null, 10_000),
        ]);
        for (const [view, leaderboard] of [
          ['all', all],
          ['period', period],
        ] as const) {
          print({ type: 'leaderboard', view, rows: leaderboard.top.map((row) => [row.userId, row.points, row.answered]) });
        }
        const userId = task.statsUserIds[read % task.statsUserIds.length] ?? '';
        const stats = await store.getMemberStats(task.guildId, userId);
        print({ type: 'stats', userId, points: stats.points, answered: stats.answered, streak: stats.streak, bestStreak: stats.bestStreak });
        if ((await store.listOpenQuestions()).length === 0) return;
      }
      return;
    }
    case 'acknowledge': {
      await forEachInFlight(pairsOf(task.questionIds, task.userIds), inFlight, async ([questionId, userId]) => {
        const result = await store.recordAnswer(questionId, userId, userId, 0, new Date(task.at));
        // Acknowledged = the store returned it as kept; printed at once, as the bot would reply to the click.
        if (result.kind === 'recorded' || result.kind === 'already-answered') print({ type: 'acknowledged', questionId, userId });
      });
      return;
    }
  }
}

async function main(): Promise<void> {
  const setup = JSON.parse(process.env[workerSetupVariable] ?? '') as WorkerSetup;
  const { task } = setup;
  // Opening migrates: the migration race is the open itself, so that task opens after the gate, the others before.
  const open = () => openPostgresStore(setup.url, { schema: setup.schema, poolSize });
  let store: PostgresQuizStore;
  if (task.kind === 'open') {
    await waitAtGate(setup.url, setup.gate);
    store = await open();
    print({ type: 'opened' });
  } else {
    store = await open();
    await waitAtGate(setup.url, setup.gate);
    await runTask(store, task, setup.worker);
  }
  await store.close();
  print({ type: 'done' });
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
