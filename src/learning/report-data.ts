// What the weekly team report and a member's chart show, as plain data. The store (or the demo) fills these;
// render-report.ts draws them and report-text.ts words them. Nothing here knows of Discord or the database.

import type { Language } from '../i18n/locale.js';

/** Any language the bot speaks: the report's words are in each language's messages. */
export type ReportLanguage = Language;

export interface DayParticipation {
  /** A calendar day in the guild's time zone, `YYYY-MM-DD`. */
  date: string;
  /** Members who answered anything that day. */
  members: number;
  answers: number;
}

export interface ConceptAccuracy {
  conceptId: string;
  name: string;
  answers: number;
  correctAnswers: number;
}

export interface MemberDue {
  memberName: string;
  /** Concepts due for review at the report's time. */
  due: number;
}

export interface MemberImprovement {
  memberName: string;
  /** Mean recall over the scope a week ago and now, 0..1. */
  recallBefore: number;
  recallNow: number;
}

export interface TeamReportData {
  /** The team's name (the guild's), shown in the title. */
  teamName: string;
  /** First and last day of the week, `YYYY-MM-DD`. */
  weekStart: string;
  weekEnd: string;
  /** Members who answered anything during the week. */
  activeMembers: number;
  /** One entry per day of the week, in order. */
  participation: readonly DayParticipation[];
  /** Any order: the report puts the weakest first. Concepts with no answers this week are left out of it. */
  concepts: readonly ConceptAccuracy[];
  /** Any order: the report puts the most due first. */
  dueByMember: readonly MemberDue[];
  /** Any order: the report ranks by gain and shows only gains. */
  improvements: readonly MemberImprovement[];
}

export interface ConceptRetention {
  conceptId: string;
  name: string;
  /** FSRS recall probability now, 0..1; 0 for never seen. */
  recall: number;
  seen: boolean;
  due: boolean;
}

export interface MemberChartData {
  memberName: string;
  /** The day of the chart, `YYYY-MM-DD`. */
  date: string;
  concepts: readonly ConceptRetention[];
}

/** Accuracy 0..1 of a concept's answers (0 when none: such concepts are not shown). */
export function accuracyOf(concept: ConceptAccuracy): number {
  return concept.answers === 0 ? 0 : concept.correctAnswers / concept.answers;
}

/** Answered concepts, weakest first (ties: more answers first, then by name for a stable picture). */
export function rankConceptsWeakestFirst(concepts: readonly ConceptAccuracy[]): ConceptAccuracy[] {
  return concepts
    .filter((concept) => concept.answers > 0)
    .sort((a, b) => accuracyOf(a) - accuracyOf(b) || b.answers - a.answers || a.name.localeCompare(b.name));
}

export function rankMembersByDue(members: readonly MemberDue[]): MemberDue[] {
  return [...members].sort((a, b) => b.due - a.due || a.memberName.localeCompare(b.memberName));
}

/** Members whose recall grew, most gain first. */
export function rankImprovements(improvements: readonly MemberImprovement[]): MemberImprovement[] {
  return improvements
    .filter((item) => item.recallNow > item.recallBefore)
    .sort((a, b) => b.recallNow - b.recallBefore - (a.recallNow - a.recallBefore) || a.memberName.localeCompare(b.memberName));
}

/**
 * Concepts for the member chart: seen ones weakest first, so what to review stands at the top, then the ones never
 * seen (as in a review session: what is slipping away before what is new).
 */
export function rankRetentionWeakestFirst(concepts: readonly ConceptRetention[]): ConceptRetention[] {
  return [...concepts].sort((a, b) => Number(b.seen) - Number(a.seen) || a.recall - b.recall || a.name.localeCompare(b.name));
}

export function totalAnswers(data: TeamReportData): number {
  return data.participation.reduce((sum, day) => sum + day.answers, 0);
}

/** Correct share of all answers to the week's concepts, or null when nobody answered. */
export function teamAccuracy(data: TeamReportData): number | null {
  const answers = data.concepts.reduce((sum, concept) => sum + concept.answers, 0);
  if (answers === 0) return null;
  return data.concepts.reduce((sum, concept) => sum + concept.correctAnswers, 0) / answers;
}
