// The weekly report's data from a real store: the guild's last complete week in its time zone, answers per day,
// accuracy per concept, reviews due per member and who improved.
import { describe, expect, it } from 'vitest';
import { reviewMemory } from '../../src/learning/member-memory.js';
import { collectMemberChart, collectTeamReport, reportWeek } from '../../src/learning/team-report.js';
import { askAndClose, guildId, openTestStore } from '../store/store-test-kit.js';

const concepts = [
  { id: 'alpha', name: '알파 (Alpha)' },
  { id: 'bravo', name: 'Bravo' },
];
const seoul = 'Asia/Seoul';
// Tuesday 12:00 in Seoul: the report is of Monday 2 March to Sunday 8 March.
const now = new Date('2026-03-10T03:00:00.000Z');

function good(userId: string, conceptId: string, at: string) {
  return { guildId, userId, conceptId, source: 'channel' as const, rating: 'good' as const, questionId: null, reviewedAt: new Date(at) };
}

describe('the weekly team report from the store', () => {
  it("reports the last complete week in the guild's zone, Monday first", () => {
    const week = reportWeek(seoul, now);
    expect(week.start.toISOString()).toBe('2026-03-01T15:00:00.000Z');
    expect(week.end.toISOString()).toBe('2026-03-08T15:00:00.000Z');
  });

  it('counts answers per local day and per concept, only within the week', async () => {
    const store = await openTestStore();
    await askAndClose(store, { postedAt: new Date('2026-02-25T00:00:00.000Z'), conceptId: 'alpha', answers: { u1: true } });
    await askAndClose(store, { postedAt: new Date('2026-03-02T00:00:00.000Z'), conceptId: 'alpha', answers: { u1: true, u2: false } });
    // 23:30 UTC on Wednesday is Thursday 08:30 in Seoul.
    await askAndClose(store, { postedAt: new Date('2026-03-04T23:30:00.000Z'), conceptId: 'bravo', answers: { u1: false } });

    const report = await collectTeamReport({ store, concepts, guildId, teamName: '스터디', timezone: seoul, now });

    expect(report).toMatchObject({ teamName: '스터디', weekStart: '2026-03-02', weekEnd: '2026-03-08', activeMembers: 2 });
    expect(report.participation.map((day) => [day.date, day.members, day.answers])).toEqual([
      ['2026-03-02', 2, 2],
      ['2026-03-03', 0, 0],
      ['2026-03-04', 0, 0],
      ['2026-03-05', 1, 1],
      ['2026-03-06', 0, 0],
      ['2026-03-07', 0, 0],
      ['2026-03-08', 0, 0],
    ]);
    expect([...report.concepts].sort((a, b) => a.conceptId.localeCompare(b.conceptId))).toEqual([
      { conceptId: 'alpha', name: '알파 (Alpha)', answers: 2, correctAnswers: 1 },
      { conceptId: 'bravo', name: 'Bravo', answers: 1, correctAnswers: 0 },
    ]);
  });

  it('counts the reviews due now per member from stored states, and whose recall grew during the week', async () => {
    const store = await openTestStore();
    await askAndClose(store, { postedAt: new Date('2026-03-02T00:00:00.000Z'), conceptId: 'alpha', answers: { u1: true, u2: true } });
    await reviewMemory(store, good('u1', 'alpha', '2026-02-20T00:00:00.000Z'));
    await reviewMemory(store, good('u1', 'bravo', '2026-02-20T00:00:00.000Z'));
    await reviewMemory(store, good('u2', 'alpha', '2026-03-02T00:10:00.000Z'));

    const report = await collectTeamReport({ store, concepts, guildId, teamName: '스터디', timezone: seoul, now });

    // u1 reviewed both concepts once, weeks ago: both are due. u2's review is a week old, with FSRS's first interval of a few days.
    const due = Object.fromEntries(report.dueByMember.map((member) => [member.memberName, member.due]));
    expect(due['name-u1']).toBe(2);
    expect(due['name-u2']).toBe(1);
    const u2 = report.improvements.find((member) => member.memberName === 'name-u2')!;
    expect(u2.recallBefore).toBe(0);
    expect(u2.recallNow).toBeGreaterThan(0);
    const u1 = report.improvements.find((member) => member.memberName === 'name-u1')!;
    expect(u1.recallNow).toBeLessThan(u1.recallBefore);
  });

  it('a member\'s chart has every concept, recall now for the seen ones and "not seen" for the rest', async () => {
    const store = await openTestStore();
    await askAndClose(store, { postedAt: new Date('2026-03-09T00:00:00.000Z'), conceptId: 'alpha', answers: { u1: true } });
    await reviewMemory(store, good('u1', 'alpha', '2026-03-09T00:01:00.000Z'));

    const chart = await collectMemberChart({ store, concepts, guildId, userId: 'u1', timezone: seoul, now });

    expect(chart.memberName).toBe('name-u1');
    expect(chart.date).toBe('2026-03-10');
    expect(chart.concepts[0]).toMatchObject({ conceptId: 'alpha', seen: true, due: false });
    expect(chart.concepts[0]!.recall).toBeGreaterThan(0.9);
    expect(chart.concepts[1]).toEqual({ conceptId: 'bravo', name: 'Bravo', recall: 0, seen: false, due: false });
  });
});
