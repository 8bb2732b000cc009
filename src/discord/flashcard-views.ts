// What a member sees of flashcard practice: the card's question with "Show answer", the answer with the
// self-grade buttons, and the stored grade with "Next card". Always ephemeral, always the member's own.
import { type APIActionRowComponent, type APIButtonComponent, type APIEmbed, ButtonStyle, ComponentType, escapeMarkdown } from 'discord.js';
import { type Language, messagesFor } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';
import type { NoteDocument } from '../kb/types.js';
import { flashcardRestMs, isCardKey, type PracticeCard, type SelfGrade } from '../quiz/flashcard-practice.js';
import { discordLimits } from './discord-limits.js';
import { truncateText } from './discord-text.js';
import { createMessageView, type MessageView } from './message-view.js';
import { quizButtonPrefix } from './quiz-views.js';

/** `quiz:card:<step>:<cardKey>:<scope>:<userId>`: everything a click needs, so the buttons work after a restart. */
export const flashcardAction = 'card';

export type FlashcardStep = 'show' | SelfGrade | 'next';
const flashcardSteps: readonly FlashcardStep[] = ['show', 'knew', 'didnt', 'next'];

/**
 * Where the next card comes from: `note` = the note of this card (the member named a note), `all` = what
 * `/quiz practice` without a note asks about (the channel's scheduled note, else every note).
 */
export type FlashcardScope = 'all' | 'note';
const flashcardScopes: readonly FlashcardScope[] = ['all', 'note'];

export interface FlashcardButton {
  step: FlashcardStep;
  cardKey: string;
  scope: FlashcardScope;
  /** The member the card was shown to: only they may click (the message is ephemeral, but ids can be crafted). */
  userId: string;
}

const flashcardColor = 0xeb459e;
const gradedColors: Record<SelfGrade, number> = { knew: 0x57f287, didnt: 0xfee75c };
const maxQuestionLength = 1500;
const maxAnswerLength = 900;

/** At most 10 + 1 + 4 + 1 + 5 + 1 + 16 + 1 + 4 + 1 + 20 = 64 characters: always within Discord's 100. */
export function createFlashcardCustomId({ step, cardKey, scope, userId }: FlashcardButton): string {
  return [quizButtonPrefix, flashcardAction, step, cardKey, scope, userId].join(':');
}

/** `args` of a flashcard button after the action; null for anything the bot cannot have made. */
export function parseFlashcardArgs(args: readonly string[]): FlashcardButton | null {
  const [step, cardKey, scope, userId, ...rest] = args;
  if (rest.length > 0 || step === undefined || cardKey === undefined || scope === undefined || userId === undefined) return null;
  if (!flashcardSteps.includes(step as FlashcardStep) || !isCardKey(cardKey) || !flashcardScopes.includes(scope as FlashcardScope)) return null;
  if (!/^\d{1,20}$/.test(userId)) return null;
  return { step: step as FlashcardStep, cardKey, scope: scope as FlashcardScope, userId };
}

export interface FlashcardViewInput {
  card: PracticeCard;
  document: NoteDocument | undefined;
  scope: FlashcardScope;
  userId: string;
  language: Language;
}

function button(
  input: FlashcardViewInput,
  step: FlashcardStep,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Success | ButtonStyle.Danger,
): APIButtonComponent {
  const customId = createFlashcardCustomId({ step, cardKey: input.card.key, scope: input.scope, userId: input.userId });
  return { type: ComponentType.Button, style, label: truncateText(label, discordLimits.buttonLabel), custom_id: customId };
}

function row(...buttons: APIButtonComponent[]): APIActionRowComponent<APIButtonComponent> {
  return { type: ComponentType.ActionRow, components: buttons };
}

/** Note text as inert Discord text: markdown escaped, cut to fit. */
function formatNoteText(text: string, max: number): string {
  return escapeMarkdown(truncateText(text.trim(), max));
}

function noteField(input: FlashcardViewInput, text: Messages) {
  const title = input.document?.title ?? input.card.documentId;
  return { name: text.post.noteLabel, value: escapeMarkdown(truncateText(title, 200)), inline: true };
}

/** The answer and where the card stands in the notes, so an author can find it. */
function answerField(input: FlashcardViewInput, text: Messages) {
  const file = input.card.location.file.replace(/`/g, 'ˋ');
  const source = text.reveal.source(`\`${truncateText(file, 200)}:${input.card.location.line}\``);
  return {
    name: text.flashcard.answerField,
    value: truncateText(`${formatNoteText(input.card.answer, maxAnswerLength)}\n\n${source}`, discordLimits.embedFieldValue),
  };
}

function cardEmbed(input: FlashcardViewInput, text: Messages, parts: Pick<APIEmbed, 'title' | 'color' | 'fields'>): APIEmbed {
  return {
    author: { name: `🃏 ${text.flashcard.title}` },
    description: formatNoteText(input.card.question, maxQuestionLength),
    footer: { text: text.flashcard.footer },
    ...parts,
  };
}

/** The question only, with "Show answer". */
export function buildFlashcardQuestion(input: FlashcardViewInput): MessageView {
  const text = messagesFor(input.language);
  const embed = cardEmbed(input, text, { color: flashcardColor, title: text.flashcard.lead, fields: [noteField(input, text)] });
  return createMessageView({ embeds: [embed], components: [row(button(input, 'show', text.flashcard.showAnswer, ButtonStyle.Primary))] });
}

/** The question and its answer, with "Knew it" / "Didn't". */
export function buildFlashcardAnswer(input: FlashcardViewInput): MessageView {
  const text = messagesFor(input.language);
  const embed = cardEmbed(input, text, {
    color: flashcardColor,
    title: text.flashcard.gradePrompt,
    fields: [noteField(input, text), answerField(input, text)],
  });
  const grades = row(
    button(input, 'knew', `✅ ${text.flashcard.knewIt}`, ButtonStyle.Success),
    button(input, 'didnt', `❌ ${text.flashcard.didnt}`, ButtonStyle.Danger),
  );
  return createMessageView({ embeds: [embed], components: [grades] });
}

/** The grade is stored: a short confirmation, the answer still shown, and "Next card". */
export function buildFlashcardGraded(input: FlashcardViewInput & { grade: SelfGrade }): MessageView {
  const text = messagesFor(input.language);
  const confirmation =
    input.grade === 'knew'
      ? text.flashcard.gradedKnew(Math.round(flashcardRestMs.knew / 86_400_000))
      : text.flashcard.gradedDidnt(Math.round(flashcardRestMs.didnt / 60_000));
  const embed = cardEmbed(input, text, {
    color: gradedColors[input.grade],
    title: confirmation,
    fields: [noteField(input, text), answerField(input, text)],
  });
  return createMessageView({ embeds: [embed], components: [row(button(input, 'next', `➡️ ${text.flashcard.next}`, ButtonStyle.Primary))] });
}
