import type { Concept } from '../kb/types.js';

/** How a hit was found, strongest first. `subsection`: the query is a heading inside the concept (`### 요구 페이징`). */
export type MatchKind = 'exact' | 'alias' | 'subsection' | 'chosung' | 'prefix' | 'fuzzy' | 'body';

export interface SearchHit {
  concept: Concept;
  /** 0..1, 1 = an exact name. Comparable across one result list; stable enough to print. */
  score: number;
  matchKind: MatchKind;
  /** The name or alias that matched (for `body`, the concept's first name). */
  matchedName: string;
  /** False when this is only a guess (fuzzy or body match below the confidence bar): say so, offer choices. */
  confident: boolean;
}

export interface SearchOptions {
  /** Most hits to return (default 10). */
  limit?: number;
  /** Only concepts of this document id. */
  documentId?: string;
}

/** What `/explain` and `cli explain` do with a query. */
export type ExplainOutcome = { kind: 'found'; hit: SearchHit } | { kind: 'guess'; candidates: SearchHit[] } | { kind: 'none' };
