// What members see of the quiz: the channel post, the reveal, practice questions and the small formats they share
// (choice letters, tally bars, result times, member names). What `/quiz-admin` answers is in `quiz-admin-views.ts`.
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
  TimestampStyles,
  time,
  type TimestampStylesString,
} from 'discord.js';
import { type Language, messagesFor } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';
import type { Concept, NoteDocument } from '../kb/types.js';
import type { ClosedQuestion, StoredQuestion, Tally } from '../quiz/types.js';
import { formatConceptLabel } from '../search/format-concept-name.js';
import { discordLimits } from './discord-limits.js';
import { escapeDisplayName, truncateText } from './discord-text.js';
import { createMessageView, type MessageView } from './message-view.js';

// Custom ids carry everything a click needs, so the buttons of a post keep working after a restart.
export const quizButtonPrefix = 'quiz';
export const answerAction = 'answer';
export const explainAction = 'explain';

const choiceLetters = ['A', 'B', 'C', 'D'] as const;
/** Quiz posts and the admin's schedule list share the quiz's colour. */
export const quizPostColor = 0x5865f2;
const revealColor = 0x57f287;
const practiceColor = 0xfee75c;
const tallyBarWidth = 10;
/** Buttons show their option only when every option is this short; longer ones would make the row unreadable. */
const labelledButtonMaxOption = 60;
// Budget: prompt + four options + tally lines + fields stay under the 6000 characters of one message's embeds.
const maxPromptLength = 1500;
const maxOptionLength = 200;
const maxExplanationLength = 700;

export function formatChoiceLetter(choice: number): string {
  return choiceLetters[choice] ?? '?';
}

/** `C. 커널 (Kernel)` — the option as text inside a message, markdown in it made inert. */
export function formatChoice(question: Pick<StoredQuestion, 'options'>, choice: number): string {
  const option = question.options[choice];
  return option === undefined
    ? formatChoiceLetter(choice)
    : `${formatChoiceLetter(choice)}. ${escapeMarkdown(truncateText(option, maxOptionLength))}`;
}

export function createAnswerCustomId(questionId: string, choice: number): string {
  return `${quizButtonPrefix}:${answerAction}:${questionId}:${choice}`;
}

/** `quiz:explain:<conceptId>`, or null when the concept id is too long for a custom id. */
export function createQuizExplainCustomId(conceptId: string): string | null {
  const customId = `${quizButtonPrefix}:${explainAction}:${conceptId}`;
  return customId.length <= discordLimits.customId ? customId : null;
}

/**
 * `args` of an answer button without the action: `[questionId, choice]`; null for an id the bot cannot have made.
 * Whether the choice is an option of the question is the quiz's to say (it knows the question).
 */
export function parseAnswerArgs(args: readonly string[]): { questionId: string; choice: number } | null {
  const [questionId, choiceText, ...rest] = args;
  if (rest.length > 0 || !questionId || !/^[A-Za-z0-9_-]{1,40}$/.test(questionId) || !choiceText || !/^\d{1,2}$/.test(choiceText)) return null;
  return { questionId, choice: Number(choiceText) };
}

export function formatDiscordTime(date: Date, style: TimestampStylesString): string {
  return time(Math.floor(date.getTime() / 1000), style);
}

/** Beyond this, "09:00" alone could be any day: the date is shown too. */
const timeOnlyWithinMs = 18 * 60 * 60_000;

/**
 * When a result comes, as seen from `from`: `09:00 (in 2 hours)` the same day, `Mon 30 Nov 09:00 (in 3 days)`
 * beyond. Discord renders both in each reader's own time zone and language.
 */
export function formatResultTime(at: Date, from: Date): string {
  const style = at.getTime() - from.getTime() <= timeOnlyWithinMs ? TimestampStyles.ShortTime : TimestampStyles.ShortDateTime;
  return `${formatDiscordTime(at, style)} (${formatDiscordTime(at, TimestampStyles.RelativeTime)})`;
}

/** Whole percent of `count` in `total` (0 when nobody answered). */
export function computePercent(count: number, total: number): number {
  return total > 0 ? Math.round((count / total) * 100) : 0;
}

