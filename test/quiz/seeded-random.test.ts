import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/quiz/seeded-random.js';

function firstNumbers(seed: number, count = 5): number[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => random.next());
}

describe('createRandom', () => {
  it('gives the same sequence for the same seed', () => {
    expect(firstNumbers(42)).toEqual(firstNumbers(42));
  });

  it('gives different sequences for neighbouring seeds', () => {
    const starts = new Set([0, 1, 2, 3, 4, 5].map((seed) => firstNumbers(seed, 1)[0]));
    expect(starts.size).toBe(6);
  });

  it('stays in [0, 1) and int(n) stays in [0, n) with every value reachable', () => {
    const random = createRandom(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const value = random.next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      const whole = random.int(6);
      expect(Number.isInteger(whole) && whole >= 0 && whole < 6).toBe(true);
      seen.add(whole);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('shuffles a copy: same items, input untouched, order depends on the seed', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const shuffled = createRandom(1).shuffle(items);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect([...shuffled].sort()).toEqual(items);
    const orders = new Set(Array.from({ length: 20 }, (_, seed) => createRandom(seed).shuffle(items).join('')));
    expect(orders.size).toBeGreaterThan(15);
  });

  it('puts each item first about equally often when shuffling', () => {
    const firsts = [0, 0, 0, 0];
    for (let seed = 0; seed < 4000; seed++) firsts[createRandom(seed).shuffle([0, 1, 2, 3])[0]!]!++;
    for (const count of firsts) expect(count).toBeGreaterThan(850);
  });

  it('picks one of the items, and refuses an empty list', () => {
    const random = createRandom(3);
    expect(['x', 'y']).toContain(random.pick(['x', 'y']));
    expect(() => random.pick([])).toThrow(RangeError);
    expect(() => random.int(0)).toThrow(RangeError);
  });
});
