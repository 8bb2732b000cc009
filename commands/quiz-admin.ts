import { type AutocompleteInteraction, type ChatInputCommandInteraction, channelMention, InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
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
import { buildScheduledReply, buildScheduleListView, describePostOutcome, describeScheduleRefusal, linkToPost } from '../src/discord/quiz-admin-views.js';
import { formatChoice } from '../src/discord/quiz-views.js';
import type { Language } from '../src/i18n/locale.js';
import { quizMessagesFor } from '../src/i18n/quiz-messages.js';
import { closeAfterMinutesRange } from '../src/quiz/close-after.js';
import { defaultCron } from '../src/quiz/quiz-runner.js';

const cronPresets = [
  { cron: '0 9 * * 1-5', en: 'Weekdays at 09:00', ko: '평일 09:00' },
  { cron: '0 9 * * *', en: 'Every day at 09:00', ko: '매일 09:00' },
  { cron: '0 13 * * 1-5', en: 'Weekdays at 13:00', ko: '평일 13:00' },
  { cron: '0 9 * * 1', en: 'Mondays at 09:00', ko: '매주 월요일 09:00' },
  { cron: '0 10,16 * * 1-5', en: 'Weekdays at 10:00 and 16:00', ko: '평일 10:00, 16:00' },
  { cron: '0 9 * * 1#1', en: 'First Monday of each month at 09:00', ko: '매월 첫째 월요일 09:00' },
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
      .addChannelOption(quizChannelOption({ en: 'Where the questions are posted', ko: '퀴즈를 올릴 채널' }, { required: true }))
      .addStringOption((option) =>
        option
          .setName('cron')
          .setNameLocalizations({ ko: '크론' })
          .setDescription('When to post: minute hour day month weekday (default 0 9 * * 1-5 = weekdays 09:00)')
          .setDescriptionLocalizations({ ko: '출제 시각: 분 시 일 월 요일 (기본 0 9 * * 1-5 = 평일 09:00)' })
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
      .addStringOption(noteOption)
      .addIntegerOption((option) =>
        option
          .setName('close-after')
          .setNameLocalizations({ ko: '공개-시간' })
          .setDescription('Minutes until the answer is revealed (default: when the next question is posted)')
          .setDescriptionLocalizations({ ko: '정답 공개까지 걸리는 분 (기본: 다음 문제를 올릴 때)' })
          .setMinValue(closeAfterMinutesRange.min)
          .setMaxValue(closeAfterMinutesRange.max),
      ),
  )
  .addSubcommand((sub) =>
    sub
      .setName('unschedule')
      .setNameLocalizations({ ko: '예약-해제' })
      .setDescription('Stop posting quiz questions in a channel')
      .setDescriptionLocalizations({ ko: '채널의 퀴즈 일정을 없애요' })
      .addChannelOption(quizChannelOption({ en: 'The channel to stop', ko: '일정을 없앨 채널' }, { required: true })),
  )
  .addSubcommand((sub) =>
    sub
      .setName('list')
      .setNameLocalizations({ ko: '목록' })
      .setDescription('Show the quiz schedules of this server and their problems')
      .setDescriptionLocalizations({ ko: '이 서버의 퀴즈 일정과 오류 상황을 보여줘요' }),
  )
  .addSubcommand((sub) =>
    sub
      .setName('now')
      .setNameLocalizations({ ko: '지금-출제' })
      .setDescription('Post a quiz question right now (a post that works also resumes a paused channel)')
      .setDescriptionLocalizations({ ko: '지금 바로 퀴즈를 올려요 (올리기에 성공하면 일시 중지된 채널도 재개돼요)' })
      .addChannelOption(quizChannelOption({ en: 'Where to post (default: this channel)', ko: '올릴 채널 (기본: 이 채널)' }, { required: false })),
  )
  .addSubcommand((sub) =>
    sub
      .setName('reveal')
      .setNameLocalizations({ ko: '정답-공개' })
      .setDescription('Close the open question now and reveal the answer')
      .setDescriptionLocalizations({ ko: '열린 문제를 지금 마감하고 정답을 공개해요' })
      .addChannelOption(quizChannelOption({ en: 'The channel of the question (default: this channel)', ko: '문제가 있는 채널 (기본: 이 채널)' }, { required: false })),
  );

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
  const text = quizMessagesFor(language);
  const channelId = interaction.options.getChannel('channel', true).id;
  const removed = context.quiz.unscheduleChannel(guildId, channelId);
  const channel = channelMention(channelId);
  await replyPrivately(interaction, removed ? text.admin.unscheduled(channel) : text.admin.notScheduled(channel));
}

async function listSchedules({ interaction, context, guildId, language }: AdminRequest): Promise<void> {
  const view = buildScheduleListView({
    entries: context.quiz.listSchedules(guildId),
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
  await interaction.editReply({ content: describePostOutcome(outcome, channelMention(channelId), language, context.clock.now()), allowedMentions: noMentions });
}

async function revealNow({ interaction, context, guildId, language }: AdminRequest): Promise<void> {
  const text = quizMessagesFor(language);
  const channelId = interaction.options.getChannel('channel')?.id ?? interaction.channelId;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const closed = await context.quiz.reveal(guildId, channelId);
  const content = closed
    ? text.admin.revealed(linkToPost(closed.question), formatChoice(closed.question, closed.question.answer), closed.tally.participants, closed.tally.correct.length)
    : text.admin.nothingToReveal(channelMention(channelId));
  await interaction.editReply({ content, allowedMentions: noMentions });
}

const subcommands: Record<string, (request: AdminRequest) => Promise<void>> = {
  schedule: scheduleChannel,
  unschedule: unscheduleChannel,
  list: listSchedules,
  now: postNow,
  reveal: revealNow,
};

function suggestCron(typed: string, language: Language): { name: string; value: string }[] {
  const query = typed.trim();
  const presets = cronPresets
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
