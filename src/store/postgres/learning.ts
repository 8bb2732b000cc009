// Members' memory: the state per member and concept, the review log that explains it, and what the team report
// and the team's weakest concept read from them. A review reads and changes the state and the log in one
// transaction, holding the state's row lock, so two reviews of one concept at once never lose one.
import type { MemoryState } from '../../learning/memory-state.js';
import type { AnswerActivity, MemoryKey, NewReview, ReviewLog, ReviewRevision, StoredMemory } from '../../learning/review-log.js';
import type pg from 'pg';
import { inTransaction, type PostgresContext } from './connection.js';
import {
  memoryStateColumns,
  reviewLogColumns,
  toMemoryStateValues,
  toReviewLog,
  toStoredMemory,
  toStoredMemoryFromLog,
  type MemoryStateRow,
  type ReviewLogRow,
} from './learning-row-mappers.js';

/** The transaction-level advisory lock class of a first review of one member's concept ("memo"). */
const firstReviewLockClass = 0x6d656d6f;

export class PostgresLearning {
  constructor(private readonly db: PostgresContext) {}

  async recordReview(review: NewReview, next: (before: MemoryState | null) => MemoryState): Promise<ReviewLog> {
    return inTransaction(this.db.pool, async (client) => {
      const beforeRow = await this.lockMemoryState(client, review);
      const before = beforeRow ? toStoredMemory(beforeRow).state : null;
      const after = next(before);
      await this.upsertMemoryState(client, review, after, review.reviewedAt);
      const { rows } = await client.query<ReviewLogRow>(
        `INSERT INTO ${this.db.tables.review_logs} (guild_id, user_id, concept_id, source, rating, question_id, reviewed_at, state_before, state_after)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        RETURNING ${reviewLogColumns}`,
        [
          review.guildId,
          review.userId,
          review.conceptId,
          review.source,
          review.rating,
          review.questionId,
          review.reviewedAt,
          before === null ? null : JSON.stringify(before),
          JSON.stringify(after),
        ],
      );
      if (!rows[0]) throw new Error(`Review of ${review.conceptId} by ${review.userId} is missing right after insert`);
      return toReviewLog(rows[0]);
    });
  }

  async getMemory({ guildId, userId, conceptId }: MemoryKey): Promise<StoredMemory | null> {
    const { rows } = await this.db.pool.query<MemoryStateRow>(
      `SELECT ${memoryStateColumns} FROM ${this.db.tables.memory_states} WHERE guild_id = $1 AND user_id = $2 AND concept_id = $3`,
      [guildId, userId, conceptId],
    );
    return rows[0] ? toStoredMemory(rows[0]) : null;
  }

  /** The review an answer made (one per question and member: the first answer is the only one reviewed). */
  async getAnswerReview(questionId: string, userId: string): Promise<ReviewLog | null> {
    const { rows } = await this.db.pool.query<ReviewLogRow>(
      `SELECT ${reviewLogColumns} FROM ${this.db.tables.review_logs} WHERE question_id = $1 AND user_id = $2 ORDER BY id LIMIT 1`,
      [questionId, userId],
    );
    return rows[0] ? toReviewLog(rows[0]) : null;
  }

  async reviseReview(reviewId: number, revision: ReviewRevision, next: (before: MemoryState | null) => MemoryState): Promise<ReviewLog | null> {
    return inTransaction(this.db.pool, async (client) => {
      const logs = this.db.tables.review_logs;
      const found = await client.query<ReviewLogRow>(`SELECT ${reviewLogColumns} FROM ${logs} WHERE id = $1`, [reviewId]);
      if (!found.rows[0]) return null;
      // The state's row first, as recordReview takes it: a review of the same concept waits, or is waited for.
      const key = toReviewLog(found.rows[0]);
      await this.lockMemoryState(client, key);
      const locked = await client.query<ReviewLogRow>(`SELECT ${reviewLogColumns} FROM ${logs} WHERE id = $1 FOR UPDATE`, [reviewId]);
      if (!locked.rows[0]) return null;
      const review = toReviewLog(locked.rows[0]);
      // Re-rating an older review would leave every later state computed from the old rating: refuse instead.
      const latest = await client.query<{ id: number }>(
        `SELECT id FROM ${logs} WHERE guild_id = $1 AND user_id = $2 AND concept_id = $3 ORDER BY reviewed_at DESC, id DESC LIMIT 1`,
        [review.guildId, review.userId, review.conceptId],
      );
      if (latest.rows[0]?.id !== review.id) return null;
      const after = next(review.stateBefore);
      const updated = await client.query<ReviewLogRow>(
        `UPDATE ${logs} SET rating = $2, confidence = $3, state_after = $4 WHERE id = $1 RETURNING ${reviewLogColumns}`,
        [reviewId, revision.rating, revision.confidence, JSON.stringify(after)],
      );
      await this.upsertMemoryState(client, review, after, revision.revisedAt);
      return updated.rows[0] ? toReviewLog(updated.rows[0]) : null;
    });
  }

  async listMemberMemories(guildId: string, userId: string): Promise<StoredMemory[]> {
    const { rows } = await this.db.pool.query<MemoryStateRow>(
      `SELECT ${memoryStateColumns} FROM ${this.db.tables.memory_states} WHERE guild_id = $1 AND user_id = $2 ORDER BY concept_id`,
      [guildId, userId],
    );
    return rows.map(toStoredMemory);
  }

