// What `/quiz-admin` answers: the schedule it set, why it refused one, the schedule list, and how a post or
// reveal went. Admin-only and ephemeral, so it may name cron fields and permissions; the member-facing quiz
// messages (posts, reveals, practice) are in `quiz-views.ts`.
import { type APIEmbed, type APIEmbedField, channelMention, escapeMarkdown, messageLink, TimestampStyles } from 'discord.js';
import { type Language, messagesFor } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';
import type { KnowledgeBase } from '../kb/types.js';
import { closeAfterMinutesRange } from '../quiz/close-after.js';
import type { CronProblem } from '../quiz/cron-schedule.js';
import type { PostFailure, PostOutcome, ScheduleListing, ScheduleOutcome } from '../quiz/quiz-runner.js';
import type { Schedule, ScheduleProblem, StoredQuestion } from '../quiz/types.js';
import { changesOffsetWithinYear } from '../quiz/zone-time.js';
import { discordLimits } from './discord-limits.js';
import { quoteUserInput, truncateText } from './discord-text.js';
import { createMessageView, type MessageView } from './message-view.js';
import { formatDiscordTime, formatResultTime, quizPostColor } from './quiz-views.js';

/** Whole minutes of a rate-limit wait, at least one (discord.js adds a few milliseconds of margin). */
export function toWaitMinutes(ms: number): number {
  return Math.max(1, Math.round(ms / 60_000));
}

/**
 * A channel's problem, for the admin: missing permissions named as in the admin's channel settings (in Korean with
 * the English name); the platform's own words for a transient failure, and an old sentence, quoted as they came.
 */
export function describeScheduleProblem(problem: ScheduleProblem, language: Language): string {
  const text = messagesFor(language);
  switch (problem.kind) {
    case 'missing-permissions': {
      if (problem.permissions.length === 0) return text.admin.missingUnnamedPermission;
      const names = problem.permissions.map((name) => text.permissionName(name));
      return text.admin.missingPermissionsDetail(escapeMarkdown(truncateText(names.join(', '), 300)));
    }
    case 'unknown-channel':
      return text.admin.unknownChannelDetail;
    case 'unknown-message':
      return text.admin.unknownMessageDetail;
    case 'rate-limited':
      return text.admin.rateLimitedDetail(toWaitMinutes(problem.retryAfterMs));
    case 'no-question':
      return text.admin.noQuestion;
    case 'post-failed':
      return text.admin.postFailedDetail(escapeMarkdown(truncateText(problem.error, 300)));
    case 'reveal-failed':
      return text.admin.revealFailedDetail(escapeMarkdown(truncateText(problem.error, 300)));
    case 'legacy':
      return escapeMarkdown(truncateText(problem.text, 300));
  }
}

/** A link to the post, or to its channel while it has no message yet. */
export function linkToPost(question: Pick<StoredQuestion, 'guildId' | 'channelId' | 'messageId'>): string {
  return question.messageId ? messageLink(question.channelId, question.messageId, question.guildId) : channelMention(question.channelId);
}

function describeSchedule(entry: ScheduleListing, kb: KnowledgeBase, language: Language): string {
  const text = messagesFor(language);
  const { schedule, nextRun, openQuestion } = entry;
  const note = schedule.noteId ? (kb.getDocument(schedule.noteId)?.title ?? schedule.noteId) : text.admin.allNotes;
  const lines = [`${channelMention(schedule.channelId)} · \`${schedule.cron}\` · ${schedule.timezone} · ${escapeMarkdown(truncateText(note, 100))}`];
  if (entry.closeAfterMinutes !== null) lines.push(text.admin.revealPolicy(entry.closeAfterMinutes));
  if (schedule.paused) lines.push(text.admin.paused);
  else if (nextRun)
    lines.push(
      text.admin.nextPost(formatDiscordTime(nextRun, TimestampStyles.ShortDateTime), formatDiscordTime(nextRun, TimestampStyles.RelativeTime)),
    );
  else lines.push(text.admin.noNextPost);
  lines.push(
    openQuestion
      ? text.admin.openQuestion(linkToPost(openQuestion), formatDiscordTime(openQuestion.closesAt, TimestampStyles.RelativeTime))
      : text.admin.noOpenQuestion,
  );
  if (entry.unrevealed) {
    lines.push(
      text.admin.unrevealedQuestion(linkToPost(entry.unrevealed.question), formatDiscordTime(entry.unrevealed.dueAt, TimestampStyles.RelativeTime)),
    );
  }
  if (schedule.lastProblem) {
    const at = schedule.lastProblemAt ? formatDiscordTime(schedule.lastProblemAt, TimestampStyles.ShortDateTime) : '?';
    lines.push(text.admin.lastProblem(describeScheduleProblem(schedule.lastProblem, language), at));
  }
  return truncateText(lines.join('\n'), discordLimits.embedFieldValue);
}

