// Which concepts go by nearly the same name (`isOwnKey`: the same key, or one inside the other with at most three
// letters more). Offered options must not be one thing twice, so each concept's neighbours are checked against
// each other; the relation is worked out once per concept from an index of every name key, not per pair.
import type { Concept } from '../../kb/types.js';

/** The concepts (ids) with a name key near one of the concept's own, itself left out. */
export type NearConceptsOf = (conceptId: string) => ReadonlySet<string>;

export function createNearConcepts(concepts: readonly Concept[], keysOf: (conceptId: string) => readonly string[]): NearConceptsOf {
  let index: NameKeyIndex | undefined;
  const near = new Map<string, ReadonlySet<string>>();
  return (conceptId) => {
    let found = near.get(conceptId);
    if (!found) {
      index ??= indexNameKeys(concepts, keysOf);
      near.set(conceptId, (found = findNear(index, conceptId, keysOf(conceptId))));
    }
    return found;
  };
}

interface NameKeyIndex {
  /** Concepts by each of their name keys. */
  byKey: Map<string, string[]>;
  /**
   * The other keys near each key that has any: its pieces that are keys too, and the keys it is a piece of.
   * Worked out by looking each key's pieces up among the keys, never by filing every piece: at 10,000 concepts
   * that was half a million map entries, nearly all of them pieces no key is.
   */
  nearKeys: Map<string, string[]>;
}

function indexNameKeys(concepts: readonly Concept[], keysOf: (conceptId: string) => readonly string[]): NameKeyIndex {
  const index: NameKeyIndex = { byKey: new Map(), nearKeys: new Map() };
  for (const concept of concepts) for (const key of keysOf(concept.id)) fileUnder(index.byKey, key, concept.id);
  // A piece can only be a key if its first two characters open some key: most pieces are turned away by that
  // number before they are cut out of their key (10,000 concepts' keys have a few hundred openings).
  const openings = new Set<number>();
  for (const key of index.byKey.keys()) if (key.length >= 3) openings.add(pairAt(key, 0));
  for (const key of index.byKey.keys()) {
    if (key.length < 3) continue;
    // The pieces of `key`: its substrings 3+ long and at most 3 shorter than it, the key itself included.
    for (let length = Math.max(3, key.length - 3); length <= key.length; length++) {
      for (let start = 0; start + length <= key.length; start++) {
        if (!openings.has(pairAt(key, start))) continue;
        const piece = key.slice(start, start + length);
        if (piece === key || !index.byKey.has(piece)) continue;
        fileUnder(index.nearKeys, key, piece);
        fileUnder(index.nearKeys, piece, key);
      }
    }
  }
  return index;
}

/**
 * The two characters at `index` (both there) as one 32-bit integer: a small integer to V8, where the sum
 * `first * 0x10000 + second` of two Hangul syllables is a boxed number, slower to hash and made anew per lookup.
 */
function pairAt(text: string, index: number): number {
  return (text.charCodeAt(index) << 16) | text.charCodeAt(index + 1);
}

/**
 * Near `key`: the same key; a key of 3+ letters holding it with at most 3 letters more; or a key of 3+ letters
 * it holds with at most 3 letters more.
 */
function findNear(index: NameKeyIndex, conceptId: string, keys: readonly string[]): Set<string> {
  const near = new Set<string>();
  const add = (ids: readonly string[] | undefined) => {
    for (const id of ids ?? []) if (id !== conceptId) near.add(id);
  };
  for (const key of keys) {
    add(index.byKey.get(key));
    for (const nearKey of index.nearKeys.get(key) ?? []) add(index.byKey.get(nearKey));
  }
  return near;
}

function fileUnder(index: Map<string, string[]>, key: string, value: string): void {
  const filed = index.get(key);
  if (!filed) index.set(key, [value]);
  else if (filed.at(-1) !== value) filed.push(value);
}
