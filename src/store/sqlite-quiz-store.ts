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
} from '../quiz/types.js';
import type { FlashcardGrade, NewFlashcardGrade } from '../quiz/flashcard-practice.js';
import type { MemoryState } from '../learning/memory-state.js';
import type { AnswerActivity, MemoryKey, NewReview, ReviewLog, ReviewRevision, StoredMemory } from '../learning/review-log.js';
import type { QuizStore } from '../quiz/quiz-store.js';
import type { Reminder, ReminderOffReason } from '../learning/reminder-rules.js';
import type { NewReportSchedule, ReportSchedule } from '../learning/report-schedule.js';
import { openDatabase, type SqliteDatabase } from './database.js';
import { prepareStatements } from './quiz-statements.js';
import { SqliteFlashcards } from './sqlite/flashcards.js';
import { SqliteLearning } from './sqlite/learning.js';
import { SqliteQuestionsAndAnswers } from './sqlite/questions-and-answers.js';
import { SqliteRemindersAndReports } from './sqlite/reminders-reports.js';
import { SqliteSchedules } from './sqlite/schedules.js';
import { SqliteScores } from './sqlite/scores.js';

/**
 * The embedded `QuizStore`: one SQLite file in WAL mode. Statements are prepared once; every operation that
 * changes several rows runs in one IMMEDIATE transaction, which also makes it safe when several processes
 * (the bot and a CLI, or a restarted bot) share the file.
 *
 * better-sqlite3 is synchronous: each method does its work (a whole transaction included) before its promise
 * is made, so the promise settles with a change that is already durable, and no other caller runs in between.
 *
 * This class is the one public face; the work is done by one part per feature under `sqlite/`, all over the
 * same connection, so callers see one store and each feature's code stays a file of its own.
 */
export class SqliteQuizStore implements QuizStore {
  private readonly schedules: SqliteSchedules;
  private readonly questions: SqliteQuestionsAndAnswers;
  private readonly scores: SqliteScores;
  private readonly flashcards: SqliteFlashcards;
  private readonly learning: SqliteLearning;
  private readonly remindersAndReports: SqliteRemindersAndReports;

  constructor(private readonly db: SqliteDatabase) {
    // The quiz's statements are prepared once and shared by the parts that read the quiz's tables.
    const statements = prepareStatements(db);
    this.schedules = new SqliteSchedules(statements);
    this.questions = new SqliteQuestionsAndAnswers(db, statements);
    this.scores = new SqliteScores(statements);
    this.flashcards = new SqliteFlashcards(statements);
    this.learning = new SqliteLearning(db);
    this.remindersAndReports = new SqliteRemindersAndReports(db);
  }

  // Schedules
  async saveSchedule(schedule: NewSchedule): Promise<Schedule> {
    return this.schedules.saveSchedule(schedule);
  }
  async deleteSchedule(guildId: string, channelId: string): Promise<boolean> {
    return this.schedules.deleteSchedule(guildId, channelId);
  }
  async getSchedule(guildId: string, channelId: string): Promise<Schedule | null> {
    return this.schedules.getSchedule(guildId, channelId);
  }
  async listSchedules(guildId?: string): Promise<Schedule[]> {
    return this.schedules.listSchedules(guildId);
  }
  async recordScheduleProblem(guildId: string, channelId: string, problem: ScheduleProblem, at: Date, pause: boolean): Promise<void> {
    this.schedules.recordScheduleProblem(guildId, channelId, problem, at, pause);
  }
  async clearScheduleProblem(guildId: string, channelId: string): Promise<void> {
    this.schedules.clearScheduleProblem(guildId, channelId);
  }

  // Guild settings
  async getGuildTimezone(guildId: string): Promise<string | null> {
    return this.schedules.getGuildTimezone(guildId);
  }
  async setGuildTimezone(guildId: string, timezone: string): Promise<void> {
    this.schedules.setGuildTimezone(guildId, timezone);
  }

