// What each layer of the search finds for one concept, before the best of them are ranked into hits.
import type { MatchKind } from './types.js';

export interface Candidate {
  conceptIndex: number;
  score: number;
  matchKind: MatchKind;
  matchedName: string;
  /** Fuzzy candidates: edits, and whether they were counted in jamo. */
  distance?: number;
  hangul?: boolean;
  /** Body candidates: how many concepts the words were found in. */
  bodyConcepts?: number;
  /** Chosung candidates: the query is all of the name's initials, not a prefix of them. */
  allInitials?: boolean;
  /** Prefix candidates: the query is a whole word of a longer name (`cluster`), not the start of one. */
  wholeWord?: boolean;
  /** Found for some words of a longer query, while other words meant something else or nothing. */
  partial?: boolean;
  /** A partial match whose other words are explained in other concepts' bodies, not in its own. */
  contested?: boolean;
}

/** Keeps each concept's best candidate: the higher score, on a tie the stronger kind. */
export function keepBest(found: Map<number, Candidate>, candidate: Candidate, weight = 1): void {
  const score = candidate.score * weight;
  const current = found.get(candidate.conceptIndex);
  if (!current || score > current.score || (score === current.score && kindRank(candidate.matchKind) < kindRank(current.matchKind))) {
    found.set(candidate.conceptIndex, weight === 1 ? candidate : { ...candidate, score });
  }
}

/** Bodies are searched only when no name equals or starts with the query (a typo guess does not count). */
export function hasNameMatch(found: ReadonlyMap<number, Candidate>): boolean {
  for (const candidate of found.values()) if (candidate.matchKind !== 'fuzzy') return true;
  return false;
}

export function countNameMatches(candidates: readonly Candidate[]): number {
  let count = 0;
  for (const candidate of candidates) if (candidate.matchKind !== 'body' && candidate.matchKind !== 'fuzzy') count++;
  return count;
}

const kindOrder: readonly MatchKind[] = ['exact', 'alias', 'subsection', 'chosung', 'prefix', 'fuzzy', 'body'];
export function kindRank(kind: MatchKind): number {
  return kindOrder.indexOf(kind);
}
