// The weekly team report and a member's chart, collected from the store: the data render-report.ts draws.
// The week is the guild's last complete week (Monday to Sunday in its time zone), the one a Monday post reports.
import { periodStart } from '../quiz/periods.js';
import { dayMs, toWallTime, wallDate } from '../quiz/zone-time.js';
import type { QuizStore } from '../quiz/quiz-store.js';
import { isDue, recallProbability, type MemoryState } from './memory-state.js';
import type { ConceptAccuracy, DayParticipation, MemberChartData, MemberDue, MemberImprovement, TeamReportData } from './report-data.js';
import type { StoredMemory } from './review-log.js';
import { activeWindowDays } from './team-recall.js';

/** A concept the report may name: the askable concepts of the notes, in note order. */
export interface ReportConcept {
  id: string;
  name: string;
}

export interface TeamReportInput {
  store: QuizStore;
  concepts: readonly ReportConcept[];
  guildId: string;
  teamName: string;
  timezone: string;
  now: Date;
}

export interface ReportWeek {
  /** Monday 00:00 of the reported week, local time. */
  start: Date;
  /** The next Monday 00:00 (exclusive). */
  end: Date;
}

/** The last complete week before `now` in the zone (DST days make a week 167 or 169 hours; each day is still a date). */
export function reportWeek(timezone: string, now: Date): ReportWeek {
  const end = periodStart('week', timezone, now)!;
  const start = periodStart('week', timezone, new Date(end.getTime() - 1))!;
  return { start, end };
}

/** The calendar day of an instant in the zone, `YYYY-MM-DD`. */
export function localDate(timezone: string, at: number): string {
  const { year, month, day } = wallDate(toWallTime(timezone, at));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export async function collectTeamReport({ store, concepts, guildId, teamName, timezone, now }: TeamReportInput): Promise<TeamReportData> {
  const week = reportWeek(timezone, now);
  const names = await store.listMemberNames(guildId);
  const nameOf = (userId: string) => names.get(userId) ?? userId;
  const conceptNames = new Map(concepts.map((concept) => [concept.id, concept.name]));
  const scope = concepts.map((concept) => concept.id);
  const activity = await store.listAnswerActivity(guildId, week.start, week.end);

  const days = listWeekDates(timezone, week);
  const byDay = new Map(days.map((date) => [date, { members: new Set<string>(), answers: 0 }]));
  const byConcept = new Map<string, ConceptAccuracy>();
  for (const answer of activity) {
    const day = byDay.get(localDate(timezone, answer.answeredAt.getTime()));
    if (day) {
      day.members.add(answer.userId);
      day.answers++;
    }
    const concept = byConcept.get(answer.conceptId) ?? {
      conceptId: answer.conceptId,
      name: conceptNames.get(answer.conceptId) ?? answer.conceptId,
      answers: 0,
      correctAnswers: 0,
    };
    concept.answers++;
    if (answer.correct) concept.correctAnswers++;
    byConcept.set(answer.conceptId, concept);
  }
  const participation: DayParticipation[] = days.map((date) => ({ date, members: byDay.get(date)!.members.size, answers: byDay.get(date)!.answers }));
  const weekMembers = [...new Set(activity.map((answer) => answer.userId))].sort();

  // Due counts for everyone who answered within the active window: a member away this week still has reviews waiting.
  const recent = await store.listAnswerActivity(guildId, new Date(now.getTime() - activeWindowDays * dayMs), new Date(now.getTime() + 1));
  const recentMembers = [...new Set(recent.map((answer) => answer.userId))].sort();
  const memoriesNow = groupByMember(await store.listGuildMemories(guildId));
  const dueByMember: MemberDue[] = recentMembers.map((userId) => ({
    memberName: nameOf(userId),
    due: countDue(scope, memoriesNow.get(userId), now),
  }));

  const before = groupByMember(await store.listGuildMemoriesAsOf(guildId, week.start));
  const after = groupByMember(await store.listGuildMemoriesAsOf(guildId, new Date(week.end.getTime() - 1)));
  const improvements: MemberImprovement[] = weekMembers.map((userId) => ({
    memberName: nameOf(userId),
    recallBefore: meanRecall(scope, before.get(userId), week.start.getTime()),
    recallNow: meanRecall(scope, after.get(userId), week.end.getTime()),
  }));

  return {
    teamName,
    weekStart: days[0]!,
    weekEnd: days.at(-1)!,
    activeMembers: weekMembers.length,
    participation,
    concepts: [...byConcept.values()],
    dueByMember,
    improvements,
  };
}

export interface MemberChartInput {
  store: QuizStore;
  concepts: readonly ReportConcept[];
  guildId: string;
  userId: string;
  timezone: string;
  now: Date;
}

/** One member's recall of every concept now (0 and "not seen" for those never reviewed). */
export async function collectMemberChart({ store, concepts, guildId, userId, timezone, now }: MemberChartInput): Promise<MemberChartData> {
  const memories = new Map((await store.listMemberMemories(guildId, userId)).map((memory) => [memory.conceptId, memory.state]));
  const names = await store.listMemberNames(guildId);
  return {
    memberName: names.get(userId) ?? userId,
    date: localDate(timezone, now.getTime()),
    concepts: concepts.map((concept) => {
      const state = memories.get(concept.id);
      const seen = state !== undefined && state.phase !== 'new';
      return {
        conceptId: concept.id,
        name: concept.name,
        recall: recallProbability(state, now.getTime()),
        seen,
        due: seen && isDue(state, now.getTime()),
      };
    }),
  };
}

/** The seven dates of the week, Monday first. */
function listWeekDates(timezone: string, week: ReportWeek): string[] {
  const dates: string[] = [];
  // Noon of each day: never near midnight, so a 23- or 25-hour day still lands on its own date.
  for (let at = week.start.getTime() + dayMs / 2; dates.length < 7; at += dayMs) dates.push(localDate(timezone, at));
  return dates;
}

function groupByMember(memories: readonly StoredMemory[]): Map<string, Map<string, MemoryState>> {
  const byMember = new Map<string, Map<string, MemoryState>>();
  for (const memory of memories) {
    let member = byMember.get(memory.userId);
    if (!member) byMember.set(memory.userId, (member = new Map<string, MemoryState>()));
    member.set(memory.conceptId, memory.state);
  }
  return byMember;
}

/** Concepts of the scope seen before and due now (never-seen ones are new material, not reviews). */
function countDue(scope: readonly string[], memories: ReadonlyMap<string, MemoryState> | undefined, at: Date): number {
  if (!memories) return 0;
  return scope.filter((id) => {
    const state = memories.get(id);
    return state !== undefined && state.phase !== 'new' && isDue(state, at.getTime());
  }).length;
}

function meanRecall(scope: readonly string[], memories: ReadonlyMap<string, MemoryState> | undefined, at: number): number {
  if (scope.length === 0) return 0;
  return scope.reduce((sum, id) => sum + recallProbability(memories?.get(id), at), 0) / scope.length;
}