  // Questions
  async createQuestion(input: NewQuestion): Promise<{ created: boolean; question: StoredQuestion }> {
    return this.questions.createQuestion(input);
  }
  async setQuestionMessage(questionId: string, messageId: string): Promise<void> {
    this.questions.setQuestionMessage(questionId, messageId);
  }
  async getQuestion(questionId: string): Promise<StoredQuestion | null> {
    return this.questions.getQuestion(questionId);
  }
  async getOpenQuestion(guildId: string, channelId: string): Promise<StoredQuestion | null> {
    return this.questions.getOpenQuestion(guildId, channelId);
  }
  async listOverdueQuestions(now: Date): Promise<StoredQuestion[]> {
    return this.questions.listOverdueQuestions(now);
  }
  async listOpenQuestions(): Promise<StoredQuestion[]> {
    return this.questions.listOpenQuestions();
  }
  async getLatestQuestion(guildId: string, channelId: string): Promise<StoredQuestion | null> {
    return this.questions.getLatestQuestion(guildId, channelId);
  }
  async discardUnpostedQuestion(questionId: string): Promise<boolean> {
    return this.questions.discardUnpostedQuestion(questionId);
  }

  // Answers
  async recordAnswer(questionId: string, userId: string, userName: string, choice: number, now: Date): Promise<RecordAnswerResult> {
    return this.questions.recordAnswer(questionId, userId, userName, choice, now);
  }
  async getAnswer(questionId: string, userId: string): Promise<RecordedAnswer | null> {
    return this.questions.getAnswer(questionId, userId);
  }
  async getTally(questionId: string): Promise<Tally> {
    return this.questions.getTally(questionId);
  }
  async closeQuestion(questionId: string, now: Date): Promise<ClosedQuestion | null> {
    return this.questions.closeQuestion(questionId, now);
  }

  // Reveals
  async listDueReveals(now: Date): Promise<PendingReveal[]> {
    return this.questions.listDueReveals(now);
  }
  async getPendingReveal(guildId: string, channelId: string): Promise<PendingReveal | null> {
    return this.questions.getPendingReveal(guildId, channelId);
  }
  async getNextRevealDue(): Promise<Date | null> {
    return this.questions.getNextRevealDue();
  }
  async postponeReveal(questionId: string, dueAt: Date): Promise<void> {
    this.questions.postponeReveal(questionId, dueAt);
  }
  async settleReveal(questionId: string): Promise<void> {
    this.questions.settleReveal(questionId);
  }
  async listUnpostedQuestions(): Promise<StoredQuestion[]> {
    return this.questions.listUnpostedQuestions();
  }

  // Scores
  async getLeaderboard(
    guildId: string,
    period: LeaderboardPeriod,
    since: Date | null,
    callerId: string | null,
    limit?: number,
  ): Promise<Leaderboard> {
    return this.scores.getLeaderboard(guildId, period, since, callerId, limit);
  }
  async getMemberStats(guildId: string, userId: string): Promise<MemberStats> {
    return this.scores.getMemberStats(guildId, userId);
  }
  async getConceptPerformance(guildId: string, channelId: string): Promise<ConceptPerformance[]> {
    return this.scores.getConceptPerformance(guildId, channelId);
  }
  async listConceptsAskedThisRound(guildId: string, channelId: string, scope: readonly string[]): Promise<Set<string>> {
    return this.scores.listConceptsAskedThisRound(guildId, channelId, scope);
  }

  // Flashcards
  async recordFlashcardGrade(grade: NewFlashcardGrade): Promise<FlashcardGrade> {
    return this.flashcards.recordFlashcardGrade(grade);
  }
  async listLatestFlashcardGrades(guildId: string, userId: string): Promise<FlashcardGrade[]> {
    return this.flashcards.listLatestFlashcardGrades(guildId, userId);
  }

