// Daily reminders (one per member, claimed per day by a conditional update so two processes never send the same
// one) and the weekly team report's schedule.
import type { Reminder, ReminderOffReason } from '../../learning/reminder-rules.js';
import type { NewReportSchedule, ReportSchedule } from '../../learning/report-schedule.js';
import type { ScheduleProblem } from '../../quiz/types.js';
import { fromScheduleProblem } from '../row-mappers.js';
import type { PostgresContext } from './connection.js';
import {
  reminderColumns,
  reportScheduleColumns,
  toReminder,
  toReportSchedule,
  type ReminderRow,
  type ReportScheduleRow,
} from './learning-row-mappers.js';

export class PostgresRemindersAndReports {
  constructor(private readonly db: PostgresContext) {}

  /** Turning on keeps handled_date and last_sent_at: switching off and on again must not bring a second DM that day. */
  async saveReminder(input: { guildId: string; userId: string; minuteOfDay: number; language: string | null; at: Date }): Promise<Reminder> {
    const { rows } = await this.db.pool.query<ReminderRow>(
      `INSERT INTO ${this.db.tables.reminders} (guild_id, user_id, enabled, minute_of_day, language, off_reason, notice_pending, updated_at)
      VALUES ($1, $2, true, $3, $4, NULL, false, $5)
      ON CONFLICT (guild_id, user_id) DO UPDATE SET enabled = true, minute_of_day = excluded.minute_of_day,
        language = excluded.language, off_reason = NULL, notice_pending = false, updated_at = excluded.updated_at
      RETURNING ${reminderColumns}`,
      [input.guildId, input.userId, input.minuteOfDay, input.language, input.at],
    );
    if (!rows[0]) throw new Error(`Reminder ${input.guildId}/${input.userId} vanished right after saving`);
    return toReminder(rows[0]);
  }

  async turnOffReminder(guildId: string, userId: string, reason: ReminderOffReason, at: Date): Promise<boolean> {
    const result = await this.db.pool.query(
      `UPDATE ${this.db.tables.reminders} SET enabled = false, off_reason = $3, notice_pending = $4, updated_at = $5
      WHERE guild_id = $1 AND user_id = $2 AND enabled`,
      [guildId, userId, reason, reason === 'dms-closed', at],
    );
    return result.rowCount === 1;
  }

  async getReminder(guildId: string, userId: string): Promise<Reminder | null> {
    const { rows } = await this.db.pool.query<ReminderRow>(
      `SELECT ${reminderColumns} FROM ${this.db.tables.reminders} WHERE guild_id = $1 AND user_id = $2`,
      [guildId, userId],
    );
    return rows[0] ? toReminder(rows[0]) : null;
  }

  async listEnabledReminders(): Promise<Reminder[]> {
    const { rows } = await this.db.pool.query<ReminderRow>(
      `SELECT ${reminderColumns} FROM ${this.db.tables.reminders} WHERE enabled ORDER BY guild_id, user_id`,
    );
    return rows.map(toReminder);
  }

  /** The claim is the guard against a second DM: only the caller whose update moves handled_date to today sends. */
  async claimReminderDay(guildId: string, userId: string, date: string): Promise<boolean> {
    const result = await this.db.pool.query(
      `UPDATE ${this.db.tables.reminders} SET handled_date = $3
      WHERE guild_id = $1 AND user_id = $2 AND enabled AND (handled_date IS NULL OR handled_date <> $3)`,
      [guildId, userId, date],
    );
    return result.rowCount === 1;
  }

  async releaseReminderDay(guildId: string, userId: string, date: string, previous: string | null): Promise<void> {
    await this.db.pool.query(`UPDATE ${this.db.tables.reminders} SET handled_date = $4 WHERE guild_id = $1 AND user_id = $2 AND handled_date = $3`, [
      guildId,
      userId,
      date,
      previous,
    ]);
  }

  async recordReminderSent(guildId: string, userId: string, at: Date): Promise<void> {
    await this.db.pool.query(`UPDATE ${this.db.tables.reminders} SET last_sent_at = $3 WHERE guild_id = $1 AND user_id = $2`, [guildId, userId, at]);
  }

  /** Asked after every command and click: an update that matches nothing in the common case writes nothing. */
  async takeReminderNotice(guildId: string, userId: string): Promise<boolean> {
    const result = await this.db.pool.query(
      `UPDATE ${this.db.tables.reminders} SET notice_pending = false WHERE guild_id = $1 AND user_id = $2 AND notice_pending`,
      [guildId, userId],
    );
    return result.rowCount === 1;
  }

  // Weekly team report

  /** Saving again clears the last problem: the admin has just pointed the report somewhere (or fixed the channel). */
  async saveReportSchedule(schedule: NewReportSchedule): Promise<ReportSchedule> {
    const { rows } = await this.db.pool.query<ReportScheduleRow>(
      `INSERT INTO ${this.db.tables.report_schedules} (guild_id, channel_id, cron, timezone, language, created_by, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7)
      ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id, cron = excluded.cron, timezone = excluded.timezone,
        language = excluded.language, created_by = excluded.created_by, created_at = excluded.created_at,
        last_problem_kind = NULL, last_problem_data = NULL, last_problem_at = NULL
      RETURNING ${reportScheduleColumns}`,
      [schedule.guildId, schedule.channelId, schedule.cron, schedule.timezone, schedule.language, schedule.createdBy, schedule.createdAt],
    );
    if (!rows[0]) throw new Error(`Report schedule of ${schedule.guildId} vanished right after saving`);
    return toReportSchedule(rows[0]);
  }

  async deleteReportSchedule(guildId: string): Promise<boolean> {
    const result = await this.db.pool.query(`DELETE FROM ${this.db.tables.report_schedules} WHERE guild_id = $1`, [guildId]);
    return result.rowCount === 1;
  }

  async getReportSchedule(guildId: string): Promise<ReportSchedule | null> {
    const { rows } = await this.db.pool.query<ReportScheduleRow>(
      `SELECT ${reportScheduleColumns} FROM ${this.db.tables.report_schedules} WHERE guild_id = $1`,
      [guildId],
    );
    return rows[0] ? toReportSchedule(rows[0]) : null;
  }

  async listReportSchedules(): Promise<ReportSchedule[]> {
    const { rows } = await this.db.pool.query<ReportScheduleRow>(
      `SELECT ${reportScheduleColumns} FROM ${this.db.tables.report_schedules} ORDER BY guild_id`,
    );
    return rows.map(toReportSchedule);
  }

  async recordReportPosted(guildId: string, at: Date): Promise<void> {
    await this.db.pool.query(
      `UPDATE ${this.db.tables.report_schedules}
      SET last_posted_at = $2, last_problem_kind = NULL, last_problem_data = NULL, last_problem_at = NULL WHERE guild_id = $1`,
      [guildId, at],
    );
  }

  async recordReportProblem(guildId: string, problem: ScheduleProblem, at: Date): Promise<void> {
    const { kind, data } = fromScheduleProblem(problem);
    await this.db.pool.query(
      `UPDATE ${this.db.tables.report_schedules} SET last_problem_kind = $2, last_problem_data = $3, last_problem_at = $4 WHERE guild_id = $1`,
      [guildId, kind, data, at],
    );
  }
}
