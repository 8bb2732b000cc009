// Every answer a member gives updates their memory of its concept: the one door from an answer (channel,
// practice, flashcard, review session) to FSRS and the store.
import type { FlashcardGrade } from '../quiz/flashcard-practice.js';
import type { RecordedAnswer, StoredQuestion } from '../quiz/types.js';
import type { QuizStore } from '../store/quiz-store.js';
import { ratingForAnswer, ratingForSelfGrade } from './answer-rating.js';
import { createMemoryState, reviewConcept } from './memory-state.js';
import type { NewReview, ReviewLog } from './review-log.js';

/**
 * Review the member's memory of the concept and store the new state with its log entry. A review timed before
 * the member's latest one (two processes whose clocks disagree by a moment) is counted at the latest time, so
 * FSRS never sees time run backwards.
 */
export function reviewMemory(store: QuizStore, review: NewReview): ReviewLog {
  return store.recordReview(review, (before) => {
    const at = Math.max(review.reviewedAt.getTime(), before?.lastReviewAt ?? -Infinity);
    return reviewConcept(before ?? createMemoryState(at), review.rating, at).state;
  });
}

/** A first answer to a channel or practice question: wrong → Again, right → Good (answer-rating.ts). */
export function reviewAnswer(store: QuizStore, question: StoredQuestion, answer: RecordedAnswer): ReviewLog {
  return reviewMemory(store, {
    guildId: question.guildId,
    userId: answer.userId,
    conceptId: question.conceptId,
    source: question.practiceUserId === null ? 'channel' : 'practice',
    rating: ratingForAnswer({ correct: answer.correct }),
    questionId: question.id,
    reviewedAt: answer.answeredAt,
  });
}

/** A flashcard self-grade: knew → Good, didn't → Again. */
export function reviewSelfGrade(store: QuizStore, grade: FlashcardGrade): ReviewLog {
  return reviewMemory(store, {
    guildId: grade.guildId,
    userId: grade.userId,
    conceptId: grade.conceptId,
    source: 'flashcard',
    rating: ratingForSelfGrade(grade.grade),
    questionId: null,
    reviewedAt: grade.gradedAt,
  });
}
