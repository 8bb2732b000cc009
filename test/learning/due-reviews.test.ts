import { describe, expect, it } from 'vitest';
import { listDueConcepts, newConceptAllowance, nextDueAt } from '../../src/learning/due-reviews.js';
import { createMemoryState, reviewConcept, type MemoryState } from '../../src/learning/memory-state.js';

const hour = 3_600_000;
const day = 24 * hour;
const start = Date.UTC(2026, 10, 2, 9);

function reviewedOn(dayIndex: number, rating: 'good' | 'again' = 'good'): MemoryState {
  return reviewConcept(createMemoryState(start), rating, start + dayIndex * day).state;
}

describe('a member’s due concepts', () => {
  it('one never-seen concept first (none met in the last two days), then the most overdue, then the other never seen in scope order', () => {
    const memories = new Map([
      // Answered twice, so not met for the first time in the window, and not due yet.
      ['recent', reviewConcept(reviewedOn(28), 'good', start + 29 * day).state],
      ['older', reviewedOn(10)],
      ['oldest', reviewedOn(0)],
    ]);
    const at = start + 30 * day;
    const due = listDueConcepts(['unseen-b', 'recent', 'older', 'unseen-a', 'oldest'], memories, at);
    expect(newConceptAllowance).toEqual({ concepts: 1, windowDays: 2 });
    expect(due.map((item) => item.conceptId)).toEqual(['unseen-b', 'oldest', 'older', 'unseen-a']);
    expect(due[0]).toEqual({ conceptId: 'unseen-b', dueAt: null, overdueMs: 0 });
    expect(due[1]!.overdueMs).toBeGreaterThan(due[2]!.overdueMs);
  });

  it('a member who met a new concept in the last two days (here by the channel question) gets the overdue ones first', () => {
    const memories = new Map([
      ['oldest', reviewedOn(0)],
      ['met-this-morning', reviewConcept(createMemoryState(start), 'again', start + 30 * day - 10 * hour).state],
    ]);
    const scope = ['unseen', 'oldest', 'met-this-morning'];
    const due = listDueConcepts(scope, memories, start + 30 * day);
    // A day later the allowance is still used; two days after the meeting it is free again.
    const dayLater = listDueConcepts(scope, memories, start + 31 * day);
    const twoDaysLater = listDueConcepts(scope, memories, start + 32 * day);

    expect(due.map((item) => item.conceptId)).toEqual(['oldest', 'unseen']);
    expect(dayLater.map((item) => item.conceptId)).toEqual(['oldest', 'met-this-morning', 'unseen']);
    expect(twoDaysLater.map((item) => item.conceptId)).toEqual(['unseen', 'oldest', 'met-this-morning']);
  });

  it('another allowance window (the learning bench measures them against the product) moves when the next new concept comes', () => {
    const memories = new Map([
      ['oldest', reviewedOn(0)],
      ['met-a-day-and-a-half-ago', reviewConcept(createMemoryState(start), 'good', start + 28.5 * day).state],
    ]);
    const at = start + 30 * day;
    expect(listDueConcepts(['unseen', 'oldest'], memories, at)[0]!.conceptId).toBe('oldest');
    expect(listDueConcepts(['unseen', 'oldest'], memories, at, 1)[0]!.conceptId).toBe('unseen');
    expect(listDueConcepts(['unseen', 'oldest'], memories, at, 4)[0]!.conceptId).toBe('oldest');
  });

  it('a concept answered more than once is not new, however recent', () => {
    const twice = reviewConcept(reviewedOn(28, 'again'), 'good', start + 30 * day - hour).state;
    const memories = new Map([
      ['oldest', reviewedOn(0)],
      ['twice', twice],
    ]);
    expect(listDueConcepts(['oldest', 'unseen'], memories, start + 30 * day).map((item) => item.conceptId)).toEqual(['unseen', 'oldest']);
  });

  it('concepts outside the scope are not offered, and the scope may repeat an id', () => {
    const memories = new Map([['removed', reviewedOn(0)]]);
    expect(listDueConcepts(['a', 'a'], memories, start + 40 * day).map((item) => item.conceptId)).toEqual(['a']);
  });

  it('with nothing due, the next due time is the earliest among seen concepts', () => {
    const early = reviewedOn(0, 'again');
    const late = reviewedOn(0, 'good');
    const memories = new Map([
      ['late', late],
      ['early', early],
    ]);
    expect(listDueConcepts(['late', 'early'], memories, start)).toEqual([]);
    expect(nextDueAt(['late', 'early'], memories)).toBe(Math.min(early.dueAt, late.dueAt));
    expect(nextDueAt(['never'], memories)).toBeNull();
  });
});
