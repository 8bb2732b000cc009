import { describe, expect, it } from 'vitest';
import { askAndClose, channelId, guildId, hour, openTestStore, postQuestion, storeBackends, startStoreBackends } from './store-test-kit.js';

startStoreBackends();

const start = new Date('2026-03-02T00:00:00Z').getTime();
/** The n-th daily question. */
const dayAt = (n: number) => new Date(start + n * 24 * hour);

describe.each(storeBackends)('closing and scoring ($name)', (backend) => {
  it('closing gives one point per right answer and returns the tally', async () => {
    const store = await openTestStore(backend);

    const closed = await askAndClose(store, { postedAt: dayAt(0), answers: { mina: true, joon: false, hana: true } });

    expect(closed.question).toMatchObject({ status: 'closed', closedAt: closed.question.closesAt });
    expect(closed.tally.participants).toBe(3);
    expect(closed.tally.correct.map((member) => member.userId)).toEqual(['mina', 'hana']);
    expect(await store.getMemberStats(guildId, 'mina')).toMatchObject({ points: 1, answered: 1, accuracy: 1, streak: 1 });
    expect(await store.getMemberStats(guildId, 'joon')).toMatchObject({ points: 0, answered: 1, accuracy: 0, streak: 0 });
  });

  it('closing a question twice counts its points once and keeps the first close time', async () => {
    const store = await openTestStore(backend);
    const first = await askAndClose(store, { postedAt: dayAt(0), answers: { mina: true } });

    const second = await store.closeQuestion(first.question.id, dayAt(1));

    expect(second?.question.closedAt).toEqual(first.question.closedAt);
    expect(second?.tally).toEqual(first.tally);
    expect(await store.getMemberStats(guildId, 'mina')).toMatchObject({ points: 1, answered: 1, streak: 1 });
  });

  it('closing an unknown question returns null', async () => {
    const store = await openTestStore(backend);

    expect(await store.closeQuestion('nope', dayAt(0))).toBeNull();
  });

  it('a streak grows with right answers and ends with a wrong or a missed one; the best streak stays', async () => {
    const store = await openTestStore(backend);

    await askAndClose(store, { postedAt: dayAt(0), answers: { mina: true, joon: true } });
    await askAndClose(store, { postedAt: dayAt(1), answers: { mina: true, joon: false } });
    const afterWrong = { mina: await store.getMemberStats(guildId, 'mina'), joon: await store.getMemberStats(guildId, 'joon') };
    await askAndClose(store, { postedAt: dayAt(2), answers: { joon: true } });
    const afterMiss = { mina: await store.getMemberStats(guildId, 'mina'), joon: await store.getMemberStats(guildId, 'joon') };
    await askAndClose(store, { postedAt: dayAt(3), answers: { mina: true, joon: true } });

    expect(afterWrong.mina).toMatchObject({ streak: 2, bestStreak: 2 });
    expect(afterWrong.joon).toMatchObject({ streak: 0, bestStreak: 1 });
    expect(afterMiss.mina).toMatchObject({ streak: 0, bestStreak: 2 });
    expect(afterMiss.joon).toMatchObject({ streak: 1, bestStreak: 1 });
    expect(await store.getMemberStats(guildId, 'mina')).toMatchObject({ points: 3, answered: 3, streak: 1, bestStreak: 2 });
    expect(await store.getMemberStats(guildId, 'joon')).toMatchObject({ points: 3, answered: 4, streak: 2, bestStreak: 2 });
  });

  it('a streak runs over every channel of the guild but not over other guilds', async () => {
    const store = await openTestStore(backend);

    await askAndClose(store, { postedAt: dayAt(0), channel: '2001', answers: { mina: true } });
    await askAndClose(store, { postedAt: dayAt(1), channel: '2002', answers: { mina: true } });
    await askAndClose(store, { postedAt: dayAt(2), guild: 'other-guild', answers: { joon: true } });
    const acrossChannels = (await store.getMemberStats(guildId, 'mina')).streak;
    await askAndClose(store, { postedAt: dayAt(3), channel: '2002', answers: { joon: true } });

    expect(acrossChannels).toBe(2);
    expect((await store.getMemberStats(guildId, 'mina')).streak).toBe(0);
    expect(await store.getMemberStats('other-guild', 'joon')).toMatchObject({ points: 1, streak: 1 });
  });

  it('practice questions are recorded but never scored and never end a streak', async () => {
    const store = await openTestStore(backend);
    await askAndClose(store, { postedAt: dayAt(0), answers: { joon: true } });

    const practice = await askAndClose(store, { postedAt: dayAt(1), practiceUserId: 'mina', answers: { mina: true } });

    expect(practice.tally.correct.map((member) => member.userId)).toEqual(['mina']);
    expect(await store.getMemberStats(guildId, 'mina')).toMatchObject({ points: 0, answered: 0, streak: 0 });
    expect(await store.getMemberStats(guildId, 'joon')).toMatchObject({ points: 1, streak: 1 });
    expect((await store.getLeaderboard(guildId, 'all', null, null)).top.map((row) => row.userId)).toEqual(['joon']);
    expect((await store.getLeaderboard(guildId, 'week', dayAt(0), null)).top.map((row) => row.userId)).toEqual(['joon']);
  });

  it('answers of an open question do not count yet (the leaderboard must not reveal who was right)', async () => {
    const store = await openTestStore(backend);
    const open = await postQuestion(store, { postedAt: dayAt(0) });
    await store.recordAnswer(open.id, 'mina', 'Mina', open.answer, new Date(dayAt(0).getTime() + 60_000));

    expect(await store.getLeaderboard(guildId, 'week', dayAt(0), 'mina')).toMatchObject({ top: [], caller: null });
    expect((await store.getLeaderboard(guildId, 'all', null, 'mina')).top).toEqual([]);
    expect(await store.getMemberStats(guildId, 'mina')).toMatchObject({ points: 0, answered: 0 });
  });
});

