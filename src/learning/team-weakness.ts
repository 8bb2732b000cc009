// The team's memory of a concept: which one the channel has most likely forgotten, so the daily question can
// go there first.
import { recallProbability, type MemoryState } from './memory-state.js';

/** Members who answered within this window count for the team; someone who left or lurks does not. */
export const activeWindowDays = 30;

const dayMs = 86_400_000;

/** Member ids whose latest answer is within `activeWindowDays` before `at`. */
export function listActiveMembers(lastAnsweredAt: ReadonlyMap<string, number>, at: number): string[] {
  const since = at - activeWindowDays * dayMs;
  return [...lastAnsweredAt].filter(([, time]) => time >= since && time <= at).map(([memberId]) => memberId);
}

/** memberId → conceptId → state. */
export type TeamMemories = ReadonlyMap<string, ReadonlyMap<string, MemoryState>>;

/**
 * The team's recall of a concept: mean FSRS recall probability over the active members, a member who never saw
 * it counting 0. With no active member it is 0: nobody is known to remember anything. Lower = weaker.
 */
export function teamRecall(conceptId: string, activeMembers: readonly string[], memories: TeamMemories, at: number): number {
  if (activeMembers.length === 0) return 0;
  let sum = 0;
  for (const memberId of activeMembers) sum += recallProbability(memories.get(memberId)?.get(conceptId), at);
  return sum / activeMembers.length;
}

export interface ChooseWeakestInput {
  /** Concept ids the channel may be asked about, in a stable order (ties go to the earlier one). */
  scope: readonly string[];
  /** Concepts asked since the round began: none repeats before every concept in scope was asked. */
  askedThisRound: ReadonlySet<string>;
  /** The concept asked last: never asked twice in a row, even across a round boundary. */
  lastAsked: string | null;
  activeMembers: readonly string[];
  memories: TeamMemories;
  at: number;
}

/**
 * The concept the active members most likely forgot, within the channel's round rules (no repeat within a
 * round, none back to back); null for an empty scope.
 */
export function chooseWeakestConcept({ scope, askedThisRound, lastAsked, activeMembers, memories, at }: ChooseWeakestInput): string | null {
  const unique = [...new Set(scope)];
  if (unique.length === 0) return null;
  let candidates = unique.filter((id) => !askedThisRound.has(id));
  if (candidates.length === 0) candidates = unique.length > 1 ? unique.filter((id) => id !== lastAsked) : unique;
  let weakest = candidates[0]!;
  let weakestRecall = Infinity;
  for (const conceptId of candidates) {
    const recall = teamRecall(conceptId, activeMembers, memories, at);
    if (recall < weakestRecall) {
      weakest = conceptId;
      weakestRecall = recall;
    }
  }
  return weakest;
}
