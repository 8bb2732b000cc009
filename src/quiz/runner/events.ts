import type { PostOutcome, PostRefusal } from './outcomes.js';
import type { RecordAnswerResult } from '../types.js';

/**
 * What the quiz tells an observer as it happens (the bot counts them for its metrics). The quiz does not know who
 * listens, and a listener changes nothing: each event is told after the fact, its outcome already stored.
 */
export type QuizEvent =
  /** A slot run or `/quiz-admin now` ended. */
  | { kind: 'post'; outcome: 'posted' | PostRefusal['reason'] }
  /** A click on a question's answer button. */
  | { kind: 'answer'; outcome: RecordAnswerResult['kind'] }
  /** An edit of a closed post into its result: shown, failed and tried again later, or failed for good. */
  | { kind: 'reveal'; outcome: 'shown' | 'retried' | 'given-up' };

export type QuizEventListener = (event: QuizEvent) => void;

/** Tell `listener`, if any; a listener's own failure must never fail the post, answer or reveal it hears about. */
export function tellQuizEvent(listener: QuizEventListener | undefined, event: QuizEvent): void {
  try {
    listener?.(event);
  } catch {
    // Deliberately ignored: the event already happened and is stored; losing one count is the lesser harm.
  }
}

/** A post's outcome, told and handed on (`.then(…)` in a chain). */
export function tellPost(listener: QuizEventListener | undefined, outcome: PostOutcome): PostOutcome {
  tellQuizEvent(listener, { kind: 'post', outcome: outcome.ok ? 'posted' : outcome.reason });
  return outcome;
}
