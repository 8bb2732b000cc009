// `/leaderboard` latency as the SQLite and PostgreSQL members both measure it: the same queries, the same callers,
// the same statistics, so their numbers sit side by side.
import { performance } from 'node:perf_hooks';
import type { LeaderboardPeriod } from '../../src/quiz/types.js';
import type { QuizStore } from '../../src/quiz/quiz-store.js';
import { createBenchRandom, median, percentile, round } from './bench-stats.js';

const leaderboardQueries = 300;
const leaderboardRepeats = 3;
/**
 * Queries per period before timing starts. The first executions of a statement pay once for what a bot that has
 * shown a leaderboard a few times no longer pays: PostgreSQL prepares the statement on each pooled connection and
 * plans its first five executions one by one, and V8 compiles the code paths. Measured on the PostgreSQL member at
 * 1,000,000 answers (load 2–3): week p99 11.3 ms with those first queries in the sample, 5.7 ms after them (p50 3.7
 * → 2.1 ms). The first query's own time is reported (`firstMs`), so the cold cost stays in view.
 */
const warmupQueries = 50;

const dayMs = 24 * 60 * 60 * 1000;

/** Where each `/leaderboard` period starts for a history that ends at `end`: the last 7 days, 30 days, all of it. */
function leaderboardPeriodStarts(end: number): Record<LeaderboardPeriod, Date | null> {
  return { week: new Date(end - 7 * dayMs), month: new Date(end - 30 * dayMs), all: null };
}

export interface PeriodTiming {
  p50Ms: number;
  p99Ms: number;
  /** The period's very first query, before the warm-up (not measured for the whole-history worst case). */
  firstMs?: number;
  answersInPeriod: number;
}

/**
 * p50 and p99 per period (medians of `leaderboardRepeats` runs of `leaderboardQueries` queries, each for a random
 * caller among `members`), after a warm-up; `countInPeriod` tells how many answers each period holds.
 */
async function timeLeaderboards(
  store: QuizStore,
  guildId: string,
  members: number,
  sinceByPeriod: Record<LeaderboardPeriod, Date | null>,
  countInPeriod: (since: Date | null) => Promise<number> | number,
  log: (line: string) => void,
  targetNote = '',
): Promise<Record<LeaderboardPeriod, PeriodTiming>> {
  const random = createBenchRandom(7);
  const periods: Partial<Record<LeaderboardPeriod, PeriodTiming>> = {};
  for (const period of ['week', 'month', 'all'] as const) {
    const since = sinceByPeriod[period];
    const started = performance.now();
    await store.getLeaderboard(guildId, period, since, 'member-0');
    const firstMs = performance.now() - started;
    for (let query = 1; query < warmupQueries; query++) await store.getLeaderboard(guildId, period, since, `member-${query % members}`);
    const p50s: number[] = [];
    const p99s: number[] = [];
    for (let repeat = 0; repeat < leaderboardRepeats; repeat++) {
      const timings: number[] = [];
      for (let query = 0; query < leaderboardQueries; query++) {
        const callerId = `member-${Math.floor(random() * members)}`;
        const queryStarted = performance.now();
        await store.getLeaderboard(guildId, period, since, callerId);
        timings.push(performance.now() - queryStarted);
      }
      p50s.push(percentile(timings, 0.5));
      p99s.push(percentile(timings, 0.99));
    }
    const answersInPeriod = await countInPeriod(since);
    periods[period] = { p50Ms: round(median(p50s), 2), p99Ms: round(median(p99s), 2), firstMs: round(firstMs, 2), answersInPeriod };
    log(
      `  /leaderboard ${period.padEnd(5)} p50 ${median(p50s).toFixed(2)} ms, p99 ${median(p99s).toFixed(2)} ms, first ${firstMs.toFixed(1)} ms (${answersInPeriod.toLocaleString('en')} answers in period; median of ${leaderboardRepeats} × ${leaderboardQueries} queries after ${warmupQueries} to warm up)${targetNote}`,
    );
  }
  return periods as Record<LeaderboardPeriod, PeriodTiming>;
}

/**
 * The period query's worst case: a period that spans the whole history aggregates every answer. `queries` runs
 * (a slow store gets fewer); the first is not set apart, as the statement is warm by now.
 */
async function timeWholeHistoryAsPeriod(
  store: QuizStore,
  guildId: string,
  storedAnswers: number,
  queries: number,
  log: (line: string) => void,
): Promise<PeriodTiming> {
  const everything = new Date(0);
  const worst: number[] = [];
  for (let query = 0; query < queries; query++) {
    const started = performance.now();
    await store.getLeaderboard(guildId, 'month', everything, 'member-1');
    worst.push(performance.now() - started);
  }
  log(
    `  (worst case: a period covering all ${storedAnswers.toLocaleString('en')} answers: p50 ${percentile(worst, 0.5).toFixed(2)} ms, p99 ${percentile(worst, 0.99).toFixed(2)} ms)`,
  );
  return { p50Ms: round(percentile(worst, 0.5), 2), p99Ms: round(percentile(worst, 0.99), 2), answersInPeriod: storedAnswers };
}

export interface LeaderboardHistory {
  store: QuizStore;
  guildId: string;
  members: number;
  /** When the seeded history ends: the periods count back from it. */
  end: number;
  storedAnswers: number;
  /** Answers scored at or after `since` (the whole history's count is `storedAnswers`). */
  countSince: (since: Date) => Promise<number> | number;
  /** Queries for the whole-history worst case (a slow store gets fewer). */
  wholeHistoryQueries: number;
  log: (line: string) => void;
  targetNote?: string;
}

/** Every `/leaderboard` period of a seeded history, then the whole-history worst case: what both store benches report. */
export async function timeLeaderboardPeriods(
  history: LeaderboardHistory,
): Promise<Record<LeaderboardPeriod | 'whole-history-as-period', PeriodTiming>> {
  const { store, guildId, members, end, storedAnswers, countSince, wholeHistoryQueries, log, targetNote } = history;
  const periods = await timeLeaderboards(
    store,
    guildId,
    members,
    leaderboardPeriodStarts(end),
    (since) => (since === null ? storedAnswers : countSince(since)),
    log,
    targetNote,
  );
  return { ...periods, 'whole-history-as-period': await timeWholeHistoryAsPeriod(store, guildId, storedAnswers, wholeHistoryQueries, log) };
}
