// `/quiz review`: the slash command starts a private session of the member's due concepts, and the session's
// buttons (`quiz:review:…`, routed here by the /quiz command) answer, grade, move on and stop. Everything a click
// needs is in its custom id (review-views.ts), so a session goes on after a restart.
import { type ButtonInteraction, type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { type Language, messagesFor } from '../i18n/locale.js';
import type { ReviewTally } from '../learning/review-session.js';
import type { ReviewSessionKey, ReviewStep } from '../quiz/quiz-runner.js';
import { type BotContext, UserFacingError } from './command.js';
import type { MessageView } from './message-view.js';
import { readNoteOption, replyPrivately, requireGuildId } from './quiz-interaction-kit.js';
import { formatChoice, formatChoiceLetter } from './quiz-views.js';
import {
  buildNothingDue,
  buildReviewCard,
  buildReviewCardAnswer,
  buildReviewCardGraded,
  buildReviewQuestion,
  buildReviewResult,
  buildReviewSummary,
  parseReviewArgs,
  type ReviewButton,
  type ReviewSession,
} from './review-views.js';

/** The view of a session's next step; with nothing (more) due, the summary, or at the start the "nothing due" note. */
function viewOfStep(step: ReviewStep, session: ReviewSession, context: BotContext, language: Language, atStart: boolean): MessageView {
  switch (step.kind) {
    case 'card':
      return buildReviewCard({ card: step.card, document: context.kb.getDocument(step.card.documentId), session, language });
    case 'question': {
      const concept = context.kb.getConcept(step.question.conceptId);
      const document = concept ? context.kb.getDocument(concept.documentId) : undefined;
      return buildReviewQuestion({ question: step.question, concept, document, session, language });
    }
    case 'done':
      return atStart ? buildNothingDue(step.summary, context.clock.now(), language) : buildReviewSummary(step.summary, context.clock.now(), language);
  }
}

/** `/quiz review [note]`: the first due question or card, or when the next review is due. */
export async function startReview(interaction: ChatInputCommandInteraction, context: BotContext, language: Language): Promise<void> {
  const guildId = requireGuildId(interaction, language);
  const note = readNoteOption(interaction, context.kb, language);
  const place = { guildId, channelId: interaction.channelId, noteId: note?.id ?? null };
  if (!(await context.quiz.canReview(place))) throw new UserFacingError(messagesFor(language).practice.noQuestion);
  const startedAt = context.clock.now();
  const session: ReviewSession = { userId: interaction.user.id, startedAt, tally: { reviewed: 0, right: 0 }, scope: note ? 'note' : 'all' };
  const step = await context.quiz.nextReview({ ...place, userId: interaction.user.id, startedAt }, session.tally);
  await interaction.reply({ ...viewOfStep(step, session, context, language, true), flags: MessageFlags.Ephemeral });
}

/** A click on `quiz:review:…`; `args` start after `review`. `displayName` is kept with an answer, as for practice. */
export async function handleReviewButton(
  interaction: ButtonInteraction,
  args: readonly string[],
  context: BotContext,
  language: Language,
  displayName: string,
): Promise<void> {
  const text = messagesFor(language);
  const button = parseReviewArgs(args);
  if (!button) return replyPrivately(interaction, text.review.invalidButton);
  if (button.userId !== interaction.user.id) return replyPrivately(interaction, text.review.notYours);
  const guildId = requireGuildId(interaction, language);
  let noteId: string | null = null;
  if (button.scope === 'note') {
    // The member named a note: it is the note of the question or card on screen.
    const note = await context.quiz.reviewNoteOf(
      button.item.kind === 'question' ? { questionId: button.item.questionId } : { cardKey: button.item.cardKey },
    );
    if (note === undefined) return replyPrivately(interaction, text.review.gone);
    noteId = note;
  }
  const key: ReviewSessionKey = { guildId, channelId: interaction.channelId, userId: button.userId, noteId, startedAt: button.startedAt };
  const session: ReviewSession = { userId: button.userId, startedAt: button.startedAt, tally: button.tally, scope: button.scope };

  switch (button.verb) {
    case 'answer':
      return answerQuestion(interaction, button, key, session, context, language, displayName);
    case 'show': {
      const card = button.item.kind === 'card' ? context.quiz.findFlashcard(button.item.cardKey) : undefined;
      if (!card) return replyPrivately(interaction, text.review.gone);
      await interaction.update(buildReviewCardAnswer({ card, document: context.kb.getDocument(card.documentId), session, language }));
      return;
    }
    case 'knew':
    case 'didnt': {
      if (button.item.kind !== 'card') return replyPrivately(interaction, text.review.invalidButton);
      // Store before acknowledging: if Discord times the click out, the grade must still be kept.
      const outcome = await context.quiz.gradeReviewCard(key, button.item.cardKey, button.verb);
      if (!outcome.ok) return replyPrivately(interaction, outcome.reason === 'already-reviewed' ? text.review.alreadyGraded : text.review.gone);
      const tally = countAnswer(button.tally, button.verb === 'knew');
      const document = context.kb.getDocument(outcome.card.documentId);
      await interaction.update(buildReviewCardGraded({ card: outcome.card, document, session: { ...session, tally }, language, grade: button.verb }));
      return;
    }
    case 'next':
      await interaction.update(viewOfStep(await context.quiz.nextReview(key, button.tally), session, context, language, false));
      return;
    case 'stop':
      await interaction.update(buildReviewSummary(await context.quiz.summarizeReview(key, button.tally), context.clock.now(), language));
      return;
  }
}

function countAnswer(tally: ReviewTally, right: boolean): ReviewTally {
  return { reviewed: tally.reviewed + 1, right: tally.right + (right ? 1 : 0) };
}

/** A review question answered: stored with its review, then the result in place with "Next" / "Stop". */
async function answerQuestion(
  interaction: ButtonInteraction,
  button: ReviewButton,
  key: ReviewSessionKey,
  session: ReviewSession,
  context: BotContext,
  language: Language,
  displayName: string,
): Promise<void> {
  const text = messagesFor(language);
  if (button.item.kind !== 'question' || button.choice === null) return replyPrivately(interaction, text.review.invalidButton);
  const { questionId } = button.item;
  // Only the member's own review question, asked here (a crafted id naming another question is refused).
  const refusal = await context.quiz.checkAnswerPlace(questionId, {
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    messageId: interaction.message.id,
    userId: interaction.user.id,
  });
  if (refusal) return replyPrivately(interaction, refusal === 'not-your-practice' ? text.answer.notYourPractice : text.answer.notFromHere);

  // Store before acknowledging: if Discord times the click out, the answer (and its review) must still count.
  const result = await context.quiz.answerReview(questionId, key.userId, displayName, button.choice);
  switch (result.kind) {
    case 'recorded': {
      const { question } = result;
      const concept = context.kb.getConcept(question.conceptId);
      const document = concept ? context.kb.getDocument(concept.documentId) : undefined;
      const tally = countAnswer(button.tally, result.answer.correct);
      await interaction.update(
        buildReviewResult({ question, concept, document, session: { ...session, tally }, language, choice: result.answer.choice }),
      );
      return;
    }
    case 'already-answered':
      return replyPrivately(interaction, text.answer.practiceAlreadyAnswered(formatChoiceLetter(result.answer.choice)));
    case 'closed':
      return replyPrivately(interaction, text.answer.closed(formatChoice(result.question, result.question.answer)));
    case 'invalid-choice':
      return replyPrivately(interaction, text.review.invalidButton);
    case 'unknown-question':
      return replyPrivately(interaction, text.answer.unknown);
  }
}
