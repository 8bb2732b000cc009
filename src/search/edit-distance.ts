// Optimal string alignment distance (Levenshtein plus adjacent transposition: `dokcer` → `docker` is one
// edit), bounded: only the diagonal band that can stay within `max` is computed, and a row that is all
// over the bound ends the work. Runs over jamo strings for Hangul.

const beyond = 1 << 20;
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);
let beforePreviousRow = new Int32Array(64);

/** The distance when it is ≤ `max`, otherwise `max + 1`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (a === b) return 0;
  if (previousRow.length < m + 2) {
    previousRow = new Int32Array((m + 2) * 2);
    currentRow = new Int32Array((m + 2) * 2);
    beforePreviousRow = new Int32Array((m + 2) * 2);
  }
  for (let j = 0; j <= m + 1; j++) previousRow[j] = j <= max ? j : beyond;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    currentRow[from - 1] = from === 1 ? i : beyond;
    const ai = a.charCodeAt(i - 1);
    let rowMinimum = from === 1 ? i : beyond;
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = previousRow[j - 1]! + (ai === bj ? 0 : 1);
      const deletion = previousRow[j]! + 1;
      if (deletion < value) value = deletion;
      const insertion = currentRow[j - 1]! + 1;
      if (insertion < value) value = insertion;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const transposition = beforePreviousRow[j - 2]! + 1;
        if (transposition < value) value = transposition;
      }
      currentRow[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (to < m) currentRow[to + 1] = beyond;
    if (rowMinimum > max) return max + 1;
    const recycled = beforePreviousRow;
    beforePreviousRow = previousRow;
    previousRow = currentRow;
    currentRow = recycled;
  }
  const distance = previousRow[m]!;
  return distance > max ? max + 1 : distance;
}

/**
 * Which of 32 buckets of characters a string uses. One edit changes at most two buckets, so strings
 * whose masks differ in more than 2·max bits cannot be within `max` edits: a filter costing one XOR.
 */
export function characterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= 1 << (text.charCodeAt(i) & 31);
  return mask;
}

export function countBits(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