export interface ScheduleListViewInput {
  entries: readonly ScheduleListing[];
  kb: KnowledgeBase;
  language: Language;
  /** The channel's name when the client knows it (field names cannot render channel mentions). */
  channelName: (channelId: string) => string | undefined;
}

/** `/quiz-admin list`: one field per schedule (next post, open question, last problem, paused), as many as fit. */
export function buildScheduleListView({ entries, kb, language, channelName }: ScheduleListViewInput): MessageView {
  const text = messagesFor(language);
  const embed: APIEmbed = { color: quizPostColor, title: text.admin.listTitle };
  if (entries.length === 0) {
    embed.description = text.admin.listEmpty;
    return createMessageView({ embeds: [embed] });
  }
  const fields: APIEmbedField[] = [];
  // Leave room for the title and the "…and N more" field.
  let room = discordLimits.embedTotal - text.admin.listTitle.length - 100;
  for (const entry of entries) {
    if (fields.length === discordLimits.embedFields - 1) break;
    const field = {
      name: truncateText(`#${channelName(entry.schedule.channelId) ?? entry.schedule.channelId}`, 100),
      value: describeSchedule(entry, kb, language),
    };
    room -= field.name.length + field.value.length;
    if (room < 0) break;
    fields.push(field);
  }
  if (entries.length > fields.length) fields.push({ name: '…', value: text.admin.listMore(entries.length - fields.length) });
  embed.fields = fields;
  return createMessageView({ embeds: [embed] });
}

// `/quiz-admin` replies

/** `Mon, 30 Nov 2026, 09:00 (in 3 days)`: the wall clock the admin scheduled, in the schedule's zone. */
function formatSlot(slot: Date, timezone: string, language: Language): string {
  const wallClock = new Intl.DateTimeFormat(messagesFor(language).dateLocale, {
    timeZone: timezone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(slot.getUTCSeconds() !== 0 ? { second: '2-digit' as const } : {}),
    hourCycle: 'h23',
  }).format(slot);
  return `${wallClock} (${formatDiscordTime(slot, TimestampStyles.RelativeTime)})`;
}

export interface ScheduledReplyInput {
  schedule: Schedule;
  nextRuns: readonly Date[];
  /** Minutes from post to reveal, or null for "at the next post". */
  closeAfterMinutes: number | null;
  kb: KnowledgeBase;
  language: Language;
  now: Date;
}

/** What the admin reads after scheduling: the settings, when answers are revealed, and the next three posts. */
export function buildScheduledReply({ schedule, nextRuns, closeAfterMinutes, kb, language, now }: ScheduledReplyInput): string {
  const text = messagesFor(language);
  const note = schedule.noteId
    ? `**${escapeMarkdown(truncateText(kb.getDocument(schedule.noteId)?.title ?? schedule.noteId, 200))}**`
    : text.admin.allNotes;
  const runs = nextRuns.slice(0, 3).map((slot) => `• ${formatSlot(slot, schedule.timezone, language)}`);
  return [
    text.admin.scheduled(channelMention(schedule.channelId), schedule.cron, schedule.timezone, note),
    text.admin.revealPolicy(closeAfterMinutes),
    ...(schedule.language !== null ? [text.admin.postLanguage] : []),
    ...(changesOffsetWithinYear(schedule.timezone, now) ? [text.admin.daylightSaving(schedule.timezone)] : []),
    '',
    runs.length > 0 ? text.admin.nextPosts(schedule.timezone) : text.admin.noNextPost,
    ...runs,
  ].join('\n');
}

