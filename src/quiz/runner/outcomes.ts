import type { CronProblem } from '../cron-schedule.js';
import type { FlashcardGrade, PracticeCard } from '../flashcard-practice.js';
import type { PendingReveal, Schedule, ScheduleProblem, StoredQuestion } from '../types.js';

// What the quiz runner is asked and what it answers: plain data, so commands pick a view from it.

export interface ScheduleChannelInput {
  guildId: string;
  channelId: string;
  /** Empty or absent = `0 9 * * 1-5`. */
  cron?: string | null;
  /** Empty or absent = the runner's default time zone. */
  timezone?: string | null;
  /** Limit questions to one note (document id). */
  noteId?: string | null;
  /** Close after this many minutes instead of at the next slot. */
  closeAfterMinutes?: number | null;
  /** The language of the channel's posts (the admin's); absent = the server's. */
  language?: string | null;
  createdBy: string;
}

/** Why a schedule was refused, as a code with its data: the view words it in the admin's language. */
export type ScheduleRefusal =
  /** What is wrong with the expression; `example` is a valid one to copy. */
  | { reason: 'invalid-cron'; cronProblem: CronProblem; example: string }
  | { reason: 'invalid-timezone'; example: string }
  | { reason: 'invalid-close-after'; minutes: number; min: number; max: number }
  /** `knownNotes`: the document ids that do exist. */
  | { reason: 'unknown-note'; noteId: string; knownNotes: string[] }
  /** Names of the permissions the bot lacks in the channel. */
  | { reason: 'missing-permissions'; missing: string[] }
  | { reason: 'unknown-channel' };

export type ScheduleOutcome = { ok: true; schedule: Schedule; nextRuns: Date[] } | ({ ok: false } & ScheduleRefusal);

/** Why a post did not go out, as a code with its data (see `ScheduleProblem` for what the channel refused). */
export type PostRefusal =
  /** The question open in the channel (or the slot's question, being posted right now). */
  | { reason: 'already-open'; question: StoredQuestion }
  | { reason: 'no-question'; noteId: string | null }
  /** The channel refused the post; or, with `paused`, its schedule is paused after `problem` and was not tried. */
  | { reason: 'channel-problem'; problem: ScheduleProblem | null; paused?: true }
  /** How long Discord asks the bot to wait. */
  | { reason: 'rate-limited'; retryAfterMs: number }
  | { reason: 'failed'; failure: PostFailure };

export type PostFailure =
  | { kind: 'no-schedule' }
  /** The slot's question closed before it could be posted. */
  | { kind: 'slot-closed' }
  /** The stored question's concept is no longer in the notes. */
  | { kind: 'concept-gone'; conceptId: string }
  /** A transient failure: the platform's or library's own words (`503 Service Unavailable`). */
  | { kind: 'post-failed'; error: string };

export type PostOutcome =
  | {
      ok: true;
      question: StoredQuestion;
      /** The channel's schedule had been paused after a problem; this post worked, so it runs again. */
      resumed?: boolean;
    }
  | ({ ok: false } & PostRefusal);

export interface ScheduleListing {
  schedule: Schedule;
  /** Null while paused. */
  nextRun: Date | null;
  openQuestion: StoredQuestion | null;
  /** A closed question whose post still shows it open: its reveal edit has not landed yet and is being retried. */
  unrevealed?: PendingReveal | null;
  /** Minutes from post to reveal, or null for "at the next post" (the schedule's own or the bot's setting). */
  closeAfterMinutes: number | null;
}

export type FlashcardGradeOutcome =
  | { ok: true; card: PracticeCard; grade: FlashcardGrade }
  /** The notes no longer hold the card (edited or removed since its buttons were made): nothing is stored. */
  | { ok: false; reason: 'unknown-card' };

export interface PostNowOptions {
  /** The language of the post in a channel without a schedule (the admin's); a schedule's own language wins. */
  language?: string | null;
}
