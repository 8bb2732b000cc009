import { describe, expect, it } from 'vitest';
import { createMemoryState, recallProbability, reviewConcept, type MemoryRating, type MemoryState } from '../../src/learning/memory-state.js';

const day = 86_400_000;
const start = Date.UTC(2026, 10, 2, 9);

function reviewAll(ratings: MemoryRating[], gapDays: number): MemoryState {
  let state = createMemoryState(start);
  ratings.forEach((rating, i) => {
    state = reviewConcept(state, rating, start + i * gapDays * day).state;
  });
  return state;
}

describe('a member’s memory of a concept', () => {
  it('a concept never seen is due at once and counts as forgotten', () => {
    const state = createMemoryState(start);
    expect(state.phase).toBe('new');
    expect(state.dueAt).toBeLessThanOrEqual(start);
    expect(recallProbability(state, start)).toBe(0);
    expect(recallProbability(undefined, start)).toBe(0);
  });

  it('a right answer schedules the next review days ahead, where recall has fallen to about 90%', () => {
    const { state, review } = reviewConcept(createMemoryState(start), 'good', start);
    expect(state.phase).toBe('review');
    expect(state.reps).toBe(1);
    expect(state.dueAt).toBeGreaterThanOrEqual(start + day);
    expect(review).toMatchObject({ rating: 'good', reviewedAt: start, phaseBefore: 'new', elapsedDays: 0 });
    expect(recallProbability(state, start)).toBeCloseTo(1, 5);
    expect(recallProbability(state, state.dueAt)).toBeGreaterThan(0.85);
    expect(recallProbability(state, state.dueAt)).toBeLessThan(0.95);
  });

  it('recall falls with time and never below zero', () => {
    const { state } = reviewConcept(createMemoryState(start), 'good', start);
    const values = [0, 1, 3, 10, 100, 1000].map((days) => recallProbability(state, start + days * day));
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeLessThan(values[i - 1]!);
    expect(values.at(-1)!).toBeGreaterThan(0);
  });

  it('better grades give longer intervals: again < hard < good < easy', () => {
    const intervals = (['again', 'hard', 'good', 'easy'] as const).map((rating) => reviewAll(['good', rating], 3).dueAt);
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]!).toBeGreaterThan(intervals[i - 1]!);
  });

  it('a lapse counts, cuts stability and brings the concept back within a day or so', () => {
    const before = reviewAll(['good', 'good'], 4);
    const after = reviewAll(['good', 'good', 'again'], 4);
    expect(after.lapses).toBe(1);
    expect(after.stability).toBeLessThan(before.stability);
    expect(after.scheduledDays).toBeLessThanOrEqual(2);
  });

  it('successive successes on time stretch the intervals', () => {
    let state = createMemoryState(start);
    let at = start;
    const scheduled: number[] = [];
    for (let i = 0; i < 4; i++) {
      state = reviewConcept(state, 'good', at).state;
      scheduled.push(state.scheduledDays);
      at = state.dueAt;
    }
    for (let i = 1; i < scheduled.length; i++) expect(scheduled[i]!).toBeGreaterThan(scheduled[i - 1]!);
  });

  it('the state is plain data: a JSON round trip schedules the same', () => {
    const state = reviewAll(['good', 'hard'], 2);
    const copy = JSON.parse(JSON.stringify(state)) as MemoryState;
    expect(copy).toEqual(state);
    const at = start + 9 * day;
    expect(reviewConcept(copy, 'good', at)).toEqual(reviewConcept(state, 'good', at));
  });

  it('reviewing leaves the given state alone', () => {
    const state = createMemoryState(start);
    const before = structuredClone(state);
    reviewConcept(state, 'easy', start);
    expect(state).toEqual(before);
  });

  it('a time that is not a number is a caller bug', () => {
    expect(() => reviewConcept(createMemoryState(start), 'good', Number.NaN)).toThrow(RangeError);
  });
});
