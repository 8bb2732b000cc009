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
import type { QuizStore } from './quiz-store.js';
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
  saveSchedule(schedule: NewSchedule): Schedule {
    return this.schedules.saveSchedule(schedule);
  }
  deleteSchedule(guildId: string, channelId: string): boolean {
    return this.schedules.deleteSchedule(guildId, channelId);
  }
  getSchedule(guildId: string, channelId: string): Schedule | null {
    return this.schedules.getSchedule(guildId, channelId);
  }
  listSchedules(guildId?: string): Schedule[] {
    return this.schedules.listSchedules(guildId);
  }
  recordScheduleProblem(guildId: string, channelId: string, problem: ScheduleProblem, at: Date, pause: boolean): void {
    this.schedules.recordScheduleProblem(guildId, channelId, problem, at, pause);
  }
  clearScheduleProblem(guildId: string, channelId: string): void {
    this.schedules.clearScheduleProblem(guildId, channelId);
  }

  // Guild settings
  getGuildTimezone(guildId: string): string | null {
    return this.schedules.getGuildTimezone(guildId);
  }
  setGuildTimezone(guildId: string, timezone: string): void {
    this.schedules.setGuildTimezone(guildId, timezone);
  }

  // Questions
  createQuestion(input: NewQuestion): { created: boolean; question: StoredQuestion } {
    return this.questions.createQuestion(input);
  }
  setQuestionMessage(questionId: string, messageId: string): void {
    this.questions.setQuestionMessage(questionId, messageId);
  }
  getQuestion(questionId: string): StoredQuestion | null {
    return this.questions.getQuestion(questionId);
  }
  getOpenQuestion(guildId: string, channelId: string): StoredQuestion | null {
    return this.questions.getOpenQuestion(guildId, channelId);
  }
  listOverdueQuestions(now: Date): StoredQuestion[] {
    return this.questions.listOverdueQuestions(now);
  }
  listOpenQuestions(): StoredQuestion[] {
    return this.questions.listOpenQuestions();
  }
  getLatestQuestion(guildId: string, channelId: string): StoredQuestion | null {
    return this.questions.getLatestQuestion(guildId, channelId);
  }
  discardUnpostedQuestion(questionId: string): boolean {
    return this.questions.discardUnpostedQuestion(questionId);
  }

  // Answers
  recordAnswer(questionId: string, userId: string, userName: string, choice: number, now: Date): RecordAnswerResult {
    return this.questions.recordAnswer(questionId, userId, userName, choice, now);
  }
  getAnswer(questionId: string, userId: string): RecordedAnswer | null {
    return this.questions.getAnswer(questionId, userId);
  }
  getTally(questionId: string): Tally {
    return this.questions.getTally(questionId);
  }
  closeQuestion(questionId: string, now: Date): ClosedQuestion | null {
    return this.questions.closeQuestion(questionId, now);
  }

  // Reveals
  listDueReveals(now: Date): PendingReveal[] {
    return this.questions.listDueReveals(now);
  }
  getPendingReveal(guildId: string, channelId: string): PendingReveal | null {
    return this.questions.getPendingReveal(guildId, channelId);
  }
  getNextRevealDue(): Date | null {
    return this.questions.getNextRevealDue();
  }
  postponeReveal(questionId: string, dueAt: Date): void {
    this.questions.postponeReveal(questionId, dueAt);
  }
  settleReveal(questionId: string): void {
    this.questions.settleReveal(questionId);
  }
  listUnpostedQuestions(): StoredQuestion[] {
    return this.questions.listUnpostedQuestions();
  }

  // Scores
  getLeaderboard(guildId: string, period: LeaderboardPeriod, since: Date | null, callerId: string | null, limit?: number): Leaderboard {
    return this.scores.getLeaderboard(guildId, period, since, callerId, limit);
  }
  getMemberStats(guildId: string, userId: string): MemberStats {
    return this.scores.getMemberStats(guildId, userId);
  }
  getConceptPerformance(guildId: string, channelId: string): ConceptPerformance[] {
    return this.scores.getConceptPerformance(guildId, channelId);
  }
  listConceptsAskedThisRound(guildId: string, channelId: string, scope: readonly string[]): Set<string> {
    return this.scores.listConceptsAskedThisRound(guildId, channelId, scope);
  }

  // Flashcards
  recordFlashcardGrade(grade: NewFlashcardGrade): FlashcardGrade {
    return this.flashcards.recordFlashcardGrade(grade);
  }
  listLatestFlashcardGrades(guildId: string, userId: string): FlashcardGrade[] {
    return this.flashcards.listLatestFlashcardGrades(guildId, userId);
  }

  // Members' memory
  recordReview(review: NewReview, next: (before: MemoryState | null) => MemoryState): ReviewLog {
    return this.learning.recordReview(review, next);
  }
  getMemory(key: MemoryKey): StoredMemory | null {
    return this.learning.getMemory(key);
  }
  getAnswerReview(questionId: string, userId: string): ReviewLog | null {
    return this.learning.getAnswerReview(questionId, userId);
  }
  reviseReview(reviewId: number, revision: ReviewRevision, next: (before: MemoryState | null) => MemoryState): ReviewLog | null {
    return this.learning.reviseReview(reviewId, revision, next);
  }
  listMemberMemories(guildId: string, userId: string): StoredMemory[] {
    return this.learning.listMemberMemories(guildId, userId);
  }
  listGuildMemories(guildId: string): StoredMemory[] {
    return this.learning.listGuildMemories(guildId);
  }
  listGuildMemoriesAsOf(guildId: string, at: Date): StoredMemory[] {
    return this.learning.listGuildMemoriesAsOf(guildId, at);
  }
  listMemberReviews(guildId: string, userId: string): ReviewLog[] {
    return this.learning.listMemberReviews(guildId, userId);
  }
  listRecentChannelAnswerers(guildId: string, channelId: string, since: Date): Map<string, Date> {
    return this.learning.listRecentChannelAnswerers(guildId, channelId, since);
  }
  listAnswerActivity(guildId: string, since: Date, until: Date): AnswerActivity[] {
    return this.learning.listAnswerActivity(guildId, since, until);
  }
  listMemberNames(guildId: string): Map<string, string> {
    return this.learning.listMemberNames(guildId);
  }

  // Daily reminders
  saveReminder(input: { guildId: string; userId: string; minuteOfDay: number; language: string | null; at: Date }): Reminder {
    return this.remindersAndReports.saveReminder(input);
  }
  turnOffReminder(guildId: string, userId: string, reason: ReminderOffReason, at: Date): boolean {
    return this.remindersAndReports.turnOffReminder(guildId, userId, reason, at);
  }
  getReminder(guildId: string, userId: string): Reminder | null {
    return this.remindersAndReports.getReminder(guildId, userId);
  }
  listEnabledReminders(): Reminder[] {
    return this.remindersAndReports.listEnabledReminders();
  }
  claimReminderDay(guildId: string, userId: string, date: string): boolean {
    return this.remindersAndReports.claimReminderDay(guildId, userId, date);
  }
  releaseReminderDay(guildId: string, userId: string, date: string, previous: string | null): void {
    this.remindersAndReports.releaseReminderDay(guildId, userId, date, previous);
  }
  recordReminderSent(guildId: string, userId: string, at: Date): void {
    this.remindersAndReports.recordReminderSent(guildId, userId, at);
  }
  takeReminderNotice(guildId: string, userId: string): boolean {
    return this.remindersAndReports.takeReminderNotice(guildId, userId);
  }

  // Weekly team report
  saveReportSchedule(schedule: NewReportSchedule): ReportSchedule {
    return this.remindersAndReports.saveReportSchedule(schedule);
  }
  deleteReportSchedule(guildId: string): boolean {
    return this.remindersAndReports.deleteReportSchedule(guildId);
  }
  getReportSchedule(guildId: string): ReportSchedule | null {
    return this.remindersAndReports.getReportSchedule(guildId);
  }
  listReportSchedules(): ReportSchedule[] {
    return this.remindersAndReports.listReportSchedules();
  }
  recordReportPosted(guildId: string, at: Date): void {
    this.remindersAndReports.recordReportPosted(guildId, at);
  }
  recordReportProblem(guildId: string, problem: ScheduleProblem, at: Date): void {
    this.remindersAndReports.recordReportProblem(guildId, problem, at);
  }

  close(): void {
    this.db.close();
  }
}

/** Open the database file (creating it and its directory, applying migrations) and wrap it in the store. */
export function openQuizStore(file: string): SqliteQuizStore {
  return new SqliteQuizStore(openDatabase(file));
}
