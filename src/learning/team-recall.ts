// The team's memory of a concept: how likely the channel's active members are to recall it. The daily question
// asks first the concept with the lowest (src/quiz/choose-concept.ts): the one the team most likely forgot.
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
 * it counting 0. With no active member it is 0: nobody is known to remember anything.
 */
export function teamRecall(conceptId: string, activeMembers: readonly string[], memories: TeamMemories, at: number): number {
  if (activeMembers.length === 0) return 0;
  let sum = 0;
  for (const memberId of activeMembers) sum += recallProbability(memories.get(memberId)?.get(conceptId), at);
  return sum / activeMembers.length;
}