describe.each(storeBackends)('leaderboard ($name)', (backend) => {
  it('counts a week in the guild time zone: a question closed late Sunday in Seoul belongs to the previous week', async () => {
    const store = await openTestStore(backend);
    // Monday 2026-03-02 00:00 in Seoul (UTC+9) is Sunday 2026-03-01 15:00 UTC.
    const weekStart = new Date(Date.UTC(2026, 2, 1, 15, 0));
    const sundayNightSeoul = new Date(weekStart.getTime() - 2 * hour); // closes 23:00 Seoul, Sunday
    const mondayMorningSeoul = new Date(weekStart.getTime() + 30 * 60_000); // posted 00:30 Seoul, Monday
    await askAndClose(store, { postedAt: sundayNightSeoul, answers: { mina: true, joon: true } });
    await askAndClose(store, { postedAt: mondayMorningSeoul, answers: { joon: true, hana: false } });

    const week = await store.getLeaderboard(guildId, 'week', weekStart, null);
    const all = await store.getLeaderboard(guildId, 'all', null, null);

    expect(week.since).toEqual(weekStart);
    expect(week.top.map((row) => [row.userId, row.points, row.answered])).toEqual([
      ['joon', 1, 1],
      ['hana', 0, 1],
    ]);
    expect(all.top.map((row) => [row.userId, row.points, row.answered])).toEqual([
      ['joon', 2, 2],
      ['mina', 1, 1],
      ['hana', 0, 1],
    ]);
  });

  it('a question counts in the period in which it closed, even when answered before the period began', async () => {
    const store = await openTestStore(backend);
    const monthStart = new Date(Date.UTC(2026, 2, 31, 15, 0)); // 1 April 00:00 in Seoul
    const question = await postQuestion(store, { postedAt: new Date(monthStart.getTime() - 30 * 60_000) });
    await store.recordAnswer(question.id, 'mina', 'Mina', question.answer, new Date(monthStart.getTime() - 20 * 60_000));
    await store.closeQuestion(question.id, question.closesAt);

    const month = await store.getLeaderboard(guildId, 'month', monthStart, null);

    expect(month.top.map((row) => [row.userId, row.points])).toEqual([['mina', 1]]);
  });

  it('orders by points, then accuracy; equal points and accuracy share a rank, listed by who got there first', async () => {
    const store = await openTestStore(backend);
    // ana: 2/2, bo: 2/3, cy: 2/2 but her second point came later than ana's, dee: 1/1
    await askAndClose(store, { postedAt: dayAt(0), answers: { ana: true, bo: true, cy: true, dee: true } });
    await askAndClose(store, { postedAt: dayAt(1), answers: { ana: true, bo: false } });
    await askAndClose(store, { postedAt: dayAt(2), answers: { bo: true, cy: true } });

    const board = await store.getLeaderboard(guildId, 'all', null, null);
    const week = await store.getLeaderboard(guildId, 'week', dayAt(0), null);

    const expected = [
      { rank: 1, userId: 'ana', points: 2, answered: 2, accuracy: 1 },
      { rank: 1, userId: 'cy', points: 2, answered: 2, accuracy: 1 },
      { rank: 3, userId: 'bo', points: 2, answered: 3, accuracy: 2 / 3 },
      { rank: 4, userId: 'dee', points: 1, answered: 1, accuracy: 1 },
    ];
    expect(board.top.map(({ rank, userId, points, answered, accuracy }) => ({ rank, userId, points, answered, accuracy }))).toEqual(expected);
    expect(week.top.map(({ rank, userId, points, answered, accuracy }) => ({ rank, userId, points, answered, accuracy }))).toEqual(expected);
  });

  it('shows the top 10 and the caller own rank when outside them', async () => {
    const store = await openTestStore(backend);
    // m01 answers 12 right … m12 answers 1 right: ranks follow the member number.
    const members = Array.from({ length: 12 }, (_, index) => `m${String(index + 1).padStart(2, '0')}`);
    for (let question = 0; question < 12; question++) {
      const answers = Object.fromEntries(members.filter((_, index) => question < 12 - index).map((member) => [member, true]));
      await askAndClose(store, { postedAt: dayAt(question), answers });
    }

    const outside = await store.getLeaderboard(guildId, 'all', null, 'm12');
    const inside = await store.getLeaderboard(guildId, 'all', null, 'm03');
    const stranger = await store.getLeaderboard(guildId, 'week', dayAt(0), 'never-answered');

    expect(outside.top.map((row) => row.userId)).toEqual(members.slice(0, 10));
    expect(outside.top.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(outside.caller).toMatchObject({ rank: 12, userId: 'm12', points: 1, answered: 1 });
    expect(inside.caller).toBeNull();
    expect(stranger.caller).toBeNull();
    expect(stranger.top).toHaveLength(10);
  });

  it('shows the current streak and the latest display name', async () => {
    const store = await openTestStore(backend);
    await askAndClose(store, { postedAt: dayAt(0), answers: { mina: true } });
    const question = await postQuestion(store, { postedAt: dayAt(1) });
    await store.recordAnswer(question.id, 'mina', 'Mina (new name)', question.answer, new Date(dayAt(1).getTime() + 60_000));
    await store.closeQuestion(question.id, question.closesAt);

    const [row] = (await store.getLeaderboard(guildId, 'all', null, null)).top;

    expect(row).toMatchObject({ userId: 'mina', userName: 'Mina (new name)', points: 2, streak: 2 });
    expect((await store.getMemberStats(guildId, 'mina')).userName).toBe('Mina (new name)');
  });

  it('a period that began before the first scored answer ranks exactly like all time; a later one does not', async () => {
    const store = await openTestStore(backend);
    await askAndClose(store, { postedAt: dayAt(0), answers: { mina: true, joon: false } });
    await askAndClose(store, { postedAt: dayAt(1), answers: { mina: false, joon: true, hana: true } });
    await askAndClose(store, { postedAt: dayAt(2), answers: { joon: true, hana: false } });

    const allTime = await store.getLeaderboard(guildId, 'all', null, 'hana');
    const wholeHistory = await store.getLeaderboard(guildId, 'month', dayAt(-10), 'hana');
    const lastTwoDays = await store.getLeaderboard(guildId, 'week', dayAt(1), 'hana');

    expect(wholeHistory.top).toEqual(allTime.top);
    expect(allTime.top.map((row) => [row.userId, row.points, row.answered])).toEqual([
      ['joon', 2, 3],
      ['mina', 1, 2],
      ['hana', 1, 2],
    ]);
    expect(lastTwoDays.top.map((row) => [row.userId, row.points, row.answered])).toEqual([
      ['joon', 2, 2],
      ['hana', 1, 2],
      ['mina', 0, 1],
    ]);
  });

  it('keeps guilds apart', async () => {
    const store = await openTestStore(backend);
    await askAndClose(store, { postedAt: dayAt(0), answers: { mina: true } });
    await askAndClose(store, { postedAt: dayAt(0), guild: 'other-guild', answers: { joon: true } });

    expect((await store.getLeaderboard(guildId, 'all', null, null)).top.map((row) => row.userId)).toEqual(['mina']);
    expect((await store.getLeaderboard('other-guild', 'week', dayAt(0), null)).top.map((row) => row.userId)).toEqual(['joon']);
  });
});

describe.each(storeBackends)('member stats ($name)', (backend) => {
  it('lists the weakest concepts worst first, leaving out concepts always answered right', async () => {
    const store = await openTestStore(backend);
    const answer = async (conceptId: string, day: number, right: boolean) =>
      await askAndClose(store, { postedAt: dayAt(day), conceptId, answers: { mina: right } });
    await answer('pod', 0, false);
    await answer('pod', 1, false);
    await answer('service', 2, true);
    await answer('service', 3, false);
    await answer('volume', 4, false);
    await answer('image', 5, true);

    const stats = await store.getMemberStats(guildId, 'mina');

    expect(stats).toMatchObject({ points: 2, answered: 6, accuracy: 2 / 6, bestStreak: 1 });
    expect(stats.weakest).toEqual([
      { conceptId: 'pod', answered: 2, correct: 0 },
      { conceptId: 'volume', answered: 1, correct: 0 },
      { conceptId: 'service', answered: 2, correct: 1 },
    ]);
  });

  it('shows at most five weakest concepts', async () => {
    const store = await openTestStore(backend);
    for (let day = 0; day < 7; day++) await askAndClose(store, { postedAt: dayAt(day), conceptId: `concept-${day}`, answers: { mina: false } });

    expect((await store.getMemberStats(guildId, 'mina')).weakest).toHaveLength(5);
  });

  it('a member who never answered has empty stats', async () => {
    const store = await openTestStore(backend);

    expect(await store.getMemberStats(guildId, 'ghost')).toEqual({
      userId: 'ghost',
      userName: null,
      points: 0,
      answered: 0,
      accuracy: 0,
      streak: 0,
      bestStreak: 0,
      weakest: [],
    });
  });
});

describe.each(storeBackends)('concept history of a channel ($name)', (backend) => {
  it('reports per concept how often it was asked, answered and answered right, and when last', async () => {
    const store = await openTestStore(backend);
    await askAndClose(store, { postedAt: dayAt(0), conceptId: 'pod', answers: { mina: true, joon: false } });
    await askAndClose(store, { postedAt: dayAt(1), conceptId: 'pod', answers: { mina: true } });
    await askAndClose(store, { postedAt: dayAt(2), conceptId: 'image', answers: {} });
    await askAndClose(store, { postedAt: dayAt(3), channel: 'elsewhere', conceptId: 'volume', answers: { mina: true } });
    await askAndClose(store, { postedAt: dayAt(4), practiceUserId: 'mina', conceptId: 'volume', answers: { mina: true } });

    const performance = await store.getConceptPerformance(guildId, channelId);

    expect(performance).toEqual([
      { conceptId: 'image', asked: 1, answers: 0, correctAnswers: 0, lastAskedAt: dayAt(2) },
      { conceptId: 'pod', asked: 2, answers: 3, correctAnswers: 2, lastAskedAt: dayAt(1) },
    ]);
  });

  it('a round lasts until every concept in scope was asked, then starts empty', async () => {
    const store = await openTestStore(backend);
    const scope = ['a', 'b', 'c'];
    const roundAfter: string[][] = [];
    for (const [day, conceptId] of ['a', 'b', 'c', 'b', 'x', 'a'].entries()) {
      await postQuestion(store, { postedAt: dayAt(day), conceptId });
      roundAfter.push([...(await store.listConceptsAskedThisRound(guildId, channelId, scope))].sort());
    }

    expect(roundAfter).toEqual([['a'], ['a', 'b'], [], ['b'], ['b'], ['a', 'b']]);
  });

  it('a round ignores practice questions and other channels, and a concept added to the scope is still due', async () => {
    const store = await openTestStore(backend);
    await postQuestion(store, { postedAt: dayAt(0), conceptId: 'a' });
    await postQuestion(store, { postedAt: dayAt(1), conceptId: 'b' });
    await postQuestion(store, { postedAt: dayAt(2), conceptId: 'c', practiceUserId: 'mina' });
    await postQuestion(store, { postedAt: dayAt(3), conceptId: 'c', channel: 'elsewhere' });

    expect([...(await store.listConceptsAskedThisRound(guildId, channelId, ['a', 'b']))]).toEqual([]);
    expect([...(await store.listConceptsAskedThisRound(guildId, channelId, ['a', 'b', 'c']))].sort()).toEqual(['a', 'b']);
    expect([...(await store.listConceptsAskedThisRound(guildId, channelId, []))]).toEqual([]);
  });
});
