import { describe, expect, it } from 'vitest';
import { askAndClose, channelId, guildId, hour, openTestStore, postQuestion } from './store-test-kit.js';

const start = new Date('2026-03-02T00:00:00Z').getTime();
/** The n-th daily question. */
const dayAt = (n: number) => new Date(start + n * 24 * hour);

describe('closing and scoring', () => {
  it('closing gives one point per right answer and returns the tally', () => {
    const store = openTestStore();

    const closed = askAndClose(store, { postedAt: dayAt(0), answers: { mina: true, joon: false, hana: true } });

    expect(closed.question).toMatchObject({ status: 'closed', closedAt: closed.question.closesAt });
    expect(closed.tally.participants).toBe(3);
    expect(closed.tally.correct.map((member) => member.userId)).toEqual(['mina', 'hana']);
    expect(store.getMemberStats(guildId, 'mina')).toMatchObject({ points: 1, answered: 1, accuracy: 1, streak: 1 });
    expect(store.getMemberStats(guildId, 'joon')).toMatchObject({ points: 0, answered: 1, accuracy: 0, streak: 0 });
  });

  it('closing a question twice counts its points once and keeps the first close time', () => {
    const store = openTestStore();
    const first = askAndClose(store, { postedAt: dayAt(0), answers: { mina: true } });

    const second = store.closeQuestion(first.question.id, dayAt(1));

    expect(second?.question.closedAt).toEqual(first.question.closedAt);
    expect(second?.tally).toEqual(first.tally);
    expect(store.getMemberStats(guildId, 'mina')).toMatchObject({ points: 1, answered: 1, streak: 1 });
  });

  it('closing an unknown question returns null', () => {
    const store = openTestStore();

    expect(store.closeQuestion('nope', dayAt(0))).toBeNull();
  });

  it('a streak grows with right answers and ends with a wrong or a missed one; the best streak stays', () => {
    const store = openTestStore();

    askAndClose(store, { postedAt: dayAt(0), answers: { mina: true, joon: true } });
    askAndClose(store, { postedAt: dayAt(1), answers: { mina: true, joon: false } });
    const afterWrong = { mina: store.getMemberStats(guildId, 'mina'), joon: store.getMemberStats(guildId, 'joon') };
    askAndClose(store, { postedAt: dayAt(2), answers: { joon: true } });
    const afterMiss = { mina: store.getMemberStats(guildId, 'mina'), joon: store.getMemberStats(guildId, 'joon') };
    askAndClose(store, { postedAt: dayAt(3), answers: { mina: true, joon: true } });

    expect(afterWrong.mina).toMatchObject({ streak: 2, bestStreak: 2 });
    expect(afterWrong.joon).toMatchObject({ streak: 0, bestStreak: 1 });
    expect(afterMiss.mina).toMatchObject({ streak: 0, bestStreak: 2 });
    expect(afterMiss.joon).toMatchObject({ streak: 1, bestStreak: 1 });
    expect(store.getMemberStats(guildId, 'mina')).toMatchObject({ points: 3, answered: 3, streak: 1, bestStreak: 2 });
    expect(store.getMemberStats(guildId, 'joon')).toMatchObject({ points: 3, answered: 4, streak: 2, bestStreak: 2 });
  });

  it('a streak runs over every channel of the guild but not over other guilds', () => {
    const store = openTestStore();

    askAndClose(store, { postedAt: dayAt(0), channel: '2001', answers: { mina: true } });
    askAndClose(store, { postedAt: dayAt(1), channel: '2002', answers: { mina: true } });
    askAndClose(store, { postedAt: dayAt(2), guild: 'other-guild', answers: { joon: true } });
    const acrossChannels = store.getMemberStats(guildId, 'mina').streak;
    askAndClose(store, { postedAt: dayAt(3), channel: '2002', answers: { joon: true } });

    expect(acrossChannels).toBe(2);
    expect(store.getMemberStats(guildId, 'mina').streak).toBe(0);
    expect(store.getMemberStats('other-guild', 'joon')).toMatchObject({ points: 1, streak: 1 });
  });

  it('practice questions are recorded but never scored and never end a streak', () => {
    const store = openTestStore();
    askAndClose(store, { postedAt: dayAt(0), answers: { joon: true } });

    const practice = askAndClose(store, { postedAt: dayAt(1), practiceUserId: 'mina', answers: { mina: true } });

    expect(practice.tally.correct.map((member) => member.userId)).toEqual(['mina']);
    expect(store.getMemberStats(guildId, 'mina')).toMatchObject({ points: 0, answered: 0, streak: 0 });
    expect(store.getMemberStats(guildId, 'joon')).toMatchObject({ points: 1, streak: 1 });
    expect(store.getLeaderboard(guildId, 'all', null, null).top.map((row) => row.userId)).toEqual(['joon']);
    expect(store.getLeaderboard(guildId, 'week', dayAt(0), null).top.map((row) => row.userId)).toEqual(['joon']);
  });

  it('answers of an open question do not count yet (the leaderboard must not reveal who was right)', () => {
    const store = openTestStore();
    const open = postQuestion(store, { postedAt: dayAt(0) });
    store.recordAnswer(open.id, 'mina', 'Mina', open.answer, new Date(dayAt(0).getTime() + 60_000));

    expect(store.getLeaderboard(guildId, 'week', dayAt(0), 'mina')).toMatchObject({ top: [], caller: null });
    expect(store.getLeaderboard(guildId, 'all', null, 'mina').top).toEqual([]);
    expect(store.getMemberStats(guildId, 'mina')).toMatchObject({ points: 0, answered: 0 });
  });
});

