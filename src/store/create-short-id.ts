import { randomBytes } from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// 248 = 4 × 62: bytes at or above it are dropped so every character is equally likely.
const unbiasedLimit = 248;

/**
 * A random id of `[A-Za-z0-9]` that fits into Discord custom ids. 16 characters ≈ 95 bits: collisions are
 * not a practical concern, and the id does not reveal how many questions exist.
 */
export function createShortId(length = 16): string {
  let id = '';
  while (id.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= unbiasedLimit) continue;
      id += alphabet[byte % alphabet.length];
      if (id.length === length) break;
    }
  }
  return id;
}
