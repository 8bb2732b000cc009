import { describe, expect, it } from 'vitest';
import { createShortId } from '../../src/store/create-short-id.js';

describe('createShortId', () => {
  it('makes ids that fit a Discord custom id: letters and digits only, at most 20 characters, no repeats', () => {
    const ids = Array.from({ length: 5_000 }, () => createShortId());

    expect(ids.every((id) => /^[A-Za-z0-9]{16}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses every character of the alphabet', () => {
    const seen = new Set(Array.from({ length: 2_000 }, () => createShortId()).join(''));

    expect(seen.size).toBe(62);
  });
});
