import type {
  ClosedQuestion,
  ConceptPerformance,
  Leaderboard,
  LeaderboardPeriod,
  MemberStats,
  NewQuestion,
  NewSchedule,
  PendingReveal,
  RecordAnswerResult,
  RecordedAnswer,
  Schedule,
  ScheduleProblem,
  StoredQuestion,
  Tally,
} from './types.js';
import type { FlashcardGrade, NewFlashcardGrade } from './flashcard-practice.js';
import type { MemoryState } from '../learning/memory-state.js';
import type { AnswerActivity, MemoryKey, NewReview, ReviewLog, ReviewRevision, StoredMemory } from '../learning/review-log.js';
import type { Reminder, ReminderOffReason } from '../learning/reminder-rules.js';
import type { NewReportSchedule, ReportSchedule } from '../learning/report-schedule.js';

/**
 * Everything the quiz keeps: the domain's storage port. Domain code depends on this interface only; the
 * embedded SQLite store (`src/store/sqlite-quiz-store.ts`, the default) and the PostgreSQL store
 * (`src/store/postgres/`) implement it, and one contract suite (`test/store/`) runs against both.
 *
 * Every method resolves once the change is durable: callers acknowledge a member only after the promise
 * settles ("store before you acknowledge"). Methods that must be exactly-once across processes
 * (`createQuestion`, `recordAnswer`, `closeQuestion`, `claimReminderDay`) decide it in one statement or
 * transaction inside the store, never by a read in the caller followed by a write.
 */
export interface QuizStore {
  // Schedules
  /** Insert or replace; clears `paused` and `lastProblem` (scheduling again resumes). */
  saveSchedule(schedule: NewSchedule): Promise<Schedule>;
  deleteSchedule(guildId: string, channelId: string): Promise<boolean>;
  getSchedule(guildId: string, channelId: string): Promise<Schedule | null>;
  /** All schedules, or one guild's, ordered by guild then channel. */
  listSchedules(guildId?: string): Promise<Schedule[]>;
  /** Record a posting problem; `pause` stops the schedule until it is saved again. */
  recordScheduleProblem(guildId: string, channelId: string, problem: ScheduleProblem, at: Date, pause: boolean): Promise<void>;
  clearScheduleProblem(guildId: string, channelId: string): Promise<void>;

  // Guild settings
  /** The guild's time zone for leaderboard weeks/months; null when never set. */
  getGuildTimezone(guildId: string): Promise<string | null>;
  setGuildTimezone(guildId: string, timezone: string): Promise<void>;

  // Questions
  /** Returns `created: false` with the existing row when the channel already has a question for that slot. */
  createQuestion(input: NewQuestion): Promise<{ created: boolean; question: StoredQuestion }>;
  setQuestionMessage(questionId: string, messageId: string): Promise<void>;
  getQuestion(questionId: string): Promise<StoredQuestion | null>;
  /** The newest open, non-practice question of a channel. */
  getOpenQuestion(guildId: string, channelId: string): Promise<StoredQuestion | null>;
  /** Open questions (practice included) whose `closesAt` ≤ now. */
  listOverdueQuestions(now: Date): Promise<StoredQuestion[]>;
  listOpenQuestions(): Promise<StoredQuestion[]>;
  /** The newest question of a channel by slot (for "was this slot posted?"). */
  getLatestQuestion(guildId: string, channelId: string): Promise<StoredQuestion | null>;
  /**
   * Remove a question that was never posted (its message id is still null), so the slot can be tried again.
   * Returns false if it has a message or answers.
   */
  discardUnpostedQuestion(questionId: string): Promise<boolean>;

  // Answers
  /** First answer of a user wins; stored durably before this returns. Refused when closed or past closesAt. */
  recordAnswer(questionId: string, userId: string, userName: string, choice: number, now: Date): Promise<RecordAnswerResult>;
  /** A member's (first) answer to a question, or null. */
  getAnswer(questionId: string, userId: string): Promise<RecordedAnswer | null>;
  getTally(questionId: string): Promise<Tally>;
  /**
   * Close an open question: status, closedAt, and (unless practice) points and streaks of every member of the
   * guild, in one transaction. Closing a closed question returns it again without changing scores.
   */
  closeQuestion(questionId: string, now: Date): Promise<ClosedQuestion | null>;

  // Reveals (closing a posted question makes its reveal due at once; it stays owed until shown or given up)
  /** Reveals due at or before `now`, oldest due first. */
  listDueReveals(now: Date): Promise<PendingReveal[]>;
  /** The newest reveal still owed in a channel (its post still shows the open question). */
  getPendingReveal(guildId: string, channelId: string): Promise<PendingReveal | null>;
  /** The earliest due time of any owed reveal, or null. */
  getNextRevealDue(): Promise<Date | null>;
  /** A try failed: count it and try again at `dueAt`. */
  postponeReveal(questionId: string, dueAt: Date): Promise<void>;
  /** The reveal was shown (or will never be): nothing owed any more. */
  settleReveal(questionId: string): Promise<void>;
  /** Open, non-practice questions without a message: a post a crash (or a lost answer) left unrecorded. */
  listUnpostedQuestions(): Promise<StoredQuestion[]>;

