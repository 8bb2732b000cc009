// A `/quiz review` session: which due concept a member is asked next, which of a concept's cards, and what the
// session adds up to. The session keeps no table: it is its start time (what was reviewed since is done) and the
// tally the buttons carry. Knows nothing of Discord.
import type { FlashcardGrade, PracticeCard } from '../quiz/flashcard-practice.js';
import { listDueConcepts, nextDueAt, type DueConcept } from './due-reviews.js';
import type { MemoryState } from './memory-state.js';

/** What a session has done so far. */
export interface ReviewTally {
  reviewed: number;
  right: number;
}

export interface ReviewScope {
  /** The concepts the session may ask, in note order (see `listDueConcepts`). */
  conceptIds: readonly string[];
  memories: ReadonlyMap<string, MemoryState>;
  /** Concepts reviewed since the session started: asked once per session, even when a wrong answer makes them due again soon. */
  reviewedInSession: ReadonlySet<string>;
}

export interface ReviewSummary extends ReviewTally {
  /** Concepts of the scope still due now (the member stopped early), never-seen ones included. */
  stillDue: number;
  /** When the next review of a concept already seen falls due; null when the member has seen none of the scope. */
  nextDueAt: number | null;
}

/** The concepts the session still has to ask, in the order it asks them (see `listDueConcepts`). */
export function listSessionDue(scope: ReviewScope, at: number): DueConcept[] {
  return listDueConcepts(scope.conceptIds, scope.memories, at).filter((due) => !scope.reviewedInSession.has(due.conceptId));
}

/**
 * Which of a concept's cards a review shows: one the member never graded (in note order), else the one graded
 * longest ago. FSRS already decided the concept is due, so unlike practice no card is resting.
 */
export function chooseReviewCard(cards: readonly PracticeCard[], latestGrades: readonly FlashcardGrade[]): PracticeCard | null {
  const gradedAt = new Map(latestGrades.map((grade) => [grade.cardKey, grade.gradedAt.getTime()]));
  const ungraded = cards.find((card) => !gradedAt.has(card.key));
  if (ungraded) return ungraded;
  let oldest: PracticeCard | null = null;
  for (const card of cards) if (oldest === null || gradedAt.get(card.key)! < gradedAt.get(oldest.key)!) oldest = card;
  return oldest;
}

/** The session's end (or a start with nothing due): the tally, what is still due, and when the next review comes. */
export function summarizeReview(tally: ReviewTally, scope: ReviewScope, at: number): ReviewSummary {
  return { ...tally, stillDue: listSessionDue(scope, at).length, nextDueAt: nextDueAt(scope.conceptIds, scope.memories) };
}
