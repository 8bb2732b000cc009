// Scores read back: leaderboards, a member's stats, how each concept fared, and which concepts this round asked.
import type { ConceptPerformance, Leaderboard, LeaderboardPeriod, LeaderboardRow, MemberStats } from '../../quiz/types.js';
import type { PreparedStatements } from '../quiz-statements.js';
import { toAccuracy, toDateOrNull } from '../row-mappers.js';

export class SqliteScores {
  constructor(private readonly statements: PreparedStatements) {}

  /**
   * A point belongs to the period in which its question closed (the reveal), not to the click: counting
   * clicks on open questions would let the leaderboard reveal who answered right before the reveal does.
   * `since = null` reads the running totals; any date aggregates the answers scored at or after it.
   */
  getLeaderboard(guildId: string, period: LeaderboardPeriod, since: Date | null, callerId: string | null, limit = 10): Leaderboard {
    const parameters = { guildId, limit, callerId };
    // A period that starts before the guild's first scored answer holds the whole history: the running
    // totals answer it without aggregating every answer (a team in its first month asks exactly that).
    const earliest = since === null ? null : (this.statements.selectEarliestScoredAt.get(guildId)?.earliest ?? null);
    const wholeHistory = since === null || earliest === null || since.getTime() <= earliest;
    const rows = wholeHistory
      ? this.statements.selectAllTimeLeaderboard.all(parameters)
      : this.statements.selectPeriodLeaderboard.all({ ...parameters, since: since.getTime() });
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

  getMemberStats(guildId: string, userId: string): MemberStats {
    const score = this.statements.selectMemberScore.get(guildId, userId);
    const points = score?.points ?? 0;
    const answered = score?.answered ?? 0;
    return {
      userId,
      userName: this.statements.selectMemberName.get(guildId, userId)?.user_name ?? null,
      points,
      answered,
      accuracy: toAccuracy(points, answered),
      streak: score?.streak ?? 0,
      bestStreak: score?.best_streak ?? 0,
      weakest: this.statements.selectWeakestConcepts
        .all(guildId, userId)
        .map((row) => ({ conceptId: row.concept_id, answered: row.answered, correct: row.correct })),
    };
  }

  getConceptPerformance(guildId: string, channelId: string): ConceptPerformance[] {
    return this.statements.selectConceptPerformance.all(guildId, channelId).map((row) => ({
      conceptId: row.concept_id,
      asked: row.asked,
      answers: row.answers,
      correctAnswers: row.correct_answers,
      lastAskedAt: toDateOrNull(row.last_asked_at),
    }));
  }

  /**
   * Rounds are counted from the channel's first question onwards: each time every concept of `scope` has been
   * asked, a new round starts. (Walking newest-first to the last full cover would instead make the order a
   * fixed cycle and leave the chooser no freedom to prefer weak concepts at the start of a round.)
   * A scope that changed is applied to the whole history, so a newly added concept belongs to the current round.
   */
  listConceptsAskedThisRound(guildId: string, channelId: string, scope: readonly string[]): Set<string> {
    const inScope = new Set(scope);
    let round = new Set<string>();
    if (inScope.size === 0) return round;
    for (const { concept_id: conceptId } of this.statements.selectChannelConceptHistory.iterate(guildId, channelId)) {
      if (!inScope.has(conceptId)) continue;
      round.add(conceptId);
      if (round.size === inScope.size) round = new Set();
    }
    return round;
  }
}
