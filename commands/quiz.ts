import { type ButtonInteraction, type ChatInputCommandInteraction, InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { describeChoice, describeCommand } from '../src/discord/command-text.js';
import { type BotContext, type Command, UserFacingError } from '../src/discord/command.js';
import { buildConceptView } from '../src/discord/concept-view.js';
import { buildAnswerRecorded, buildConfidenceNoted, confidenceAction, parseConfidenceArgs } from '../src/discord/confidence-views.js';
import { handleFlashcardButton, replyWithFlashcard } from '../src/discord/flashcard-interactions.js';
import { flashcardAction } from '../src/discord/flashcard-views.js';
import { buildMemberStatsView } from '../src/discord/leaderboard-view.js';
import { languageOf } from '../src/discord/member-language.js';
import { handleReviewButton, startReview } from '../src/discord/review-interactions.js';
import { reviewAction } from '../src/discord/review-views.js';
import { noteOption, readNoteOption, replyPrivately, requireGuildId, respondWithNotes } from '../src/discord/quiz-interaction-kit.js';
import {
  answerAction,
  buildPracticeQuestion,
  buildPracticeResult,
  explainAction,
  formatChoice,
  formatChoiceLetter,
  formatResultTime,
  parseAnswerArgs,
} from '../src/discord/quiz-views.js';
import { type Language, messagesFor } from '../src/i18n/locale.js';
import type { StoredQuestion } from '../src/quiz/types.js';
import { nameToKeep, quoteUserInput } from '../src/discord/discord-text.js';
import { buildMemberChartFile } from '../src/discord/learning-views.js';
import { formatReminderTime, parseReminderTime } from '../src/learning/reminder-rules.js';

const reminderStates = ['on', 'off'] as const;

const data = describeCommand(new SlashCommandBuilder(), (text) => text.commands.quiz)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) => describeCommand(sub, (text) => text.commands.quiz.practice).addStringOption(noteOption))
  .addSubcommand((sub) =>
    describeCommand(sub, (text) => text.commands.quiz.stats).addUserOption((option) => describeCommand(option, (text) => text.commands.quiz.member)),
  )
  .addSubcommand((sub) => describeCommand(sub, (text) => text.commands.quiz.review).addStringOption(noteOption))
  // Daily review reminders by DM (src/learning/daily-reminders.ts).
  .addSubcommand((sub) =>
    describeCommand(sub, (text) => text.reminders.command)
      .addStringOption((option) =>
        describeCommand(option, (text) => text.reminders.command.state)
          .setRequired(true)
          .addChoices(...reminderStates.map((state) => describeChoice(state, (text) => text.reminders.command.states[state]))),
      )
      .addStringOption((option) =>
        describeCommand(option, (text) => text.reminders.command.time)
          .setMinLength(4)
          .setMaxLength(5),
      ),
  );

/** The name a member sees in this server, kept with the answer so reveals and leaderboards never need a lookup. */
function displayNameOf(interaction: ButtonInteraction): string {
  const member = interaction.member;
  if (member && 'displayName' in member) return nameToKeep(member.displayName);
  if (member && 'nick' in member && member.nick) return nameToKeep(member.nick);
  return nameToKeep(interaction.user.displayName);
}

async function practice(interaction: ChatInputCommandInteraction, context: BotContext, language: Language): Promise<void> {
  const guildId = requireGuildId(interaction, language);
  const note = readNoteOption(interaction, context.kb, language);
  // The author's own flashcards come first; a generated question when none of them is due.
  const card = await context.quiz.drawFlashcard(guildId, interaction.channelId, interaction.user.id, note?.id);
  if (card) return replyWithFlashcard(interaction, card, note ? 'note' : 'all', context, language);
  const question = await context.quiz.createPractice(guildId, interaction.channelId, interaction.user.id, note?.id);
  if (!question) throw new UserFacingError(messagesFor(language).practice.noQuestion);
  const concept = context.kb.getConcept(question.conceptId);
  const document = concept ? context.kb.getDocument(concept.documentId) : undefined;
  await interaction.reply({ ...buildPracticeQuestion({ question, concept, document, language }), flags: MessageFlags.Ephemeral });
}

