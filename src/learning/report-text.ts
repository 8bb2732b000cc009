// The report in words: the short text summary posted with the image and the image's description for screen
// readers (Discord's attachment description, at most 1024 characters). The words themselves, and the chart
// labels, are the `report` section of each language's messages (src/i18n/en.ts, ko.ts).
// Names (members, concepts) are echoed as given: the Discord adapter escapes markdown and suppresses mentions.
import {
  accuracyOf,
  rankConceptsWeakestFirst,
  rankImprovements,
  rankMembersByDue,
  rankRetentionWeakestFirst,
  teamAccuracy,
  totalAnswers,
  type MemberChartData,
  type ReportLanguage,
  type TeamReportData,
} from './report-data.js';
import { messagesFor } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';

/** The report's words in one language: the `report` section of that language's messages. */
export type ReportLabels = Messages['report'];

const percent = (value: number) => `${Math.round(value * 100)}%`;

export function reportLabels(language: ReportLanguage): ReportLabels {
  return messagesFor(language).report;
}

/** `YYYY-MM-DD` → its weekday name. */
export function weekdayOf(date: string, language: ReportLanguage): string {
  const [year, month, day] = date.split('-').map(Number);
  return reportLabels(language).weekdays[new Date(Date.UTC(year!, month! - 1, day)).getUTCDay()]!;
}

/** `YYYY-MM-DD` → `M/D`. */
export function shortDate(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${month}/${day}`;
}

const altTextLimit = 1024;
const listedInText = 5;

/** Percentage points of recall gained, rounded. */
export function gainPoints(before: number, now: number): number {
  return Math.round((now - before) * 100);
}

/** The message posted with the report image: three short lines. */
export function summarizeTeamReport(data: TeamReportData, language: ReportLanguage): string {
  const labels = reportLabels(language);
  const lines = [
    `${labels.teamTitle(data.teamName)} (${labels.period(data.weekStart, data.weekEnd)})`,
    labels.headline(data.activeMembers, totalAnswers(data), teamAccuracy(data)),
  ];
  const weakest = rankConceptsWeakestFirst(data.concepts)[0];
  const improved = rankImprovements(data.improvements)[0];
  const notes: string[] = [];
  if (weakest) notes.push(labels.weakestConcept(weakest.name, percent(accuracyOf(weakest))));
  if (improved) {
    const gain = labels.gain(gainPoints(improved.recallBefore, improved.recallNow));
    notes.push(labels.mostImproved(improved.memberName, gain));
  }
  if (notes.length > 0) lines.push(notes.join(' · '));
  return lines.join('\n');
}

/** What the team report image shows, in words, with its key numbers: for screen readers. */
export function describeTeamReport(data: TeamReportData, language: ReportLanguage): string {
  const labels = reportLabels(language);
  const parts: string[] = [];
  parts.push(labels.teamChart(labels.teamTitle(data.teamName), data.weekStart, data.weekEnd));
  parts.push(`${labels.headline(data.activeMembers, totalAnswers(data), teamAccuracy(data))}.`);
  const days = data.participation.map((day) => labels.dayMembers(weekdayOf(day.date, language), day.members));
  parts.push(labels.membersPerDay(days.join(', ')));
  const weakest = rankConceptsWeakestFirst(data.concepts);
  if (weakest.length > 0) {
    const listed = weakest.slice(0, listedInText).map((c) => `${c.name} ${percent(accuracyOf(c))} (${c.correctAnswers}/${c.answers})`);
    parts.push(labels.weakestByAccuracy(listed.join(', ')));
  }
  const due = rankMembersByDue(data.dueByMember).filter((member) => member.due > 0);
  if (due.length > 0) {
    const listed = due.slice(0, listedInText).map((m) => labels.memberDue(m.memberName, m.due));
    parts.push(labels.mostDue(listed.join(', ')));
  }
  const improved = rankImprovements(data.improvements).slice(0, 3);
  if (improved.length > 0) {
    const listed = improved.map((m) => `${m.memberName} ${percent(m.recallBefore)}→${percent(m.recallNow)}`);
    parts.push(labels.mostImprovedRecall(listed.join(', ')));
  }
  return fitSentences(parts);
}

/** What a member's chart shows, in words. */
export function describeMemberChart(data: MemberChartData, language: ReportLanguage): string {
  const labels = reportLabels(language);
  const { seen, meanRecall, due } = memberTotals(data);
  const parts = [
    labels.memberChart(labels.memberTitle(data.memberName), data.date),
    `${labels.memberHeadline(seen, data.concepts.length, meanRecall, due)}.`,
  ];
  const ranked = rankRetentionWeakestFirst(data.concepts.filter((concept) => concept.seen));
  if (ranked.length > 0) {
    const weakest = ranked.slice(0, listedInText).map((c) => `${c.name} ${percent(c.recall)}`);
    const strongest = ranked
      .slice(-3)
      .reverse()
      .map((c) => `${c.name} ${percent(c.recall)}`);
    parts.push(labels.weakestRecall(weakest.join(', ')));
    parts.push(labels.strongestRecall(strongest.join(', ')));
  }
  return fitSentences(parts);
}

export function memberTotals(data: MemberChartData): { seen: number; meanRecall: number; due: number } {
  const seen = data.concepts.filter((concept) => concept.seen).length;
  const meanRecall = data.concepts.length === 0 ? 0 : data.concepts.reduce((sum, concept) => sum + concept.recall, 0) / data.concepts.length;
  return { seen, meanRecall, due: data.concepts.filter((concept) => concept.due).length };
}

/** Whole sentences up to Discord's limit: a description cut mid-word reads worse than one sentence fewer. */
function fitSentences(parts: string[]): string {
  let text = '';
  for (const part of parts) {
    const next = text === '' ? part : `${text} ${part}`;
    if (next.length > altTextLimit) break;
    text = next;
  }
  return text === '' ? parts[0]!.slice(0, altTextLimit - 1) + '…' : text;
}
