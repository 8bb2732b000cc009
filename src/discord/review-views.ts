// What a member sees of `/quiz review`: each question or card of the session (the practice and flashcard views,
// with the session's own buttons), "Next" / "Stop", and the summary. Always ephemeral, always the member's own.
// The session lives in its buttons: `quiz:review:<verb>:<userId>:<startedAt>:<reviewed>:<right>:<scope>:<item>[:<choice>]`
// carries everything a click needs, so a session goes on after a restart without a table of its own.
import { type APIActionRowComponent, type APIButtonComponent, type APIEmbed, ButtonStyle, ComponentType } from 'discord.js';
import { type Language, messagesFor } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';
import type { Concept, NoteDocument } from '../kb/types.js';
import type { ReviewSummary, ReviewTally } from '../learning/review-session.js';
import { isCardKey, type PracticeCard, type SelfGrade } from '../quiz/flashcard-practice.js';
import type { StoredQuestion } from '../quiz/types.js';
import { discordLimits } from './discord-limits.js';
import { truncateText } from './discord-text.js';
import { buildFlashcardAnswer, buildFlashcardQuestion, type FlashcardViewInput } from './flashcard-views.js';
import { createMessageView, type MessageView } from './message-view.js';
import { buildPracticeQuestion, buildPracticeResult, formatResultTime, quizButtonPrefix } from './quiz-views.js';

export const reviewAction = 'review';

export type ReviewVerb = 'answer' | 'show' | SelfGrade | 'next' | 'stop';
const reviewVerbs: readonly ReviewVerb[] = ['answer', 'show', 'knew', 'didnt', 'next', 'stop'];

/**
 * Where the session's concepts come from: `note` = the note of the button's question or card (the member named a
 * note), `all` = what `/quiz practice` without a note asks about (the channel's scheduled note, else every note).
 */
export type ReviewScopeKind = 'all' | 'note';
const reviewScopeKinds: readonly ReviewScopeKind[] = ['all', 'note'];

/** What the button is about: the stored question (`q<questionId>`) or the author's card (`c<cardKey>`) on screen. */
export type ReviewItem = { kind: 'question'; questionId: string } | { kind: 'card'; cardKey: string };

/** The session as its buttons carry it. */
export interface ReviewSession {
  /** Only they may click (the message is ephemeral, but ids can be crafted). */
  userId: string;
  /** Concepts reviewed since then are done for this session. */
  startedAt: Date;
  tally: ReviewTally;
  scope: ReviewScopeKind;
}

export interface ReviewButton extends ReviewSession {
  verb: ReviewVerb;
  item: ReviewItem;
  /** The option clicked (`answer` only). */
  choice: number | null;
}

/** Counts beyond this are kept at it: four digits keep the custom id within Discord's 100 characters. */
const maxTally = 9999;
const questionIdPattern = /^[A-Za-z0-9]{1,16}$/;
const reviewColor = 0x3ba55c;

/**
 * At most 4+1+6+1+6+1+20+1+9+1+4+1+4+1+4+1+17+1+1 = 84 characters (a start time in base 36 stays 9 digits
 * until the year 5188): always within Discord's 100.
 */
export function createReviewCustomId(button: ReviewButton): string {
  const item = button.item.kind === 'question' ? `q${button.item.questionId}` : `c${button.item.cardKey}`;
  const parts = [
    quizButtonPrefix,
    reviewAction,
    button.verb,
    button.userId,
    button.startedAt.getTime().toString(36),
    Math.min(button.tally.reviewed, maxTally),
    Math.min(button.tally.right, maxTally),
    button.scope,
    item,
  ];
  if (button.choice !== null) parts.push(button.choice);
  return parts.join(':');
}

function parseCount(text: string | undefined): number | null {
  return text !== undefined && /^\d{1,4}$/.test(text) ? Number(text) : null;
}

function parseItem(text: string | undefined): ReviewItem | null {
  if (text === undefined) return null;
  const id = text.slice(1);
  if (text.startsWith('q') && questionIdPattern.test(id)) return { kind: 'question', questionId: id };
  if (text.startsWith('c') && isCardKey(id)) return { kind: 'card', cardKey: id };
  return null;
}

