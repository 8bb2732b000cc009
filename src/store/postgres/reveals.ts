// Reveals owed to closed posts: due times, retries after a failed edit, and settling once shown.
import type { PendingReveal } from '../../quiz/types.js';
import type { PostgresContext } from './connection.js';
import { pendingRevealColumns, toPendingReveal, type PendingRevealRow } from './quiz-row-mappers.js';

export class PostgresReveals {
  constructor(private readonly db: PostgresContext) {}

  async listDueReveals(now: Date): Promise<PendingReveal[]> {
    const { rows } = await this.db.pool.query<PendingRevealRow>(
      `SELECT ${pendingRevealColumns} FROM ${this.db.tables.questions} WHERE reveal_due_at <= $1 ORDER BY reveal_due_at, seq`,
      [now],
    );
    return rows.map(toPendingReveal);
  }

  async getPendingReveal(guildId: string, channelId: string): Promise<PendingReveal | null> {
    const { rows } = await this.db.pool.query<PendingRevealRow>(
      `SELECT ${pendingRevealColumns} FROM ${this.db.tables.questions}
      WHERE guild_id = $1 AND channel_id = $2 AND reveal_due_at IS NOT NULL
      ORDER BY closed_at DESC, seq DESC LIMIT 1`,
      [guildId, channelId],
    );
    return rows[0] ? toPendingReveal(rows[0]) : null;
  }

  async getNextRevealDue(): Promise<Date | null> {
    const { rows } = await this.db.pool.query<{ due: Date | null }>(
      `SELECT min(reveal_due_at) AS due FROM ${this.db.tables.questions} WHERE reveal_due_at IS NOT NULL`,
    );
    return rows[0]?.due ?? null;
  }

  async postponeReveal(questionId: string, dueAt: Date): Promise<void> {
    await this.db.pool.query(
      `UPDATE ${this.db.tables.questions} SET reveal_due_at = $2, reveal_attempts = reveal_attempts + 1 WHERE id = $1 AND reveal_due_at IS NOT NULL`,
      [questionId, dueAt],
    );
  }

  async settleReveal(questionId: string): Promise<void> {
    await this.db.pool.query(`UPDATE ${this.db.tables.questions} SET reveal_due_at = NULL WHERE id = $1`, [questionId]);
  }
}
