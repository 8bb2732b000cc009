import { describe, expect, it } from 'vitest';
import { buildLeaderboardView, buildMemberStatsView } from '../../src/discord/leaderboard-view.js';
import type { SqliteQuizStore } from '../../src/store/sqlite-quiz-store.js';
import { askAbout, buttonsOf, expectWithinDiscordLimits, guildId, openTestStore, realKb, storeQuestion } from './discord-quiz-kit.js';

const hour = 60 * 60_000;

/** Questions one hour apart; `answers[i]` maps members to right (true) or wrong (false) on question i. */
async function playRounds(
  store: SqliteQuizStore,
  conceptIds: string[],
  answers: Record<string, boolean>[],
  names: Record<string, string> = {},
): Promise<void> {
  for (const [index, round] of answers.entries()) {
    const createdAt = new Date(Date.UTC(2026, 10, 23, index));
    const question = await storeQuestion(store, askAbout(realKb, conceptIds[index % conceptIds.length]!, 1), createdAt);
    for (const [userId, right] of Object.entries(round)) {
      await store.recordAnswer(question.id, userId, names[userId] ?? `member ${userId}`, right ? 1 : 0, new Date(createdAt.getTime() + 60_000));
    }
    await store.closeQuestion(question.id, new Date(createdAt.getTime() + hour));
  }
}

describe('the leaderboard view', () => {
  it('ranks by points with accuracy and any running streak, and adds the caller below the top 10 when outside it', async () => {
    const store = openTestStore();
    // Members 1..12: member n answers the first (13 - n) questions right, so member 1 leads and member 12 is last.
    const rounds = Array.from({ length: 12 }, (_, round) =>
      Object.fromEntries(Array.from({ length: 12 }, (_, index) => [String(index + 1), round < 12 - index])),
    );
    await playRounds(store, ['docker-kubernetes/container'], rounds);
    const leaderboard = await store.getLeaderboard(guildId, 'all', null, '12');

    const view = buildLeaderboardView({ leaderboard, timezone: 'Asia/Seoul', callerId: '12', language: 'en' });

    const lines = (view.embeds[0]?.description ?? '').split('\n');
    expect(lines.filter((line) => /member \d+/.test(line))).toHaveLength(11);
    expect(lines.find((line) => line.includes('member 1 '))).toMatch(/^🥇 member 1 — \*\*12\*\* pts · 100% right · streak 12$/);
    expect(lines.find((line) => line.includes('member 2 '))).toMatch(/^🥈/);
    expect(lines.find((line) => line.includes('member 10 '))).toMatch(/^\*\*10\.\*\* member 10 — \*\*3\*\* pts · 25% right$/);
    expect(lines.some((line) => line.includes('member 11 '))).toBe(false);
    expect(lines.at(-2)).toBe('⋯');
    expect(lines.at(-1)).toMatch(/^\*\*12\.\*\* member 12 \(you\) — \*\*1\*\* pt · 8% right/);
    expectWithinDiscordLimits(view);
  });

  it('shows where a period starts, in the guild time zone, and never pings names', async () => {
    const store = openTestStore();
    await playRounds(store, ['docker-kubernetes/kernel'], [{ '1': true, '2': true }], { '1': '@everyone', '2': '<@110000000000000001>' });
    const since = new Date('2026-11-22T15:00:00.000Z');
    const leaderboard = await store.getLeaderboard(guildId, 'week', since, '1');

    const view = buildLeaderboardView({ leaderboard, timezone: 'Asia/Seoul', callerId: '1', language: 'ko' });

    const description = view.embeds[0]?.description ?? '';
    expect(view.embeds[0]?.title).toBe('🏆 순위표: 이번 주');
    expect(description).toContain(`<t:${since.getTime() / 1000}:D>부터 (Asia/Seoul)`);
    expect(description).not.toMatch(/@everyone|<@\d/);
    expect(description).toContain('(나)');
    expect(view.allowedMentions).toEqual({ parse: [] });
  });

  it('invites to the next quiz when nobody answered in the period', async () => {
    const store = openTestStore();

    const view = buildLeaderboardView({
      leaderboard: await store.getLeaderboard(guildId, 'month', new Date(), '1'),
      timezone: 'UTC',
      callerId: '1',
      language: 'en',
    });

    expect(view.embeds[0]?.description).toContain('No answers in this period yet');
  });
});

describe('the member stats view', () => {
  it('shows points, accuracy, streaks and the weakest concepts with buttons that explain them', async () => {
    const store = openTestStore();
    await playRounds(
      store,
      ['docker-kubernetes/kernel', 'docker-kubernetes/docker'],
      [{ '7': false }, { '7': true }, { '7': true }, { '7': false }, { '7': true }],
    );
    const stats = await store.getMemberStats(guildId, '7');

    const view = buildMemberStatsView({ stats, fallbackName: 'unused', kb: realKb, language: 'en' });

    const fields = Object.fromEntries((view.embeds[0]?.fields ?? []).map((field) => [field.name, field.value]));
    expect(fields).toMatchObject({ Points: '3', Accuracy: '60% of 5 answers', Streak: '1', 'Best streak': '2' });
    expect(fields['Weakest concepts']).toBe('• 도커 (Docker): 1/2 right\n• 커널 (Kernel): 2/3 right');
    expect(buttonsOf(view).map((button) => button.custom_id)).toEqual(['explain:docker-kubernetes/docker', 'explain:docker-kubernetes/kernel']);
    expectWithinDiscordLimits(view);
  });

  it('for a member who never answered, says how to start', async () => {
    const store = openTestStore();

    const view = buildMemberStatsView({ stats: await store.getMemberStats(guildId, '9'), fallbackName: '**Kim**', kb: realKb, language: 'en' });

    expect(view.embeds[0]?.title).toBe('📊 Quiz stats: \\*\\*Kim\\*\\*');
    expect(view.embeds[0]?.description).toContain('/quiz practice');
    expect(view.components).toEqual([]);
  });
});