/** `args` of a review button after the action; null for anything the bot cannot have made. */
export function parseReviewArgs(args: readonly string[]): ReviewButton | null {
  const [verb, userId, startedAt, reviewedText, rightText, scope, itemText, choiceText, ...rest] = args;
  if (rest.length > 0 || !reviewVerbs.includes(verb as ReviewVerb) || !reviewScopeKinds.includes(scope as ReviewScopeKind)) return null;
  if (userId === undefined || !/^\d{1,20}$/.test(userId) || startedAt === undefined || !/^[0-9a-z]{1,9}$/.test(startedAt)) return null;
  const reviewed = parseCount(reviewedText);
  const right = parseCount(rightText);
  const item = parseItem(itemText);
  if (reviewed === null || right === null || right > reviewed || !item) return null;
  const step = verb as ReviewVerb;
  // An answer names a question and its option; a card's steps name a card; Next and Stop name either.
  if (step === 'answer' ? item.kind !== 'question' || choiceText === undefined || !/^[0-3]$/.test(choiceText) : choiceText !== undefined) return null;
  if ((step === 'show' || step === 'knew' || step === 'didnt') && item.kind !== 'card') return null;
  const choice = step === 'answer' ? Number(choiceText) : null;
  return {
    verb: step,
    userId,
    startedAt: new Date(parseInt(startedAt, 36)),
    tally: { reviewed, right },
    scope: scope as ReviewScopeKind,
    item,
    choice,
  };
}

function reviewButton(
  session: ReviewSession,
  verb: ReviewVerb,
  item: ReviewItem,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger,
  choice: number | null = null,
): APIButtonComponent {
  const customId = createReviewCustomId({ ...session, verb, item, choice });
  return { type: ComponentType.Button, style, label: truncateText(label, discordLimits.buttonLabel), custom_id: customId };
}

function row(...buttons: APIButtonComponent[]): APIActionRowComponent<APIButtonComponent> {
  return { type: ComponentType.ActionRow, components: buttons };
}

function nextAndStop(session: ReviewSession, item: ReviewItem, text: Messages): APIActionRowComponent<APIButtonComponent> {
  return row(
    reviewButton(session, 'next', item, `➡️ ${text.review.next}`, ButtonStyle.Primary),
    reviewButton(session, 'stop', item, `⏹️ ${text.review.stop}`, ButtonStyle.Secondary),
  );
}

function stopOnly(session: ReviewSession, item: ReviewItem, text: Messages): APIActionRowComponent<APIButtonComponent> {
  return row(reviewButton(session, 'stop', item, `⏹️ ${text.review.stop}`, ButtonStyle.Secondary));
}

/** The practice or flashcard embed, titled and footed as the session's. */
function asReviewEmbed(embed: APIEmbed | undefined, session: ReviewSession, text: Messages): APIEmbed[] {
  if (!embed) return [];
  return [
    { ...embed, author: { name: `🔁 ${text.review.title}` }, footer: { text: text.review.progress(session.tally.reviewed, session.tally.right) } },
  ];
}

export interface ReviewQuestionInput {
  question: StoredQuestion;
  concept: Concept | undefined;
  document: NoteDocument | undefined;
  session: ReviewSession;
  language: Language;
}

/** A multiple-choice question of the session: the practice question, its options answering into the session. */
export function buildReviewQuestion({ question, concept, document, session, language }: ReviewQuestionInput): MessageView {
  const text = messagesFor(language);
  const practice = buildPracticeQuestion({ question, concept, document, language });
  const item: ReviewItem = { kind: 'question', questionId: question.id };
  // The practice view's labels (letters, or the options themselves when short), each sending its choice to the session.
  const answers = (practice.components[0]?.components ?? []).map((button, choice) =>
    reviewButton(session, 'answer', item, 'label' in button ? (button.label ?? '') : '', ButtonStyle.Secondary, choice),
  );
  return createMessageView({
    embeds: asReviewEmbed(practice.embeds[0], session, text),
    components: [row(...answers), stopOnly(session, item, text)],
  });
}

/** The question answered (`session` already counts it): right or wrong, the explanation, then "Next" / "Stop". */
export function buildReviewResult(input: ReviewQuestionInput & { choice: number }): MessageView {
  const text = messagesFor(input.language);
  const result = buildPracticeResult(input);
  const item: ReviewItem = { kind: 'question', questionId: input.question.id };
  return createMessageView({
    embeds: asReviewEmbed(result.embeds[0], input.session, text),
    components: [...result.components, nextAndStop(input.session, item, text)],
  });
}