  async listGuildMemories(guildId: string): Promise<StoredMemory[]> {
    const { rows } = await this.db.pool.query<MemoryStateRow>(
      `SELECT ${memoryStateColumns} FROM ${this.db.tables.memory_states} WHERE guild_id = $1 ORDER BY user_id, concept_id`,
      [guildId],
    );
    return rows.map(toStoredMemory);
  }

  /** The latest review of each member and concept at or before `at`: the memory as it stood then. */
  async listGuildMemoriesAsOf(guildId: string, at: Date): Promise<StoredMemory[]> {
    const { rows } = await this.db.pool.query<ReviewLogRow>(
      `SELECT DISTINCT ON (user_id, concept_id) ${reviewLogColumns} FROM ${this.db.tables.review_logs}
      WHERE guild_id = $1 AND reviewed_at <= $2
      ORDER BY user_id, concept_id, reviewed_at DESC, id DESC`,
      [guildId, at],
    );
    return rows.map(toStoredMemoryFromLog);
  }

  async listMemberReviews(guildId: string, userId: string): Promise<ReviewLog[]> {
    const { rows } = await this.db.pool.query<ReviewLogRow>(
      `SELECT ${reviewLogColumns} FROM ${this.db.tables.review_logs} WHERE guild_id = $1 AND user_id = $2 ORDER BY reviewed_at, id`,
      [guildId, userId],
    );
    return rows.map(toReviewLog);
  }

  async listRecentChannelAnswerers(guildId: string, channelId: string, since: Date): Promise<Map<string, Date>> {
    const t = this.db.tables;
    const { rows } = await this.db.pool.query<{ user_id: string; last_answered_at: Date }>(
      `SELECT a.user_id, max(a.answered_at) AS last_answered_at
      FROM ${t.answers} a JOIN ${t.questions} q ON q.id = a.question_id
      WHERE q.guild_id = $1 AND q.channel_id = $2 AND q.practice_user_id IS NULL AND a.answered_at >= $3
      GROUP BY a.user_id
      ORDER BY a.user_id`,
      [guildId, channelId, since],
    );
    return new Map(rows.map((row) => [row.user_id, row.last_answered_at]));
  }

  /** Questions' answers (channel and practice) and flashcard self-grades ("knew" counts as right) in [since, until). */
  async listAnswerActivity(guildId: string, since: Date, until: Date): Promise<AnswerActivity[]> {
    const t = this.db.tables;
    const { rows } = await this.db.pool.query<{ user_id: string; concept_id: string; correct: boolean; answered_at: Date }>(
      `SELECT a.user_id, q.concept_id, a.correct, a.answered_at
      FROM ${t.answers} a JOIN ${t.questions} q ON q.id = a.question_id
      WHERE a.guild_id = $1 AND a.answered_at >= $2 AND a.answered_at < $3
      UNION ALL
      SELECT g.user_id, g.concept_id, g.grade = 'knew', g.graded_at
      FROM ${t.flashcard_grades} g
      WHERE g.guild_id = $1 AND g.graded_at >= $2 AND g.graded_at < $3
      ORDER BY 4, 1`,
      [guildId, since, until],
    );
    return rows.map((row) => ({ userId: row.user_id, conceptId: row.concept_id, correct: row.correct, answeredAt: row.answered_at }));
  }

  async listMemberNames(guildId: string): Promise<Map<string, string>> {
    const { rows } = await this.db.pool.query<{ user_id: string; user_name: string }>(
      `SELECT user_id, user_name FROM ${this.db.tables.member_names} WHERE guild_id = $1 ORDER BY user_id`,
      [guildId],
    );
    return new Map(rows.map((row) => [row.user_id, row.user_name]));
  }

  /**
   * The member's state of the concept, locked for this transaction. A concept never reviewed has no row to lock:
   * two first reviews at once would both start from nothing, so the key's advisory lock makes the second wait for
   * the first to commit, and the second read then finds (and locks) the row the first wrote.
   */
  private async lockMemoryState(client: pg.PoolClient, { guildId, userId, conceptId }: MemoryKey): Promise<MemoryStateRow | null> {
    const select = `SELECT ${memoryStateColumns} FROM ${this.db.tables.memory_states}
      WHERE guild_id = $1 AND user_id = $2 AND concept_id = $3 FOR UPDATE`;
    const found = await client.query<MemoryStateRow>(select, [guildId, userId, conceptId]);
    if (found.rows[0]) return found.rows[0];
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [firstReviewLockClass, JSON.stringify([guildId, userId, conceptId])]);
    const again = await client.query<MemoryStateRow>(select, [guildId, userId, conceptId]);
    return again.rows[0] ?? null;
  }

  private async upsertMemoryState(client: pg.PoolClient, { guildId, userId, conceptId }: MemoryKey, state: MemoryState, at: Date): Promise<void> {
    await client.query(
      `INSERT INTO ${this.db.tables.memory_states} (guild_id, user_id, concept_id, phase, due_at, stability, difficulty, scheduled_days,
        learning_steps, reps, lapses, last_review_at, updated_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
      ON CONFLICT (guild_id, user_id, concept_id) DO UPDATE SET
        phase = excluded.phase, due_at = excluded.due_at, stability = excluded.stability, difficulty = excluded.difficulty,
        scheduled_days = excluded.scheduled_days, learning_steps = excluded.learning_steps, reps = excluded.reps,
        lapses = excluded.lapses, last_review_at = excluded.last_review_at, updated_at = excluded.updated_at`,
      [guildId, userId, conceptId, ...toMemoryStateValues(state), at],
    );
  }
}
