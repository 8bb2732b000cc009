import {
  type AutocompleteInteraction,
  ChannelType,
  type ChatInputCommandInteraction,
  channelMention,
  escapeMarkdown,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  TimestampStyles,
} from 'discord.js';
import { type BotContext, type Command, UserFacingError } from '../src/discord/command.js';
import { discordLimits, noMentions } from '../src/discord/discord-limits.js';
import { quoteUserInput, truncateText } from '../src/discord/discord-text.js';
import { buildScheduleListView, findNote, formatChoice, formatDiscordTime, linkToPost, suggestNotes } from '../src/discord/quiz-views.js';
import { type Language, pickLocale } from '../src/i18n/locale.js';
import { type QuizMessages, quizMessagesFor, translatePermissionName } from '../src/i18n/quiz-messages.js';
import type { PostOutcome, ScheduleOutcome } from '../src/quiz/quiz-runner.js';

type ScheduleRefusal = Extract<ScheduleOutcome, { ok: false }>;

const quizChannelTypes = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;
const defaultCronSuggestions = [
  { cron: '0 9 * * 1-5', en: 'Weekdays at 09:00', ko: '평일 09:00' },
  { cron: '0 9 * * *', en: 'Every day at 09:00', ko: '매일 09:00' },
  { cron: '0 13 * * 1-5', en: 'Weekdays at 13:00', ko: '평일 13:00' },
  { cron: '0 9 * * 1', en: 'Mondays at 09:00', ko: '매주 월요일 09:00' },
  { cron: '0 10,16 * * 1-5', en: 'Weekdays at 10:00 and 16:00', ko: '평일 10:00, 16:00' },
] as const;
const commonTimezones = ['Asia/Seoul', 'Asia/Tokyo', 'UTC', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles'];

const data = new SlashCommandBuilder()
  .setName('quiz-admin')
  .setNameLocalizations({ ko: '퀴즈-관리' })
  .setDescription('Configure the quiz: schedules, posting and revealing (Manage Server)')
  .setDescriptionLocalizations({ ko: '퀴즈 설정: 일정, 출제, 정답 공개 (서버 관리 권한)' })
  // Hidden from members without Manage Server; the handler checks again because server admins can override this.
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    sub
      .setName('schedule')
      .setNameLocalizations({ ko: '예약' })
      .setDescription('Post quiz questions in a channel on a schedule')
      .setDescriptionLocalizations({ ko: '채널에 정해진 일정으로 퀴즈를 올려요' })
      .addChannelOption((option) =>
        option
          .setName('channel')
          .setNameLocalizations({ ko: '채널' })
          .setDescription('Where the questions are posted')
          .setDescriptionLocalizations({ ko: '퀴즈를 올릴 채널' })
          .addChannelTypes(...quizChannelTypes)
          .setRequired(true),
      )
      .addStringOption((option) =>
        option
          .setName('cron')
          .setDescription('When to post, as a cron expression (default 0 9 * * 1-5 = weekdays 09:00)')
          .setDescriptionLocalizations({ ko: '출제 시각 cron 표현식 (기본 0 9 * * 1-5 = 평일 09:00)' })
          .setAutocomplete(true)
          .setMaxLength(100),
      )
      .addStringOption((option) =>
        option
          .setName('timezone')
          .setNameLocalizations({ ko: '시간대' })
          .setDescription('IANA time zone of the schedule, e.g. Asia/Seoul')
          .setDescriptionLocalizations({ ko: '일정의 시간대 (예: Asia/Seoul)' })
          .setAutocomplete(true)
          .setMaxLength(64),
      )
      .addStringOption((option) =>
        option
          .setName('note')
          .setNameLocalizations({ ko: '노트' })
          .setDescription('Only ask about this note (default: every note)')
          .setDescriptionLocalizations({ ko: '이 노트에서만 출제 (기본: 모든 노트)' })
          .setAutocomplete(true)
          .setMaxLength(100),
      ),
  )
  .addSubcommand((sub) =>
    sub
      .setName('unschedule')
      .setNameLocalizations({ ko: '예약-해제' })
      .setDescription('Stop posting quiz questions in a channel')
      .setDescriptionLocalizations({ ko: '채널의 퀴즈 일정을 없애요' })
      .addChannelOption((option) =>
        option
          .setName('channel')
          .setNameLocalizations({ ko: '채널' })
          .setDescription('The channel to stop')
          .setDescriptionLocalizations({ ko: '일정을 없앨 채널' })
          .addChannelTypes(...quizChannelTypes)
          .setRequired(true),
      ),
  )
  .addSubcommand((sub) =>
    sub
      .setName('list')
      .setNameLocalizations({ ko: '목록' })
      .setDescription('Show the quiz schedules of this server and their problems')
      .setDescriptionLocalizations({ ko: '이 서버의 퀴즈 일정과 문제 상황을 보여줘요' }),
  )
  .addSubcommand((sub) =>
    sub
      .setName('now')
      .setNameLocalizations({ ko: '지금-출제' })
      .setDescription('Post a quiz question right now')
      .setDescriptionLocalizations({ ko: '지금 바로 퀴즈를 올려요' })
      .addChannelOption((option) =>
        option
          .setName('channel')
          .setNameLocalizations({ ko: '채널' })
          .setDescription('Where to post (default: this channel)')
          .setDescriptionLocalizations({ ko: '올릴 채널 (기본: 이 채널)' })
          .addChannelTypes(...quizChannelTypes),
      ),
  )
  .addSubcommand((sub) =>
    sub
      .setName('reveal')
      .setNameLocalizations({ ko: '정답-공개' })
      .setDescription('Close the open question now and reveal the answer')
      .setDescriptionLocalizations({ ko: '열린 문제를 지금 마감하고 정답을 공개해요' })
      .addChannelOption((option) =>
        option
          .setName('channel')
          .setNameLocalizations({ ko: '채널' })
          .setDescription('The channel of the question (default: this channel)')
          .setDescriptionLocalizations({ ko: '문제가 있는 채널 (기본: 이 채널)' })
          .addChannelTypes(...quizChannelTypes),
      ),
  );

