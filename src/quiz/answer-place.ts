// Whether a click may answer a question: only from where the question lives. A custom id names the question,
// and anyone can craft one (`quiz:answer:<id of another server's question>:1`), so the id alone proves nothing.
import type { StoredQuestion } from './types.js';

/** Where a click came from, as the chat platform reports it. */
export interface AnswerPlace {
  guildId: string | null;
  channelId: string | null;
  /** The message the button is on. */
  messageId: string | null;
  userId: string;
}

/** Why a click may not answer: the question lives in another server, channel or post, or is someone else's practice. */
export type AnswerPlaceRefusal = 'other-guild' | 'other-channel' | 'other-message' | 'not-your-practice';

/**
 * Null when the click may answer `question`. A practice question is shown privately to one member, so only that
 * member may answer it (its message id is not kept). A post's message id is compared once it is known: before the
 * post returns there is nothing to compare, and the server and channel must match all the same.
 */
export function checkAnswerPlace(
  question: Pick<StoredQuestion, 'guildId' | 'channelId' | 'messageId' | 'practiceUserId'>,
  click: AnswerPlace,
): AnswerPlaceRefusal | null {
  if (click.guildId !== question.guildId) return 'other-guild';
  if (click.channelId !== question.channelId) return 'other-channel';
  if (question.practiceUserId !== null) return click.userId === question.practiceUserId ? null : 'not-your-practice';
  if (question.messageId !== null && click.messageId !== question.messageId) return 'other-message';
  return null;
}
