// Answers: the first answer of a member wins, decided in the database by one statement per batch of clicks, and the
// tally of a question.
import type { RecordAnswerResult, RecordedAnswer, Tally } from '../../quiz/types.js';
import { queryPrepared, type PostgresContext } from './connection.js';
import { GroupCommit } from './group-commit.js';
import { answerColumns, questionColumns, toRecordedAnswer, toStoredQuestion, type AnswerRow, type QuestionRow } from './quiz-row-mappers.js';

/** One click as the batch statement takes it; `choice` already made -1 when it can be no option. */
interface Click {
  questionId: string;
  userId: string;
  userName: string;
  choice: number;
  now: Date;
}

/**
 * What the batch statement tells of each click (`n`, its place in the batch): the question as it stood (if any);
 * when this click's answer went in, its time; else the member's first answer if the statement's snapshot holds it.
 */
interface ClickOutcomeRow extends Partial<QuestionRow> {
  n: number;
  recorded_at: Date | null;
  first_user_name: string | null;
  first_choice: number | null;
  first_correct: boolean | null;
  first_answered_at: Date | null;
}

/** PostgreSQL's integer; any other number can never be an option, and is passed as -1 so the statement refuses it. */
const maxInteger = 2 ** 31 - 1;

/**
 * Batch statements in flight at once per process, and clicks in one. Two in flight: while one batch waits for its
 * WAL flush, the next is already being planned and written, and joins the same flush or the next one.
 */
export const answerBatching = { maxInFlight: 2, maxBatch: 256 };

export class PostgresAnswers {
  private readonly clicks: GroupCommit<Click, RecordAnswerResult>;

  constructor(private readonly db: PostgresContext) {
    this.clicks = new GroupCommit({
      run: (batch) => this.recordBatch(batch),
      // A member's second click on a question waits for the first one's commit: the first click wins.
      keyOf: (click) => `${click.questionId}\u0000${click.userId}`,
      ...answerBatching,
    });
  }

  /**
   * Durable when it resolves: the click goes out in the next batch statement (group commit, see group-commit.ts),
   * which is one autocommitted statement, and resolves only after its commit.
   */
  recordAnswer(questionId: string, userId: string, userName: string, choice: number, now: Date): Promise<RecordAnswerResult> {
    const storedChoice = Number.isInteger(choice) && choice >= 0 && choice <= maxInteger ? choice : -1;
    return this.clicks.submit({ questionId, userId, userName, choice: storedChoice, now });
  }

  /** Resolves once every click submitted has its outcome (the store waits for this before ending the pool). */
  whenIdle(): Promise<void> {
    return this.clicks.whenIdle();
  }

  /**
   * One statement for a batch of clicks, so each answer is exactly-once across processes and durable when it
   * returns (autocommit):
   * - the batch's question rows are read FOR SHARE (once per question per batch, not per click), so an answer and
   *   a close of the same question never overlap: the close's UPDATE waits for the batch to commit and then scores
   *   its answers; a batch that comes after the close's UPDATE waits for the close and sees the question closed;
   * - an answer goes in only while its question is open, before its close time and for a real option, and
   *   ON CONFLICT leaves a member's first answer (the queue never puts two clicks of one member on one question
   *   in a batch, so a conflict is always with an earlier statement);
   * - the member's latest name is kept, one row per member (the last click's name);
   * - rows are inserted and names locked in key order, so two batches racing over the same members wait for each
   *   other instead of deadlocking.
   */
  private async recordBatch(clicks: readonly Click[]): Promise<RecordAnswerResult[]> {
    const { questions, answers, member_names: memberNames } = this.db.tables;
    const { rows } = await queryPrepared<ClickOutcomeRow>(
      this.db.pool,
      'record_answers',
      `WITH click AS (
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[], $5::timestamptz[]) WITH ORDINALITY
          AS click (question_id, user_id, user_name, choice, answered_at, n)
      ),
      question AS (
        SELECT ${questionColumns} FROM ${questions} WHERE id = ANY($1::text[]) ORDER BY id FOR SHARE
      ),
      inserted AS (
        INSERT INTO ${answers} (question_id, user_id, user_name, choice, correct, answered_at, guild_id)
        SELECT c.question_id, c.user_id, c.user_name, c.choice, c.choice = q.answer, c.answered_at, q.guild_id
        FROM click c JOIN question q ON q.id = c.question_id
        WHERE q.status = 'open' AND c.answered_at < q.closes_at AND c.choice >= 0 AND c.choice < cardinality(q.options)
        ORDER BY c.question_id, c.user_id
        ON CONFLICT (question_id, user_id) DO NOTHING
        RETURNING question_id, guild_id, user_id, user_name, answered_at
      ),
      named AS (
        INSERT INTO ${memberNames} AS n (guild_id, user_id, user_name, updated_at)
        SELECT DISTINCT ON (guild_id, user_id) guild_id, user_id, user_name, answered_at FROM inserted
        ORDER BY guild_id, user_id, answered_at DESC
        ON CONFLICT (guild_id, user_id) DO UPDATE SET user_name = excluded.user_name, updated_at = excluded.updated_at
        WHERE excluded.updated_at >= n.updated_at AND excluded.user_name <> n.user_name
      )
      SELECT c.n, q.*, i.answered_at AS recorded_at, earlier.user_name AS first_user_name, earlier.choice AS first_choice,
        earlier.correct AS first_correct, earlier.answered_at AS first_answered_at
      FROM click c
      LEFT JOIN question q ON q.id = c.question_id
      LEFT JOIN inserted i ON i.question_id = c.question_id AND i.user_id = c.user_id
      LEFT JOIN ${answers} earlier ON earlier.question_id = c.question_id AND earlier.user_id = c.user_id
      ORDER BY c.n`,
      [
        clicks.map((c) => c.questionId),
        clicks.map((c) => c.userId),
        clicks.map((c) => c.userName),
        clicks.map((c) => c.choice),
        clicks.map((c) => c.now),
      ],
    );
    if (rows.length !== clicks.length) throw new Error(`The answer batch returned ${rows.length} rows for ${clicks.length} clicks`);
    return Promise.all(rows.map((row, index) => this.toOutcome(clicks[index] as Click, row)));
  }

  private async toOutcome(click: Click, row: ClickOutcomeRow): Promise<RecordAnswerResult> {
    if (row.id === undefined || row.id === null) return { kind: 'unknown-question' };
    const question = toStoredQuestion(row as QuestionRow);
    const { questionId, userId, choice, now } = click;
    if (question.status === 'closed' || now.getTime() >= question.closesAt.getTime()) return { kind: 'closed', question };
    // Only a custom id the bot never made carries another choice: a clear answer, not an error.
    if (choice < 0 || choice >= question.options.length) return { kind: 'invalid-choice', question };

    if (row.recorded_at !== null) {
      const answer = { questionId, userId, userName: click.userName, choice, correct: choice === question.answer, answeredAt: row.recorded_at };
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
