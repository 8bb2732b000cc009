// What postgres-processes.test.ts tells each worker process (one JSON object in POSTGRES_WORKER) and what the
// worker prints back (one JSON object per stdout line). Shared by both sides so neither guesses the other's shapes.

/** The environment variable that carries a worker's `WorkerSetup`. */
export const workerSetupVariable = 'POSTGRES_WORKER';

export type WorkerTask =
  /** Open the store (migrating the schema) and report. */
  | { kind: 'open' }
  /** Answer every question for every member with `choice`. */
  | { kind: 'answer'; questionIds: string[]; userIds: string[]; choice: number; at: string }
  /** Post a question for every slot in every channel. */
  | { kind: 'post'; guildId: string; channelIds: string[]; slotKeys: string[]; at: string }
  /** Close every question, in order, at `at`. */
  | { kind: 'close'; questionIds: string[]; at: string }
  /**
   * Answer question after question for every member (choice from the question's, the member's and the worker's
   * index) and close the question `closeLag` places behind, so answers and closes of other questions interleave.
   */
  | { kind: 'play'; questionIds: string[]; userIds: string[]; at: string; closeLag: number }
  /** Read the leaderboards (all time, and the period from `since`) and members' stats until no question is open. */
  | { kind: 'watch'; guildId: string; since: string; statsUserIds: string[]; maxReads: number }
  /** Answer each (question, member) pair and print every answer the store acknowledged, as it is acknowledged. */
  | { kind: 'acknowledge'; questionIds: string[]; userIds: string[]; at: string };

export interface WorkerSetup {
  url: string;
  schema: string;
  /** The start gate to wait at (postgres-start-gate.ts) before the task. */
  gate: number;
  /** This worker's number among its siblings, from 0. */
  worker: number;
  task: WorkerTask;
}

export interface AnswerReply {
  questionId: string;
  userId: string;
  kind: 'recorded' | 'already-answered' | 'closed' | 'invalid-choice' | 'unknown-question';
  /** The stored choice the reply tells (null when it tells none). */
  choice: number | null;
  correct: boolean | null;
}

/** One leaderboard read: each row as [userId, points, answered]. */
export type LeaderboardRows = [string, number, number][];

export type WorkerLine =
  | { type: 'opened' }
  | { type: 'answers'; answers: AnswerReply[] }
  | { type: 'posts'; posts: { channelId: string; slotKey: string; created: boolean; questionId: string }[] }
  | { type: 'closes'; closes: { questionId: string; status: string | null; closedAt: string | null }[] }
  | { type: 'leaderboard'; view: 'all' | 'period'; rows: LeaderboardRows }
  | { type: 'stats'; userId: string; points: number; answered: number; streak: number; bestStreak: number }
  | { type: 'acknowledged'; questionId: string; userId: string }
  | { type: 'done' };
