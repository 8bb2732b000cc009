// Reproducible randomness: the same seed gives the same questions, so tests and `cli quiz sample --seed N`
// can be replayed. Math.random() never appears in the quiz domain.

export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number in [0, n). */
  int(n: number): number;
  /** A shuffled copy; the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /** One item; throws for an empty list (a caller bug, not a user mistake). */
  pick<T>(items: readonly T[]): T;
}

/**
 * mulberry32: tiny, fast and good enough for picking questions. The seed goes through a splitmix-style
 * scramble first so that neighbouring seeds (1, 2, 3 in tests) start far apart.
 */
export function createRandom(seed: number): Random {
  let state = scrambleSeed(seed);

  function next(): number {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  function int(n: number): number {
    if (!Number.isInteger(n) || n <= 0) throw new RangeError(`random.int needs a positive whole number, got ${n}`);
    return Math.floor(next() * n);
  }

  function shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }

  function pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('random.pick needs at least one item');
    return items[int(items.length)]!;
  }

  return { next, int, shuffle, pick };
}

function scrambleSeed(seed: number): number {
  // Seeds may be any number (a timestamp, a negative, a fraction): fold them into 32 bits first.
  let h = (Math.trunc(seed) ^ Math.trunc(seed / 4294967296)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
