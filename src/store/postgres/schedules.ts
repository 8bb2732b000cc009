// Quiz schedules and the guild settings they read (the guild's time zone).
import type { NewSchedule, Schedule, ScheduleProblem } from '../../quiz/types.js';
import { isValidCloseAfterMinutes } from '../../quiz/close-after.js';
import { fromScheduleProblem } from '../row-mappers.js';
import type { PostgresContext } from './connection.js';
import { scheduleColumns, toSchedule, type ScheduleRow } from './quiz-row-mappers.js';

export class PostgresSchedules {
  constructor(private readonly db: PostgresContext) {}

  /** One upsert that returns the saved row: scheduling again resumes a paused channel and clears its problem. */
  async saveSchedule(schedule: NewSchedule): Promise<Schedule> {
    const { rows } = await this.db.pool.query<ScheduleRow>(
      `INSERT INTO ${this.db.tables.schedules} (guild_id, channel_id, cron, timezone, note_id, close_after_minutes, language, paused,
        last_problem_kind, last_problem_data, last_problem_at, created_by, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, false, NULL, NULL, NULL, $8, $9)
      ON CONFLICT (guild_id, channel_id) DO UPDATE SET
        cron = excluded.cron, timezone = excluded.timezone, note_id = excluded.note_id,
        close_after_minutes = excluded.close_after_minutes, language = excluded.language, paused = false,
        last_problem_kind = NULL, last_problem_data = NULL, last_problem_at = NULL,
        created_by = excluded.created_by, created_at = excluded.created_at
      RETURNING ${scheduleColumns}`,
      [
        schedule.guildId,
        schedule.channelId,
        schedule.cron,
        schedule.timezone,
        schedule.noteId,
        // SQLite keeps any value and reads an invalid one as "at the next post"; an integer column cannot hold "abc"
        // or 2^53, so such a value is stored as what it reads as.
        isValidCloseAfterMinutes(schedule.closeAfterMinutes) ? schedule.closeAfterMinutes : null,
        schedule.language ?? null,
        schedule.createdBy,
        schedule.createdAt,
      ],
    );
    const saved = rows[0];
    if (!saved) throw new Error(`Schedule ${schedule.guildId}/${schedule.channelId} vanished right after saving`);
    return toSchedule(saved);
  }

  async deleteSchedule(guildId: string, channelId: string): Promise<boolean> {
    const result = await this.db.pool.query(`DELETE FROM ${this.db.tables.schedules} WHERE guild_id = $1 AND channel_id = $2`, [guildId, channelId]);
    return result.rowCount === 1;
  }

  async getSchedule(guildId: string, channelId: string): Promise<Schedule | null> {
    const { rows } = await this.db.pool.query<ScheduleRow>(
      `SELECT ${scheduleColumns} FROM ${this.db.tables.schedules} WHERE guild_id = $1 AND channel_id = $2`,
      [guildId, channelId],
    );
    return rows[0] ? toSchedule(rows[0]) : null;
  }

  async listSchedules(guildId?: string): Promise<Schedule[]> {
    const { rows } =
      guildId === undefined
        ? await this.db.pool.query<ScheduleRow>(`SELECT ${scheduleColumns} FROM ${this.db.tables.schedules} ORDER BY guild_id, channel_id`)
        : await this.db.pool.query<ScheduleRow>(
            `SELECT ${scheduleColumns} FROM ${this.db.tables.schedules} WHERE guild_id = $1 ORDER BY channel_id`,
            [guildId],
          );
    return rows.map(toSchedule);
  }

  async recordScheduleProblem(guildId: string, channelId: string, problem: ScheduleProblem, at: Date, pause: boolean): Promise<void> {
    const { kind, data } = fromScheduleProblem(problem);
    await this.db.pool.query(
      `UPDATE ${this.db.tables.schedules} SET last_problem_kind = $3, last_problem_data = $4, last_problem_at = $5, paused = paused OR $6
      WHERE guild_id = $1 AND channel_id = $2`,
      [guildId, channelId, kind, data, at, pause],
    );
  }

  async clearScheduleProblem(guildId: string, channelId: string): Promise<void> {
    await this.db.pool.query(
      `UPDATE ${this.db.tables.schedules} SET last_problem_kind = NULL, last_problem_data = NULL, last_problem_at = NULL
      WHERE guild_id = $1 AND channel_id = $2`,
      [guildId, channelId],
    );
  }

  // Guild settings

  async getGuildTimezone(guildId: string): Promise<string | null> {
    const { rows } = await this.db.pool.query<{ timezone: string }>(`SELECT timezone FROM ${this.db.tables.guild_settings} WHERE guild_id = $1`, [
      guildId,
    ]);
    return rows[0]?.timezone ?? null;
  }

  async setGuildTimezone(guildId: string, timezone: string): Promise<void> {
    await this.db.pool.query(
      `INSERT INTO ${this.db.tables.guild_settings} (guild_id, timezone) VALUES ($1, $2)
      ON CONFLICT (guild_id) DO UPDATE SET timezone = excluded.timezone`,
      [guildId, timezone],
    );
  }
}
