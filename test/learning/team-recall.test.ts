import { describe, expect, it } from 'vitest';
import { createMemoryState, recallProbability, reviewConcept, type MemoryState } from '../../src/learning/memory-state.js';
import { listActiveMembers, teamRecall } from '../../src/learning/team-recall.js';

const day = 86_400_000;
const start = Date.UTC(2026, 10, 2, 9);
const fresh = (at: number): MemoryState => reviewConcept(createMemoryState(at), 'good', at).state;

describe('the team’s recall of a concept', () => {
  it('active members are those who answered in the last 30 days', () => {
    const at = start + 40 * day;
    const last = new Map([
      ['today', at],
      ['a-month-ago', at - 30 * day],
      ['long-gone', at - 31 * day],
    ]);
    expect(listActiveMembers(last, at).sort()).toEqual(['a-month-ago', 'today']);
  });

  it('team recall is the mean over active members, never seen counting 0', () => {
    const at = start + 5 * day;
    const memories = new Map([
      ['ann', new Map([['dns', fresh(start)]])],
      ['bo', new Map<string, MemoryState>()],
    ]);
    const annRecall = recallProbability(memories.get('ann')!.get('dns'), at);
    expect(annRecall).toBeGreaterThan(0.5);
    expect(teamRecall('dns', ['ann', 'bo'], memories, at)).toBeCloseTo(annRecall / 2, 10);
    expect(teamRecall('dns', ['ann'], memories, at)).toBeCloseTo(annRecall, 10);
    expect(teamRecall('dns', [], memories, at)).toBe(0);
  });
});
