// Scores read back: leaderboards, a member's stats, how each concept fared, and which concepts this round asked.
import type { ConceptPerformance, Leaderboard, LeaderboardPeriod, LeaderboardRow, MemberStats } from '../../quiz/types.js';
import { toAccuracy } from '../row-mappers.js';
import { queryPrepared, type PostgresContext, type Tables } from './connection.js';

interface LeaderboardQueryRow {
  user_id: string;
  user_name: string;
  points: number;
  answered: number;
  streak: number;
  rank: number;
  position: number;
}

/**
 * Ranking shared by the period and all-time leaderboards ($1 guild, $2 limit, $3 caller). Members with the same
 * points and accuracy share a rank ("1, 2, 2, 4"); within it the one who got there first (earliest last correct
 * answer; none sorts first, as in SQLite) is listed first, then by user id so the order is stable.
 */
function rankLeaderboardSql(t: Tables): string {
  return `
  ranked AS (
    SELECT user_id, points, answered,
      rank() OVER (ORDER BY points DESC, points::float8 / answered DESC) AS rank,
      row_number() OVER (ORDER BY points DESC, points::float8 / answered DESC, last_correct_at NULLS FIRST, user_id) AS position
    FROM totals
  )
  SELECT r.user_id, COALESCE(n.user_name, r.user_id) AS user_name, r.points, r.answered,
    COALESCE(s.streak, 0) AS streak, r.rank, r.position
  FROM ranked r
  LEFT JOIN ${t.member_names} n ON n.guild_id = $1 AND n.user_id = r.user_id
  LEFT JOIN ${t.member_scores} s ON s.guild_id = $1 AND s.user_id = r.user_id
  WHERE r.position <= $2 OR r.user_id = $3
  ORDER BY r.position`;
}

export class PostgresScores {
  constructor(private readonly db: PostgresContext) {}

  /**
   * A point belongs to the period in which its question closed (the reveal), not to the click. `since = null`
   * reads the running totals; any date aggregates the answers scored at or after it (an index-only scan of
   * `answers_scored_by_guild`).
   */
  async getLeaderboard(guildId: string, period: LeaderboardPeriod, since: Date | null, callerId: string | null, limit = 10): Promise<Leaderboard> {
    const t = this.db.tables;
    // A period that starts before the guild's first scored answer holds the whole history: the running totals
    // answer it without aggregating every answer (a team in its first month asks exactly that).
    const earliest =
      since === null
        ? null
        : ((
            await queryPrepared<{ earliest: Date | null }>(
              this.db.pool,
              'earliest_scored_answer',
              `SELECT min(scored_at) AS earliest FROM ${t.answers} WHERE guild_id = $1 AND scored_at IS NOT NULL`,
              [guildId],
            )
          ).rows[0]?.earliest ?? null);
    const wholeHistory = since === null || earliest === null || since.getTime() <= earliest.getTime();
    const { rows } = wholeHistory
      ? await queryPrepared<LeaderboardQueryRow>(
          this.db.pool,
          'leaderboard_all_time',
          `WITH totals AS (
            SELECT user_id, points, answered, last_correct_at FROM ${t.member_scores} WHERE guild_id = $1 AND answered > 0
          ),
          ${rankLeaderboardSql(t)}`,
          [guildId, limit, callerId],
        )
      : await queryPrepared<LeaderboardQueryRow>(
          this.db.pool,
          'leaderboard_period',
          `WITH totals AS (
            SELECT user_id, count(*) FILTER (WHERE correct) AS points, count(*) AS answered,
              max(answered_at) FILTER (WHERE correct) AS last_correct_at
            FROM ${t.answers} WHERE guild_id = $1 AND scored_at >= $4
            GROUP BY user_id
          ),
          ${rankLeaderboardSql(t)}`,
          [guildId, limit, callerId, since],
        );
    const top: LeaderboardRow[] = [];
    let caller: LeaderboardRow | null = null;
    for (const row of rows) {
      const entry: LeaderboardRow = {
        rank: row.rank,
        userId: row.user_id,
        userName: row.user_name,
        points: row.points,
        answered: row.answered,
        accuracy: toAccuracy(row.points, row.answered),
        streak: row.streak,
      };
      if (row.position <= limit) top.push(entry);
      else caller = entry;
    }
    return { period, since, top, caller };
  }

