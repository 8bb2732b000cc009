import {
  type AutocompleteInteraction,
  ChannelType,
  type ChatInputCommandInteraction,
  channelMention,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { describeCommand } from '../src/discord/command-text.js';
import { type BotContext, type Command, UserFacingError } from '../src/discord/command.js';
import { discordLimits, noMentions } from '../src/discord/discord-limits.js';
import { truncateText } from '../src/discord/discord-text.js';
import { languageOf } from '../src/discord/member-language.js';
import {
  noteOption,
  quizChannelOption,
  readNoteOption,
  replyPrivately,
  requireQuizChannelHere,
  requireManageServer,
  respondWithNotes,
} from '../src/discord/quiz-interaction-kit.js';
import {
  buildScheduledReply,
  buildScheduleListView,
  describePostOutcome,
  describeScheduleRefusal,
  linkToPost,
} from '../src/discord/quiz-admin-views.js';
import { formatChoice } from '../src/discord/quiz-views.js';
import { describeReportPost, describeReportRefusal, describeReportSet } from '../src/discord/report-admin-views.js';
import { type Language, messagesFor } from '../src/i18n/locale.js';
import { cronPresets } from '../src/i18n/messages.js';
import { closeAfterMinutesRange } from '../src/quiz/close-after.js';
import { defaultCron } from '../src/quiz/quiz-runner.js';
import { defaultReportCron } from '../src/learning/report-schedule.js';

const commonTimezones = ['Asia/Seoul', 'Asia/Tokyo', 'UTC', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles'];

const data = describeCommand(new SlashCommandBuilder(), (text) => text.commands.quizAdmin)
  // Hidden from members without Manage Server; the handler checks again because server admins can override this.
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    describeCommand(sub, (text) => text.commands.quizAdmin.schedule)
      .addChannelOption(quizChannelOption('schedule', { required: true }))
      .addStringOption((option) =>
        describeCommand(option, (text) => text.commands.quizAdmin.cron)
          .setAutocomplete(true)
          .setMaxLength(100),
      )
      .addStringOption((option) =>
        describeCommand(option, (text) => text.commands.quizAdmin.timezone)
          .setAutocomplete(true)
          .setMaxLength(64),
      )
      .addStringOption(noteOption)
      .addIntegerOption((option) =>
        describeCommand(option, (text) => text.commands.quizAdmin.closeAfter)
          .setMinValue(closeAfterMinutesRange.min)
          .setMaxValue(closeAfterMinutesRange.max),
      ),
  )
  .addSubcommand((sub) =>
    describeCommand(sub, (text) => text.commands.quizAdmin.unschedule).addChannelOption(quizChannelOption('unschedule', { required: true })),
  )
  .addSubcommand((sub) => describeCommand(sub, (text) => text.commands.quizAdmin.list))
  .addSubcommand((sub) => describeCommand(sub, (text) => text.commands.quizAdmin.now).addChannelOption(quizChannelOption('now', { required: false })))
  .addSubcommand((sub) =>
    describeCommand(sub, (text) => text.commands.quizAdmin.reveal).addChannelOption(quizChannelOption('reveal', { required: false })),
  )
  // The weekly team report (src/learning/weekly-reports.ts).
  .addSubcommand((sub) =>
    describeCommand(sub, (text) => text.weeklyReport.command.report)
      .addChannelOption((option) =>
        describeCommand(option, (text) => ({ name: text.commands.quizChannel.name, description: text.weeklyReport.command.channel }))
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement)
          .setRequired(true),
      )
      .addStringOption((option) =>
        describeCommand(option, (text) => text.weeklyReport.command.cron)
          .setAutocomplete(true)
          .setMaxLength(100),
      )
      .addBooleanOption((option) => describeCommand(option, (text) => text.weeklyReport.command.now)),
  )
  .addSubcommand((sub) => describeCommand(sub, (text) => text.weeklyReport.command.reportOff));

interface AdminRequest {
  interaction: ChatInputCommandInteraction;
  context: BotContext;
  guildId: string;
  language: Language;
}

async function scheduleChannel({ interaction, context, guildId, language }: AdminRequest): Promise<void> {
  const channelId = interaction.options.getChannel('channel', true).id;
  const cron = interaction.options.getString('cron')?.trim().replace(/\s+/g, ' ') || undefined;
  const timezone = interaction.options.getString('timezone')?.trim() || undefined;
  const note = readNoteOption(interaction, context.kb, language);

  const outcome = await context.quiz.scheduleChannel({
    guildId,
    channelId,
    cron,
    timezone,
    noteId: note?.id,
    closeAfterMinutes: interaction.options.getInteger('close-after'),
    // Posts speak the language of the admin who set them up: servers without Community features always report English.
    language,
    createdBy: interaction.user.id,
  });
  if (!outcome.ok) {
    const typed = { cron: cron ?? defaultCron, timezone: timezone ?? context.config.defaultTimezone, note: note?.id ?? '' };
    throw new UserFacingError(describeScheduleRefusal({ refusal: outcome, ...typed, channel: channelMention(channelId), language }));
  }
  const reply = buildScheduledReply({
    schedule: outcome.schedule,
    nextRuns: outcome.nextRuns,
    closeAfterMinutes: context.quiz.closeAfterMinutesFor(outcome.schedule),
    kb: context.kb,
    language,
    now: context.clock.now(),
  });
  await replyPrivately(interaction, reply);
}

