import type { ConceptIndex } from './concept-index.js';
import type { ExplainOutcome } from './types.js';

const guessCount = 5;

/**
 * Answer only when the best hit is certain and no other concept is equally certain (the same name in two
 * notes); otherwise offer the best few to choose from rather than explain the wrong thing.
 */
export function explainConcept(index: ConceptIndex, query: string): ExplainOutcome {
  const hits = index.search(query, { limit: guessCount });
  const [top, runnerUp] = hits;
  if (!top) return { kind: 'none' };
  const tied = runnerUp !== undefined && runnerUp.confident && runnerUp.score === top.score;
  if (top.confident && !tied) return { kind: 'found', hit: top };
  return { kind: 'guess', candidates: hits };
}
