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
  /** Concepts by each piece of a name key of 3+ letters that is 3+ letters and at most 3 shorter than the key. */
  byPiece: Map<string, string[]>;
}

function indexNameKeys(concepts: readonly Concept[], keysOf: (conceptId: string) => readonly string[]): NameKeyIndex {
  const index: NameKeyIndex = { byKey: new Map(), byPiece: new Map() };
  for (const concept of concepts) {
    for (const key of keysOf(concept.id)) {
      fileUnder(index.byKey, key, concept.id);
      if (key.length >= 3) for (const piece of piecesOf(key)) fileUnder(index.byPiece, piece, concept.id);
    }
  }
  return index;
}

/**
 * Near `key`: the same key; a key of 3+ letters holding it with at most 3 letters more (found by its pieces); or
 * a key of 3+ letters it holds with at most 3 letters more (one of its own pieces).
 */
function findNear(index: NameKeyIndex, conceptId: string, keys: readonly string[]): Set<string> {
  const near = new Set<string>();
  const add = (ids: readonly string[] | undefined) => {
    for (const id of ids ?? []) if (id !== conceptId) near.add(id);
  };
  for (const key of keys) {
    add(index.byKey.get(key));
    if (key.length < 3) continue;
    add(index.byPiece.get(key));
    for (const piece of piecesOf(key)) add(index.byKey.get(piece));
  }
  return near;
}

/** The substrings of `key` that are 3+ long and at most 3 shorter than it, the key itself included. */
function piecesOf(key: string): string[] {
  const pieces: string[] = [];
  for (let length = Math.max(3, key.length - 3); length <= key.length; length++) {
    for (let start = 0; start + length <= key.length; start++) pieces.push(key.slice(start, start + length));
  }
  return pieces;
}

function fileUnder(index: Map<string, string[]>, key: string, conceptId: string): void {
  const filed = index.get(key);
  if (!filed) index.set(key, [conceptId]);
  else if (filed.at(-1) !== conceptId) filed.push(conceptId);
}
