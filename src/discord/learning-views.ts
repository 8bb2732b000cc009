// The Discord shape of the learning features: the weekly report post (image, alt text, summary), the member's
// chart under `/quiz stats`, and the reminder DM. Names anyone can choose are escaped in the text; the image's
// description is read aloud by screen readers, not rendered as markdown, so it keeps them as typed.
import type { APIEmbed } from 'discord.js';
import { type Language, messagesFor } from '../i18n/locale.js';
import { renderMemberChart } from '../learning/render-report.js';
import type { MemberChartData, TeamReportData } from '../learning/report-data.js';
import { describeMemberChart, describeTeamReport, summarizeTeamReport } from '../learning/report-text.js';
import { noMentions } from './discord-limits.js';
import { escapeDisplayName } from './discord-text.js';

/** A PNG to attach, with its description for screen readers (Discord's `description`, at most 1024 characters). */
export interface ChartFile {
  attachment: Buffer;
  name: string;
  description: string;
}

export interface ReportPostView {
  content: string;
  files: ChartFile[];
  allowedMentions: typeof noMentions;
}

/** The weekly report post: the three-line summary, names escaped, and the chart with its description. */
export function buildTeamReportPost(data: TeamReportData, png: Buffer, language: Language): ReportPostView {
  const text = messagesFor(language);
  return {
    content: summarizeTeamReport(escapeReportNames(data), language),
    files: [{ attachment: png, name: `${text.weeklyReport.teamFile}-${data.weekStart}.png`, description: describeTeamReport(data, language) }],
    allowedMentions: noMentions,
  };
}

/** The member's chart for `/quiz stats`, rendered now; the embed shows it in place of a loose attachment. */
export function buildMemberChartFile(data: MemberChartData, language: Language): { file: ChartFile; image: NonNullable<APIEmbed['image']> } {
  const name = `${messagesFor(language).weeklyReport.memberFile}.png`;
  return {
    file: { attachment: renderMemberChart(data, language), name, description: describeMemberChart(data, language) },
    image: { url: `attachment://${name}` },
  };
}

/** The reminder DM. */
export function buildReminderMessage(
  dueCount: number,
  serverName: string,
  language: Language,
): { content: string; allowedMentions: typeof noMentions } {
  return { content: messagesFor(language).reminders.message(dueCount, escapeDisplayName(serverName)), allowedMentions: noMentions };
}

/** The report's names as they may appear in markdown text: every one of them escaped. */
function escapeReportNames(data: TeamReportData): TeamReportData {
  return {
    ...data,
    teamName: escapeDisplayName(data.teamName),
    concepts: data.concepts.map((concept) => ({ ...concept, name: escapeDisplayName(concept.name) })),
    dueByMember: data.dueByMember.map((member) => ({ ...member, memberName: escapeDisplayName(member.memberName) })),
    improvements: data.improvements.map((member) => ({ ...member, memberName: escapeDisplayName(member.memberName) })),
  };
}