async function unscheduleChannel({ interaction, context, guildId, language }: AdminRequest): Promise<void> {
  const text = messagesFor(language);
  const channelId = interaction.options.getChannel('channel', true).id;
  const removed = await context.quiz.unscheduleChannel(guildId, channelId);
  const channel = channelMention(channelId);
  await replyPrivately(interaction, removed ? text.admin.unscheduled(channel) : text.admin.notScheduled(channel));
}

async function listSchedules({ interaction, context, guildId, language }: AdminRequest): Promise<void> {
  const view = buildScheduleListView({
    entries: await context.quiz.listSchedules(guildId),
    kb: context.kb,
    language,
    channelName: (channelId) => interaction.guild?.channels.cache.get(channelId)?.name,
  });
  await interaction.reply({ ...view, flags: MessageFlags.Ephemeral });
}

async function postNow({ interaction, context, guildId, language }: AdminRequest): Promise<void> {
  const channelId = interaction.options.getChannel('channel')?.id ?? requireQuizChannelHere(interaction, language);
  // Posting may wait out rate limits or retries: acknowledge first so the interaction cannot expire.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const outcome = await context.quiz.postNow(guildId, channelId, { language });
  await interaction.editReply({
    content: describePostOutcome(outcome, channelMention(channelId), language, context.clock.now()),
    allowedMentions: noMentions,
  });
}

async function revealNow({ interaction, context, guildId, language }: AdminRequest): Promise<void> {
  const text = messagesFor(language);
  const channelId = interaction.options.getChannel('channel')?.id ?? interaction.channelId;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const closed = await context.quiz.reveal(guildId, channelId);
  const content = closed
    ? text.admin.revealed(
        linkToPost(closed.question),
        formatChoice(closed.question, closed.question.answer),
        closed.tally.participants,
        closed.tally.correct.length,
      )
    : text.admin.nothingToReveal(channelMention(channelId));
  await interaction.editReply({ content, allowedMentions: noMentions });
}

/** `/quiz-admin report channel [cron] [now]`: set (or move) the weekly report, and post one at once when asked. */
async function scheduleReport({ interaction, context, guildId, language }: AdminRequest): Promise<void> {
  const channelId = interaction.options.getChannel('channel', true).id;
  const cron = interaction.options.getString('cron')?.trim().replace(/\s+/g, ' ') || undefined;
  const postNow = interaction.options.getBoolean('now') ?? false;
  // Checking the channel may fetch, and rendering and posting the report takes a moment: acknowledge first.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const outcome = await context.reports.setReport({ guildId, channelId, cron, language, createdBy: interaction.user.id });
  if (!outcome.ok) throw new UserFacingError(describeReportRefusal(outcome, cron ?? defaultReportCron, channelId, language));
  const lines = [describeReportSet(outcome, language)];
  if (postNow) lines.push(describeReportPost(await context.reports.postReport(guildId), guildId, language));
  await interaction.editReply({ content: lines.join('\n'), allowedMentions: noMentions });
}

async function stopReport({ interaction, context, guildId, language }: AdminRequest): Promise<void> {
  const text = messagesFor(language).weeklyReport;
  await replyPrivately(interaction, (await context.reports.removeReport(guildId)) ? text.removed : text.notSet);
}

const subcommands: Record<string, (request: AdminRequest) => Promise<void>> = {
  schedule: scheduleChannel,
  unschedule: unscheduleChannel,
  list: listSchedules,
  now: postNow,
  reveal: revealNow,
  report: scheduleReport,
  'report-off': stopReport,
};

function suggestCron(typed: string, language: Language): { name: string; value: string }[] {
  const query = typed.trim();
  const labels = messagesFor(language).commands.quizAdmin.cronPresets;
  const presets = cronPresets
    .filter((cron) => query === '' || cron.startsWith(query) || labels[cron].toLowerCase().includes(query.toLowerCase()))
    .map((cron) => ({ name: `${cron} — ${labels[cron]}`, value: cron }));
  // Whatever was typed stays pickable: the presets are suggestions, not the only choices.
  const typedChoice =
    query !== '' && !presets.some((preset) => preset.value === query) ? [{ name: truncateText(query, 100), value: truncateText(query, 100) }] : [];
  return [...typedChoice, ...presets];
}

function suggestTimezones(typed: string, defaultTimezone: string): { name: string; value: string }[] {
  const query = typed.trim().toLowerCase();
  const zones =
    query === ''
      ? [...new Set([defaultTimezone, ...commonTimezones])]
      : Intl.supportedValuesOf('timeZone').filter((zone) => zone.toLowerCase().includes(query.replace(/\s+/g, '_')));
  return zones.slice(0, discordLimits.autocompleteChoices).map((zone) => ({ name: zone, value: zone }));
}

async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name === 'note') return respondWithNotes(interaction, context.kb);
  const typed = String(focused.value).slice(0, 100);
  const choices =
    focused.name === 'timezone'
      ? suggestTimezones(typed, context.config.defaultTimezone)
      : focused.name === 'cron'
        ? suggestCron(typed, languageOf(interaction))
        : [];
  await interaction.respond(choices.slice(0, discordLimits.autocompleteChoices));
}

export default {
  data,

  async execute(interaction, context) {
    const language = languageOf(interaction);
    const guildId = requireManageServer(interaction, language);
    const name = interaction.options.getSubcommand(true);
    const run = Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
    if (!run) throw new Error(`Unknown /quiz-admin subcommand "${name}"`);
    await run({ interaction, context, guildId, language });
  },

  autocomplete,
} satisfies Command;
