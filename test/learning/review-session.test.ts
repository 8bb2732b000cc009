import { describe, expect, it } from 'vitest';
import { createMemoryState, reviewConcept, type MemoryState } from '../../src/learning/memory-state.js';
import { chooseReviewCard, listSessionDue, summarizeReview, type ReviewScope } from '../../src/learning/review-session.js';
import type { FlashcardGrade, PracticeCard } from '../../src/quiz/flashcard-practice.js';

const day = 86_400_000;
const start = Date.UTC(2026, 10, 2, 9);

function reviewedOn(dayIndex: number, rating: 'good' | 'again' = 'good'): MemoryState {
  return reviewConcept(createMemoryState(start), rating, start + dayIndex * day).state;
}

function card(key: string): PracticeCard {
  return { key, question: `Q ${key}`, answer: `A ${key}`, conceptId: 'net/tcp', documentId: 'net', location: { file: 'net.md', line: 1 } };
}

function gradedAt(cardKey: string, dayIndex: number): FlashcardGrade {
  return { guildId: 'g', userId: 'u', conceptId: 'net/tcp', cardKey, grade: 'knew', gradedAt: new Date(start + dayIndex * day) };
}

describe('a review session’s order', () => {
  const scope: ReviewScope = {
    conceptIds: ['unseen', 'older', 'oldest', 'fresh'],
    memories: new Map([
      ['older', reviewedOn(10)],
      ['oldest', reviewedOn(0)],
      // Answered twice, so not a new concept met in the allowance's window, and not due yet.
      ['fresh', reviewConcept(reviewedOn(29), 'good', start + 30 * day).state],
    ]),
    reviewedInSession: new Set(['oldest']),
  };

  it('leaves out what the session reviewed already, even when it fell due again', () => {
    // The allowance's new concept first, then the overdue one (see listDueConcepts).
    expect(listSessionDue(scope, start + 31 * day).map((due) => due.conceptId)).toEqual(['unseen', 'older']);
  });

  it('sums up the tally with what is still due and the earliest next review among concepts seen', () => {
    const summary = summarizeReview({ reviewed: 1, right: 1 }, scope, start + 31 * day);

    expect(summary).toEqual({ reviewed: 1, right: 1, stillDue: 2, nextDueAt: Math.min(...[...scope.memories.values()].map((state) => state.dueAt)) });
  });

  it("of a concept's cards, one never graded comes first, else the one graded longest ago (none rests: FSRS said it is due)", () => {
    const cards = [card('a'), card('b'), card('c')];

    expect(chooseReviewCard(cards, [gradedAt('a', 1)])?.key).toBe('b');
    expect(chooseReviewCard(cards, [gradedAt('a', 3), gradedAt('b', 1), gradedAt('c', 2)])?.key).toBe('b');
    expect(chooseReviewCard([], [])).toBeNull();
  });
});