  // Members' memory
  async recordReview(review: NewReview, next: (before: MemoryState | null) => MemoryState): Promise<ReviewLog> {
    return this.learning.recordReview(review, next);
  }
  async getMemory(key: MemoryKey): Promise<StoredMemory | null> {
    return this.learning.getMemory(key);
  }
  async getAnswerReview(questionId: string, userId: string): Promise<ReviewLog | null> {
    return this.learning.getAnswerReview(questionId, userId);
  }
  async reviseReview(reviewId: number, revision: ReviewRevision, next: (before: MemoryState | null) => MemoryState): Promise<ReviewLog | null> {
    return this.learning.reviseReview(reviewId, revision, next);
  }
  async listMemberMemories(guildId: string, userId: string): Promise<StoredMemory[]> {
    return this.learning.listMemberMemories(guildId, userId);
  }
  async listGuildMemories(guildId: string): Promise<StoredMemory[]> {
    return this.learning.listGuildMemories(guildId);
  }
  async listGuildMemoriesAsOf(guildId: string, at: Date): Promise<StoredMemory[]> {
    return this.learning.listGuildMemoriesAsOf(guildId, at);
  }
  async listMemberReviews(guildId: string, userId: string): Promise<ReviewLog[]> {
    return this.learning.listMemberReviews(guildId, userId);
  }
  async listRecentChannelAnswerers(guildId: string, channelId: string, since: Date): Promise<Map<string, Date>> {
    return this.learning.listRecentChannelAnswerers(guildId, channelId, since);
  }
  async listAnswerActivity(guildId: string, since: Date, until: Date): Promise<AnswerActivity[]> {
    return this.learning.listAnswerActivity(guildId, since, until);
  }
  async listMemberNames(guildId: string): Promise<Map<string, string>> {
    return this.learning.listMemberNames(guildId);
  }

  // Daily reminders
  async saveReminder(input: { guildId: string; userId: string; minuteOfDay: number; language: string | null; at: Date }): Promise<Reminder> {
    return this.remindersAndReports.saveReminder(input);
  }
  async turnOffReminder(guildId: string, userId: string, reason: ReminderOffReason, at: Date): Promise<boolean> {
    return this.remindersAndReports.turnOffReminder(guildId, userId, reason, at);
  }
  async getReminder(guildId: string, userId: string): Promise<Reminder | null> {
    return this.remindersAndReports.getReminder(guildId, userId);
  }
  async listEnabledReminders(): Promise<Reminder[]> {
    return this.remindersAndReports.listEnabledReminders();
  }
  async claimReminderDay(guildId: string, userId: string, date: string): Promise<boolean> {
    return this.remindersAndReports.claimReminderDay(guildId, userId, date);
  }
  async releaseReminderDay(guildId: string, userId: string, date: string, previous: string | null): Promise<void> {
    this.remindersAndReports.releaseReminderDay(guildId, userId, date, previous);
  }
  async recordReminderSent(guildId: string, userId: string, at: Date): Promise<void> {
    this.remindersAndReports.recordReminderSent(guildId, userId, at);
  }
  async takeReminderNotice(guildId: string, userId: string): Promise<boolean> {
    return this.remindersAndReports.takeReminderNotice(guildId, userId);
  }

  // Weekly team report
  async saveReportSchedule(schedule: NewReportSchedule): Promise<ReportSchedule> {
    return this.remindersAndReports.saveReportSchedule(schedule);
  }
  async deleteReportSchedule(guildId: string): Promise<boolean> {
    return this.remindersAndReports.deleteReportSchedule(guildId);
  }
  async getReportSchedule(guildId: string): Promise<ReportSchedule | null> {
    return this.remindersAndReports.getReportSchedule(guildId);
  }
  async listReportSchedules(): Promise<ReportSchedule[]> {
    return this.remindersAndReports.listReportSchedules();
  }
  async recordReportPosted(guildId: string, at: Date): Promise<void> {
    this.remindersAndReports.recordReportPosted(guildId, at);
  }
  async recordReportProblem(guildId: string, problem: ScheduleProblem, at: Date): Promise<void> {
    this.remindersAndReports.recordReportProblem(guildId, problem, at);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** Open the database file (creating it and its directory, applying migrations) and wrap it in the store. */
export function openQuizStore(file: string): SqliteQuizStore {
  return new SqliteQuizStore(openDatabase(file));
}
