// Flashcard self-grades: each grade is one row, and the latest grade per card is what practice reads.
import type { FlashcardGrade, NewFlashcardGrade } from '../../quiz/flashcard-practice.js';
import type { PreparedStatements } from '../quiz-statements.js';
import { toFlashcardGrade } from '../row-mappers.js';

export class SqliteFlashcards {
  constructor(private readonly statements: PreparedStatements) {}

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
}