async function showStats(interaction: ChatInputCommandInteraction, context: BotContext, language: Language): Promise<void> {
  const guildId = requireGuildId(interaction, language);
  const user = interaction.options.getUser('member') ?? interaction.user;
  const member = interaction.options.getMember('member');
  const fallbackName = member && 'displayName' in member ? member.displayName : user.displayName;
  const stats = await context.scores.memberStats(guildId, user.id);
  const view = buildMemberStatsView({ stats, fallbackName, kb: context.kb, language });
  // Rendered before replying: about 50 ms (150 ms with the fonts' first use), far inside the 3 s to answer.
  const chart = buildMemberChartFile(await context.reports.collectMemberChart(guildId, user.id), language);
  const [statsEmbed, ...otherEmbeds] = view.embeds;
  const embeds = statsEmbed ? [{ ...statsEmbed, image: chart.image }, ...otherEmbeds] : view.embeds;
  await interaction.reply({ ...view, embeds, files: [chart.file], flags: MessageFlags.Ephemeral });
}

/** `/quiz remind state:on|off [time]`: the member's own daily DM when reviews are due. */
async function remind(interaction: ChatInputCommandInteraction, context: BotContext, language: Language): Promise<void> {
  const text = messagesFor(language).reminders;
  const guildId = requireGuildId(interaction, language);
  if (interaction.options.getString('state', true) === 'off') {
    return replyPrivately(interaction, (await context.reminders.turnOff(guildId, interaction.user.id)) ? text.turnedOff : text.wasOff);
  }
  const typed = interaction.options.getString('time');
  const minuteOfDay = typed === null ? null : parseReminderTime(typed);
  if (typed !== null && minuteOfDay === null) throw new UserFacingError(text.invalidTime(quoteUserInput(typed, 20)));
  const { reminder, timezone } = await context.reminders.turnOn(guildId, interaction.user.id, minuteOfDay, language);
  await replyPrivately(interaction, text.turnedOn(formatReminderTime(reminder.minuteOfDay), timezone));
}

/** A practice question answered: the ephemeral message itself turns into the result, right or wrong at once. */
async function showPracticeResult(
  interaction: ButtonInteraction,
  context: BotContext,
  question: StoredQuestion,
  choice: number,
  language: Language,
): Promise<void> {
  const concept = context.kb.getConcept(question.conceptId);
  const document = concept ? context.kb.getDocument(concept.documentId) : undefined;
  await interaction.update(buildPracticeResult({ question, choice, concept, document, language }));
}

/**
 * Refuse a click that does not come from where its question lives (a crafted custom id naming another server's,
 * channel's or post's question, or someone else's practice). True when refused and answered.
 */
async function refuseOutOfPlace(interaction: ButtonInteraction, questionId: string, context: BotContext, language: Language): Promise<boolean> {
  const refusal = await context.quiz.checkAnswerPlace(questionId, {
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    messageId: interaction.message.id,
    userId: interaction.user.id,
  });
  if (!refusal) return false;
  const text = messagesFor(language);
  context.logger.warn(
    {
      questionId,
      refusal,
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      messageId: interaction.message.id,
      userId: interaction.user.id,
    },
    'answer refused: the click does not come from where its question lives',
  );
  await replyPrivately(interaction, refusal === 'not-your-practice' ? text.answer.notYourPractice : text.answer.notFromHere);
  return true;
}

