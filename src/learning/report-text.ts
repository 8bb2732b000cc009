// The words of the report: chart labels, the short text summary posted with the image and the image's
// description for screen readers (Discord's attachment description, at most 1024 characters).
// Lives beside the charts until src/i18n/ is restructured; then these tables move there as they are.
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

export interface ReportLabels {
  teamTitle(teamName: string): string;
  period(start: string, end: string): string;
  headline(members: number, answers: number, accuracy: number | null): string;
  participation: string;
  membersUnit(count: number): string;
  answersSmall(count: number): string;
  accuracy: string;
  accuracyValue(correct: number, answers: number): string;
  due: string;
  dueValue(count: number): string;
  improved: string;
  gain(points: number): string;
  noAnswers: string;
  noDue: string;
  noImprovement: string;
  moreConcepts(count: number): string;
  moreMembers(count: number): string;
  weekdays: readonly string[];
  memberTitle(memberName: string): string;
  memberHeadline(seen: number, total: number, meanRecall: number, due: number): string;
  notSeen: string;
  dueBadge: string;
  noConcepts: string;
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

export const reportLabels: Readonly<Record<ReportLanguage, ReportLabels>> = {
  ko: {
    teamTitle: (teamName) => `${teamName} 주간 학습 리포트`,
    period: (start, end) => `${start} – ${end}`,
    headline: (members, answers, accuracy) => `참여 ${members}명 · 답변 ${answers}개 · 정답률 ${accuracy === null ? '–' : percent(accuracy)}`,
    participation: '요일별 참여',
    membersUnit: (count) => `${count}명`,
    answersSmall: (count) => `답변 ${count}`,
    accuracy: '개념별 정답률 (약한 순)',
    accuracyValue: (correct, answers) => `${correct}/${answers}`,
    due: '멤버별 복습할 개념',
    dueValue: (count) => `${count}개`,
    improved: '이번 주 가장 성장한 멤버',
    gain: (points) => `+${points}%p`,
    noAnswers: '이번 주에는 답변이 없었어요',
    noDue: '복습할 개념이 없어요',
    noImprovement: '기억률이 오른 멤버가 아직 없어요',
    moreConcepts: (count) => `외 ${count}개`,
    moreMembers: (count) => `외 ${count}명`,
    weekdays: ['일', '월', '화', '수', '목', '금', '토'],
    memberTitle: (memberName) => `${memberName}님의 개념별 기억`,
    memberHeadline: (seen, total, meanRecall, due) => `${total}개 중 ${seen}개 학습 · 평균 기억률 ${percent(meanRecall)} · 복습할 개념 ${due}개`,
    notSeen: '아직 안 봄',
    dueBadge: '복습',
    noConcepts: '아직 개념이 없어요',
  },
  en: {
    teamTitle: (teamName) => `${teamName} weekly learning report`,
    period: (start, end) => `${start} – ${end}`,
    headline: (members, answers, accuracy) =>
      `${members} member${members === 1 ? '' : 's'} · ${answers} answer${answers === 1 ? '' : 's'} · ${accuracy === null ? '–' : percent(accuracy)} right`,
    participation: 'Participation by day',
    membersUnit: (count) => `${count}`,
    answersSmall: (count) => `${count} ans.`,
    accuracy: 'Accuracy by concept (weakest first)',
    accuracyValue: (correct, answers) => `${correct}/${answers}`,
    due: 'Concepts due per member',
    dueValue: (count) => `${count}`,
    improved: 'Most improved this week',
    gain: (points) => `+${points} pts`,
    noAnswers: 'No answers this week',
    noDue: 'Nothing is due',
    noImprovement: 'No one’s recall went up yet',
    moreConcepts: (count) => `+${count} more`,
    moreMembers: (count) => `+${count} more`,
    weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    memberTitle: (memberName) => `${memberName}: memory by concept`,
    memberHeadline: (seen, total, meanRecall, due) => `${seen} of ${total} concepts studied · mean recall ${percent(meanRecall)} · ${due} due`,
    notSeen: 'not seen yet',
    dueBadge: 'due',
    noConcepts: 'No concepts yet',
  },
};

/** `YYYY-MM-DD` → its weekday name. */
export function weekdayOf(date: string, language: ReportLanguage): string {
  const [year, month, day] = date.split('-').map(Number);
  return reportLabels[language].weekdays[new Date(Date.UTC(year!, month! - 1, day!)).getUTCDay()]!;
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
  const ko = language === 'ko';
  const labels = reportLabels[language];
  const lines = [`${labels.teamTitle(data.teamName)} (${labels.period(data.weekStart, data.weekEnd)})`, labels.headline(data.activeMembers, totalAnswers(data), teamAccuracy(data))];
  const weakest = rankConceptsWeakestFirst(data.concepts)[0];
  const improved = rankImprovements(data.improvements)[0];
  const notes: string[] = [];
  if (weakest) notes.push(ko ? `가장 약한 개념: ${weakest.name} (${percent(accuracyOf(weakest))})` : `Weakest concept: ${weakest.name} (${percent(accuracyOf(weakest))})`);
  if (improved) {
    const gain = labels.gain(gainPoints(improved.recallBefore, improved.recallNow));
    notes.push(ko ? `가장 성장한 멤버: ${improved.memberName} (${gain})` : `Most improved: ${improved.memberName} (${gain})`);
  }
  if (notes.length > 0) lines.push(notes.join(' · '));
  return lines.join('\n');
}

/** What the team report image shows, in words, with its key numbers: for screen readers. */
export function describeTeamReport(data: TeamReportData, language: ReportLanguage): string {
  const ko = language === 'ko';
  const labels = reportLabels[language];
  const parts: string[] = [];
  parts.push(ko ? `${labels.teamTitle(data.teamName)} 차트, ${data.weekStart}부터 ${data.weekEnd}까지.` : `Chart: ${labels.teamTitle(data.teamName)}, ${data.weekStart} to ${data.weekEnd}.`);
  parts.push(`${labels.headline(data.activeMembers, totalAnswers(data), teamAccuracy(data))}.`);
  const days = data.participation.map((day) =>
    ko ? `${weekdayOf(day.date, language)} ${day.members}명` : `${weekdayOf(day.date, language)} ${day.members}`,
  );
  parts.push(ko ? `요일별 참여 인원: ${days.join(', ')}.` : `Members answering per day: ${days.join(', ')}.`);
  const weakest = rankConceptsWeakestFirst(data.concepts);
  if (weakest.length > 0) {
    const listed = weakest.slice(0, listedInText).map((c) => `${c.name} ${percent(accuracyOf(c))} (${c.correctAnswers}/${c.answers})`);
    parts.push(ko ? `정답률이 낮은 개념: ${listed.join(', ')}.` : `Weakest concepts by accuracy: ${listed.join(', ')}.`);
  }
  const due = rankMembersByDue(data.dueByMember).filter((member) => member.due > 0);
  if (due.length > 0) {
    const listed = due.slice(0, listedInText).map((m) => (ko ? `${m.memberName} ${m.due}개` : `${m.memberName} ${m.due}`));
    parts.push(ko ? `복습할 개념이 많은 멤버: ${listed.join(', ')}.` : `Most concepts due: ${listed.join(', ')}.`);
  }
  const improved = rankImprovements(data.improvements).slice(0, 3);
  if (improved.length > 0) {
    const listed = improved.map((m) => `${m.memberName} ${percent(m.recallBefore)}→${percent(m.recallNow)}`);
    parts.push(ko ? `가장 성장한 멤버(기억률): ${listed.join(', ')}.` : `Most improved (recall): ${listed.join(', ')}.`);
  }
  return fitSentences(parts);
}

/** What a member's chart shows, in words. */
export function describeMemberChart(data: MemberChartData, language: ReportLanguage): string {
  const ko = language === 'ko';
  const labels = reportLabels[language];
  const { seen, meanRecall, due } = memberTotals(data);
  const parts = [
    ko ? `${labels.memberTitle(data.memberName)} 차트, ${data.date}.` : `Chart: ${labels.memberTitle(data.memberName)}, ${data.date}.`,
    `${labels.memberHeadline(seen, data.concepts.length, meanRecall, due)}.`,
  ];
  const ranked = rankRetentionWeakestFirst(data.concepts.filter((concept) => concept.seen));
  if (ranked.length > 0) {
    const weakest = ranked.slice(0, listedInText).map((c) => `${c.name} ${percent(c.recall)}`);
    const strongest = ranked.slice(-3).reverse().map((c) => `${c.name} ${percent(c.recall)}`);
    parts.push(ko ? `가장 약한 개념: ${weakest.join(', ')}.` : `Weakest: ${weakest.join(', ')}.`);
    parts.push(ko ? `가장 강한 개념: ${strongest.join(', ')}.` : `Strongest: ${strongest.join(', ')}.`);
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
