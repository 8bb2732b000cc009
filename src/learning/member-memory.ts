// Every answer a member gives updates their memory of its concept: the one door from an answer (channel,
// practice, flashcard, review session) to FSRS and the store.
import type { FlashcardGrade } from '../quiz/flashcard-practice.js';
import type { RecordedAnswer, StoredQuestion } from '../quiz/types.js';
import type { QuizStore } from '../quiz/quiz-store.js';
import { ratingForAnswer, ratingForSelfGrade, type AnswerConfidence } from './answer-rating.js';
import { createMemoryState, reviewConcept, type MemoryRating, type MemoryState } from './memory-state.js';
import type { NewReview, ReviewLog } from './review-log.js';

/**
 * Review the member's memory of the concept and store the new state with its log entry. A review timed before
 * the member's latest one (two processes whose clocks disagree by a moment) is counted at the latest time, so
 * FSRS never sees time run backwards.
 */
export function reviewMemory(store: QuizStore, review: NewReview): Promise<ReviewLog> {
  return store.recordReview(review, nextStateAfter(review.rating, review.reviewedAt));
}

function nextStateAfter(rating: MemoryRating, reviewedAt: Date): (before: MemoryState | null) => MemoryState {
  return (before) => {
    const at = Math.max(reviewedAt.getTime(), before?.lastReviewAt ?? -Infinity);
    return reviewConcept(before ?? createMemoryState(at), rating, at).state;
  };
}

/**
 * A first answer to a channel or practice question: wrong → Again, right → Good (answer-rating.ts). A review
 * session's question is a practice question the session names as its own (`source: 'review'`).
 */
export function reviewAnswer(store: QuizStore, question: StoredQuestion, answer: RecordedAnswer, source?: 'review'): Promise<ReviewLog> {
  return reviewMemory(store, {
    guildId: question.guildId,
    userId: answer.userId,
    conceptId: question.conceptId,
    source: source ?? (question.practiceUserId === null ? 'channel' : 'practice'),
    rating: ratingForAnswer({ correct: answer.correct }),
    questionId: question.id,
    reviewedAt: answer.answeredAt,
  });
}

/** A flashcard self-grade: knew → Good, didn't → Again; in a review session the review is the session's. */
export function reviewSelfGrade(store: QuizStore, grade: FlashcardGrade, source: 'flashcard' | 'review' = 'flashcard'): Promise<ReviewLog> {
  return reviewMemory(store, {
    guildId: grade.guildId,
    userId: grade.userId,
    conceptId: grade.conceptId,
    source,
    rating: ratingForSelfGrade(grade.grade),
    questionId: null,
    reviewedAt: grade.gradedAt,
  });
}

export type ConfidenceOutcome =
  | { ok: true; review: ReviewLog; answer: RecordedAnswer }
  /**
   * `closed`: the result is out, and confidence given after seeing it says nothing about recall. `not-answered`:
   * the member has no answer (or one from before memories were kept) to this question. `reviewed-since`: a later
   * review of the concept already built on this one.
   */
  | { ok: false; reason: 'closed' | 'not-answered' | 'reviewed-since' };

/**
 * The member says how sure they were of their answer: the answer's review is re-rated as if given with it (a
 * guessed right answer is Again, answer-rating.ts), from the state before it. Saying it again replaces the word.
 */
export async function rateConfidence(
  store: QuizStore,
  question: StoredQuestion,
  userId: string,
  confidence: AnswerConfidence,
  now: Date,
): Promise<ConfidenceOutcome> {
  if (question.status === 'closed' || now.getTime() >= question.closesAt.getTime()) return { ok: false, reason: 'closed' };
  const answer = await store.getAnswer(question.id, userId);
  const review = answer ? await store.getAnswerReview(question.id, userId) : null;
  if (!answer || !review) return { ok: false, reason: 'not-answered' };
  const rating = ratingForAnswer({ correct: answer.correct, confidence });
  const revised = await store.reviseReview(review.id, { rating, confidence, revisedAt: now }, nextStateAfter(rating, review.reviewedAt));
  return revised ? { ok: true, review: revised, answer } : { ok: false, reason: 'reviewed-since' };
}
