import type { ConceptIndex } from './concept-index.js';
import { normalizeText } from './normalize-text.js';
import type { ExplainOutcome } from './types.js';

const guessCount = 5;

/**
 * Answer only when the best hit is certain and no other concept is equally certain (the same name in two
 * notes); otherwise offer the best few to choose from rather than explain the wrong thing. A query too
 * short to search (`컨`, `ㅋ`) still offers the names that start with it, as autocomplete would.
 */
export function explainConcept(index: ConceptIndex, query: string): ExplainOutcome {
  const hits = index.search(query, { limit: guessCount });
  const [top, runnerUp] = hits;
  if (!top) {
    // An empty autocomplete query lists everything: that is no suggestion.
    const starting = normalizeText(query) === '' ? [] : index.autocomplete(query, guessCount);
    return starting.length > 0 ? { kind: 'guess', candidates: starting } : { kind: 'none' };
  }
  const tied = runnerUp !== undefined && runnerUp.confident && runnerUp.score === top.score;
  if (top.confident && !tied) return { kind: 'found', hit: top };
  return { kind: 'guess', candidates: hits };
}
