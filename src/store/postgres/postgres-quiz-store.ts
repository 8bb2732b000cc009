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
} from '../../quiz/types.js';
import type { FlashcardGrade, NewFlashcardGrade } from '../../quiz/flashcard-practice.js';
import type { QuizStore } from '../../quiz/quiz-store.js';
import type { MemoryState } from '../../learning/memory-state.js';
import type { AnswerActivity, MemoryKey, NewReview, ReviewLog, ReviewRevision, StoredMemory } from '../../learning/review-log.js';
import type { Reminder, ReminderOffReason } from '../../learning/reminder-rules.js';
import type { NewReportSchedule, ReportSchedule } from '../../learning/report-schedule.js';
import type { PostgresContext } from './connection.js';
import { PostgresAnswers } from './answers.js';
import { PostgresClosing } from './close-question.js';
import { PostgresFlashcards } from './flashcards.js';
import { PostgresLearning } from './learning.js';
import { PostgresQuestions } from './questions.js';
import { PostgresRemindersAndReports } from './reminders-reports.js';
import { PostgresReveals } from './reveals.js';
import { PostgresSchedules } from './schedules.js';
import { PostgresScores } from './scores.js';
import { PostgresRequestPacer, type RequestPacerOptions } from './request-pacer.js';

/**
 * The `QuizStore` on PostgreSQL, for several bot processes sharing one database. Every method is one statement in
 * autocommit, or one transaction where several rows change together; what must happen once across processes is
 * decided in the database (a unique slot, ON CONFLICT, a conditional UPDATE, row locks), never by a read in the
 * process followed by a write. Open it with `openPostgresStore` (open-postgres-store.ts), which migrates first.
 *
 * This class is the one public face; the work is done by one part per feature in this folder, all over the same
 * pool and schema.
 */
export class PostgresQuizStore implements QuizStore {
  private readonly schedules: PostgresSchedules;
  private readonly questions: PostgresQuestions;
  private readonly answers: PostgresAnswers;
  private readonly closing: PostgresClosing;
  private readonly reveals: PostgresReveals;
  private readonly scores: PostgresScores;
  private readonly flashcards: PostgresFlashcards;
  private readonly learning: PostgresLearning;
  private readonly remindersAndReports: PostgresRemindersAndReports;
  private closed: Promise<void> | null = null;

  constructor(private readonly db: PostgresContext) {
    this.schedules = new PostgresSchedules(db);
    this.questions = new PostgresQuestions(db);
    this.answers = new PostgresAnswers(db);
    this.closing = new PostgresClosing(db, this.answers);
    this.reveals = new PostgresReveals(db);
    this.scores = new PostgresScores(db);
    this.flashcards = new PostgresFlashcards(db);
    this.learning = new PostgresLearning(db);
    this.remindersAndReports = new PostgresRemindersAndReports(db);
  }

  // Schedules
  saveSchedule(schedule: NewSchedule): Promise<Schedule> {
    return this.schedules.saveSchedule(schedule);
  }
  deleteSchedule(guildId: string, channelId: string): Promise<boolean> {
    return this.schedules.deleteSchedule(guildId, channelId);
  }
  getSchedule(guildId: string, channelId: string): Promise<Schedule | null> {
    return this.schedules.getSchedule(guildId, channelId);
  }
  listSchedules(guildId?: string): Promise<Schedule[]> {
    return this.schedules.listSchedules(guildId);
  }
  recordScheduleProblem(guildId: string, channelId: string, problem: ScheduleProblem, at: Date, pause: boolean): Promise<void> {
    return this.schedules.recordScheduleProblem(guildId, channelId, problem, at, pause);
  }
  clearScheduleProblem(guildId: string, channelId: string): Promise<void> {
    return this.schedules.clearScheduleProblem(guildId, channelId);
  }

  // Guild settings
  getGuildTimezone(guildId: string): Promise<string | null> {
    return this.schedules.getGuildTimezone(guildId);
  }
  setGuildTimezone(guildId: string, timezone: string): Promise<void> {
    return this.schedules.setGuildTimezone(guildId, timezone);
  }

