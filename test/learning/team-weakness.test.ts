import { describe, expect, it } from 'vitest';
import { createMemoryState, recallProbability, reviewConcept, type MemoryState } from '../../src/learning/memory-state.js';
import { chooseWeakestConcept, listActiveMembers, teamRecall } from '../../src/learning/team-weakness.js';

const day = 86_400_000;
const start = Date.UTC(2026, 10, 2, 9);
const fresh = (at: number): MemoryState => reviewConcept(createMemoryState(at), 'good', at).state;

describe('the team’s weakest concept', () => {
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

  it('the daily question goes to the concept the active members most likely forgot', () => {
    const at = start + 20 * day;
    const memories = new Map([
      [
        'ann',
        new Map([
          ['dns', fresh(start + 19 * day)],
          ['vpn', fresh(start)],
          ['tcp', fresh(start + 10 * day)],
        ]),
      ],
      [
        'bo',
        new Map([
          ['dns', fresh(start + 19 * day)],
          ['vpn', fresh(start)],
          ['tcp', fresh(start + 10 * day)],
        ]),
      ],
    ]);
    const input = { scope: ['dns', 'vpn', 'tcp'], askedThisRound: new Set<string>(), lastAsked: null, activeMembers: ['ann', 'bo'], memories, at };
    expect(chooseWeakestConcept(input)).toBe('vpn');
    // A lurker who never answered does not drag a concept down: only active members count.
    expect(chooseWeakestConcept({ ...input, askedThisRound: new Set(['vpn']) })).toBe('tcp');
  });

  it('keeps the round: no repeat before every concept was asked, and none back to back across rounds', () => {
    const memories = new Map<string, Map<string, MemoryState>>();
    const base = { scope: ['a', 'b', 'c'], activeMembers: ['ann'], memories, at: start };
    expect(chooseWeakestConcept({ ...base, askedThisRound: new Set(['a']), lastAsked: 'a' })).toBe('b');
    expect(chooseWeakestConcept({ ...base, askedThisRound: new Set(['a', 'b', 'c']), lastAsked: 'a' })).toBe('b');
    expect(chooseWeakestConcept({ ...base, scope: ['a'], askedThisRound: new Set(['a']), lastAsked: 'a' })).toBe('a');
    expect(chooseWeakestConcept({ ...base, scope: [], askedThisRound: new Set(), lastAsked: null })).toBeNull();
  });
});