/** `████░░░░░░`: the share of `count` in `total`, always `width` characters so bars line up. */
export function formatTallyBar(count: number, total: number, width = tallyBarWidth): string {
  const filled = total > 0 ? Math.min(width, Math.max(0, Math.round((count / total) * width))) : 0;
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** A member's name as plain text that neither formats, links nor pings: see `escapeDisplayName`. */
export function formatMemberName(name: string): string {
  return escapeDisplayName(name);
}

/** Names separated by commas while they fit; the rest counted as "and N more". */
export function joinMemberNames(names: readonly string[], max: number, andMore: (count: number) => string): string {
  const formatted = names.map(formatMemberName);
  for (let shown = formatted.length; shown > 0; shown -= 1) {
    const rest = formatted.length - shown;
    const text = formatted.slice(0, shown).join(', ') + (rest > 0 ? ` ${andMore(rest)}` : '');
    if (text.length <= max) return text;
  }
  return truncateText(andMore(formatted.length), max);
}

function leadFor(question: StoredQuestion, text: Messages): string {
  if (question.kind === 'authored') return text.post.authoredLead;
  return question.kind === 'cloze' ? text.post.clozeLead : text.post.whichConceptLead;
}

function describeOptions(question: StoredQuestion): string {
  return question.options
    .map((option, index) => `**${formatChoiceLetter(index)}.** ${escapeMarkdown(truncateText(option, maxOptionLength))}`)
    .join('\n');
}

function buttonLabels(question: StoredQuestion): string[] {
  const flat = question.options.map((option) => option.replace(/\s+/g, ' ').trim());
  const labelled = flat.every((option) => option.length > 0 && option.length <= labelledButtonMaxOption);
  return flat.map((option, index) =>
    labelled ? truncateText(`${formatChoiceLetter(index)}. ${option}`, discordLimits.buttonLabel) : formatChoiceLetter(index),
  );
}

function createAnswerRow(
  question: StoredQuestion,
  styleOf: (choice: number) => ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger,
  disabled: boolean,
): APIActionRowComponent<APIButtonComponent> {
  const labels = buttonLabels(question);
  return {
    type: ComponentType.ActionRow,
    components: labels.slice(0, discordLimits.buttonsPerRow).map((label, choice) => ({
      type: ComponentType.Button,
      style: styleOf(choice),
      label: choice === question.answer && disabled ? truncateText(`✅ ${label}`, discordLimits.buttonLabel) : label,
      custom_id: createAnswerCustomId(question.id, choice),
      disabled,
    })),
  };
}

function createOpenConceptRow(conceptId: string, concept: Concept | undefined, text: Messages): APIActionRowComponent<APIButtonComponent>[] {
  const customId = createQuizExplainCustomId(conceptId);
  if (!customId || !concept) return [];
  const label = truncateText(`📖 ${text.reveal.openConcept}: ${formatConceptLabel(concept)}`, discordLimits.buttonLabel);
  return [{ type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, label, custom_id: customId }] }];
}

function formatPrompt(question: StoredQuestion): string {
  return truncateText(question.prompt.trim(), maxPromptLength);
}

function noteTitle(document: NoteDocument | undefined, question: StoredQuestion): string {
  return escapeMarkdown(truncateText(document?.title ?? question.conceptId.split('/')[0] ?? question.conceptId, 200));
}