  // Questions
  createQuestion(input: NewQuestion): Promise<{ created: boolean; question: StoredQuestion }> {
    return this.questions.createQuestion(input);
  }
  setQuestionMessage(questionId: string, messageId: string): Promise<void> {
    return this.questions.setQuestionMessage(questionId, messageId);
  }
  getQuestion(questionId: string): Promise<StoredQuestion | null> {
    return this.questions.getQuestion(questionId);
  }
  getOpenQuestion(guildId: string, channelId: string): Promise<StoredQuestion | null> {
    return this.questions.getOpenQuestion(guildId, channelId);
  }
  listOverdueQuestions(now: Date): Promise<StoredQuestion[]> {
    return this.questions.listOverdueQuestions(now);
  }
  listOpenQuestions(): Promise<StoredQuestion[]> {
    return this.questions.listOpenQuestions();
  }
  getLatestQuestion(guildId: string, channelId: string): Promise<StoredQuestion | null> {
    return this.questions.getLatestQuestion(guildId, channelId);
  }
  discardUnpostedQuestion(questionId: string): Promise<boolean> {
    return this.questions.discardUnpostedQuestion(questionId);
  }

  // Answers
  recordAnswer(questionId: string, userId: string, userName: string, choice: number, now: Date): Promise<RecordAnswerResult> {
    return this.answers.recordAnswer(questionId, userId, userName, choice, now);
  }
  getAnswer(questionId: string, userId: string): Promise<RecordedAnswer | null> {
    return this.answers.getAnswer(questionId, userId);
  }
  getTally(questionId: string): Promise<Tally> {
    return this.answers.getTally(questionId);
  }
  closeQuestion(questionId: string, now: Date): Promise<ClosedQuestion | null> {
    return this.closing.closeQuestion(questionId, now);
  }

  // Reveals
  listDueReveals(now: Date): Promise<PendingReveal[]> {
    return this.reveals.listDueReveals(now);
  }
  getPendingReveal(guildId: string, channelId: string): Promise<PendingReveal | null> {
    return this.reveals.getPendingReveal(guildId, channelId);
  }
  getNextRevealDue(): Promise<Date | null> {
    return this.reveals.getNextRevealDue();
  }
  postponeReveal(questionId: string, dueAt: Date): Promise<void> {
    return this.reveals.postponeReveal(questionId, dueAt);
  }
  settleReveal(questionId: string): Promise<void> {
    return this.reveals.settleReveal(questionId);
  }
  listUnpostedQuestions(): Promise<StoredQuestion[]> {
    return this.questions.listUnpostedQuestions();
  }

  // Scores
  getLeaderboard(guildId: string, period: LeaderboardPeriod, since: Date | null, callerId: string | null, limit?: number): Promise<Leaderboard> {
    return this.scores.getLeaderboard(guildId, period, since, callerId, limit);
  }
  getMemberStats(guildId: string, userId: string): Promise<MemberStats> {
    return this.scores.getMemberStats(guildId, userId);
  }
  getConceptPerformance(guildId: string, channelId: string): Promise<ConceptPerformance[]> {
    return this.scores.getConceptPerformance(guildId, channelId);
  }
  listConceptsAskedThisRound(guildId: string, channelId: string, scope: readonly string[]): Promise<Set<string>> {
    return this.scores.listConceptsAskedThisRound(guildId, channelId, scope);
  }

  // Flashcards
  recordFlashcardGrade(grade: NewFlashcardGrade): Promise<FlashcardGrade> {
    return this.flashcards.recordFlashcardGrade(grade);
  }
  listLatestFlashcardGrades(guildId: string, userId: string): Promise<FlashcardGrade[]> {
    return this.flashcards.listLatestFlashcardGrades(guildId, userId);
  }

