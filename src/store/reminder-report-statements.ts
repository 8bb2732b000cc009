// The SQL of daily reminders and weekly report schedules (migration 007), with their row → object mapping. Kept
// beside the quiz's and the memories' statements so each file stays one feature's story.
import type { Reminder, ReminderOffReason } from '../learning/reminder-rules.js';
import type { ReportSchedule } from '../learning/report-schedule.js';
import type { SqliteDatabase } from './database.js';
import { toDateOrNull, toScheduleProblem } from './row-mappers.js';

export interface ReminderRow {
  guild_id: string;
  user_id: string;
  enabled: number;
  minute_of_day: number;
  language: string | null;
  handled_date: string | null;
  last_sent_at: number | null;
  off_reason: string | null;
  notice_pending: number;
  updated_at: number;
}

export interface ReportScheduleRow {
  guild_id: string;
  channel_id: string;
  cron: string;
  timezone: string;
  language: string | null;
  created_by: string;
  created_at: number;
  last_posted_at: number | null;
  last_problem_kind: string | null;
  last_problem_data: string | null;
  last_problem_at: number | null;
}

export type ReminderReportStatements = ReturnType<typeof prepareReminderReportStatements>;

export function prepareReminderReportStatements(db: SqliteDatabase) {
  return {
    selectReminder: db.prepare<[string, string], ReminderRow>('SELECT * FROM reminders WHERE guild_id = ? AND user_id = ?'),
    selectEnabledReminders: db.prepare<[], ReminderRow>('SELECT * FROM reminders WHERE enabled = 1 ORDER BY guild_id, user_id'),
    // Turning on keeps handled_date and last_sent_at: switching off and on again must not bring a second DM that day.
    upsertReminderOn: db.prepare<{ guildId: string; userId: string; minuteOfDay: number; language: string | null; at: number }>(`
      INSERT INTO reminders (guild_id, user_id, enabled, minute_of_day, language, off_reason, notice_pending, updated_at)
      VALUES (@guildId, @userId, 1, @minuteOfDay, @language, NULL, 0, @at)
      ON CONFLICT (guild_id, user_id) DO UPDATE SET enabled = 1, minute_of_day = excluded.minute_of_day,
        language = excluded.language, off_reason = NULL, notice_pending = 0, updated_at = excluded.updated_at`),
    updateReminderOff: db.prepare<{ guildId: string; userId: string; reason: string; notice: number; at: number }>(`
      UPDATE reminders SET enabled = 0, off_reason = @reason, notice_pending = @notice, updated_at = @at
      WHERE guild_id = @guildId AND user_id = @userId AND enabled = 1`),
    // The claim is the guard against a second DM: only the tick that moves handled_date to today sends.
    claimReminderDay: db.prepare<{ guildId: string; userId: string; date: string }>(`
      UPDATE reminders SET handled_date = @date
      WHERE guild_id = @guildId AND user_id = @userId AND enabled = 1 AND (handled_date IS NULL OR handled_date <> @date)`),
    releaseReminderDay: db.prepare<{ guildId: string; userId: string; date: string; previous: string | null }>(`
      UPDATE reminders SET handled_date = @previous WHERE guild_id = @guildId AND user_id = @userId AND handled_date = @date`),
    updateReminderSent: db.prepare<[number, string, string]>('UPDATE reminders SET last_sent_at = ? WHERE guild_id = ? AND user_id = ?'),
    takeReminderNotice: db.prepare<[string, string]>(
      'UPDATE reminders SET notice_pending = 0 WHERE guild_id = ? AND user_id = ? AND notice_pending = 1',
    ),

    selectReportSchedule: db.prepare<[string], ReportScheduleRow>('SELECT * FROM report_schedules WHERE guild_id = ?'),
    selectAllReportSchedules: db.prepare<[], ReportScheduleRow>('SELECT * FROM report_schedules ORDER BY guild_id'),
    // Saving again clears the last problem: the admin has just pointed the report somewhere (or fixed the channel).
    upsertReportSchedule: db.prepare<{
      guildId: string;
      channelId: string;
      cron: string;
      timezone: string;
      language: string | null;
      createdBy: string;
      createdAt: number;
    }>(`
      INSERT INTO report_schedules (guild_id, channel_id, cron, timezone, language, created_by, created_at)
      VALUES (@guildId, @channelId, @cron, @timezone, @language, @createdBy, @createdAt)
      ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id, cron = excluded.cron, timezone = excluded.timezone,
        language = excluded.language, created_by = excluded.created_by, created_at = excluded.created_at,
        last_problem_kind = NULL, last_problem_data = NULL, last_problem_at = NULL`),
    deleteReportSchedule: db.prepare<[string]>('DELETE FROM report_schedules WHERE guild_id = ?'),
    updateReportPosted: db.prepare<[number, string]>(
      'UPDATE report_schedules SET last_posted_at = ?, last_problem_kind = NULL, last_problem_data = NULL, last_problem_at = NULL WHERE guild_id = ?',
    ),
    updateReportProblem: db.prepare<{ guildId: string; kind: string; data: string; at: number }>(`
      UPDATE report_schedules SET last_problem_kind = @kind, last_problem_data = @data, last_problem_at = @at WHERE guild_id = @guildId`),
  };
}

export function toReminder(row: ReminderRow): Reminder {
  return {
    guildId: row.guild_id,
    userId: row.user_id,
    enabled: row.enabled === 1,
    minuteOfDay: row.minute_of_day,
    language: row.language,
    handledDate: row.handled_date,
    lastSentAt: toDateOrNull(row.last_sent_at),
    offReason: toOffReason(row.off_reason),
    noticePending: row.notice_pending === 1,
  };
}

function toOffReason(reason: string | null): ReminderOffReason | null {
  return reason === 'member' || reason === 'dms-closed' ? reason : null;
}

export function toReportSchedule(row: ReportScheduleRow): ReportSchedule {
  return {
    guildId: row.guild_id,
    channelId: row.channel_id,
    cron: row.cron,
    timezone: row.timezone,
    language: row.language,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    lastPostedAt: toDateOrNull(row.last_posted_at),
    lastProblem: toScheduleProblem(row.last_problem_kind, row.last_problem_data),
    lastProblemAt: toDateOrNull(row.last_problem_at),
  };
}
