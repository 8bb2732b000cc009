// When the top hit is an answer and when it is a guess to offer with others (`SearchHit.confident`).
import type { Candidate } from './candidate.js';
import type { SearchRanking } from './ranking.js';

/**
 * Exact names and aliases are certain, and so are all the initials of one name (`ㅋㅌㅇㄴ`) when no other
 * name has the same. A prefix is certain when no other concept matched a name at all. A typo is certain
 * when it is small (one edit in a Latin word, two jamo in a Hangul one) and clearly ahead of the next
 * concept; a body word when only one concept mentions it. A name found among other words of the query
 * is certain only when no other concept was named and the other words are not about another concept.
 */
export function isConfident(top: Candidate, runnerUp: Candidate | undefined, nameMatchCount: number, ranking: Readonly<SearchRanking>): boolean {
  if (top.partial) return !top.contested && top.matchKind !== 'fuzzy' && top.matchKind !== 'body' && nameMatchCount === 1;
  switch (top.matchKind) {
    case 'exact':
    case 'alias':
      return true;
    case 'subsection':
      return nameMatchCount === 1;
    case 'chosung':
      if (top.allInitials) return runnerUp === undefined || runnerUp.score < top.score;
      return nameMatchCount === 1;
    case 'prefix':
      return nameMatchCount === 1;
    case 'fuzzy': {
      const distance = top.distance ?? Infinity;
      const small = distance <= (top.hangul ? ranking.typo.confidentEdits.hangul : ranking.typo.confidentEdits.latin);
      return small && (runnerUp === undefined || runnerUp.score <= top.score - ranking.typo.confidenceMargin);
    }
    case 'body':
      return top.bodyConcepts === 1;
  }
}
