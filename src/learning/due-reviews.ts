// Which concepts a member should review now, in the order a review session asks them.
import { isDue, type MemoryState } from './memory-state.js';

/**
 * How many never-seen concepts a member meets (the channel question and reviews together) and in how many days,
 * like Anki's "new cards per day". Without an allowance a member who keeps a backlog of due reviews (a few answers a
 * day is the usual pace) never meets, through review, a concept the channel question happened to miss: in the
 * learning bench one member×concept pair in twenty was still never met after 60 days. Too generous an allowance
 * costs the other way: each new concept brings follow-up reviews, taken from the consolidation of concepts already
 * met. The learning bench (test/bench/learning-bench.ts) measured one new concept in 1, 2, 3 and 4 days over sets
 * of 30 simulated teams: one in 2 days gave more mean recall than one a day in every world it measured (the same
 * where study time is ample), left almost no pair unmet (0.1% at most), and met the targets on five sets in
 * the bench's main world; longer windows gained a little more mean there but left more pairs unmet elsewhere. A
 * member who answers the channel question on most days meets its concepts there anyway.
 */
export const newConceptAllowance = { concepts: 1, windowDays: 2 } as const;

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
 * 1. a new concept: one never seen, in scope order, unless the member already met `newConceptAllowance` new
 *    concepts in its window (anywhere: `memories` are all of the member's, not just the scope's);
 * 2. the concepts whose review time has come, most overdue first: the concept left alone longest is asked
 *    before one that slipped a day, so no concept is abandoned behind a backlog (ordering by FSRS's recall
 *    instead trusts a model a lucky guess among four options inflates; see test/bench/learning-bench.ts);
 * 3. the other never-seen concepts, in scope order: still due, so a member who clears the backlog meets them.
 * The new concept comes first rather than mixed further down: the session asks the head of this list again
 * after every answer, so a place behind the due concepts would keep moving back until the backlog was gone.
 * Concepts of `memories` outside the scope (a note removed, a note filter) are left out.
 * `windowDays` (the allowance's window) is there for the learning bench, which measures other windows against the
 * product's.
 */
export function listDueConcepts(
  scope: readonly string[],
  memories: ReadonlyMap<string, MemoryState>,
  at: number,
  windowDays: number = newConceptAllowance.windowDays,
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
  const newNow = Math.max(0, newConceptAllowance.concepts - countMetInWindow(memories, at, windowDays * dayMs));
  return [...unseen.slice(0, newNow), ...overdue, ...unseen.slice(newNow)];
}

/**
 * Concepts the member met for the first time in the window before `at`: reviewed once, that once in the window. A
 * concept met and answered again within the window is missed by this count, which at worst lets one more new
 * concept in.
 */
function countMetInWindow(memories: ReadonlyMap<string, MemoryState>, at: number, windowMs: number): number {
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
