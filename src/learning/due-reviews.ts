// Which concepts a member should review now, in the order a review session asks them.
import { isDue, type MemoryState } from './memory-state.js';

export interface DueConcept {
  conceptId: string;
  /** Null for a concept the member was never asked. */
  dueAt: number | null;
  /** How long past due, in ms (0 for never seen). */
  overdueMs: number;
}

/**
 * The due concepts of `scope` for one member: those whose review time has come, most overdue first, then the
 * ones never seen, in scope order. Reviewing what is slipping away matters more than meeting something new, and
 * a long review backlog should not hide behind an endless stream of new concepts. Concepts of `memories` outside
 * the scope (a note removed, a note filter) are left out.
 */
export function listDueConcepts(scope: readonly string[], memories: ReadonlyMap<string, MemoryState>, at: number): DueConcept[] {
  const overdue: DueConcept[] = [];
  const unseen: DueConcept[] = [];
  for (const conceptId of new Set(scope)) {
    const state = memories.get(conceptId);
    if (!state || state.phase === 'new') unseen.push({ conceptId, dueAt: null, overdueMs: 0 });
    else if (isDue(state, at)) overdue.push({ conceptId, dueAt: state.dueAt, overdueMs: at - state.dueAt });
  }
  // Ties (reviewed together, same schedule) keep scope order, so a session is stable from one call to the next.
  overdue.sort((a, b) => b.overdueMs - a.overdueMs);
  return [...overdue, ...unseen];
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
