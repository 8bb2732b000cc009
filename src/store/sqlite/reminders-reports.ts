// Daily reminders (one per member, claimed per day so two processes never send the same one) and the weekly
// team report's schedule.
import type { Reminder, ReminderOffReason } from '../../learning/reminder-rules.js';
import type { NewReportSchedule, ReportSchedule } from '../../learning/report-schedule.js';
import type { ScheduleProblem } from '../../quiz/types.js';
import type { SqliteDatabase } from '../database.js';
import { prepareReminderReportStatements, toReminder, toReportSchedule, type ReminderReportStatements } from '../reminder-report-statements.js';
import { fromScheduleProblem } from '../row-mappers.js';

export class SqliteRemindersAndReports {
  private readonly statements: ReminderReportStatements;

  constructor(db: SqliteDatabase) {
    this.statements = prepareReminderReportStatements(db);
  }

  saveReminder(input: { guildId: string; userId: string; minuteOfDay: number; language: string | null; at: Date }): Reminder {
    this.statements.upsertReminderOn.run({ ...input, at: input.at.getTime() });
    const saved = this.getReminder(input.guildId, input.userId);
    if (!saved) throw new Error(`Reminder ${input.guildId}/${input.userId} vanished right after saving`);
    return saved;
  }

  turnOffReminder(guildId: string, userId: string, reason: ReminderOffReason, at: Date): boolean {
    const notice = reason === 'dms-closed' ? 1 : 0;
    return this.statements.updateReminderOff.run({ guildId, userId, reason, notice, at: at.getTime() }).changes === 1;
  }

  getReminder(guildId: string, userId: string): Reminder | null {
    const row = this.statements.selectReminder.get(guildId, userId);
    return row ? toReminder(row) : null;
  }

  listEnabledReminders(): Reminder[] {
    return this.statements.selectEnabledReminders.all().map(toReminder);
  }

  claimReminderDay(guildId: string, userId: string, date: string): boolean {
    return this.statements.claimReminderDay.run({ guildId, userId, date }).changes === 1;
  }

  releaseReminderDay(guildId: string, userId: string, date: string, previous: string | null): void {
    this.statements.releaseReminderDay.run({ guildId, userId, date, previous });
  }

  recordReminderSent(guildId: string, userId: string, at: Date): void {
    this.statements.updateReminderSent.run(at.getTime(), guildId, userId);
  }

  takeReminderNotice(guildId: string, userId: string): boolean {
    // Asked after every command and click: a read first, so the common case (nothing to tell) takes no write lock.
    if (this.statements.selectReminder.get(guildId, userId)?.notice_pending !== 1) return false;
    return this.statements.takeReminderNotice.run(guildId, userId).changes === 1;
  }

  // Weekly team report

  saveReportSchedule(schedule: NewReportSchedule): ReportSchedule {
    this.statements.upsertReportSchedule.run({ ...schedule, createdAt: schedule.createdAt.getTime() });
    const saved = this.getReportSchedule(schedule.guildId);
    if (!saved) throw new Error(`Report schedule of ${schedule.guildId} vanished right after saving`);
    return saved;
  }

  deleteReportSchedule(guildId: string): boolean {
    return this.statements.deleteReportSchedule.run(guildId).changes === 1;
  }

  getReportSchedule(guildId: string): ReportSchedule | null {
    const row = this.statements.selectReportSchedule.get(guildId);
    return row ? toReportSchedule(row) : null;
  }

  listReportSchedules(): ReportSchedule[] {
    return this.statements.selectAllReportSchedules.all().map(toReportSchedule);
  }

  recordReportPosted(guildId: string, at: Date): void {
    this.statements.updateReportPosted.run(at.getTime(), guildId);
  }

  recordReportProblem(guildId: string, problem: ScheduleProblem, at: Date): void {
    this.statements.updateReportProblem.run({ guildId, ...fromScheduleProblem(problem), at: at.getTime() });
  }
}
