// Answers: the first answer of a member wins, decided by one statement in the database, and the tally of a question.
import type { RecordAnswerResult, RecordedAnswer, Tally } from '../../quiz/types.js';
import { queryPrepared, type PostgresContext } from './connection.js';
import { answerColumns, questionColumns, toRecordedAnswer, toStoredQuestion, type AnswerRow, type QuestionRow } from './quiz-row-mappers.js';

/**
 * What the answer statement tells: the question as it stood (if any); when this answer went in, its time; else the
 * member's first answer if this statement's snapshot already holds it.
 */
interface AnswerAttemptRow extends QuestionRow {
  recorded_at: Date | null;
  first_user_name: string | null;
  first_choice: number | null;
  first_correct: boolean | null;
  first_answered_at: Date | null;
}

/** PostgreSQL's integer; any other number can never be an option, and is passed as -1 so the statement refuses it. */
const maxInteger = 2 ** 31 - 1;

export class PostgresAnswers {
  constructor(private readonly db: PostgresContext) {}

  /**
   * One statement, so the answer is exactly-once across processes and durable when it returns (autocommit):
   * the question row is read FOR SHARE, so an answer and a close of the same question never overlap (the close's
   * UPDATE waits for the answer to commit and then scores it; an answer after the close sees it closed); the
   * insert happens only while the question is open, before its close time and for a real option, and ON CONFLICT
   * leaves a member's first answer; the member's latest name is kept in the same statement.
   */
  async recordAnswer(questionId: string, userId: string, userName: string, choice: number, now: Date): Promise<RecordAnswerResult> {
    const storedChoice = Number.isInteger(choice) && choice >= 0 && choice <= maxInteger ? choice : -1;
    const { questions, answers, member_names: memberNames } = this.db.tables;
    const { rows } = await queryPrepared<AnswerAttemptRow>(
      this.db.pool,
      'record_answer',
      `WITH question AS (
        SELECT ${questionColumns} FROM ${questions} WHERE id = $1 FOR SHARE
      ),
      inserted AS (
        INSERT INTO ${answers} (question_id, user_id, user_name, choice, correct, answered_at, guild_id)
        SELECT id, $2, $3, $4::integer, $4::integer = answer, $5, guild_id FROM question
        WHERE status = 'open' AND $5 < closes_at AND $4::integer >= 0 AND $4::integer < cardinality(options)
        ON CONFLICT (question_id, user_id) DO NOTHING
        RETURNING guild_id, user_id, user_name, answered_at
      ),
      named AS (
        INSERT INTO ${memberNames} AS n (guild_id, user_id, user_name, updated_at)
        SELECT guild_id, user_id, user_name, answered_at FROM inserted
        ON CONFLICT (guild_id, user_id) DO UPDATE SET user_name = excluded.user_name, updated_at = excluded.updated_at
        WHERE excluded.updated_at >= n.updated_at AND excluded.user_name <> n.user_name
      )
      SELECT question.*, (SELECT answered_at FROM inserted) AS recorded_at, earlier.user_name AS first_user_name,
        earlier.choice AS first_choice, earlier.correct AS first_correct, earlier.answered_at AS first_answered_at
      FROM question LEFT JOIN ${answers} earlier ON earlier.question_id = question.id AND earlier.user_id = $2`,
      [questionId, userId, userName, storedChoice, now],
    );
    const row = rows[0];
    if (!row) return { kind: 'unknown-question' };
    const question = toStoredQuestion(row);
    if (question.status === 'closed' || now.getTime() >= question.closesAt.getTime()) return { kind: 'closed', question };
    // Only a custom id the bot never made carries another choice: a clear answer, not an error.
    if (storedChoice < 0 || storedChoice >= question.options.length) return { kind: 'invalid-choice', question };

    if (row.recorded_at !== null) {
      const answer = { questionId, userId, userName, choice: storedChoice, correct: storedChoice === question.answer, answeredAt: row.recorded_at };
      return { kind: 'recorded', answer, question };
    }
    if (row.first_user_name !== null && row.first_choice !== null && row.first_correct !== null && row.first_answered_at !== null) {
      const answer = {
        questionId,
        userId,
        userName: row.first_user_name,
        choice: row.first_choice,
        correct: row.first_correct,
        answeredAt: row.first_answered_at,
      };
      return { kind: 'already-answered', answer, question };
    }
    // The first answer was committed by another process after this statement began (ON CONFLICT sees it, the
    // statement's snapshot does not): a new statement reads it.
    const first = await this.getAnswer(questionId, userId);
    if (!first) throw new Error(`Answer of ${userId} to ${questionId} is missing right after insert`);
    return { kind: 'already-answered', answer: first, question };
  }

  async getAnswer(questionId: string, userId: string): Promise<RecordedAnswer | null> {
    const { rows } = await this.db.pool.query<AnswerRow>(
      `SELECT ${answerColumns} FROM ${this.db.tables.answers} WHERE question_id = $1 AND user_id = $2`,
      [questionId, userId],
    );
    return rows[0] ? toRecordedAnswer(rows[0]) : null;
  }

  /** One statement: the reveal follows every close, and a tally read in three trips would be three times the wait. */
  async getTally(questionId: string): Promise<Tally> {
    const { questions, answers } = this.db.tables;
    const { rows } = await this.db.pool.query<{
      option_count: number | null;
      choices: { choice: number; count: number }[];
      correct: { userId: string; userName: string }[];
    }>(
      `SELECT (SELECT cardinality(options) FROM ${questions} WHERE id = $1) AS option_count,
        (SELECT COALESCE(json_agg(json_build_object('choice', choice, 'count', count)), '[]')
          FROM (SELECT choice, count(*) AS count FROM ${answers} WHERE question_id = $1 GROUP BY choice) counted) AS choices,
        (SELECT COALESCE(json_agg(json_build_object('userId', user_id, 'userName', user_name) ORDER BY answered_at, seq), '[]')
          FROM ${answers} WHERE question_id = $1 AND correct) AS correct`,
      [questionId],
    );
    const row = rows[0];
    const counts: number[] = Array.from({ length: row?.option_count ?? 0 }, () => 0);
    let participants = 0;
    for (const { choice, count } of row?.choices ?? []) {
      counts[choice] = count;
      participants += count;
    }
    return { questionId, counts, participants, correct: row?.correct ?? [] };
  }
}
