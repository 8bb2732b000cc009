import { describe, expect, it } from 'vitest';
import { createMemoryState, reviewConcept, type MemoryState } from '../../src/learning/memory-state.js';
import { chooseConcept } from '../../src/quiz/choose-concept.js';
import { createRandom } from '../../src/quiz/seeded-random.js';
import type { ConceptPerformance } from '../../src/quiz/types.js';

const now = new Date('2026-11-27T00:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

function row(conceptId: string, answers: number, correctAnswers: number, lastAskedDaysAgo: number): ConceptPerformance {
  return { conceptId, asked: Math.max(1, Math.ceil(answers / 3)), answers, correctAnswers, lastAskedAt: daysAgo(lastAskedDaysAgo) };
}

/** How often each concept is chosen over many seeds. */
function tallyChoices(scope: string[], performance: ConceptPerformance[], seeds = 1000, askedThisRound = new Set<string>()): Record<string, number> {
  const tally: Record<string, number> = Object.fromEntries(scope.map((id) => [id, 0]));
  for (let seed = 0; seed < seeds; seed++) {
    const chosen = chooseConcept({ scope, performance, askedThisRound, random: createRandom(seed), now });
    tally[chosen!]!++;
  }
  return tally;
}

describe('chooseConcept', () => {
  it('has nothing to choose from an empty scope', () => {
    expect(chooseConcept({ scope: [], performance: [], askedThisRound: new Set(), random: createRandom(1), now })).toBeNull();
  });

  it('asks every concept once before any concept repeats', () => {
    const scope = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    for (let seed = 0; seed < 20; seed++) {
      const random = createRandom(seed);
      const asked = new Set<string>();
      const order: string[] = [];
      for (let i = 0; i < scope.length; i++) {
        const chosen = chooseConcept({ scope, performance: [row('a', 10, 0, 30)], askedThisRound: asked, random, now })!;
        order.push(chosen);
        asked.add(chosen);
      }
      expect([...order].sort()).toEqual(scope);
    }
  });

  it('starts a new round with everything except the question asked last', () => {
    const scope = ['a', 'b', 'c'];
    const performance = [row('a', 4, 2, 3), row('b', 4, 2, 1), row('c', 4, 2, 0.01)];
    const tally = tallyChoices(scope, performance, 300, new Set(scope));
    expect(tally.c).toBe(0);
    expect(tally.a).toBeGreaterThan(0);
    expect(tally.b).toBeGreaterThan(0);
  });

  it('is the same for the same seed and varies between seeds', () => {
    const scope = ['a', 'b', 'c', 'd', 'e'];
    const input = (seed: number) => ({ scope, performance: [], askedThisRound: new Set<string>(), random: createRandom(seed), now });
    expect(chooseConcept(input(5))).toBe(chooseConcept(input(5)));
    expect(new Set(Array.from({ length: 30 }, (_, seed) => chooseConcept(input(seed)))).size).toBe(5);
  });

  it('prefers the concept the team answers worst, without starving the one it knows', () => {
    const tally = tallyChoices(['weak', 'strong'], [row('weak', 10, 1, 20), row('strong', 10, 10, 20)]);
    expect(tally.weak).toBeGreaterThan(3 * tally.strong!);
    expect(tally.strong).toBeGreaterThan(0);
  });

  it('prefers the concept asked longest ago when the team answers both equally well', () => {
    const tally = tallyChoices(['old', 'recent'], [row('old', 10, 5, 30), row('recent', 10, 5, 1)]);
    expect(tally.old).toBeGreaterThan(2 * tally.recent!);
  });

  it('counts a never-asked concept as worst and most due', () => {
    const tally = tallyChoices(['new', 'half'], [row('half', 10, 5, 30)]);
    expect(tally.new).toBeGreaterThan(tally.half!);
  });

  it('ignores rows of concepts outside the scope and duplicate scope entries', () => {
    const tally = tallyChoices(['a', 'b', 'a'], [row('gone', 10, 0, 30)], 200);
    expect(Object.keys(tally).sort()).toEqual(['a', 'b']);
    expect(tally.a! + tally.b!).toBe(200);
  });

  describe('with the team’s memories', () => {
    /** A member's memory of a concept they answered right `days` before `now` (a Good review: no confidence given). */
    const answeredRight = (days: number): MemoryState => {
      const at = now.getTime() - days * 86_400_000;
      return reviewConcept(createMemoryState(at), 'good', at).state;
    };
    const memories = new Map([
      [
        'ann',
        new Map([
          ['dns', answeredRight(1)],
          ['vpn', answeredRight(25)],
          ['tcp', answeredRight(8)],
        ]),
      ],
      [
        'bo',
        new Map([
          ['dns', answeredRight(2)],
          ['vpn', answeredRight(25)],
          ['tcp', answeredRight(8)],
        ]),
      ],
      // A lurker who answered long ago and knows only vpn: not active, so not counted.
      ['cy', new Map([['vpn', answeredRight(0.5)]])],
    ]);
    const scope = ['vpn', 'tcp', 'dns'];
    const choose = (askedThisRound: Set<string>, seed: number, activeMembers = ['ann', 'bo']) =>
      chooseConcept({ scope, performance: [], askedThisRound, random: createRandom(seed), now, team: { activeMembers, memories } });

    it('asks first the concept the active members most likely forgot, within the round', () => {
      for (let seed = 0; seed < 20; seed++) {
        expect(choose(new Set(), seed)).toBe('vpn');
        expect(choose(new Set(['vpn']), seed)).toBe('tcp');
        expect(choose(new Set(['vpn', 'tcp']), seed)).toBe('dns');
      }
    });

    it('counts only the active members: a lurker who knows one concept well does not push it back', () => {
      // For cy alone, vpn is the one concept known; tcp and dns (never seen) are equally forgotten.
      for (let seed = 0; seed < 20; seed++) expect(choose(new Set(), seed, ['cy'])).not.toBe('vpn');
      // Were cy counted with ann and bo, her fresh vpn would lift it above tcp; as she is not, vpn goes first.
      for (let seed = 0; seed < 20; seed++) expect(choose(new Set(), seed, ['ann', 'bo', 'cy'])).toBe('tcp');
      for (let seed = 0; seed < 20; seed++) expect(choose(new Set(), seed)).toBe('vpn');
    });

    it('with nobody active, chooses as without a team', () => {
      const without = chooseConcept({ scope, performance: [], askedThisRound: new Set(), random: createRandom(3), now });
      expect(choose(new Set(), 3, [])).toBe(without);
    });
  });
});
