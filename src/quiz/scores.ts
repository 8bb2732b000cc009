// The team's scores as members see them: the leaderboard of a period and one member's stats. Commands ask here
// instead of the store, so the rules (whose time zone a week starts in) live in the domain, once.
import type { QuizStore } from './quiz-store.js';
import { periodStart } from './periods.js';
import type { Clock } from './ports.js';
import type { Leaderboard, LeaderboardPeriod, MemberStats } from './types.js';

export interface QuizScoresOptions {
  store: QuizStore;
  clock: Clock;
  /** The zone of a guild that has scheduled no channel yet (`DEFAULT_TIMEZONE`). */
  defaultTimezone: string;
}

export interface PeriodLeaderboard {
  leaderboard: Leaderboard;
  /** The zone the period's start was computed in, for showing it. */
  timezone: string;
}

export class QuizScores {
  constructor(private readonly options: QuizScoresOptions) {}

  /** The guild's leaderboard for the period containing now, with the caller's own row when outside the top. */
  async leaderboard(guildId: string, period: LeaderboardPeriod, callerId: string): Promise<PeriodLeaderboard> {
    const { store, clock } = this.options;
    const timezone = await this.timezoneOf(guildId);
    const since = periodStart(period, timezone, clock.now());
    return { leaderboard: await store.getLeaderboard(guildId, period, since, callerId), timezone };
  }

  /** One member's points, accuracy, streaks and weakest concepts in the guild (all time). */
  memberStats(guildId: string, userId: string): Promise<MemberStats> {
    return this.options.store.getMemberStats(guildId, userId);
  }

  /** Weeks and months start at midnight where the team lives, not in UTC: the zone its admins schedule in. */
  async timezoneOf(guildId: string): Promise<string> {
    return (await this.options.store.getGuildTimezone(guildId)) ?? this.options.defaultTimezone;
  }
}
