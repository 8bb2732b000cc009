// Questions: one post per channel and slot (decided by the unique slot, whichever process asks first), and the
// lookups the runner makes of them.
import type { NewQuestion, StoredQuestion } from '../../quiz/types.js';
import { createShortId } from '../create-short-id.js';
import type { PostgresContext } from './connection.js';
import { questionColumns, toStoredQuestion, type QuestionRow } from './quiz-row-mappers.js';

export class PostgresQuestions {
  constructor(private readonly db: PostgresContext) {}

  /**
   * The insert decides: ON CONFLICT on the slot leaves the first process's question, which is then read and
   * returned with `created: false`. Should that question be discarded in between (its post failed), the slot is
   * free again and the insert is tried once more.
   */
  async createQuestion(input: NewQuestion): Promise<{ created: boolean; question: StoredQuestion }> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const inserted = await this.insertQuestion(input);
      if (inserted) return { created: true, question: inserted };
      const existing = await this.db.pool.query<QuestionRow>(
        `SELECT ${questionColumns} FROM ${this.db.tables.questions} WHERE guild_id = $1 AND channel_id = $2 AND slot_key = $3`,
        [input.guildId, input.channelId, input.slotKey],
      );
      if (existing.rows[0]) return { created: false, question: toStoredQuestion(existing.rows[0]) };
    }
    throw new Error(`Question for slot ${input.slotKey} in ${input.guildId}/${input.channelId} is missing right after insert`);
  }

  async setQuestionMessage(questionId: string, messageId: string): Promise<void> {
    await this.db.pool.query(`UPDATE ${this.db.tables.questions} SET message_id = $2 WHERE id = $1`, [questionId, messageId]);
  }

  async getQuestion(questionId: string): Promise<StoredQuestion | null> {
    const { rows } = await this.db.pool.query<QuestionRow>(`SELECT ${questionColumns} FROM ${this.db.tables.questions} WHERE id = $1`, [questionId]);
    return rows[0] ? toStoredQuestion(rows[0]) : null;
  }

  async getOpenQuestion(guildId: string, channelId: string): Promise<StoredQuestion | null> {
    const { rows } = await this.db.pool.query<QuestionRow>(
      `SELECT ${questionColumns} FROM ${this.db.tables.questions}
      WHERE guild_id = $1 AND channel_id = $2 AND status = 'open' AND practice_user_id IS NULL
      ORDER BY created_at DESC, seq DESC LIMIT 1`,
      [guildId, channelId],
    );
    return rows[0] ? toStoredQuestion(rows[0]) : null;
  }

  async listOverdueQuestions(now: Date): Promise<StoredQuestion[]> {
    const { rows } = await this.db.pool.query<QuestionRow>(
      `SELECT ${questionColumns} FROM ${this.db.tables.questions} WHERE status = 'open' AND closes_at <= $1 ORDER BY closes_at, seq`,
      [now],
    );
    return rows.map(toStoredQuestion);
  }

  async listOpenQuestions(): Promise<StoredQuestion[]> {
    const { rows } = await this.db.pool.query<QuestionRow>(
      `SELECT ${questionColumns} FROM ${this.db.tables.questions} WHERE status = 'open' ORDER BY closes_at, seq`,
    );
    return rows.map(toStoredQuestion);
  }

  /** Newest by creation among the channel's posts; practice questions are not posts and are left out. */
  async getLatestQuestion(guildId: string, channelId: string): Promise<StoredQuestion | null> {
    const { rows } = await this.db.pool.query<QuestionRow>(
      `SELECT ${questionColumns} FROM ${this.db.tables.questions}
      WHERE guild_id = $1 AND channel_id = $2 AND practice_user_id IS NULL
      ORDER BY created_at DESC, seq DESC LIMIT 1`,
      [guildId, channelId],
    );
    return rows[0] ? toStoredQuestion(rows[0]) : null;
  }

  async discardUnpostedQuestion(questionId: string): Promise<boolean> {
    const result = await this.db.pool.query(
      `DELETE FROM ${this.db.tables.questions}
      WHERE id = $1 AND message_id IS NULL AND NOT EXISTS (SELECT 1 FROM ${this.db.tables.answers} WHERE question_id = $1)`,
      [questionId],
    );
    return result.rowCount === 1;
  }

  async listUnpostedQuestions(): Promise<StoredQuestion[]> {
    const { rows } = await this.db.pool.query<QuestionRow>(
      `SELECT ${questionColumns} FROM ${this.db.tables.questions}
      WHERE status = 'open' AND message_id IS NULL AND practice_user_id IS NULL ORDER BY created_at, seq`,
    );
    return rows.map(toStoredQuestion);
  }

  private async insertQuestion(input: NewQuestion): Promise<StoredQuestion | null> {
    const { question } = input;
    const { rows } = await this.db.pool.query<QuestionRow>(
      `INSERT INTO ${this.db.tables.questions} (id, guild_id, channel_id, slot_key, concept_id, kind, prompt, options, answer,
        option_concept_ids, practice_user_id, language, status, created_at, closes_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'open', $13, $14)
      ON CONFLICT (guild_id, channel_id, slot_key) DO NOTHING
      RETURNING ${questionColumns}`,
      [
        createShortId(),
        input.guildId,
        input.channelId,
        input.slotKey,
        question.conceptId,
        question.kind,
        question.prompt,
        question.options,
        question.answer,
        question.optionConceptIds ?? null,
        input.practiceUserId ?? null,
        input.language ?? null,
        input.createdAt,
        input.closesAt,
      ],
    );
    return rows[0] ? toStoredQuestion(rows[0]) : null;
  }
}