  // Scores
  /** `since` = start of the period in UTC (null for all time); top 10 by points, then accuracy. */
  getLeaderboard(guildId: string, period: LeaderboardPeriod, since: Date | null, callerId: string | null, limit?: number): Promise<Leaderboard>;
  getMemberStats(guildId: string, userId: string): Promise<MemberStats>;
  /** Per-concept history of a channel's (non-practice) questions, for choosing the next concept. */
  getConceptPerformance(guildId: string, channelId: string): Promise<ConceptPerformance[]>;
  /** Concept ids asked in a channel since every concept in `scope` was last covered (the current round). */
  listConceptsAskedThisRound(guildId: string, channelId: string, scope: readonly string[]): Promise<Set<string>>;

  // Flashcards
  /** Keep a member's self-grade of a flashcard (every grade is kept); stored durably before this returns. */
  recordFlashcardGrade(grade: NewFlashcardGrade): Promise<FlashcardGrade>;
  /** The latest grade of each card the member has graded in the guild. */
  listLatestFlashcardGrades(guildId: string, userId: string): Promise<FlashcardGrade[]>;

  // Members' memory (FSRS states and the review log; see src/learning)
  /**
   * Review one member's memory of one concept: `next` gets the stored state (null when never reviewed) and
   * returns the new one; the state and the log entry are written in one transaction with the read, so two
   * reviews at once never lose one. Durable before this returns.
   */
  recordReview(review: NewReview, next: (before: MemoryState | null) => MemoryState): Promise<ReviewLog>;
  getMemory(key: MemoryKey): Promise<StoredMemory | null>;
  /** The review a member's answer to a question made, or null (no answer, or one from before memories were kept). */
  getAnswerReview(questionId: string, userId: string): Promise<ReviewLog | null>;
  /**
   * Re-rate a review (the member's confidence came after the answer): `next` gets the state before that review and
   * returns the state after the new rating; log and state change in one transaction. Null, changing nothing, when
   * the review is unknown or no longer the member's latest of that concept (a later review built on it).
   */
  reviseReview(reviewId: number, revision: ReviewRevision, next: (before: MemoryState | null) => MemoryState): Promise<ReviewLog | null>;
  /** Every concept the member has a memory of in the guild, by concept id. */
  listMemberMemories(guildId: string, userId: string): Promise<StoredMemory[]>;
  /** Every member's memories in the guild, by member then concept. */
  listGuildMemories(guildId: string): Promise<StoredMemory[]>;
  /** The memories as they stood at `at`: each member's state after their latest review at or before it. */
  listGuildMemoriesAsOf(guildId: string, at: Date): Promise<StoredMemory[]>;
  /** A member's reviews in the guild, oldest first. */
  listMemberReviews(guildId: string, userId: string): Promise<ReviewLog[]>;
  /** Members who answered the channel's own questions (not practice) since `since`, with their latest answer time. */
  listRecentChannelAnswerers(guildId: string, channelId: string, since: Date): Promise<Map<string, Date>>;
  /** Answers (channel, practice) and flashcard self-grades in the guild from `since` up to `until` (exclusive), oldest first. */
  listAnswerActivity(guildId: string, since: Date, until: Date): Promise<AnswerActivity[]>;
  /** The latest display name of each member who answered in the guild. */
  listMemberNames(guildId: string): Promise<Map<string, string>>;

  // Daily reminders (opt-in per member and guild; see src/learning/daily-reminders.ts)
  /** Turn a member's reminder on at `minuteOfDay` (insert or update); clears any "turned off" notice. */
  saveReminder(input: { guildId: string; userId: string; minuteOfDay: number; language: string | null; at: Date }): Promise<Reminder>;
  /** Turn it off; `dms-closed` also leaves a notice for the member's next command. False when it was not on. */
  turnOffReminder(guildId: string, userId: string, reason: ReminderOffReason, at: Date): Promise<boolean>;
  getReminder(guildId: string, userId: string): Promise<Reminder | null>;
  listEnabledReminders(): Promise<Reminder[]>;
  /** Mark the local `date` handled, unless it already is (or the reminder is off): true for the one caller that may send. */
  claimReminderDay(guildId: string, userId: string, date: string): Promise<boolean>;
  /** Undo a claim whose DM failed for a passing reason, so a later tick tries again. */
  releaseReminderDay(guildId: string, userId: string, date: string, previous: string | null): Promise<void>;
  recordReminderSent(guildId: string, userId: string, at: Date): Promise<void>;
  /** True once (and clears it) when the member has not yet been told that closed DMs turned reminders off. */
  takeReminderNotice(guildId: string, userId: string): Promise<boolean>;

  // Weekly team report (one per guild; see src/learning/weekly-reports.ts)
  /** Insert or replace the guild's report schedule; clears its last problem. */
  saveReportSchedule(schedule: NewReportSchedule): Promise<ReportSchedule>;
  deleteReportSchedule(guildId: string): Promise<boolean>;
  getReportSchedule(guildId: string): Promise<ReportSchedule | null>;
  listReportSchedules(): Promise<ReportSchedule[]>;
  recordReportPosted(guildId: string, at: Date): Promise<void>;
  recordReportProblem(guildId: string, problem: ScheduleProblem, at: Date): Promise<void>;

  close(): Promise<void>;
}
