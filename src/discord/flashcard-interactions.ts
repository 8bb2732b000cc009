// `/quiz practice` with flashcards: the slash command shows a card, and the card's buttons (`quiz:card:…`, routed
// here by the /quiz command) show the answer, store the member's self-grade and move on to the next card.
import { type ButtonInteraction, type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { type Language, messagesFor } from '../i18n/locale.js';
import type { PracticeCard } from '../quiz/flashcard-practice.js';
import { type BotContext, UserFacingError } from './command.js';
import {
  buildFlashcardAnswer,
  buildFlashcardGraded,
  buildFlashcardQuestion,
  type FlashcardScope,
  type FlashcardViewInput,
  parseFlashcardArgs,
} from './flashcard-views.js';
import { replyPrivately, requireGuildId } from './quiz-interaction-kit.js';
import { buildPracticeQuestion } from './quiz-views.js';

function viewInput(card: PracticeCard, scope: FlashcardScope, userId: string, context: BotContext, language: Language): FlashcardViewInput {
  return { card, document: context.kb.getDocument(card.documentId), scope, userId, language };
}

/** `/quiz practice` found a due card: show its question, for the member only. */
export async function replyWithFlashcard(
  interaction: ChatInputCommandInteraction,
  card: PracticeCard,
  scope: FlashcardScope,
  context: BotContext,
  language: Language,
): Promise<void> {
  await interaction.reply({
    ...buildFlashcardQuestion(viewInput(card, scope, interaction.user.id, context, language)),
    flags: MessageFlags.Ephemeral,
  });
}

/** A click on `quiz:card:<step>:<cardKey>:<scope>:<userId>`; `args` start after `card`. */
export async function handleFlashcardButton(
  interaction: ButtonInteraction,
  args: readonly string[],
  context: BotContext,
  language: Language,
): Promise<void> {
  const text = messagesFor(language);
  const button = parseFlashcardArgs(args);
  if (!button) return replyPrivately(interaction, text.flashcard.invalidButton);
  if (button.userId !== interaction.user.id) return replyPrivately(interaction, text.flashcard.notYours);
  const guildId = requireGuildId(interaction, language);
  const userId = interaction.user.id;

  switch (button.step) {
    case 'show': {
      const card = context.quiz.findFlashcard(button.cardKey);
      if (!card) return replyPrivately(interaction, text.flashcard.gone);
      await interaction.update(buildFlashcardAnswer(viewInput(card, button.scope, userId, context, language)));
      return;
    }
    case 'knew':
    case 'didnt': {
      // Store before acknowledging: if Discord times the click out, the grade must still be kept.
      const outcome = await context.quiz.gradeFlashcard(guildId, userId, button.cardKey, button.step);
      if (!outcome.ok) return replyPrivately(interaction, text.flashcard.gone);
      await interaction.update(buildFlashcardGraded({ ...viewInput(outcome.card, button.scope, userId, context, language), grade: button.step }));
      return;
    }
    case 'next':
      return showNextPractice(interaction, button.cardKey, button.scope, context, language);
  }
}

/** The next due card of the same scope, or (when none is due) a generated practice question, in place of the graded card. */
async function showNextPractice(
  interaction: ButtonInteraction,
  cardKey: string,
  scope: FlashcardScope,
  context: BotContext,
  language: Language,
): Promise<void> {
  const text = messagesFor(language);
  const guildId = requireGuildId(interaction, language);
  const userId = interaction.user.id;
  let noteId: string | undefined;
  if (scope === 'note') {
    // The member named a note: it is the note of the card they just practised.
    const previous = context.quiz.findFlashcard(cardKey);
    if (!previous) return replyPrivately(interaction, text.flashcard.gone);
    noteId = previous.documentId;
  }
  const card = await context.quiz.drawFlashcard(guildId, interaction.channelId, userId, noteId);
  if (card) {
    await interaction.update(buildFlashcardQuestion(viewInput(card, scope, userId, context, language)));
    return;
  }

  const question = await context.quiz.createPractice(guildId, interaction.channelId, userId, noteId);
  if (!question) throw new UserFacingError(text.practice.noQuestion);
  const concept = context.kb.getConcept(question.conceptId);
  const document = concept ? context.kb.getDocument(concept.documentId) : undefined;
  await interaction.update(buildPracticeQuestion({ question, concept, document, language }));
}