export function describeCronProblem(problem: CronProblem, text: Messages): string {
  const says = text.admin.cronProblem;
  switch (problem.kind) {
    case 'empty':
      return says.empty;
    case 'unknown-shortcut':
      return says.unknownShortcut(quoteUserInput(problem.shortcut, 40), problem.shortcuts.map((shortcut) => `\`${shortcut}\``).join(', '));
    case 'field-count':
      return says.fieldCount(problem.count);
    case 'characters':
      return says.characters;
    case 'field-value':
      return says.fieldValue(problem.field, quoteUserInput(problem.value, 40));
    case 'never-fires':
      return says.neverFires;
    case 'both-day-fields':
      return says.bothDayFields(quoteUserInput(problem.dayOfMonth, 40), quoteUserInput(problem.dayOfWeek, 40));
    case 'too-frequent':
      return says.tooFrequent(problem.gapMs, problem.minimumGapMs);
    case 'invalid':
      return says.invalid;
  }
}

export interface ScheduleRefusalInput {
  refusal: Extract<ScheduleOutcome, { ok: false }>;
  /** What the admin typed, to quote back. */
  cron: string;
  timezone: string;
  note: string;
  channel: string;
  language: Language;
}

/** Why a schedule was refused, in the admin's language, with an example to copy where one helps. */
export function describeScheduleRefusal({ refusal, cron, timezone, note, channel, language }: ScheduleRefusalInput): string {
  const text = messagesFor(language);
  switch (refusal.reason) {
    case 'invalid-cron':
      return text.admin.invalidCron(quoteUserInput(cron, 100), describeCronProblem(refusal.cronProblem, text));
    case 'invalid-timezone':
      return text.admin.invalidTimezone(quoteUserInput(timezone, 64));
    case 'invalid-close-after':
      return text.admin.invalidCloseAfter(closeAfterMinutesRange.min, closeAfterMinutesRange.max);
    case 'unknown-note':
      return text.common.unknownNote(quoteUserInput(note));
    case 'missing-permissions':
      return text.admin.missingPermissions(channel, refusal.missing.map((name) => text.permissionName(name)).join(', '));
    case 'unknown-channel':
      return text.admin.unknownChannel(channel);
  }
}

/** The reply to `/quiz-admin now`: a link to the post, or why there is none. */
export function describePostOutcome(outcome: PostOutcome, channel: string, language: Language, now: Date): string {
  const text = messagesFor(language);
  if (outcome.ok) {
    const posted = text.admin.posted(linkToPost(outcome.question), formatResultTime(outcome.question.closesAt, now));
    return outcome.resumed ? `${posted}\n${text.admin.resumed(channel)}` : posted;
  }
  switch (outcome.reason) {
    case 'already-open':
      return text.admin.alreadyOpen(linkToPost(outcome.question), formatResultTime(outcome.question.closesAt, now));
    case 'no-question':
      return text.admin.noQuestion;
    case 'channel-problem':
      // Paused: nothing was tried, the admin is told what resumes the schedule.
      if (outcome.paused || !outcome.problem) return text.admin.paused;
      return text.admin.channelProblem(channel, describeScheduleProblem(outcome.problem, language));
    case 'rate-limited':
      return text.admin.rateLimited(channel, toWaitMinutes(outcome.retryAfterMs));
    case 'failed':
      return describePostFailure(outcome.failure, channel, text);
  }
}

function describePostFailure(failure: PostFailure, channel: string, text: Messages): string {
  switch (failure.kind) {
    case 'post-failed':
      return text.admin.postFailedTransient(channel, escapeMarkdown(truncateText(failure.error, 300)));
    case 'no-schedule':
      return text.admin.notScheduled(channel);
    case 'slot-closed':
      return text.admin.postFailed(channel, text.admin.slotClosed);
    case 'concept-gone':
      return text.admin.postFailed(channel, text.admin.conceptGoneDetail(quoteUserInput(failure.conceptId, 100)));
  }
}
