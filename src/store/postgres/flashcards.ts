// Flashcard self-grades: each grade is one row, and the latest grade per card is what practice reads.
import type { FlashcardGrade, NewFlashcardGrade } from '../../quiz/flashcard-practice.js';
import type { PostgresContext } from './connection.js';
import { flashcardGradeColumns, toFlashcardGrade, type FlashcardGradeRow } from './quiz-row-mappers.js';

export class PostgresFlashcards {
  constructor(private readonly db: PostgresContext) {}

  /** One INSERT in autocommit: durable on return, so the click may be acknowledged afterwards. */
  async recordFlashcardGrade(grade: NewFlashcardGrade): Promise<FlashcardGrade> {
    const { rows } = await this.db.pool.query<FlashcardGradeRow>(
      `INSERT INTO ${this.db.tables.flashcard_grades} (guild_id, user_id, concept_id, card_key, grade, graded_at)
      VALUES ($1, $2, $3, $4, $5, $6)
      RETURNING ${flashcardGradeColumns}`,
      [grade.guildId, grade.userId, grade.conceptId, grade.cardKey, grade.grade, grade.gradedAt],
    );
    const row = rows[0];
    if (!row) throw new Error(`Flashcard grade of ${grade.userId} for ${grade.cardKey} is missing right after insert`);
    return toFlashcardGrade(row);
  }

  /** The latest grade of each card a member graded; the id breaks a tie of two grades in one millisecond. */
  async listLatestFlashcardGrades(guildId: string, userId: string): Promise<FlashcardGrade[]> {
    const { rows } = await this.db.pool.query<FlashcardGradeRow>(
      `SELECT DISTINCT ON (card_key) ${flashcardGradeColumns} FROM ${this.db.tables.flashcard_grades}
      WHERE guild_id = $1 AND user_id = $2
      ORDER BY card_key, graded_at DESC, id DESC`,
      [guildId, userId],
    );
    return rows.map(toFlashcardGrade);
  }
}
