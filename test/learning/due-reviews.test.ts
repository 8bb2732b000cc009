import { describe, expect, it } from 'vitest';
import { listDueConcepts, nextDueAt } from '../../src/learning/due-reviews.js';
import { createMemoryState, reviewConcept, type MemoryState } from '../../src/learning/memory-state.js';

const day = 86_400_000;
const start = Date.UTC(2026, 10, 2, 9);

function reviewedOn(dayIndex: number, rating: 'good' | 'again' = 'good'): MemoryState {
  return reviewConcept(createMemoryState(start), rating, start + dayIndex * day).state;
}

describe('a member’s due concepts', () => {
  it('most overdue first, then never seen in scope order; not yet due ones are left out', () => {
    const memories = new Map([
      ['recent', reviewedOn(29)],
      ['older', reviewedOn(10)],
      ['oldest', reviewedOn(0)],
    ]);
    const at = start + 30 * day;
    const due = listDueConcepts(['unseen-b', 'recent', 'older', 'unseen-a', 'oldest'], memories, at);
    expect(due.map((item) => item.conceptId)).toEqual(['oldest', 'older', 'unseen-b', 'unseen-a']);
    expect(due[0]!.overdueMs).toBeGreaterThan(due[1]!.overdueMs);
    expect(due[2]).toEqual({ conceptId: 'unseen-b', dueAt: null, overdueMs: 0 });
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