describe('leaderboard', () => {
  it('counts a week in the guild time zone: a question closed late Sunday in Seoul belongs to the previous week', () => {
    const store = openTestStore();
    // Monday 2026-03-02 00:00 in Seoul (UTC+9) is Sunday 2026-03-01 15:00 UTC.
    const weekStart = new Date(Date.UTC(2026, 2, 1, 15, 0));
    const sundayNightSeoul = new Date(weekStart.getTime() - 2 * hour); // closes 23:00 Seoul, Sunday
    const mondayMorningSeoul = new Date(weekStart.getTime() + 30 * 60_000); // posted 00:30 Seoul, Monday
    askAndClose(store, { postedAt: sundayNightSeoul, answers: { mina: true, joon: true } });
    askAndClose(store, { postedAt: mondayMorningSeoul, answers: { joon: true, hana: false } });

    const week = store.getLeaderboard(guildId, 'week', weekStart, null);
    const all = store.getLeaderboard(guildId, 'all', null, null);

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

  it('a question counts in the period in which it closed, even when answered before the period began', () => {
    const store = openTestStore();
    const monthStart = new Date(Date.UTC(2026, 2, 31, 15, 0)); // 1 April 00:00 in Seoul
    const question = postQuestion(store, { postedAt: new Date(monthStart.getTime() - 30 * 60_000) });
    store.recordAnswer(question.id, 'mina', 'Mina', question.answer, new Date(monthStart.getTime() - 20 * 60_000));
    store.closeQuestion(question.id, question.closesAt);

    const month = store.getLeaderboard(guildId, 'month', monthStart, null);

    expect(month.top.map((row) => [row.userId, row.points])).toEqual([['mina', 1]]);
  });

  it('orders by points, then accuracy; equal points and accuracy share a rank, listed by who got there first', () => {
    const store = openTestStore();
    // ana: 2/2, bo: 2/3, cy: 2/2 but her second point came later than ana's, dee: 1/1
    askAndClose(store, { postedAt: dayAt(0), answers: { ana: true, bo: true, cy: true, dee: true } });
    askAndClose(store, { postedAt: dayAt(1), answers: { ana: true, bo: false } });
    askAndClose(store, { postedAt: dayAt(2), answers: { bo: true, cy: true } });

    const board = store.getLeaderboard(guildId, 'all', null, null);
    const week = store.getLeaderboard(guildId, 'week', dayAt(0), null);

    const expected = [
      { rank: 1, userId: 'ana', points: 2, answered: 2, accuracy: 1 },
      { rank: 1, userId: 'cy', points: 2, answered: 2, accuracy: 1 },
      { rank: 3, userId: 'bo', points: 2, answered: 3, accuracy: 2 / 3 },
      { rank: 4, userId: 'dee', points: 1, answered: 1, accuracy: 1 },
    ];
    expect(board.top.map(({ rank, userId, points, answered, accuracy }) => ({ rank, userId, points, answered, accuracy }))).toEqual(expected);
    expect(week.top.map(({ rank, userId, points, answered, accuracy }) => ({ rank, userId, points, answered, accuracy }))).toEqual(expected);
  });

  it('shows the top 10 and the caller own rank when outside them', () => {
    const store = openTestStore();
    // m01 answers 12 right … m12 answers 1 right: ranks follow the member number.
    const members = Array.from({ length: 12 }, (_, index) => `m${String(index + 1).padStart(2, '0')}`);
    for (let question = 0; question < 12; question++) {
      const answers = Object.fromEntries(members.filter((_, index) => question < 12 - index).map((member) => [member, true]));
      askAndClose(store, { postedAt: dayAt(question), answers });
    }

    const outside = store.getLeaderboard(guildId, 'all', null, 'm12');
    const inside = store.getLeaderboard(guildId, 'all', null, 'm03');
    const stranger = store.getLeaderboard(guildId, 'week', dayAt(0), 'never-answered');

    expect(outside.top.map((row) => row.userId)).toEqual(members.slice(0, 10));
    expect(outside.top.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(outside.caller).toMatchObject({ rank: 12, userId: 'm12', points: 1, answered: 1 });
    expect(inside.caller).toBeNull();
    expect(stranger.caller).toBeNull();
    expect(stranger.top).toHaveLength(10);
  });

  it('shows the current streak and the latest display name', () => {
    const store = openTestStore();
    askAndClose(store, { postedAt: dayAt(0), answers: { mina: true } });
    const question = postQuestion(store, { postedAt: dayAt(1) });
    store.recordAnswer(question.id, 'mina', 'Mina (new name)', question.answer, new Date(dayAt(1).getTime() + 60_000));
    store.closeQuestion(question.id, question.closesAt);

    const [row] = store.getLeaderboard(guildId, 'all', null, null).top;

    expect(row).toMatchObject({ userId: 'mina', userName: 'Mina (new name)', points: 2, streak: 2 });
    expect(store.getMemberStats(guildId, 'mina').userName).toBe('Mina (new name)');
  });

  it('a period that began before the first scored answer ranks exactly like all time; a later one does not', () => {
    const store = openTestStore();
    askAndClose(store, { postedAt: dayAt(0), answers: { mina: true, joon: false } });
    askAndClose(store, { postedAt: dayAt(1), answers: { mina: false, joon: true, hana: true } });
    askAndClose(store, { postedAt: dayAt(2), answers: { joon: true, hana: false } });

    const allTime = store.getLeaderboard(guildId, 'all', null, 'hana');
    const wholeHistory = store.getLeaderboard(guildId, 'month', dayAt(-10), 'hana');
    const lastTwoDays = store.getLeaderboard(guildId, 'week', dayAt(1), 'hana');

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

  it('keeps guilds apart', () => {
    const store = openTestStore();
    askAndClose(store, { postedAt: dayAt(0), answers: { mina: true } });
    askAndClose(store, { postedAt: dayAt(0), guild: 'other-guild', answers: { joon: true } });

    expect(store.getLeaderboard(guildId, 'all', null, null).top.map((row) => row.userId)).toEqual(['mina']);
    expect(store.getLeaderboard('other-guild', 'week', dayAt(0), null).top.map((row) => row.userId)).toEqual(['joon']);
  });
});

describe('member stats', () => {
  it('lists the weakest concepts worst first, leaving out concepts always answered right', () => {
    const store = openTestStore();
    const answer = (conceptId: string, day: number, right: boolean) =>
      askAndClose(store, { postedAt: dayAt(day), conceptId, answers: { mina: right } });
    answer('pod', 0, false);
    answer('pod', 1, false);
    answer('service', 2, true);
    answer('service', 3, false);
    answer('volume', 4, false);
    answer('image', 5, true);

    const stats = store.getMemberStats(guildId, 'mina');

    expect(stats).toMatchObject({ points: 2, answered: 6, accuracy: 2 / 6, bestStreak: 1 });
    expect(stats.weakest).toEqual([
      { conceptId: 'pod', answered: 2, correct: 0 },
      { conceptId: 'volume', answered: 1, correct: 0 },
      { conceptId: 'service', answered: 2, correct: 1 },
    ]);
  });

  it('shows at most five weakest concepts', () => {
    const store = openTestStore();
    for (let day = 0; day < 7; day++) askAndClose(store, { postedAt: dayAt(day), conceptId: `concept-${day}`, answers: { mina: false } });

    expect(store.getMemberStats(guildId, 'mina').weakest).toHaveLength(5);
  });

  it('a member who never answered has empty stats', () => {
    const store = openTestStore();

    expect(store.getMemberStats(guildId, 'ghost')).toEqual({
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

describe('concept history of a channel', () => {
  it('reports per concept how often it was asked, answered and answered right, and when last', () => {
    const store = openTestStore();
    askAndClose(store, { postedAt: dayAt(0), conceptId: 'pod', answers: { mina: true, joon: false } });
    askAndClose(store, { postedAt: dayAt(1), conceptId: 'pod', answers: { mina: true } });
    askAndClose(store, { postedAt: dayAt(2), conceptId: 'image', answers: {} });
    askAndClose(store, { postedAt: dayAt(3), channel: 'elsewhere', conceptId: 'volume', answers: { mina: true } });
    askAndClose(store, { postedAt: dayAt(4), practiceUserId: 'mina', conceptId: 'volume', answers: { mina: true } });

    const performance = store.getConceptPerformance(guildId, channelId);

    expect(performance).toEqual([
      { conceptId: 'image', asked: 1, answers: 0, correctAnswers: 0, lastAskedAt: dayAt(2) },
      { conceptId: 'pod', asked: 2, answers: 3, correctAnswers: 2, lastAskedAt: dayAt(1) },
    ]);
  });

  it('a round lasts until every concept in scope was asked, then starts empty', () => {
    const store = openTestStore();
    const scope = ['a', 'b', 'c'];
    const roundAfter: string[][] = [];
    ['a', 'b', 'c', 'b', 'x', 'a'].forEach((conceptId, day) => {
      postQuestion(store, { postedAt: dayAt(day), conceptId });
      roundAfter.push([...store.listConceptsAskedThisRound(guildId, channelId, scope)].sort());
    });

    expect(roundAfter).toEqual([['a'], ['a', 'b'], [], ['b'], ['b'], ['a', 'b']]);
  });

  it('a round ignores practice questions and other channels, and a concept added to the scope is still due', () => {
    const store = openTestStore();
    postQuestion(store, { postedAt: dayAt(0), conceptId: 'a' });
    postQuestion(store, { postedAt: dayAt(1), conceptId: 'b' });
    postQuestion(store, { postedAt: dayAt(2), conceptId: 'c', practiceUserId: 'mina' });
    postQuestion(store, { postedAt: dayAt(3), conceptId: 'c', channel: 'elsewhere' });

    expect([...store.listConceptsAskedThisRound(guildId, channelId, ['a', 'b'])]).toEqual([]);
    expect([...store.listConceptsAskedThisRound(guildId, channelId, ['a', 'b', 'c'])].sort()).toEqual(['a', 'b']);
    expect([...store.listConceptsAskedThisRound(guildId, channelId, [])]).toEqual([]);
  });
});
