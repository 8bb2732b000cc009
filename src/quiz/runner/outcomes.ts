import type { CronProblem } from '../cron-schedule.js';
import type { FlashcardGrade, PracticeCard } from '../flashcard-practice.js';
import type { PendingReveal, Schedule, StoredQuestion } from '../types.js';

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

export type ScheduleRefusal = 'invalid-cron' | 'invalid-timezone' | 'invalid-close-after' | 'unknown-note' | 'missing-permissions' | 'unknown-channel';

export type ScheduleOutcome =
  | { ok: true; schedule: Schedule; nextRuns: Date[] }
  | {
      ok: false;
      reason: ScheduleRefusal;
      /** English, complete, with an example where one helps; commands may localize by `reason`. */
      message: string;
      /** Names of the permissions the bot lacks in the channel (`missing-permissions`). */
      missing?: string[];
      /** Document ids that do exist (`unknown-note`). */
      knownNotes?: string[];
      /** A valid value to copy (`invalid-cron`, `invalid-timezone`). */
      example?: string;
      /** What is wrong with the expression (`invalid-cron`), for a reply in the admin's language. */
      cronProblem?: CronProblem;
    };

export type PostRefusal = 'already-open' | 'no-question' | 'channel-problem' | 'rate-limited' | 'failed';

export type PostOutcome =
  | {
      ok: true;
      question: StoredQuestion;
      /** The channel's schedule had been paused after a problem; this post worked, so it runs again. */
      resumed?: boolean;
    }
  | {
      ok: false;
      reason: PostRefusal;
      message: string;
      /** The platform's own words for a failed post (`channel-problem`, `failed`), e.g. `Missing Permissions: Send Messages`. */
      detail?: string;
      /** The question already open (`already-open`). */
      question?: StoredQuestion;
      /** How long Discord asks the bot to wait (`rate-limited`). */
      retryAfterMs?: number;
    };

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
