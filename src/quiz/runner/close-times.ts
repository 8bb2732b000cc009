import { nextRuns } from '../cron-schedule.js';
import type { Schedule } from '../types.js';

/** `/quiz-admin now` in a channel without a schedule (and no configured duration) stays open this long. */
const unscheduledCloseMinutes = 60;
/** A cron expression that never matches again still needs its question closed some day. */
const fallbackCloseMs = 24 * 60 * 60_000;

/** When a question closes: after the channel's (or the bot's) close-after minutes, else at the channel's next slot. */
export class CloseTimes {
  /** @param closeAfterMinutes the bot's setting (`QuizRunnerOptions.closeAfterMinutes`); null = at the next slot. */
  constructor(private readonly closeAfterMinutes: number | null) {}

  /** Minutes from post to reveal in a channel, or null when a question closes at the channel's next post. */
  closeAfterMinutesFor(schedule: Pick<Schedule, 'closeAfterMinutes'>): number | null {
    return schedule.closeAfterMinutes ?? this.closeAfterMinutes;
  }

  /** When a question posted now in this channel would close. */
  closeTimeFor(schedule: Schedule, from: Date): Date {
    const minutes = this.closeAfterMinutesFor(schedule);
    if (minutes !== null) return addMinutes(from, minutes);
    const next = attempt(() => nextRuns(schedule.cron, schedule.timezone, from, 2).find((run) => run.getTime() > from.getTime()));
    return next ?? new Date(from.getTime() + fallbackCloseMs);
  }

  /** When a question posted now in a channel without a schedule would close. */
  closeTimeUnscheduled(from: Date): Date {
    return addMinutes(from, this.closeAfterMinutes ?? unscheduledCloseMinutes);
  }
}

export function laterOf(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/** The value, or undefined when computing it throws (a schedule stored by an older version, say). */
export function attempt<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch {
    return undefined;
  }
}