/** Discord hides the command from members without Manage Server, but server settings can override that. */
function requireManageServer(interaction: ChatInputCommandInteraction, text: QuizMessages): string {
  if (!interaction.inGuild()) throw new UserFacingError(text.admin.guildOnly);
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) throw new UserFacingError(text.admin.needsManageServer);
  return interaction.guildId;
}

/** `Mon, 30 Nov 2026, 09:00` in the schedule's own zone, beside Discord's timestamp in the reader's zone. */
function formatSlot(slot: Date, timezone: string, language: Language): string {
  const wallClock = new Intl.DateTimeFormat(language === 'ko' ? 'ko-KR' : 'en-GB', {
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
  return `${wallClock} — ${formatDiscordTime(slot, TimestampStyles.LongDateTime)} (${formatDiscordTime(slot, TimestampStyles.RelativeTime)})`;
}

/** The runner's English detail without its prefix and examples: the localized message brings its own. */
function describeCronProblem(detail: string): string {
  return detail.replace(/^Invalid cron expression:\s*/i, '').replace(/\s*Example:[\s\S]*$/, '').replace(/;\s*e\.g\.[\s\S]*$/, '').replace(/\.$/, '');
}

function describeRefusal(refusal: ScheduleRefusal, input: { cron: string | undefined; timezone: string | undefined; note: string | undefined; channel: string }, language: Language): string {
  const text = quizMessagesFor(language);
  switch (refusal.reason) {
    case 'invalid-cron':
      return text.admin.invalidCron(quoteUserInput(input.cron ?? '', 100), describeCronProblem(refusal.message));
    case 'invalid-timezone':
      return text.admin.invalidTimezone(quoteUserInput(input.timezone ?? '', 64));
    case 'unknown-note':
      return text.admin.unknownNote(quoteUserInput(input.note ?? ''));
    case 'missing-permissions': {
      const missing = refusal.missing && refusal.missing.length > 0 ? refusal.missing : [refusal.message];
      return text.admin.missingPermissions(input.channel, missing.map((name) => translatePermissionName(name, language)).join(', '));
    }
    case 'unknown-channel':
      return text.admin.unknownChannel(input.channel);
  }
}

async function scheduleChannel(interaction: ChatInputCommandInteraction, context: BotContext, guildId: string, language: Language): Promise<void> {
  const text = quizMessagesFor(language);
  const channel = interaction.options.getChannel('channel', true);
  const cron = interaction.options.getString('cron')?.trim().replace(/\s+/g, ' ') || undefined;
  const timezone = interaction.options.getString('timezone')?.trim() || undefined;
  const noteInput = interaction.options.getString('note')?.trim() || undefined;
  const input = { cron, timezone, note: noteInput, channel: channelMention(channel.id) };

  const note = noteInput === undefined ? undefined : findNote(context.kb, noteInput);
  if (noteInput !== undefined && !note) throw new UserFacingError(text.admin.unknownNote(quoteUserInput(noteInput)));

  const outcome = await context.quiz.scheduleChannel({ guildId, channelId: channel.id, cron, timezone, noteId: note?.id, createdBy: interaction.user.id });
  if (!outcome.ok) throw new UserFacingError(describeRefusal(outcome, input, language));

  const { schedule } = outcome;
  const noteText = schedule.noteId ? `**${escapeMarkdown(truncateText(context.kb.getDocument(schedule.noteId)?.title ?? schedule.noteId, 200))}**` : text.admin.allNotes;
  const nextRuns = outcome.nextRuns.slice(0, 3).map((slot) => `• ${formatSlot(slot, schedule.timezone, language)}`);
  const lines = [
    text.admin.scheduled(channelMention(schedule.channelId), schedule.cron, schedule.timezone, noteText),
    '',
    nextRuns.length > 0 ? text.admin.nextPosts(schedule.timezone) : text.admin.noNextPost,
    ...nextRuns,
  ];
  await interaction.reply({ content: lines.join('\n'), flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
}

async function unscheduleChannel(interaction: ChatInputCommandInteraction, context: BotContext, guildId: string, language: Language): Promise<void> {
  const text = quizMessagesFor(language);
  const channel = interaction.options.getChannel('channel', true);
  const removed = context.quiz.unscheduleChannel(guildId, channel.id);
  const content = removed ? text.admin.unscheduled(channelMention(channel.id)) : text.admin.notScheduled(channelMention(channel.id));
  await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
}

async function listSchedules(interaction: ChatInputCommandInteraction, context: BotContext, guildId: string, language: Language): Promise<void> {
  const view = buildScheduleListView({
    entries: context.quiz.listSchedules(guildId),
    kb: context.kb,
    language,
    channelName: (channelId) => interaction.guild?.channels.cache.get(channelId)?.name,
  });
  await interaction.reply({ ...view, flags: MessageFlags.Ephemeral });
}

function describePostOutcome(outcome: PostOutcome, channel: string, language: Language): string {
  const text = quizMessagesFor(language);
  if (outcome.ok) {
    const closes = `${formatDiscordTime(outcome.question.closesAt, TimestampStyles.ShortDateTime)} (${formatDiscordTime(outcome.question.closesAt, TimestampStyles.RelativeTime)})`;
    return text.admin.posted(linkToPost(outcome.question), closes);
  }
  switch (outcome.reason) {
    case 'already-open':
      return text.admin.alreadyOpen(channel);
    case 'no-question':
      return text.admin.noQuestion;
    case 'channel-problem':
    case 'failed':
      return text.admin.postFailed(channel, truncateText(outcome.message, 500));
  }
}

async function postNow(interaction: ChatInputCommandInteraction, context: BotContext, guildId: string, language: Language): Promise<void> {
  const channelId = interaction.options.getChannel('channel')?.id ?? interaction.channelId;
  // Posting may wait out rate limits or retries: acknowledge first so the interaction cannot expire.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const outcome = await context.quiz.postNow(guildId, channelId);
  await interaction.editReply({ content: describePostOutcome(outcome, channelMention(channelId), language), allowedMentions: noMentions });
}

async function revealNow(interaction: ChatInputCommandInteraction, context: BotContext, guildId: string, language: Language): Promise<void> {
  const text = quizMessagesFor(language);
  const channelId = interaction.options.getChannel('channel')?.id ?? interaction.channelId;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const closed = await context.quiz.reveal(guildId, channelId);
  const content = closed
    ? text.admin.revealed(linkToPost(closed.question), formatChoice(closed.question, closed.question.answer), closed.tally.participants, closed.tally.correct.length)
    : text.admin.nothingToReveal(channelMention(channelId));
  await interaction.editReply({ content, allowedMentions: noMentions });
}

const subcommands = {
  schedule: scheduleChannel,
  unschedule: unscheduleChannel,
  list: listSchedules,
  now: postNow,
  reveal: revealNow,
} satisfies Record<string, (interaction: ChatInputCommandInteraction, context: BotContext, guildId: string, language: Language) => Promise<void>>;

function isSubcommand(name: string): name is keyof typeof subcommands {
  return Object.hasOwn(subcommands, name);
}

function suggestCron(typed: string, language: Language): { name: string; value: string }[] {
  const query = typed.trim();
  const presets = defaultCronSuggestions
    .filter((preset) => query === '' || preset.cron.startsWith(query) || preset[language].toLowerCase().includes(query.toLowerCase()))
    .map((preset) => ({ name: `${preset.cron} — ${preset[language]}`, value: preset.cron }));
  // Whatever was typed stays pickable: the presets are suggestions, not the only choices.
  const typedChoice = query !== '' && !presets.some((preset) => preset.value === query) ? [{ name: truncateText(query, 100), value: truncateText(query, 100) }] : [];
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
  const typed = String(focused.value).slice(0, 100);
  const language = pickLocale(interaction.locale);
  const choices =
    focused.name === 'note'
      ? suggestNotes(context.kb, typed)
      : focused.name === 'timezone'
        ? suggestTimezones(typed, context.config.defaultTimezone)
        : focused.name === 'cron'
          ? suggestCron(typed, language)
          : [];
  await interaction.respond(choices.slice(0, discordLimits.autocompleteChoices));
}

export default {
  data,

  async execute(interaction, context) {
    const language = pickLocale(interaction.locale);
    const guildId = requireManageServer(interaction, quizMessagesFor(language));
    const name = interaction.options.getSubcommand(true);
    if (!isSubcommand(name)) throw new Error(`Unknown /quiz-admin subcommand "${name}"`);
    await subcommands[name](interaction, context, guildId, language);
  },

  autocomplete,
} satisfies Command;