/** A short explanation from the note: its first statements, and where they come from. */
function explainFromNote(concept: Concept | undefined, document: NoteDocument | undefined, text: Messages): APIEmbedField[] {
  if (!concept) return [];
  const statements = concept.statements.length > 0 ? concept.statements.slice(0, 2) : [concept.plainText];
  const explanation = truncateText(statements.map((statement) => `• ${escapeMarkdown(statement.trim())}`).join('\n'), maxExplanationLength);
  const file = (document?.file ?? concept.location.file).replace(/`/g, 'ˋ');
  const place = `${document ? `*${escapeMarkdown(truncateText(document.title, 120))}* › ` : ''}${escapeMarkdown(formatConceptLabel(concept))} · \`${file}:${concept.location.line}\``;
  return [{ name: text.reveal.explanationField, value: truncateText(`${explanation}\n${text.reveal.source(place)}`, discordLimits.embedFieldValue) }];
}

export interface QuestionViewInput {
  question: StoredQuestion;
  concept: Concept | undefined;
  document: NoteDocument | undefined;
  language: Language;
}

/** The channel post: question, options, note, when the result comes, and buttons A–D. */
export function buildQuestionPost({ question, document, language }: QuestionViewInput): MessageView {
  const text = messagesFor(language);
  const embed: APIEmbed = {
    color: quizPostColor,
    author: { name: `📝 ${text.post.title}` },
    title: leadFor(question, text),
    description: `${formatPrompt(question)}\n\n${describeOptions(question)}`,
    fields: [
      { name: text.post.noteLabel, value: noteTitle(document, question), inline: true },
      { name: text.post.closesField, value: formatResultTime(question.closesAt, question.createdAt), inline: true },
    ],
    footer: { text: text.post.firstClickCounts },
  };
  return createMessageView({ embeds: [embed], components: [createAnswerRow(question, () => ButtonStyle.Secondary, false)] });
}

function describeTally(question: StoredQuestion, tally: Tally, text: Messages): string {
  return question.options
    .map((option, choice) => {
      const count = tally.counts[choice] ?? 0;
      const mark = choice === question.answer ? '✅' : '▫️';
      const line = `${mark} **${formatChoiceLetter(choice)}.** ${escapeMarkdown(truncateText(option, maxOptionLength))}`;
      return `${line}\n\`${formatTallyBar(count, tally.participants)}\` ${text.reveal.headcount(count)} · ${computePercent(count, tally.participants)}%`;
    })
    .join('\n');
}

export interface RevealViewInput {
  closed: ClosedQuestion;
  concept: Concept | undefined;
  document: NoteDocument | undefined;
  language: Language;
}

/** The post after closing: answer marked, tally per option, explanation with source, who was right (no pings). */
export function buildRevealPost({ closed, concept, document, language }: RevealViewInput): MessageView {
  const text = messagesFor(language);
  const { question, tally } = closed;
  const correctNames = tally.correct.map((member) => member.userName);
  const fields: APIEmbedField[] = [
    { name: text.reveal.answerField, value: formatChoice(question, question.answer), inline: true },
    { name: text.reveal.participantsField, value: text.reveal.headcount(tally.participants), inline: true },
    {
      name: text.reveal.correctField(correctNames.length),
      value:
        tally.participants === 0
          ? text.reveal.noAnswers
          : correctNames.length === 0
            ? text.reveal.nobodyRight
            : joinMemberNames(correctNames, discordLimits.embedFieldValue, (count) => text.reveal.andMore(count)),
    },
    ...explainFromNote(concept, document, text),
  ];
  const embed: APIEmbed = {
    color: revealColor,
    author: { name: document ? `📝 ${text.reveal.title} · ${truncateText(document.title, 150)}` : `📝 ${text.reveal.title}` },
    title: leadFor(question, text),
    description: `${formatPrompt(question)}\n\n${describeTally(question, tally, text)}`,
    fields,
    footer: { text: text.reveal.closedFooter },
    timestamp: (question.closedAt ?? question.closesAt).toISOString(),
  };
  const answerRow = createAnswerRow(question, (choice) => (choice === question.answer ? ButtonStyle.Success : ButtonStyle.Secondary), true);
  return createMessageView({ embeds: [embed], components: [answerRow, ...createOpenConceptRow(question.conceptId, concept, text)] });
}

/** A practice question, shown only to the member who asked for it; the same answer buttons as a post. */
export function buildPracticeQuestion({ question, document, language }: QuestionViewInput): MessageView {
  const text = messagesFor(language);
  const embed: APIEmbed = {
    color: practiceColor,
    author: { name: `🏋️ ${text.post.practiceTitle}` },
    title: leadFor(question, text),
    description: `${formatPrompt(question)}\n\n${describeOptions(question)}`,
    fields: [{ name: text.post.noteLabel, value: noteTitle(document, question), inline: true }],
    footer: { text: text.post.practiceFooter },
  };
  return createMessageView({ embeds: [embed], components: [createAnswerRow(question, () => ButtonStyle.Secondary, false)] });
}

export interface PracticeResultInput extends QuestionViewInput {
  choice: number;
}

/** The practice question answered: right or wrong at once, with the explanation; buttons disabled. */
export function buildPracticeResult({ question, concept, document, language, choice }: PracticeResultInput): MessageView {
  const text = messagesFor(language);
  const right = choice === question.answer;
  const verdict = right ? text.answer.practiceRight : text.answer.practiceWrong(formatChoiceLetter(question.answer));
  const marked = question.options
    .map((option, index) => {
      const mark = index === question.answer ? '✅' : index === choice ? '❌' : '▫️';
      return `${mark} **${formatChoiceLetter(index)}.** ${escapeMarkdown(truncateText(option, maxOptionLength))}`;
    })
    .join('\n');
  const embed: APIEmbed = {
    color: right ? revealColor : 0xed4245,
    author: { name: `🏋️ ${text.post.practiceTitle}` },
    title: verdict,
    description: `${formatPrompt(question)}\n\n${marked}`,
    fields: explainFromNote(concept, document, text),
    footer: { text: text.post.practiceFooter },
  };
  const answerRow = createAnswerRow(
    question,
    (index) => (index === question.answer ? ButtonStyle.Success : index === choice ? ButtonStyle.Danger : ButtonStyle.Secondary),
    true,
  );
  return createMessageView({ embeds: [embed], components: [answerRow, ...createOpenConceptRow(question.conceptId, concept, text)] });
}
