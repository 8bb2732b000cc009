// Which concepts a member should review now, in the order a review session asks them.
import { isDue, type MemoryState } from './memory-state.js';

/**
 * How often a member meets a never-seen concept through review: one in any `newConceptWindowDays` days (a new
 * concept met by the channel question counts), like a slow setting of Anki's "new cards per day".
 * Why an allowance at all: a member who keeps a backlog of due reviews (a few answers a day is the usual pace)
 * would otherwise never meet, through review, a concept the channel question happened to miss (in the learning
 * bench one member×concept pair in twenty was still never met after 60 days).
 * Why not one a day: each new concept costs the reviews that follow it (FSRS brings it back the next day, then
 * days later), and at a few answers a day they come out of consolidating what the member already met. The
 * channel question already introduces a concept a day to whoever is there; this trickle is for what a member
 * missed. The learning bench measured windows of 1, 3, 4, 5 and 7 days (test/bench/learning-bench.ts): mean
 * recall at day 60 rises with the window, and so does the share of member×concept pairs still never met (0.4%
 * at four days, 1.2% at seven). Four days is a judgement between the two. The other never-seen concepts stay in
 * the list after the due ones, so a member who clears their backlog meets them at once.
 */
export const newConceptsPerWindow = 1;
export const newConceptWindowDays = 4;

const dayMs = 86_400_000;

export interface DueConcept {
  conceptId: string;
  /** Null for a concept the member was never asked. */
  dueAt: number | null;
  /** How long past due, in ms (0 for never seen). */
  overdueMs: number;
}

/**
 * The due concepts of `scope` for one member, in the order to ask them:
 * 1. a new concept: one never seen, in scope order, unless the member already met `newConceptsPerWindow`
 *    new concepts in the last `newConceptWindowDays` days (anywhere: `memories` are all of the member's, not
 *    just the scope's);
 * 2. the concepts whose review time has come, most overdue first: the concept left alone longest is asked
 *    before one that slipped a day, so no concept is abandoned behind a backlog (ordering by FSRS's recall
 *    instead trusts a model a lucky guess among four options inflates; see test/bench/learning-bench.ts);
 * 3. the other never-seen concepts, in scope order: still due, so a member who clears the backlog meets them.
 * The new concept comes first rather than mixed further down: the session asks the head of this list again
 * after every answer, so a place behind the due concepts would keep moving back until the backlog was gone.
 * Concepts of `memories` outside the scope (a note removed, a note filter) are left out. `windowDays` is there for
 * the learning bench, which measures other windows against the product's.
 */
export function listDueConcepts(
  scope: readonly string[],
  memories: ReadonlyMap<string, MemoryState>,
  at: number,
  windowDays: number = newConceptWindowDays,
): DueConcept[] {
  const overdue: DueConcept[] = [];
  const unseen: DueConcept[] = [];
  for (const conceptId of new Set(scope)) {
    const state = memories.get(conceptId);
    if (!state || state.phase === 'new') unseen.push({ conceptId, dueAt: null, overdueMs: 0 });
    else if (isDue(state, at)) overdue.push({ conceptId, dueAt: state.dueAt, overdueMs: at - state.dueAt });
  }
  // Ties (reviewed together, same schedule) keep scope order, so a session is stable from one call to the next.
  overdue.sort((a, b) => b.overdueMs - a.overdueMs);
  const newNow = Math.max(0, newConceptsPerWindow - countMetInWindow(memories, at, windowDays));
  return [...unseen.slice(0, newNow), ...overdue, ...unseen.slice(newNow)];
}

/**
 * Concepts the member met for the first time in the `newConceptWindowDays` days before `at`: reviewed once, that
 * once in the window. A concept met and answered again within the window is missed by this count, which at
 * worst lets one more new concept in.
 */
function countMetInWindow(memories: ReadonlyMap<string, MemoryState>, at: number, windowDays: number): number {
  const windowMs = windowDays * dayMs;
  let met = 0;
  for (const state of memories.values())
    if (state.reps === 1 && state.lastReviewAt !== null && state.lastReviewAt <= at && at - state.lastReviewAt < windowMs) met++;
  return met;
}

/** When the member's next review falls due among concepts already seen in `scope`, or null if none was seen. */
export function nextDueAt(scope: readonly string[], memories: ReadonlyMap<string, MemoryState>): number | null {
  let next: number | null = null;
  for (const conceptId of scope) {
    const state = memories.get(conceptId);
    if (!state || state.phase === 'new') continue;
    if (next === null || state.dueAt < next) next = state.dueAt;
  }
  return next;
}
