// A member's memory as the store keeps it: the current state of each concept and the log of every review.
import type { AnswerConfidence } from './answer-rating.js';
import type { MemoryRating, MemoryState } from './memory-state.js';

/** What asked the member: the channel's question, a practice question, a flashcard, or a review session. */
export type ReviewSource = 'channel' | 'practice' | 'flashcard' | 'review';

export const reviewSources: readonly ReviewSource[] = ['channel', 'practice', 'flashcard', 'review'];

export interface MemoryKey {
  guildId: string;
  userId: string;
  conceptId: string;
}

/** One member's memory of one concept, as stored. */
export interface StoredMemory extends MemoryKey {
  state: MemoryState;
  updatedAt: Date;
}

export interface NewReview extends MemoryKey {
  source: ReviewSource;
  rating: MemoryRating;
  /** The stored question answered (channel and practice), or null (flashcards, sessions without one). */
  questionId: string | null;
  reviewedAt: Date;
}

/** One review as logged, with the memory before (null: the first) and after. */
export interface ReviewLog extends NewReview {
  id: number;
  /** The member's own confidence, once they gave it (the rating then counts it); null before. */
  confidence: AnswerConfidence | null;
  stateBefore: MemoryState | null;
  stateAfter: MemoryState;
}

/** A review re-rated after the fact: the member said how sure they were. */
export interface ReviewRevision {
  rating: MemoryRating;
  confidence: AnswerConfidence;
  revisedAt: Date;
}

/** One answer of a member in a period (a question's answer or a flashcard self-grade), for the team report. */
export interface AnswerActivity {
  userId: string;
  conceptId: string;
  correct: boolean;
  answeredAt: Date;
}
