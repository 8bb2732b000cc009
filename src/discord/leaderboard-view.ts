import { type APIEmbed, type APIEmbedField, escapeMarkdown, TimestampStyles } from 'discord.js';
import { type Language, messagesFor } from '../i18n/locale.js';
import type { KnowledgeBase } from '../kb/types.js';
import type { Leaderboard, LeaderboardRow, MemberStats } from '../quiz/types.js';
import { formatConceptLabel } from '../search/format-concept-name.js';
import { createExplainButton } from './concept-view.js';
import { discordLimits } from './discord-limits.js';
import { truncateText } from './discord-text.js';
import { arrangeButtons, createMessageView, type MessageView } from './message-view.js';
import { computePercent, formatDiscordTime, formatMemberName } from './quiz-views.js';

const leaderboardColor = 0xf1c40f;
const statsColor = 0x5865f2;
const medals: Record<number, string> = { 1: '🥇', 2: '🥈', 3: '🥉' };

function formatRank(rank: number): string {
  return medals[rank] ?? `**${rank}.**`;
}

function formatRow(row: LeaderboardRow, language: Language, isCaller: boolean): string {
  const text = messagesFor(language);
  const you = isCaller ? ` ${text.leaderboard.you}` : '';
  return `${formatRank(row.rank)} ${formatMemberName(row.userName)}${you} — ${text.leaderboard.row(row.points, computePercent(row.accuracy, 1), row.streak)}`;
}

export interface LeaderboardViewInput {
  leaderboard: Leaderboard;
  /** The guild's time zone, in which weeks and months start. */
  timezone: string;
  callerId: string;
  language: Language;
}

/** Top 10 by points then accuracy, and the caller's own rank below them when they are not in it. Names never ping. */
export function buildLeaderboardView({ leaderboard, timezone, callerId, language }: LeaderboardViewInput): MessageView {
  const text = messagesFor(language);
  const header = leaderboard.since
    ? text.leaderboard.since(formatDiscordTime(leaderboard.since, TimestampStyles.LongDate), timezone)
    : text.leaderboard.allTime;
  const lines = leaderboard.top.map((row) => formatRow(row, language, row.userId === callerId));
  if (leaderboard.caller) lines.push('⋯', formatRow(leaderboard.caller, language, true));
  const body = lines.length > 0 ? lines.join('\n') : text.leaderboard.empty;
  const embed: APIEmbed = {
    color: leaderboardColor,
    title: `🏆 ${text.leaderboard.title(leaderboard.period)}`,
    description: truncateText(`${header}\n\n${body}`, discordLimits.embedDescription),
  };
  return createMessageView({ embeds: [embed] });
}

export interface MemberStatsViewInput {
  stats: MemberStats;
  /** Shown when the member never answered (the store then has no name for them). */
  fallbackName: string;
  kb: KnowledgeBase;
  language: Language;
}

/** Points, accuracy, streaks, and the weakest concepts with buttons that explain them. */
export function buildMemberStatsView({ stats, fallbackName, kb, language }: MemberStatsViewInput): MessageView {
  const text = messagesFor(language);
  const name = formatMemberName(stats.userName ?? fallbackName);
  const embed: APIEmbed = {
    color: statsColor,
    title: truncateText(`📊 ${text.stats.title(name)}`, discordLimits.embedTitle),
    footer: { text: text.stats.footer },
  };
  if (stats.answered === 0) {
    embed.description = text.stats.noAnswers;
    return createMessageView({ embeds: [embed] });
  }

  const weakConcepts = stats.weakest.map((weak) => ({ weak, concept: kb.getConcept(weak.conceptId) }));
  const fields: APIEmbedField[] = [
    { name: text.stats.pointsField, value: String(stats.points), inline: true },
    { name: text.stats.accuracyField, value: text.stats.accuracy(computePercent(stats.accuracy, 1), stats.answered), inline: true },
    { name: text.stats.streakField, value: String(stats.streak), inline: true },
    { name: text.stats.bestStreakField, value: String(stats.bestStreak), inline: true },
  ];
  if (weakConcepts.length > 0) {
    const lines = weakConcepts.map(
      ({ weak, concept }) =>
        `• ${text.stats.weakestLine(concept ? escapeMarkdown(formatConceptLabel(concept)) : `\`${weak.conceptId}\``, weak.correct, weak.answered)}`,
    );
    fields.push({ name: text.stats.weakestField, value: truncateText(lines.join('\n'), discordLimits.embedFieldValue) });
  }
  embed.fields = fields;

  const buttons = weakConcepts
    .map(({ concept }) => (concept ? createExplainButton(concept) : null))
    .filter((button) => button !== null)
    .slice(0, discordLimits.buttonsPerRow);
  return createMessageView({ embeds: [embed], components: arrangeButtons(buttons) });
}