  // Members' memory
  recordReview(review: NewReview, next: (before: MemoryState | null) => MemoryState): Promise<ReviewLog> {
    return this.learning.recordReview(review, next);
  }
  getMemory(key: MemoryKey): Promise<StoredMemory | null> {
    return this.learning.getMemory(key);
  }
  getAnswerReview(questionId: string, userId: string): Promise<ReviewLog | null> {
    return this.learning.getAnswerReview(questionId, userId);
  }
  reviseReview(reviewId: number, revision: ReviewRevision, next: (before: MemoryState | null) => MemoryState): Promise<ReviewLog | null> {
    return this.learning.reviseReview(reviewId, revision, next);
  }
  listMemberMemories(guildId: string, userId: string): Promise<StoredMemory[]> {
    return this.learning.listMemberMemories(guildId, userId);
  }
  listGuildMemories(guildId: string): Promise<StoredMemory[]> {
    return this.learning.listGuildMemories(guildId);
  }
  listGuildMemoriesAsOf(guildId: string, at: Date): Promise<StoredMemory[]> {
    return this.learning.listGuildMemoriesAsOf(guildId, at);
  }
  listMemberReviews(guildId: string, userId: string): Promise<ReviewLog[]> {
    return this.learning.listMemberReviews(guildId, userId);
  }
  listRecentChannelAnswerers(guildId: string, channelId: string, since: Date): Promise<Map<string, Date>> {
    return this.learning.listRecentChannelAnswerers(guildId, channelId, since);
  }
  listAnswerActivity(guildId: string, since: Date, until: Date): Promise<AnswerActivity[]> {
    return this.learning.listAnswerActivity(guildId, since, until);
  }
  listMemberNames(guildId: string): Promise<Map<string, string>> {
    return this.learning.listMemberNames(guildId);
  }

  // Daily reminders
  saveReminder(input: { guildId: string; userId: string; minuteOfDay: number; language: string | null; at: Date }): Promise<Reminder> {
    return this.remindersAndReports.saveReminder(input);
  }
  turnOffReminder(guildId: string, userId: string, reason: ReminderOffReason, at: Date): Promise<boolean> {
    return this.remindersAndReports.turnOffReminder(guildId, userId, reason, at);
  }
  getReminder(guildId: string, userId: string): Promise<Reminder | null> {
    return this.remindersAndReports.getReminder(guildId, userId);
  }
  listEnabledReminders(): Promise<Reminder[]> {
    return this.remindersAndReports.listEnabledReminders();
  }
  claimReminderDay(guildId: string, userId: string, date: string): Promise<boolean> {
    return this.remindersAndReports.claimReminderDay(guildId, userId, date);
  }
  releaseReminderDay(guildId: string, userId: string, date: string, previous: string | null): Promise<void> {
    return this.remindersAndReports.releaseReminderDay(guildId, userId, date, previous);
  }
  recordReminderSent(guildId: string, userId: string, at: Date): Promise<void> {
    return this.remindersAndReports.recordReminderSent(guildId, userId, at);
  }
  takeReminderNotice(guildId: string, userId: string): Promise<boolean> {
    return this.remindersAndReports.takeReminderNotice(guildId, userId);
  }

  // Weekly team report
  saveReportSchedule(schedule: NewReportSchedule): Promise<ReportSchedule> {
    return this.remindersAndReports.saveReportSchedule(schedule);
  }
  deleteReportSchedule(guildId: string): Promise<boolean> {
    return this.remindersAndReports.deleteReportSchedule(guildId);
  }
  getReportSchedule(guildId: string): Promise<ReportSchedule | null> {
    return this.remindersAndReports.getReportSchedule(guildId);
  }
  listReportSchedules(): Promise<ReportSchedule[]> {
    return this.remindersAndReports.listReportSchedules();
  }
  recordReportPosted(guildId: string, at: Date): Promise<void> {
    return this.remindersAndReports.recordReportPosted(guildId, at);
  }
  recordReportProblem(guildId: string, problem: ScheduleProblem, at: Date): Promise<void> {
    return this.remindersAndReports.recordReportProblem(guildId, problem, at);
  }

  /** The bot-wide Discord request window kept in this database, shared by every process that opens it. */
  createRequestPacer(options: RequestPacerOptions = {}): PostgresRequestPacer {
    return new PostgresRequestPacer(this.db.pool, this.db.tables.discord_request_permits, options);
  }

  /**
   * Ends the pool once every click already submitted has its outcome and the queries in flight finish; closing
   * again waits for the same end.
   */
  close(): Promise<void> {
    this.closed ??= this.answers.whenIdle().then(() => this.db.pool.end());
    return this.closed;
  }
}