  async getMemberStats(guildId: string, userId: string): Promise<MemberStats> {
    const t = this.db.tables;
    const { rows } = await this.db.pool.query<{
      points: number | null;
      answered: number | null;
      streak: number | null;
      best_streak: number | null;
      user_name: string | null;
    }>(
      `SELECT s.points, s.answered, s.streak, s.best_streak, n.user_name
      FROM (SELECT $1::text AS guild_id, $2::text AS user_id) member
      LEFT JOIN ${t.member_scores} s ON s.guild_id = member.guild_id AND s.user_id = member.user_id
      LEFT JOIN ${t.member_names} n ON n.guild_id = member.guild_id AND n.user_id = member.user_id`,
      [guildId, userId],
    );
    // Weakest = lowest correct rate among scored answers; concepts always answered right are not weak.
    const weakest = await this.db.pool.query<{ concept_id: string; answered: number; correct: number }>(
      `SELECT q.concept_id, count(*) AS answered, count(*) FILTER (WHERE a.correct) AS correct
      FROM ${t.answers} a JOIN ${t.questions} q ON q.id = a.question_id
      WHERE a.guild_id = $1 AND a.user_id = $2 AND a.scored_at IS NOT NULL
      GROUP BY q.concept_id
      HAVING count(*) FILTER (WHERE a.correct) < count(*)
      ORDER BY (count(*) FILTER (WHERE a.correct))::float8 / count(*), count(*) DESC, q.concept_id
      LIMIT 5`,
      [guildId, userId],
    );
    const score = rows[0];
    const points = score?.points ?? 0;
    const answered = score?.answered ?? 0;
    return {
      userId,
      userName: score?.user_name ?? null,
      points,
      answered,
      accuracy: toAccuracy(points, answered),
      streak: score?.streak ?? 0,
      bestStreak: score?.best_streak ?? 0,
      weakest: weakest.rows.map((row) => ({ conceptId: row.concept_id, answered: row.answered, correct: row.correct })),
    };
  }

  async getConceptPerformance(guildId: string, channelId: string): Promise<ConceptPerformance[]> {
    const t = this.db.tables;
    const { rows } = await this.db.pool.query<{
      concept_id: string;
      asked: number;
      answers: number;
      correct_answers: number;
      last_asked_at: Date | null;
    }>(
      `SELECT q.concept_id, count(DISTINCT q.id) AS asked, count(a.user_id) AS answers,
        count(*) FILTER (WHERE a.correct) AS correct_answers, max(q.created_at) AS last_asked_at
      FROM ${t.questions} q LEFT JOIN ${t.answers} a ON a.question_id = q.id
      WHERE q.guild_id = $1 AND q.channel_id = $2 AND q.practice_user_id IS NULL
      GROUP BY q.concept_id
      ORDER BY q.concept_id`,
      [guildId, channelId],
    );
    return rows.map((row) => ({
      conceptId: row.concept_id,
      asked: row.asked,
      answers: row.answers,
      correctAnswers: row.correct_answers,
      lastAskedAt: row.last_asked_at,
    }));
  }

  /**
   * Rounds are counted from the channel's first question onwards: each time every concept of `scope` has been
   * asked, a new round starts. A scope that changed is applied to the whole history, so a newly added concept
   * belongs to the current round. (The same walk as the SQLite store's; see there for why not newest-first.)
   */
  async listConceptsAskedThisRound(guildId: string, channelId: string, scope: readonly string[]): Promise<Set<string>> {
    const inScope = new Set(scope);
    let round = new Set<string>();
    if (inScope.size === 0) return round;
    const { rows } = await this.db.pool.query<{ concept_id: string }>(
      `SELECT concept_id FROM ${this.db.tables.questions}
      WHERE guild_id = $1 AND channel_id = $2 AND practice_user_id IS NULL
      ORDER BY created_at, seq`,
      [guildId, channelId],
    );
    for (const { concept_id: conceptId } of rows) {
      if (!inScope.has(conceptId)) continue;
      round.add(conceptId);
      if (round.size === inScope.size) round = new Set();
    }
    return round;
  }
}