export interface ReviewCardInput {
  card: PracticeCard;
  document: NoteDocument | undefined;
  session: ReviewSession;
  language: Language;
}

function flashcardInput({ card, document, session, language }: ReviewCardInput): FlashcardViewInput {
  return { card, document, scope: session.scope, userId: session.userId, language };
}

/** One of the author's cards: the question with "Show answer". */
export function buildReviewCard(input: ReviewCardInput): MessageView {
  const text = messagesFor(input.language);
  const item: ReviewItem = { kind: 'card', cardKey: input.card.key };
  const card = buildFlashcardQuestion(flashcardInput(input));
  return createMessageView({
    embeds: asReviewEmbed(card.embeds[0], input.session, text),
    components: [row(reviewButton(input.session, 'show', item, text.flashcard.showAnswer, ButtonStyle.Primary)), stopOnly(input.session, item, text)],
  });
}

/** The card's answer, with the self-grade: "Knew it" / "Didn't". */
export function buildReviewCardAnswer(input: ReviewCardInput): MessageView {
  const text = messagesFor(input.language);
  const item: ReviewItem = { kind: 'card', cardKey: input.card.key };
  const card = buildFlashcardAnswer(flashcardInput(input));
  const grades = row(
    reviewButton(input.session, 'knew', item, `✅ ${text.flashcard.knewIt}`, ButtonStyle.Success),
    reviewButton(input.session, 'didnt', item, `❌ ${text.flashcard.didnt}`, ButtonStyle.Danger),
  );
  return createMessageView({ embeds: asReviewEmbed(card.embeds[0], input.session, text), components: [grades, stopOnly(input.session, item, text)] });
}

/** The grade is stored (`session` already counts it): the answer still shown, then "Next" / "Stop". */
export function buildReviewCardGraded(input: ReviewCardInput & { grade: SelfGrade }): MessageView {
  const text = messagesFor(input.language);
  const item: ReviewItem = { kind: 'card', cardKey: input.card.key };
  const card = buildFlashcardAnswer(flashcardInput(input));
  const [embed] = asReviewEmbed(card.embeds[0], input.session, text);
  const graded: APIEmbed[] = embed
    ? [
        {
          ...embed,
          title: input.grade === 'knew' ? text.review.gradedKnew : text.review.gradedDidnt,
          color: input.grade === 'knew' ? 0x57f287 : 0xfee75c,
        },
      ]
    : [];
  return createMessageView({ embeds: graded, components: [nextAndStop(input.session, item, text)] });
}

/** When the next review comes, in words: more due now, a time, or nothing seen yet. */
function describeNextDue(summary: ReviewSummary, now: Date, text: Messages): string {
  if (summary.stillDue > 0) return text.review.stillDue(summary.stillDue);
  if (summary.nextDueAt === null) return text.review.nothingSeen;
  return text.review.nextDueAt(formatResultTime(new Date(Math.max(summary.nextDueAt, now.getTime())), now));
}

/** The session's end: reviewed, right, and when the next review is due. No buttons: the session is over. */
export function buildReviewSummary(summary: ReviewSummary, now: Date, language: Language): MessageView {
  const text = messagesFor(language);
  const embed: APIEmbed = {
    color: reviewColor,
    author: { name: `🔁 ${text.review.title}` },
    title: text.review.summaryTitle,
    fields: [
      { name: text.review.reviewedField, value: String(summary.reviewed), inline: true },
      { name: text.review.rightField, value: String(summary.right), inline: true },
      { name: text.review.nextDueField, value: describeNextDue(summary, now, text) },
    ],
  };
  return createMessageView({ embeds: [embed] });
}

/** `/quiz review` with nothing due: when the next review falls due, or (nothing seen yet) a pointer to practice. */
export function buildNothingDue(summary: ReviewSummary, now: Date, language: Language): MessageView {
  const text = messagesFor(language);
  const content =
    summary.nextDueAt === null
      ? text.review.nothingSeen
      : text.review.nothingDue(formatResultTime(new Date(Math.max(summary.nextDueAt, now.getTime())), now));
  return createMessageView({ content });
}
