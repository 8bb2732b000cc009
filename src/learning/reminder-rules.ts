// Daily review reminders as rules, without Discord or a database: when a member's reminder is due today, and how
// the time they typed is read. The service (daily-reminders.ts) applies them to what the store holds.
import { dayMs, hourMs, minuteMs, toWallTime, wallDate } from '../quiz/zone-time.js';

/** A member's opt-in: a direct message at `minuteOfDay` (guild time zone) on days when a review is due. */
export interface Reminder {
  guildId: string;
  userId: string;
  enabled: boolean;
  /** Minutes after local midnight, 0–1439. */
  minuteOfDay: number;
  /** The language the member used when they turned reminders on: the DM speaks it. */
  language: string | null;
  /** The local date (`YYYY-MM-DD`) whose reminder was already handled (sent, or nothing was due): never twice a day. */
  handledDate: string | null;
  lastSentAt: Date | null;
  /** Why reminders are off: the member's own choice, or Discord refused the DM (50007). Null while on. */
  offReason: ReminderOffReason | null;
  /** The member has not yet been told that closed DMs switched their reminders off. */
  noticePending: boolean;
}

export type ReminderOffReason = 'member' | 'dms-closed';

/** 08:00 when the member names no time: before a working day starts. */
export const defaultReminderMinute = 8 * 60;

/**
 * A DM sent at most once in this many hours, whatever the dates say: a guild that moves to another time zone can
 * make "today" come round again within hours, and the member must still get one message a day at most.
 */
export const minimumHoursBetweenReminders = 12;

/** `HH:MM` (or `H:MM`, 24-hour) → minutes after midnight; null for anything else (`25:00`, `8pm`, `08:60`). */
export function parseReminderTime(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** Minutes after midnight → `HH:MM`. */
export function formatReminderTime(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

/** The calendar date and minute of the day of an instant in a time zone. */
export function localDayAndMinute(timezone: string, at: Date): { date: string; minute: number } {
  const wall = toWallTime(timezone, at.getTime());
  const { year, month, day } = wallDate(wall);
  const minute = Math.floor((((wall % dayMs) + dayMs) % dayMs) / minuteMs);
  return { date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, minute };
}

/**
 * Whether today's reminder should be looked at now: on, the member's time has come today, today not yet handled,
 * and the last DM long enough ago. A bot that was down at the member's time catches up later the same day, never
 * on the next (a reminder for yesterday is noise).
 */
export function isReminderDue(reminder: Reminder, timezone: string, now: Date): boolean {
  if (!reminder.enabled) return false;
  const { date, minute } = localDayAndMinute(timezone, now);
  if (minute < reminder.minuteOfDay || reminder.handledDate === date) return false;
  if (reminder.lastSentAt && now.getTime() - reminder.lastSentAt.getTime() < minimumHoursBetweenReminders * hourMs) return false;
  return true;
}
