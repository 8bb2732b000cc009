// Members' memory: the state per member and concept, the review log that explains it, and what the team report
// reads from them. A review changes the state and the log together, in one IMMEDIATE transaction.
import type { Transaction } from 'better-sqlite3';
import type { MemoryState } from '../../learning/memory-state.js';
import type { AnswerActivity, MemoryKey, NewReview, ReviewLog, ReviewRevision, StoredMemory } from '../../learning/review-log.js';
import type { SqliteDatabase } from '../database.js';
import { toAnswerActivity, toMemoryStateColumns, toReviewLog, toStateJson, toStoredMemory, toStoredMemoryFromLog } from '../learning-row-mappers.js';
import { prepareLearningStatements, type LearningStatements } from '../learning-statements.js';

export class SqliteLearning {
  private readonly statements: LearningStatements;
  private readonly recordReviewTransaction: Transaction<(review: NewReview, next: (before: MemoryState | null) => MemoryState) => ReviewLog>;
  private readonly reviseReviewTransaction: Transaction<
    (reviewId: number, revision: ReviewRevision, next: (before: MemoryState | null) => MemoryState) => ReviewLog | null
  >;

  constructor(db: SqliteDatabase) {
    this.statements = prepareLearningStatements(db);
    this.recordReviewTransaction = db.transaction((review: NewReview, next: (before: MemoryState | null) => MemoryState) =>
      this.insertReview(review, next),
    );
    this.reviseReviewTransaction = db.transaction((reviewId: number, revision: ReviewRevision, next: (before: MemoryState | null) => MemoryState) =>
      this.updateReview(reviewId, revision, next),
    );
  }

  recordReview(review: NewReview, next: (before: MemoryState | null) => MemoryState): ReviewLog {
    // IMMEDIATE: the state read and the write must not interleave with another process's review of the same concept.
    return this.recordReviewTransaction.immediate(review, next);
  }

  getMemory({ guildId, userId, conceptId }: MemoryKey): StoredMemory | null {
    const row = this.statements.selectMemoryState.get(guildId, userId, conceptId);
    return row ? toStoredMemory(row) : null;
  }

  getAnswerReview(questionId: string, userId: string): ReviewLog | null {
    const row = this.statements.selectAnswerReview.get(questionId, userId);
    return row ? toReviewLog(row) : null;
  }

  reviseReview(reviewId: number, revision: ReviewRevision, next: (before: MemoryState | null) => MemoryState): ReviewLog | null {
    return this.reviseReviewTransaction.immediate(reviewId, revision, next);
  }

  listMemberMemories(guildId: string, userId: string): StoredMemory[] {
    return this.statements.selectMemberMemoryStates.all(guildId, userId).map(toStoredMemory);
  }

  listGuildMemories(guildId: string): StoredMemory[] {
    return this.statements.selectGuildMemoryStates.all(guildId).map(toStoredMemory);
  }

  listGuildMemoriesAsOf(guildId: string, at: Date): StoredMemory[] {
    return this.statements.selectMemoriesAsOf.all({ guildId, at: at.getTime() }).map(toStoredMemoryFromLog);
  }

  listMemberReviews(guildId: string, userId: string): ReviewLog[] {
    return this.statements.selectMemberReviewLogs.all(guildId, userId).map(toReviewLog);
  }

  listRecentChannelAnswerers(guildId: string, channelId: string, since: Date): Map<string, Date> {
    const rows = this.statements.selectRecentChannelAnswerers.all({ guildId, channelId, since: since.getTime() });
    return new Map(rows.map((row) => [row.user_id, new Date(row.last_answered_at)]));
  }

  listAnswerActivity(guildId: string, since: Date, until: Date): AnswerActivity[] {
    return this.statements.selectAnswerActivity.all({ guildId, since: since.getTime(), until: until.getTime() }).map(toAnswerActivity);
  }

  listMemberNames(guildId: string): Map<string, string> {
    return new Map(this.statements.selectMemberNames.all(guildId).map((row) => [row.user_id, row.user_name]));
  }

  // Transaction bodies (run only inside the transactions made in the constructor)

  private insertReview(review: NewReview, next: (before: MemoryState | null) => MemoryState): ReviewLog {
    const { guildId, userId, conceptId } = review;
    const beforeRow = this.statements.selectMemoryState.get(guildId, userId, conceptId);
    const before = beforeRow ? toStoredMemory(beforeRow).state : null;
    const after = next(before);
    const reviewedAt = review.reviewedAt.getTime();
    this.statements.upsertMemoryState.run({ guildId, userId, conceptId, ...toMemoryStateColumns(after), updatedAt: reviewedAt });
    const { lastInsertRowid } = this.statements.insertReviewLog.run({
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
    const row = this.statements.selectReviewLog.get(lastInsertRowid);
    if (!row) throw new Error(`Review of ${conceptId} by ${userId} is missing right after insert`);
    return toReviewLog(row);
  }

  private updateReview(reviewId: number, revision: ReviewRevision, next: (before: MemoryState | null) => MemoryState): ReviewLog | null {
    const row = this.statements.selectReviewLog.get(reviewId);
    if (!row) return null;
    const review = toReviewLog(row);
    // Re-rating an older review would leave every later state computed from the old rating: refuse instead.
    if (this.statements.selectLatestReviewId.get(review.guildId, review.userId, review.conceptId)?.id !== review.id) return null;
    const after = next(review.stateBefore);
    this.statements.updateReviewRating.run({
      id: reviewId,
      rating: revision.rating,
      confidence: revision.confidence,
      stateAfterJson: toStateJson(after),
    });
    this.statements.upsertMemoryState.run({
      guildId: review.guildId,
      userId: review.userId,
      conceptId: review.conceptId,
      ...toMemoryStateColumns(after),
      updatedAt: revision.revisedAt.getTime(),
    });
    const updated = this.statements.selectReviewLog.get(reviewId);
    return updated ? toReviewLog(updated) : null;
  }
}
