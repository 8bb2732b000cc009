// After a channel answer, the private "answer recorded" asks how sure the member was: sure / unsure / guessed.
// The click re-rates the answer's review (src/learning/member-memory.ts: rateConfidence).
import { ButtonStyle, ComponentType, type APIButtonComponent } from 'discord.js';
import { type Language, messagesFor } from '../i18n/locale.js';
import { answerConfidences, type AnswerConfidence } from '../learning/answer-rating.js';
import { arrangeButtons, createMessageView, type MessageView } from './message-view.js';
import { quizButtonPrefix } from './quiz-views.js';

/** `quiz:confidence:<questionId>:<sure|unsure|guessed>`: the clicker is the member, so nothing else is needed after a restart. */
export const confidenceAction = 'confidence';

export function createConfidenceCustomId(questionId: string, confidence: AnswerConfidence): string {
  return [quizButtonPrefix, confidenceAction, questionId, confidence].join(':');
}

/** `args` of a confidence button after the action; null for anything the bot cannot have made. */
export function parseConfidenceArgs(args: readonly string[]): { questionId: string; confidence: AnswerConfidence } | null {
  const [questionId, confidence, ...rest] = args;
  if (rest.length > 0 || !questionId || !/^[A-Za-z0-9_-]{1,40}$/.test(questionId)) return null;
  if (!answerConfidences.includes(confidence as AnswerConfidence)) return null;
  return { questionId, confidence: confidence as AnswerConfidence };
}

const buttonStyles: Readonly<Record<AnswerConfidence, ButtonStyle.Success | ButtonStyle.Primary | ButtonStyle.Secondary>> = {
  sure: ButtonStyle.Success,
  unsure: ButtonStyle.Primary,
  guessed: ButtonStyle.Secondary,
};

/** "Answer recorded" with the three confidence buttons under it. */
export function buildAnswerRecorded(recorded: string, questionId: string, language: Language): MessageView {
  const text = messagesFor(language).learning;
  const buttons: APIButtonComponent[] = answerConfidences.map((confidence) => ({
    type: ComponentType.Button,
    style: buttonStyles[confidence],
    label: text.confidenceLabels[confidence],
    custom_id: createConfidenceCustomId(questionId, confidence),
  }));
  return createMessageView({ content: `${recorded}\n${text.confidenceQuestion}`, components: arrangeButtons(buttons) });
}

/** The same private message once the member answered how sure they were: buttons gone, their word shown. */
export function buildConfidenceNoted(letter: string, confidence: AnswerConfidence, language: Language): MessageView {
  const text = messagesFor(language).learning;
  return createMessageView({ content: text.confidenceNoted(letter, text.confidenceLabels[confidence]) });
}
