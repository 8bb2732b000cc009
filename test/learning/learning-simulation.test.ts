// The bench's learning simulation is not a test of recall numbers (those are measured, not asserted), but it must
// be a fair race: reproducible, the same study budget for every policy, and never reading the true memory.
import { describe, expect, it } from 'vitest';
import { learningSimulation, policyNames, simulateTeam } from '../bench/learning-bench.js';

const concepts = Array.from({ length: 12 }, (_, i) => `concept-${i}`);
const small = { ...learningSimulation, members: 6, days: 20, seeds: [1] };

describe('the learning simulation', () => {
  it('the same seed gives the same team and the same result', () => {
    for (const name of policyNames) expect(simulateTeam(concepts, name, 3, small)).toEqual(simulateTeam(concepts, name, 3, small));
  });

  it('no policy studies more than the channel question plus the review budget', () => {
    for (const name of policyNames) {
      const run = simulateTeam(concepts, name, 2, small);
      expect(run.answersPerMemberDay).toBeGreaterThan(0);
      expect(run.answersPerMemberDay).toBeLessThanOrEqual(1 + small.reviewsPerDay);
    }
  });

  it('recall is a probability for every member and concept, and the weakest decile is no better than the mean', () => {
    for (const name of policyNames) {
      const run = simulateTeam(concepts, name, 5, small);
      expect(run.recalls).toHaveLength(small.members);
      for (const p of run.recalls.flat()) {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
      expect(run.weakestDecileRecall).toBeLessThanOrEqual(run.meanRecall);
    }
  });

  it('confidence taps change what FSRS is told, not what the members answer', () => {
    const tapping = { ...small, confidenceShare: 1 };
    // Round-robin ignores the taps: the same answers give the same memories.
    expect(simulateTeam(concepts, 'round-robin', 6, tapping)).toEqual(simulateTeam(concepts, 'round-robin', 6, small));
    expect(simulateTeam(concepts, 'fsrs', 6, tapping).recalls).not.toEqual(simulateTeam(concepts, 'fsrs', 6, small).recalls);
  });

  it('free slots spent on practice give the fsrs policy the same study time as round-robin, and no more', () => {
    const slowForgetting = { ...small, firstHalfLifeDays: 8 };
    const roundRobin = simulateTeam(concepts, 'round-robin', 7, slowForgetting);
    const stops = simulateTeam(concepts, 'fsrs', 7, slowForgetting);
    const practises = simulateTeam(concepts, 'fsrs', 7, slowForgetting, { freeSlots: 'practice' });
    expect(stops.answersPerMemberDay).toBeLessThan(roundRobin.answersPerMemberDay);
    expect(practises.answersPerMemberDay).toBe(roundRobin.answersPerMemberDay);
  });

  it('studying helps: a team that reviews every day remembers more than one that never reviews', () => {
    const never = simulateTeam(concepts, 'round-robin', 4, { ...small, reviewsPerDay: 0 });
    const daily = simulateTeam(concepts, 'round-robin', 4, { ...small, reviewDayShare: [1, 1] });
    expect(daily.meanRecall).toBeGreaterThan(never.meanRecall);
  });
});