async function answer(interaction: ButtonInteraction, args: readonly string[], context: BotContext, language: Language): Promise<void> {
  const text = messagesFor(language);
  // Bots are not players: their clicks are acknowledged without a change (nothing waits on them) and never stored.
  if (interaction.user.bot) {
    context.logger.info({ userId: interaction.user.id, customId: interaction.customId }, 'ignored an answer click from a bot');
    await interaction.deferUpdate();
    return;
  }
  const parsed = parseAnswerArgs(args);
  if (!parsed) return replyPrivately(interaction, text.answer.invalidButton);
  if (await refuseOutOfPlace(interaction, parsed.questionId, context, language)) return;

  // Store before acknowledging: if Discord times the click out, the answer must still count.
  const result = await context.quiz.answer(parsed.questionId, interaction.user.id, displayNameOf(interaction), parsed.choice);
  switch (result.kind) {
    case 'recorded': {
      const { question } = result;
      if (question.practiceUserId !== null) return showPracticeResult(interaction, context, question, result.answer.choice, language);
      const recorded = text.answer.recorded(formatChoiceLetter(result.answer.choice), formatResultTime(question.closesAt, result.answer.answeredAt));
      await interaction.reply({ ...buildAnswerRecorded(recorded, question.id, language), flags: MessageFlags.Ephemeral });
      return;
    }
    case 'already-answered': {
      const letter = formatChoiceLetter(result.answer.choice);
      const practiceOfCaller = result.question.practiceUserId === interaction.user.id;
      return replyPrivately(interaction, practiceOfCaller ? text.answer.practiceAlreadyAnswered(letter) : text.answer.alreadyAnswered(letter));
    }
    case 'closed':
      return replyPrivately(interaction, text.answer.closed(formatChoice(result.question, result.question.answer)));
    case 'invalid-choice':
      return replyPrivately(interaction, text.answer.invalidButton);
    case 'unknown-question':
      return replyPrivately(interaction, text.answer.unknown);
  }
}

/** `quiz:confidence:<questionId>:<confidence>` under "answer recorded": re-rate the clicker's own answer. */
async function rateConfidence(interaction: ButtonInteraction, args: readonly string[], context: BotContext, language: Language): Promise<void> {
  const text = messagesFor(language);
  const parsed = parseConfidenceArgs(args);
  if (!parsed) return replyPrivately(interaction, text.answer.invalidButton);
  // Stored before acknowledging, like the answer itself.
  const outcome = await context.quiz.rateConfidence(parsed.questionId, interaction.user.id, parsed.confidence);
  if (outcome.ok) {
    await interaction.update(buildConfidenceNoted(formatChoiceLetter(outcome.answer.choice), parsed.confidence, language));
    return;
  }
  switch (outcome.reason) {
    case 'closed':
      return replyPrivately(interaction, text.learning.confidenceClosed);
    case 'not-answered':
      return replyPrivately(interaction, text.learning.confidenceNotAnswered);
    case 'reviewed-since':
      return replyPrivately(interaction, text.learning.confidenceTooLate);
    case 'unknown-question':
      return replyPrivately(interaction, text.answer.unknown);
  }
}

/** `quiz:explain:<conceptId>` on a reveal: the concept's `/explain` view, for the clicker only. */
async function explain(interaction: ButtonInteraction, conceptId: string, context: BotContext, language: Language): Promise<void> {
  const concept = context.kb.getConcept(conceptId);
  if (!concept) throw new UserFacingError(messagesFor(language).answer.conceptGone);
  await interaction.reply({ ...buildConceptView(concept, context.kb, language), flags: MessageFlags.Ephemeral });
}

export default {
  data,

  async execute(interaction, context) {
    const language = languageOf(interaction);
    const subcommand = interaction.options.getSubcommand(true);
    if (subcommand === 'practice') return practice(interaction, context, language);
    if (subcommand === 'stats') return showStats(interaction, context, language);
    if (subcommand === 'review') return startReview(interaction, context, language);
    if (subcommand === 'remind') return remind(interaction, context, language);
    throw new Error(`Unknown /quiz subcommand "${subcommand}"`);
  },

  async autocomplete(interaction, context) {
    await respondWithNotes(interaction, context.kb);
  },

  async button(interaction, args, context) {
    const language = languageOf(interaction);
    const [action, ...rest] = args;
    if (action === answerAction) return answer(interaction, rest, context, language);
    // Concept ids never contain `:` today, but joining keeps the id whole if one ever does.
    if (action === explainAction) return explain(interaction, rest.join(':'), context, language);
    if (action === flashcardAction) return handleFlashcardButton(interaction, rest, context, language);
    if (action === confidenceAction) return rateConfidence(interaction, rest, context, language);
    if (action === reviewAction) return handleReviewButton(interaction, rest, context, language, displayNameOf(interaction));
    throw new UserFacingError(messagesFor(language).errors.unknownAction);
  },
} satisfies Command;
