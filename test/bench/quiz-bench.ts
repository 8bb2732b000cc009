// Quiz storage numbers through the real store on a temp file: answers recorded per second (each one its own
// durable transaction, as a click is) and `/leaderboard` latency with 100,000 stored answers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { GeneratedQuestion, StoredQuestion } from '../../src/quiz/types.js';
import { openDatabase } from '../../src/store/database.js';
import { SqliteQuizStore } from '../../src/store/sqlite-quiz-store.js';
import { createBenchRandom, median, round } from './bench-stats.js';
import { timeLeaderboardPeriods } from './leaderboard-timing.js';

const guildId = '100000000000000001';
const channelId = '200000000000000001';
const members = 500;
const questions = 2_000;
const answersPerQuestion = 50; // 2,000 × 50 = 100,000 stored answers
const questionEveryMs = 4 * 60 * 60 * 1000; // six a day: 2,000 questions span about eleven months
const answerRuns = 3;
const answersPerRun = 10_000;
const day = 24 * 60 * 60 * 1000;

/** The question every stored answer of the quiz and postgres members belongs to: the same workload on both stores. */
export const benchQuestion: GeneratedQuestion = {
  conceptId: 'container',
  kind: 'which-concept',
  prompt: 'Which concept is described here?',
  options: ['Container', 'Image', 'Pod', 'Volume'],
  answer: 0,
};

export async function runQuizBench(log: (line: string) => void): Promise<object> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'concept-bot-quiz-bench-'));
  try {
    log('quiz store (SQLite WAL, synchronous=NORMAL, a temp file)');
    const recording = await measureRecording(path.join(directory, 'answers.sqlite'));
    log(
      `  answers recorded: ${recording.answersPerSecond.toFixed(0)}/s (median of ${answerRuns} runs of ${answersPerRun.toLocaleString('en')}, each a transaction)`,
    );

    const leaderboard = await measureLeaderboards(path.join(directory, 'leaderboard.sqlite'), log);
    // The headline numbers are the slowest of the three periods `/leaderboard` offers.
    const offered = [leaderboard.periods.week, leaderboard.periods.month, leaderboard.periods.all];
    return {
      answersPerSecond: Math.round(recording.answersPerSecond),
      answers: answersPerRun,
      answerRuns: recording.runs,
      leaderboardP50Ms: Math.max(...offered.map((period) => period.p50Ms)),
      leaderboardP99Ms: Math.max(...offered.map((period) => period.p99Ms)),
      storedAnswers: leaderboard.storedAnswers,
      members,
      questions,
      seedMs: round(leaderboard.seedMs, 2),
      periods: leaderboard.periods,
    };
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

async function measureRecording(file: string): Promise<{ answersPerSecond: number; runs: number[] }> {
  const store = new SqliteQuizStore(openDatabase(file));
  try {
    const rates: number[] = [];
    for (let run = 0; run < answerRuns; run++) {
      const now = Date.now();
      // 1,000 members per question, like one busy click storm after another.
      const batch: StoredQuestion[] = [];
      for (let index = 0; index < answersPerRun / 1_000; index++) {
        const { question } = await store.createQuestion({
          guildId,
          channelId,
          slotKey: `bench-${run}-${index}`,
          question: benchQuestion,
          createdAt: new Date(now),
          closesAt: new Date(now + day),
        });
        batch.push(question);
      }
      const started = performance.now();
      for (const question of batch) {
        for (let member = 0; member < 1_000; member++) {
          await store.recordAnswer(question.id, `member-${member}`, `Member ${member}`, member % 4, new Date());
        }
      }
      rates.push(answersPerRun / ((performance.now() - started) / 1000));
    }
    return { answersPerSecond: median(rates), runs: rates.map(Math.round) };
  } finally {
    await store.close();
  }
}

async function measureLeaderboards(file: string, log: (line: string) => void) {
  const db = openDatabase(file);
  const store = new SqliteQuizStore(db);
  try {
    const seedStarted = performance.now();
    const end = await seedHistory(db, store);
    const seedMs = performance.now() - seedStarted;
    const storedAnswers = db.prepare('SELECT COUNT(*) FROM answers').pluck().get() as number;
    log(
      `  seeded ${storedAnswers.toLocaleString('en')} answers by ${members} members to ${questions.toLocaleString('en')} questions through the store in ${(seedMs / 1000).toFixed(1)} s`,
    );

    const countInPeriod = db.prepare<[string, number]>('SELECT COUNT(*) FROM answers WHERE guild_id = ? AND scored_at >= ?').pluck();
    const countSince = (since: Date) => countInPeriod.get(guildId, since.getTime()) as number;
    const periods = await timeLeaderboardPeriods({ store, guildId, members, end, storedAnswers, countSince, wholeHistoryQueries: 50, log });
    return { storedAnswers, seedMs, periods };
  } finally {
    await store.close();
  }
}

/** Post, answer and close the history through the store; returns the time just after the last close. */
async function seedHistory(db: ReturnType<typeof openDatabase>, store: SqliteQuizStore): Promise<number> {
  const random = createBenchRandom(42);
  const first = Date.now() - questions * questionEveryMs;
  const memberIds = Array.from({ length: members }, (_, index) => `member-${index}`);
  // Some members play far more than others, as in a real team.
  const weights = memberIds.map((_, index) => 1 / (1 + index / 50));
  // One outer transaction only to make seeding quick; each store call inside still runs its own (nested) one.
  // BEGIN and COMMIT by hand: a better-sqlite3 transaction function cannot await, and nothing else uses this
  // connection meanwhile (each store call does its work synchronously underneath).
  db.exec('BEGIN');
  try {
    for (let index = 0; index < questions; index++) {
      const postedAt = first + index * questionEveryMs;
      const { question } = await store.createQuestion({
        guildId,
        channelId,
        slotKey: new Date(postedAt).toISOString(),
        question: { ...benchQuestion, conceptId: `concept-${index % 40}`, answer: index % 4 },
        createdAt: new Date(postedAt),
        closesAt: new Date(postedAt + questionEveryMs),
      });
      const answerers = pickWeighted(memberIds, weights, answersPerQuestion, random);
      for (const [order, userId] of answerers.entries()) {
        const right = random() < 0.6;
        const choice = right ? question.answer : (question.answer + 1 + Math.floor(random() * 3)) % 4;
        await store.recordAnswer(question.id, userId, userId.replace('member-', 'Member '), choice, new Date(postedAt + (order + 1) * 1000));
      }
      await store.closeQuestion(question.id, question.closesAt);
    }
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
  return first + questions * questionEveryMs;
}

function pickWeighted(ids: string[], weights: number[], count: number, random: () => number): string[] {
  const chosen = new Set<string>();
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  while (chosen.size < count) {
    let target = random() * total;
    for (let index = 0; index < ids.length; index++) {
      target -= weights[index] ?? 0;
      if (target <= 0) {
        chosen.add(ids[index] ?? '');
        break;
      }
    }
  }
  return [...chosen];
}
