// Leaderboard periods in the guild's time zone: a Seoul team's week starts Monday 00:00 in Seoul, not in UTC.
import type { LeaderboardPeriod } from './types.js';
import { dayMs, firstInstantAtOrAfterWallTime, toWallTime, wallDate } from './zone-time.js';

/**
 * When the period containing `now` began, as an instant: `week` = Monday 00:00 local time, `month` = the
 * 1st at 00:00 local time, `all` = null (no lower bound). Where the clock skips midnight the period
 * starts when the day does.
 */
export function periodStart(period: LeaderboardPeriod, timezone: string, now: Date): Date | null {
  if (period === 'all') return null;
  const today = Math.floor(toWallTime(timezone, now.getTime()) / dayMs);
  const { year, month, weekday } = wallDate(today * dayMs);
  const startWall = period === 'week' ? (today - daysSinceMonday(weekday)) * dayMs : Date.UTC(year, month - 1, 1);
  return new Date(firstInstantAtOrAfterWallTime(timezone, startWall));
}

function daysSinceMonday(weekday: number): number {
  return (weekday + 6) % 7;
}
