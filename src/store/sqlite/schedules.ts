// Quiz schedules and the guild settings they read (the guild's time zone), over the quiz's prepared statements.
import type { NewSchedule, Schedule, ScheduleProblem } from '../../quiz/types.js';
import type { PreparedStatements } from '../quiz-statements.js';
import { fromScheduleProblem, toSchedule } from '../row-mappers.js';

export class SqliteSchedules {
  constructor(private readonly statements: PreparedStatements) {}

  saveSchedule(schedule: NewSchedule): Schedule {
    this.statements.upsertSchedule.run({
      guildId: schedule.guildId,
      channelId: schedule.channelId,
      cron: schedule.cron,
      timezone: schedule.timezone,
      noteId: schedule.noteId,
      closeAfterMinutes: schedule.closeAfterMinutes,
      language: schedule.language ?? null,
      createdBy: schedule.createdBy,
      createdAt: schedule.createdAt.getTime(),
    });
    const saved = this.getSchedule(schedule.guildId, schedule.channelId);
    if (!saved) throw new Error(`Schedule ${schedule.guildId}/${schedule.channelId} vanished right after saving`);
    return saved;
  }

  deleteSchedule(guildId: string, channelId: string): boolean {
    return this.statements.deleteSchedule.run(guildId, channelId).changes === 1;
  }

  getSchedule(guildId: string, channelId: string): Schedule | null {
    const row = this.statements.selectSchedule.get(guildId, channelId);
    return row ? toSchedule(row) : null;
  }

  listSchedules(guildId?: string): Schedule[] {
    const rows = guildId === undefined ? this.statements.selectAllSchedules.all() : this.statements.selectGuildSchedules.all(guildId);
    return rows.map(toSchedule);
  }

  recordScheduleProblem(guildId: string, channelId: string, problem: ScheduleProblem, at: Date, pause: boolean): void {
    this.statements.updateScheduleProblem.run({ guildId, channelId, ...fromScheduleProblem(problem), at: at.getTime(), pause: pause ? 1 : 0 });
  }

  clearScheduleProblem(guildId: string, channelId: string): void {
    this.statements.clearScheduleProblem.run(guildId, channelId);
  }

  // Guild settings

  getGuildTimezone(guildId: string): string | null {
    return this.statements.selectGuildTimezone.get(guildId)?.timezone ?? null;
  }

  setGuildTimezone(guildId: string, timezone: string): void {
    this.statements.upsertGuildTimezone.run(guildId, timezone);
  }
}
