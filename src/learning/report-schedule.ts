// When and where a guild's weekly team report is posted. One report per guild: a team has one weekly picture.
import type { ScheduleProblem } from '../quiz/types.js';

/** Monday 09:00 in the guild's time zone: the start of the week the report looks back on. */
export const defaultReportCron = '0 9 * * 1';

export interface ReportSchedule {
  guildId: string;
  channelId: string;
  cron: string;
  timezone: string;
  /** The language of the admin who set it up: the post speaks it. */
  language: string | null;
  createdBy: string;
  createdAt: Date;
  lastPostedAt: Date | null;
  /** Why the last post did not go out (the quiz schedules' problem kinds); cleared by the next post that does. */
  lastProblem: ScheduleProblem | null;
  lastProblemAt: Date | null;
}

export type NewReportSchedule = Pick<ReportSchedule, 'guildId' | 'channelId' | 'cron' | 'timezone' | 'language' | 'createdBy' | 'createdAt'>;
