// Closing a question: the flip open → closed and the scoring it brings, in one transaction.
import type { ClosedQuestion } from '../../quiz/types.js';
import type { PostgresAnswers } from './answers.js';
import { inTransaction, type PostgresContext } from './connection.js';
import { questionColumns, toStoredQuestion, type QuestionRow } from './quiz-row-mappers.js';

/**
 * The transaction-level advisory lock class of a guild's scoring ("scor"): two questions of one guild closing at
 * once (two channels on the same slot, two processes) update the same members' rows in different orders, which
 * could deadlock; taking the guild's lock first makes them wait their turn instead.
 */
const scoringLockClass = 0x73636f72;

export class PostgresClosing {
  constructor(
    private readonly db: PostgresContext,
    private readonly answers: PostgresAnswers,
  ) {}

  async closeQuestion(questionId: string, now: Date): Promise<ClosedQuestion | null> {
    const question = await inTransaction(this.db.pool, async (client) => {
      const { questions, answers, member_scores: memberScores } = this.db.tables;
      // Only the transition open → closed scores: a second close, or one racing in another process, flips nothing.
      // A post that went out owes its reveal from the close on; practice and unposted questions have nothing to edit.
      const flipped = await client.query<{ guild_id: string; practice_user_id: string | null }>(
        `UPDATE ${questions} SET status = 'closed', closed_at = $2,
          reveal_due_at = CASE WHEN message_id IS NOT NULL AND practice_user_id IS NULL THEN $2::timestamptz ELSE NULL END
        WHERE id = $1 AND status = 'open'
        RETURNING guild_id, practice_user_id`,
        [questionId, now],
      );
      const closed = flipped.rows[0];
      if (closed && closed.practice_user_id === null) {
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [scoringLockClass, closed.guild_id]);
        // A member of the guild's scores who did not answer loses the streak (a missed question ends it).
        await client.query(
          `UPDATE ${memberScores} s SET streak = 0
          WHERE s.guild_id = $1 AND s.streak > 0
            AND NOT EXISTS (SELECT 1 FROM ${answers} a WHERE a.question_id = $2 AND a.user_id = s.user_id)`,
          [closed.guild_id, questionId],
        );
        await client.query(
          `INSERT INTO ${memberScores} AS s (guild_id, user_id, points, answered, streak, best_streak, last_correct_at)
          SELECT guild_id, user_id, correct::integer, 1, correct::integer, correct::integer, CASE WHEN correct THEN answered_at END
          FROM ${answers} WHERE question_id = $1
          ON CONFLICT (guild_id, user_id) DO UPDATE SET
            points = s.points + excluded.points,
            answered = s.answered + 1,
            streak = CASE WHEN excluded.points = 1 THEN s.streak + 1 ELSE 0 END,
            best_streak = GREATEST(s.best_streak, CASE WHEN excluded.points = 1 THEN s.streak + 1 ELSE 0 END),
            last_correct_at = COALESCE(excluded.last_correct_at, s.last_correct_at)`,
          [questionId],
        );
        await client.query(`UPDATE ${answers} SET scored_at = $1 WHERE question_id = $2`, [now, questionId]);
      }
      const after = await client.query<QuestionRow>(`SELECT ${questionColumns} FROM ${questions} WHERE id = $1`, [questionId]);
      return after.rows[0] ? toStoredQuestion(after.rows[0]) : null;
    });
    return question ? { question, tally: await this.answers.getTally(questionId) } : null;
  }
}
