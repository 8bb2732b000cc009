import type {
  ClosedQuestion,
  ConceptPerformance,
  Leaderboard,
  LeaderboardPeriod,
  LeaderboardRow,
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
import type { Transaction } from 'better-sqlite3';
import type { FlashcardGrade, NewFlashcardGrade } from '../quiz/flashcard-practice.js';
import type { MemoryState } from '../learning/memory-state.js';
import type { AnswerActivity, MemoryKey, NewReview, ReviewLog, ReviewRevision, StoredMemory } from '../learning/review-log.js';
import type { QuizStore } from './quiz-store.js';
import type { Reminder, ReminderOffReason } from '../learning/reminder-rules.js';
import type { NewReportSchedule, ReportSchedule } from '../learning/report-schedule.js';
import { prepareReminderReportStatements, toReminder, toReportSchedule, type ReminderReportStatements } from './reminder-report-statements.js';
import { prepareLearningStatements, type LearningStatements } from './learning-statements.js';
import { toAnswerActivity, toMemoryStateColumns, toReviewLog, toStateJson, toStoredMemory, toStoredMemoryFromLog } from './learning-row-mappers.js';
import { createShortId } from './create-short-id.js';
import { openDatabase, type SqliteDatabase } from './database.js';
import { prepareStatements, type PreparedStatements } from './quiz-statements.js';
import {
  fromScheduleProblem,
  toAccuracy,
  toDateOrNull,
  toFlashcardGrade,
  toPendingReveal,
  toRecordedAnswer,
  toSchedule,
  toStoredQuestion,
} from './row-mappers.js';

/**
 * The embedded `QuizStore`: one SQLite file in WAL mode. Statements are prepared once; every operation that
 * changes several rows runs in one IMMEDIATE transaction, which also makes it safe when several processes
 * (the bot and a CLI, or a restarted bot) share the file.
 */
export class SqliteQuizStore implements QuizStore {
  private readonly statements: PreparedStatements;
  private readonly createQuestionTransaction: Transaction<(input: NewQuestion) => { created: boolean; question: StoredQuestion }>;
  private readonly recordAnswerTransaction: Transaction<
    (questionId: string, userId: string, userName: string, choice: number, now: Date) => RecordAnswerResult
  >;
  private readonly closeQuestionTransaction: Transaction<(questionId: string, now: Date) => StoredQuestion | null>;
  private readonly learning: LearningStatements;
  private readonly remindersAndReports: ReminderReportStatements;
  private readonly recordReviewTransaction: Transaction<(review: NewReview, next: (before: MemoryState | null) => MemoryState) => ReviewLog>;
  private readonly reviseReviewTransaction: Transaction<
    (reviewId: number, revision: ReviewRevision, next: (before: MemoryState | null) => MemoryState) => ReviewLog | null
  >;

  constructor(private readonly db: SqliteDatabase) {
    this.statements = prepareStatements(db);
    this.learning = prepareLearningStatements(db);
    this.remindersAndReports = prepareReminderReportStatements(db);
    this.recordReviewTransaction = db.transaction((review: NewReview, next: (before: MemoryState | null) => MemoryState) =>
      this.insertReview(review, next),
    );
    this.reviseReviewTransaction = db.transaction((reviewId: number, revision: ReviewRevision, next: (before: MemoryState | null) => MemoryState) =>
      this.updateReview(reviewId, revision, next),
    );
    this.createQuestionTransaction = db.transaction((input: NewQuestion) => this.insertQuestion(input));
    this.recordAnswerTransaction = db.transaction((questionId: string, userId: string, userName: string, choice: number, now: Date) =>
      this.insertAnswer(questionId, userId, userName, choice, now),
    );
    this.closeQuestionTransaction = db.transaction((questionId: string, now: Date) => this.markClosed(questionId, now));
  }

  // Schedules

  saveSchedule(schedule: NewSchedule): Schedule {
    this.statements.upsertSchedule.run({
      guildId: schedule.guildId,
      channelId: schedule.channelId,
      cron: schedule.cron,
      timezone: schedule.timezone,
      noteId: schedule.noteId,
      closeAfterMinutes: schedule.closeAfterMinutes,
      language: schedule.language ?? null,
      createdBy: schedule.createdBy,
      createdAt: schedule.createdAt.getTime(),
    });
    const saved = this.getSchedule(schedule.guildId, schedule.channelId);
    if (!saved) throw new Error(`Schedule ${schedule.guildId}/${schedule.channelId} vanished right after saving`);
    return saved;
  }

  deleteSchedule(guildId: string, channelId: string): boolean {
    return this.statements.deleteSchedule.run(guildId, channelId).changes === 1;
  }

  getSchedule(guildId: string, channelId: string): Schedule | null {
    const row = this.statements.selectSchedule.get(guildId, channelId);
    return row ? toSchedule(row) : null;
  }

  listSchedules(guildId?: string): Schedule[] {
    const rows = guildId === undefined ? this.statements.selectAllSchedules.all() : this.statements.selectGuildSchedules.all(guildId);
    return rows.map(toSchedule);
  }

  recordScheduleProblem(guildId: string, channelId: string, problem: ScheduleProblem, at: Date, pause: boolean): void {
    this.statements.updateScheduleProblem.run({ guildId, channelId, ...fromScheduleProblem(problem), at: at.getTime(), pause: pause ? 1 : 0 });
  }

  clearScheduleProblem(guildId: string, channelId: string): void {
    this.statements.clearScheduleProblem.run(guildId, channelId);
  }

  // Guild settings

  getGuildTimezone(guildId: string): string | null {
    return this.statements.selectGuildTimezone.get(guildId)?.timezone ?? null;
  }

  setGuildTimezone(guildId: string, timezone: string): void {
    this.statements.upsertGuildTimezone.run(guildId, timezone);
  }

  // Questions

  createQuestion(input: NewQuestion): { created: boolean; question: StoredQuestion } {
    return this.createQuestionTransaction.immediate(input);
  }

  setQuestionMessage(questionId: string, messageId: string): void {
    this.statements.updateQuestionMessage.run(messageId, questionId);
  }

  getQuestion(questionId: string): StoredQuestion | null {
    const row = this.statements.selectQuestion.get(questionId);
    return row ? toStoredQuestion(row) : null;
  }

  getOpenQuestion(guildId: string, channelId: string): StoredQuestion | null {
    const row = this.statements.selectOpenChannelQuestion.get(guildId, channelId);
    return row ? toStoredQuestion(row) : null;
  }

  listOverdueQuestions(now: Date): StoredQuestion[] {
    return this.statements.selectOverdueQuestions.all(now.getTime()).map(toStoredQuestion);
  }

  listOpenQuestions(): StoredQuestion[] {
    return this.statements.selectOpenQuestions.all().map(toStoredQuestion);
  }

  /** Newest by creation among the channel's posts; practice questions are not posts and are left out. */
  getLatestQuestion(guildId: string, channelId: string): StoredQuestion | null {
    const row = this.statements.selectLatestChannelQuestion.get(guildId, channelId);
    return row ? toStoredQuestion(row) : null;
  }

  discardUnpostedQuestion(questionId: string): boolean {
    return this.statements.deleteUnpostedQuestion.run({ questionId }).changes === 1;
  }

  // Answers

  /**
   * Durable on return: the commit is in the WAL before this returns, and with `synchronous = NORMAL` a
   * killed process cannot lose it (see openDatabase). So the caller may acknowledge the click afterwards.
   */
  recordAnswer(questionId: string, userId: string, userName: string, choice: number, now: Date): RecordAnswerResult {
    // IMMEDIATE: the open-check and the insert must see the same state as a close running in another process.
    return this.recordAnswerTransaction.immediate(questionId, userId, userName, choice, now);
  }

  getAnswer(questionId: string, userId: string): RecordedAnswer | null {
    const row = this.statements.selectAnswer.get(questionId, userId);
    return row ? toRecordedAnswer(row) : null;
  }

  getTally(questionId: string): Tally {
    const optionsJson = this.statements.selectQuestionOptions.get(questionId)?.options_json;
    const counts: number[] = optionsJson === undefined ? [] : (JSON.parse(optionsJson) as string[]).map(() => 0);
    let participants = 0;
    for (const { choice, count } of this.statements.selectChoiceCounts.all(questionId)) {
      counts[choice] = count;
      participants += count;
    }
    const correct = this.statements.selectCorrectAnswerers.all(questionId).map((row) => ({ userId: row.user_id, userName: row.user_name }));
    return { questionId, counts, participants, correct };
  }

  closeQuestion(questionId: string, now: Date): ClosedQuestion | null {
    const question = this.closeQuestionTransaction.immediate(questionId, now);
    return question ? { question, tally: this.getTally(questionId) } : null;
  }

  // Reveals

  listDueReveals(now: Date): PendingReveal[] {
    return this.statements.selectDueReveals.all(now.getTime()).map(toPendingReveal);
  }

  getPendingReveal(guildId: string, channelId: string): PendingReveal | null {
    const row = this.statements.selectChannelPendingReveal.get(guildId, channelId);
    return row ? toPendingReveal(row) : null;
  }

  getNextRevealDue(): Date | null {
    return toDateOrNull(this.statements.selectNextRevealDue.get()?.due ?? null);
  }

  postponeReveal(questionId: string, dueAt: Date): void {
    this.statements.updateRevealRetry.run(dueAt.getTime(), questionId);
  }

  settleReveal(questionId: string): void {
    this.statements.clearReveal.run(questionId);
  }

  listUnpostedQuestions(): StoredQuestion[] {
    return this.statements.selectUnpostedQuestions.all().map(toStoredQuestion);
  }

  // Scores

  /**
   * A point belongs to the period in which its question closed (the reveal), not to the click: counting
   * clicks on open questions would let the leaderboard reveal who answered right before the reveal does.
   * `since = null` reads the running totals; any date aggregates the answers scored at or after it.
   */
  getLeaderboard(guildId: string, period: LeaderboardPeriod, since: Date | null, callerId: string | null, limit = 10): Leaderboard {
    const parameters = { guildId, limit, callerId };
    // A period that starts before the guild's first scored answer holds the whole history: the running
    // totals answer it without aggregating every answer (a team in its first month asks exactly that).
    const earliest = since === null ? null : (this.statements.selectEarliestScoredAt.get(guildId)?.earliest ?? null);
    const wholeHistory = since === null || earliest === null || since.getTime() <= earliest;
    const rows = wholeHistory
      ? this.statements.selectAllTimeLeaderboard.all(parameters)
      : this.statements.selectPeriodLeaderboard.all({ ...parameters, since: since.getTime() });
    const top: LeaderboardRow[] = [];
    let caller: LeaderboardRow | null = null;
    for (const row of rows) {
      const entry: LeaderboardRow = {
        rank: row.rank,
        userId: row.user_id,
        userName: row.user_name,
        points: row.points,
        answered: row.answered,
        accuracy: toAccuracy(row.points, row.answered),
        streak: row.streak,
      };
      if (row.position <= limit) top.push(entry);
      else caller = entry;
    }
    return { period, since, top, caller };
  }

  getMemberStats(guildId: string, userId: string): MemberStats {
    const score = this.statements.selectMemberScore.get(guildId, userId);
    const points = score?.points ?? 0;
    const answered = score?.answered ?? 0;
    return {
      userId,
      userName: this.statements.selectMemberName.get(guildId, userId)?.user_name ?? null,
      points,
      answered,
      accuracy: toAccuracy(points, answered),
      streak: score?.streak ?? 0,
      bestStreak: score?.best_streak ?? 0,
      weakest: this.statements.selectWeakestConcepts
        .all(guildId, userId)
        .map((row) => ({ conceptId: row.concept_id, answered: row.answered, correct: row.correct })),
    };
  }

  getConceptPerformance(guildId: string, channelId: string): ConceptPerformance[] {
    return this.statements.selectConceptPerformance.all(guildId, channelId).map((row) => ({
      conceptId: row.concept_id,
      asked: row.asked,
      answers: row.answers,
      correctAnswers: row.correct_answers,
      lastAskedAt: toDateOrNull(row.last_asked_at),
    }));
  }

  /**
   * Rounds are counted from the channel's first question onwards: each time every concept of `scope` has been
   * asked, a new round starts. (Walking newest-first to the last full cover would instead make the order a
   * fixed cycle and leave the chooser no freedom to prefer weak concepts at the start of a round.)
   * A scope that changed is applied to the whole history, so a newly added concept belongs to the current round.
   */
  listConceptsAskedThisRound(guildId: string, channelId: string, scope: readonly string[]): Set<string> {
    const inScope = new Set(scope);
    let round = new Set<string>();
    if (inScope.size === 0) return round;
    for (const { concept_id: conceptId } of this.statements.selectChannelConceptHistory.iterate(guildId, channelId)) {
      if (!inScope.has(conceptId)) continue;
      round.add(conceptId);
      if (round.size === inScope.size) round = new Set();
    }
    return round;
  }

  // Flashcards

  /** One INSERT in autocommit: durable on return (see recordAnswer), so the click may be acknowledged afterwards. */
  recordFlashcardGrade(grade: NewFlashcardGrade): FlashcardGrade {
    const { lastInsertRowid } = this.statements.insertFlashcardGrade.run({
      guildId: grade.guildId,
      userId: grade.userId,
      conceptId: grade.conceptId,
      cardKey: grade.cardKey,
      grade: grade.grade,
      gradedAt: grade.gradedAt.getTime(),
    });
    const row = this.statements.selectFlashcardGrade.get(lastInsertRowid);
    if (!row) throw new Error(`Flashcard grade of ${grade.userId} for ${grade.cardKey} is missing right after insert`);
    return toFlashcardGrade(row);
  }

  listLatestFlashcardGrades(guildId: string, userId: string): FlashcardGrade[] {
    return this.statements.selectLatestFlashcardGrades.all(guildId, userId).map(toFlashcardGrade);
  }

  // Members' memory

  recordReview(review: NewReview, next: (before: MemoryState | null) => MemoryState): ReviewLog {
    // IMMEDIATE: the state read and the write must not interleave with another process's review of the same concept.
    return this.recordReviewTransaction.immediate(review, next);
  }

  getMemory({ guildId, userId, conceptId }: MemoryKey): StoredMemory | null {
    const row = this.learning.selectMemoryState.get(guildId, userId, conceptId);
    return row ? toStoredMemory(row) : null;
  }

  getAnswerReview(questionId: string, userId: string): ReviewLog | null {
    const row = this.learning.selectAnswerReview.get(questionId, userId);
    return row ? toReviewLog(row) : null;
  }

  reviseReview(reviewId: number, revision: ReviewRevision, next: (before: MemoryState | null) => MemoryState): ReviewLog | null {
    return this.reviseReviewTransaction.immediate(reviewId, revision, next);
  }

  listMemberMemories(guildId: string, userId: string): StoredMemory[] {
    return this.learning.selectMemberMemoryStates.all(guildId, userId).map(toStoredMemory);
  }

  listGuildMemories(guildId: string): StoredMemory[] {
    return this.learning.selectGuildMemoryStates.all(guildId).map(toStoredMemory);
  }

  listGuildMemoriesAsOf(guildId: string, at: Date): StoredMemory[] {
    return this.learning.selectMemoriesAsOf.all({ guildId, at: at.getTime() }).map(toStoredMemoryFromLog);
  }

  listMemberReviews(guildId: string, userId: string): ReviewLog[] {
    return this.learning.selectMemberReviewLogs.all(guildId, userId).map(toReviewLog);
  }

  listRecentChannelAnswerers(guildId: string, channelId: string, since: Date): Map<string, Date> {
    const rows = this.learning.selectRecentChannelAnswerers.all({ guildId, channelId, since: since.getTime() });
    return new Map(rows.map((row) => [row.user_id, new Date(row.last_answered_at)]));
  }

  listAnswerActivity(guildId: string, since: Date, until: Date): AnswerActivity[] {
    return this.learning.selectAnswerActivity.all({ guildId, since: since.getTime(), until: until.getTime() }).map(toAnswerActivity);
  }

  listMemberNames(guildId: string): Map<string, string> {
    return new Map(this.learning.selectMemberNames.all(guildId).map((row) => [row.user_id, row.user_name]));
  }

  // Daily reminders

  saveReminder(input: { guildId: string; userId: string; minuteOfDay: number; language: string | null; at: Date }): Reminder {
    this.remindersAndReports.upsertReminderOn.run({ ...input, at: input.at.getTime() });
    const saved = this.getReminder(input.guildId, input.userId);
    if (!saved) throw new Error(`Reminder ${input.guildId}/${input.userId} vanished right after saving`);
    return saved;
  }

  turnOffReminder(guildId: string, userId: string, reason: ReminderOffReason, at: Date): boolean {
    const notice = reason === 'dms-closed' ? 1 : 0;
    return this.remindersAndReports.updateReminderOff.run({ guildId, userId, reason, notice, at: at.getTime() }).changes === 1;
  }

  getReminder(guildId: string, userId: string): Reminder | null {
    const row = this.remindersAndReports.selectReminder.get(guildId, userId);
    return row ? toReminder(row) : null;
  }

  listEnabledReminders(): Reminder[] {
    return this.remindersAndReports.selectEnabledReminders.all().map(toReminder);
  }

  claimReminderDay(guildId: string, userId: string, date: string): boolean {
    return this.remindersAndReports.claimReminderDay.run({ guildId, userId, date }).changes === 1;
  }

  releaseReminderDay(guildId: string, userId: string, date: string, previous: string | null): void {
    this.remindersAndReports.releaseReminderDay.run({ guildId, userId, date, previous });
  }

  recordReminderSent(guildId: string, userId: string, at: Date): void {
    this.remindersAndReports.updateReminderSent.run(at.getTime(), guildId, userId);
  }

  takeReminderNotice(guildId: string, userId: string): boolean {
    // Asked after every command and click: a read first, so the common case (nothing to tell) takes no write lock.
    if (this.remindersAndReports.selectReminder.get(guildId, userId)?.notice_pending !== 1) return false;
    return this.remindersAndReports.takeReminderNotice.run(guildId, userId).changes === 1;
  }

  // Weekly team report

  saveReportSchedule(schedule: NewReportSchedule): ReportSchedule {
    this.remindersAndReports.upsertReportSchedule.run({ ...schedule, createdAt: schedule.createdAt.getTime() });
    const saved = this.getReportSchedule(schedule.guildId);
    if (!saved) throw new Error(`Report schedule of ${schedule.guildId} vanished right after saving`);
    return saved;
  }

  deleteReportSchedule(guildId: string): boolean {
    return this.remindersAndReports.deleteReportSchedule.run(guildId).changes === 1;
  }

  getReportSchedule(guildId: string): ReportSchedule | null {
    const row = this.remindersAndReports.selectReportSchedule.get(guildId);
    return row ? toReportSchedule(row) : null;
  }

  listReportSchedules(): ReportSchedule[] {
    return this.remindersAndReports.selectAllReportSchedules.all().map(toReportSchedule);
  }

  recordReportPosted(guildId: string, at: Date): void {
    this.remindersAndReports.updateReportPosted.run(at.getTime(), guildId);
  }

  recordReportProblem(guildId: string, problem: ScheduleProblem, at: Date): void {
    this.remindersAndReports.updateReportProblem.run({ guildId, ...fromScheduleProblem(problem), at: at.getTime() });
  }

  close(): void {
    this.db.close();
  }

  // Transaction bodies (run only inside the transactions made in the constructor)

  private insertQuestion(input: NewQuestion): { created: boolean; question: StoredQuestion } {
    const { question } = input;
    const inserted = this.statements.insertQuestion.run({
      id: createShortId(),
      guildId: input.guildId,
      channelId: input.channelId,
      slotKey: input.slotKey,
      conceptId: question.conceptId,
      kind: question.kind,
      prompt: question.prompt,
      optionsJson: JSON.stringify(question.options),
      answer: question.answer,
      optionConceptIdsJson: question.optionConceptIds === undefined ? null : JSON.stringify(question.optionConceptIds),
      practiceUserId: input.practiceUserId ?? null,
      language: input.language ?? null,
      createdAt: input.createdAt.getTime(),
      closesAt: input.closesAt.getTime(),
    });
    const row = this.statements.selectQuestionBySlot.get(input.guildId, input.channelId, input.slotKey);
    if (!row) throw new Error(`Question for slot ${input.slotKey} in ${input.guildId}/${input.channelId} is missing right after insert`);
    return { created: inserted.changes === 1, question: toStoredQuestion(row) };
  }

  private insertAnswer(questionId: string, userId: string, userName: string, choice: number, now: Date): RecordAnswerResult {
    const row = this.statements.selectQuestion.get(questionId);
    if (!row) return { kind: 'unknown-question' };
    const question = toStoredQuestion(row);
    if (question.status === 'closed' || now.getTime() >= row.closes_at) return { kind: 'closed', question };
    // Only a custom id the bot never made carries another choice: a clear answer, not an error.
    if (!Number.isInteger(choice) || choice < 0 || choice >= question.options.length) return { kind: 'invalid-choice', question };

    const answeredAt = now.getTime();
    const inserted = this.statements.insertAnswer.run({
      questionId,
      userId,
      userName,
      choice,
      correct: choice === row.answer ? 1 : 0,
      answeredAt,
      guildId: row.guild_id,
    });
    const stored = this.statements.selectAnswer.get(questionId, userId);
    if (!stored) throw new Error(`Answer of ${userId} to ${questionId} is missing right after insert`);
    if (inserted.changes === 0) return { kind: 'already-answered', answer: toRecordedAnswer(stored), question };

    this.statements.upsertMemberName.run({ guildId: row.guild_id, userId, userName, updatedAt: answeredAt });
    return { kind: 'recorded', answer: toRecordedAnswer(stored), question };
  }

  private insertReview(review: NewReview, next: (before: MemoryState | null) => MemoryState): ReviewLog {
    const { guildId, userId, conceptId } = review;
    const beforeRow = this.learning.selectMemoryState.get(guildId, userId, conceptId);
    const before = beforeRow ? toStoredMemory(beforeRow).state : null;
    const after = next(before);
    const reviewedAt = review.reviewedAt.getTime();
    this.learning.upsertMemoryState.run({ guildId, userId, conceptId, ...toMemoryStateColumns(after), updatedAt: reviewedAt });
    const { lastInsertRowid } = this.learning.insertReviewLog.run({
      guildId,
      userId,
      conceptId,
      source: review.source,
      rating: review.rating,
      questionId: review.questionId,
      reviewedAt,
      stateBeforeJson: before === null ? null : toStateJson(before),
      stateAfterJson: toStateJson(after),
    });
    const row = this.learning.selectReviewLog.get(lastInsertRowid);
    if (!row) throw new Error(`Review of ${conceptId} by ${userId} is missing right after insert`);
    return toReviewLog(row);
  }

  private updateReview(reviewId: number, revision: ReviewRevision, next: (before: MemoryState | null) => MemoryState): ReviewLog | null {
    const row = this.learning.selectReviewLog.get(reviewId);
    if (!row) return null;
    const review = toReviewLog(row);
    // Re-rating an older review would leave every later state computed from the old rating: refuse instead.
    if (this.learning.selectLatestReviewId.get(review.guildId, review.userId, review.conceptId)?.id !== review.id) return null;
    const after = next(review.stateBefore);
    this.learning.updateReviewRating.run({
      id: reviewId,
      rating: revision.rating,
      confidence: revision.confidence,
      stateAfterJson: toStateJson(after),
    });
    this.learning.upsertMemoryState.run({
      guildId: review.guildId,
      userId: review.userId,
      conceptId: review.conceptId,
      ...toMemoryStateColumns(after),
      updatedAt: revision.revisedAt.getTime(),
    });
    const updated = this.learning.selectReviewLog.get(reviewId);
    return updated ? toReviewLog(updated) : null;
  }

  private markClosed(questionId: string, now: Date): StoredQuestion | null {
    const before = this.statements.selectQuestion.get(questionId);
    if (!before) return null;
    const closedAt = now.getTime();
    // Only the transition open → closed scores; a second close (or a close racing in another process) changes nothing.
    const changed = this.statements.updateQuestionClosed.run({ closedAt, questionId }).changes === 1;
    if (changed && before.practice_user_id === null) {
      this.statements.resetStreaksOfMissingMembers.run(before.guild_id, questionId);
      this.statements.upsertScoresFromAnswers.run(questionId);
      this.statements.updateAnswersScored.run(closedAt, questionId);
    }
    const after = this.statements.selectQuestion.get(questionId);
    return after ? toStoredQuestion(after) : null;
  }
}

/** Open the database file (creating it and its directory, applying migrations) and wrap it in the store. */
export function openQuizStore(file: string): SqliteQuizStore {
  return new SqliteQuizStore(openDatabase(file));
}
