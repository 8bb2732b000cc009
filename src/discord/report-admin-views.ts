// The admin's side of the weekly report: what `/quiz-admin report` and `report-off` answer, in the admin's language.
import { channelMention, messageLink, time, TimestampStyles } from 'discord.js';
import { type Language, messagesFor } from '../i18n/locale.js';
import type { ReportPostOutcome, SetReportOutcome } from '../learning/weekly-reports.js';
import { quoteUserInput } from './discord-text.js';
import { describeCronProblem, describeScheduleProblem } from './quiz-admin-views.js';

/** Why the report could not be set up, with an example to copy where one helps. */
export function describeReportRefusal(
  refusal: Extract<SetReportOutcome, { ok: false }>,
  cron: string,
  channelId: string,
  language: Language,
): string {
  const text = messagesFor(language);
  const channel = channelMention(channelId);
  switch (refusal.reason) {
    case 'invalid-cron':
      return text.admin.invalidCron(quoteUserInput(cron, 100), describeCronProblem(refusal.cronProblem, text));
    case 'missing-permissions':
      return text.admin.missingPermissions(channel, refusal.missing.map((name) => text.permissionName(name)).join(', '));
    case 'unknown-channel':
      return text.admin.unknownChannel(channel);
  }
}

/** The report is set: where, when, and the next post. */
export function describeReportSet(outcome: Extract<SetReportOutcome, { ok: true }>, language: Language): string {
  const { schedule, nextRuns } = outcome;
  const next = nextRuns[0];
  const when = next ? `${time(next, TimestampStyles.LongDateShortTime)} (${time(next, TimestampStyles.RelativeTime)})` : '–';
  return messagesFor(language).weeklyReport.scheduled(channelMention(schedule.channelId), schedule.cron, schedule.timezone, when);
}

/** A report posted now: the link, or why it did not go out. */
export function describeReportPost(outcome: ReportPostOutcome, guildId: string, language: Language): string {
  const text = messagesFor(language).weeklyReport;
  if (outcome.ok) return text.posted(messageLink(outcome.channelId, outcome.messageId, guildId));
  if (outcome.reason === 'not-set') return text.notSet;
  return text.notPosted(channelMention(outcome.channelId), describeScheduleProblem(outcome.problem, language));
}
