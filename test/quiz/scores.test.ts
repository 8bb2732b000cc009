import { describe, expect, it } from 'vitest';
import { QuizScores } from '../../src/quiz/scores.js';
import { askAndClose, guildId, openTestStore } from '../store/store-test-kit.js';

// Monday 2 March 2026, 12:00 in Seoul (03:00 UTC). Seoul's week began Sunday 15:00 UTC; UTC's at Monday 00:00.
const now = new Date('2026-03-02T03:00:00Z');
const clock = { now: () => now };
/** Monday 05:00 in Seoul, still Sunday in UTC. */
const earlyMondayInSeoul = new Date('2026-03-01T20:00:00Z');

describe('quiz scores', () => {
  it("a guild's week starts at midnight in the zone its admins scheduled in", async () => {
    const store = await openTestStore();
    await askAndClose(store, { postedAt: earlyMondayInSeoul, answers: { joon: true } });
    await store.setGuildTimezone(guildId, 'Asia/Seoul');
    const scores = new QuizScores({ store, clock, defaultTimezone: 'UTC' });

    const { leaderboard, timezone } = await scores.leaderboard(guildId, 'week', 'joon');

    expect(timezone).toBe('Asia/Seoul');
    expect(leaderboard.since).toEqual(new Date('2026-03-01T15:00:00Z'));
    expect(leaderboard.top.map((row) => row.userId)).toEqual(['joon']);
  });

  it('a guild that never scheduled a channel counts weeks in DEFAULT_TIMEZONE', async () => {
    const store = await openTestStore();
    await askAndClose(store, { postedAt: earlyMondayInSeoul, answers: { joon: true } });
    const scores = new QuizScores({ store, clock, defaultTimezone: 'UTC' });

    const { leaderboard, timezone } = await scores.leaderboard(guildId, 'week', 'joon');

    expect(timezone).toBe('UTC');
    expect(leaderboard.since).toEqual(new Date('2026-03-02T00:00:00Z'));
    expect(leaderboard.top).toEqual([]);
    expect((await scores.leaderboard(guildId, 'all', 'joon')).leaderboard.top.map((row) => row.userId)).toEqual(['joon']);
  });

  it("a member's stats count every answer in the guild, whatever the period", async () => {
    const store = await openTestStore();
    await askAndClose(store, { postedAt: earlyMondayInSeoul, answers: { joon: true, mina: false } });
    const scores = new QuizScores({ store, clock, defaultTimezone: 'UTC' });

    expect(await scores.memberStats(guildId, 'joon')).toMatchObject({ userId: 'joon', answered: 1, streak: 1 });
    expect(await scores.memberStats(guildId, 'mina')).toMatchObject({ answered: 1, streak: 0, accuracy: 0 });
  });
});
