// Which wrong terms look most like the answer, so a cloze's options cannot be told apart by their look.
import type { Term } from '../key-terms.js';

/**
 * The first `limit` terms of which no two mean the same thing (`커널` and `Kernel`): `overlaps` against every
 * kept term, with the shared part keys and named concepts looked up in sets rather than compared pair by pair.
 */
export function uniqueTerms(terms: readonly Term[], limit: number): Term[] {
  const kept: Term[] = [];
  const keptPartKeys = new Set<string>();
  const keptConcepts = new Set<string>();
  for (const term of terms) {
    if (kept.length >= limit) break;
    if (term.namedConceptId !== null && keptConcepts.has(term.namedConceptId)) continue;
    if (term.partKeys.some((key) => keptPartKeys.has(key))) continue;
    if (kept.some((other) => other.key.includes(term.key) || term.key.includes(other.key))) continue;
    kept.push(term);
    for (const key of term.partKeys) keptPartKeys.add(key);
    if (term.namedConceptId !== null) keptConcepts.add(term.namedConceptId);
  }
  return kept;
}

/** How much a wrong term looks like the answer: same note, same script, same final sound, similar length. */
export function termLikeness(answer: Term, other: Term): number {
  const sameNote = other.documentId === answer.documentId ? 3 : 0;
  const sameScript = other.script === answer.script ? 2 : 0;
  const sameSound = other.finalSound === answer.finalSound ? 1 : 0;
  const sameSource = other.source === answer.source ? 0.5 : 0;
  // `PCB` asks for company like `TLB`, `LRU`: acronyms beside acronyms.
  const sameShape = looksLikeAcronym(other) === looksLikeAcronym(answer) ? 1.5 : 0;
  return sameNote + sameScript + sameSound + sameSource + sameShape - 2 * lengthGap(answer.text, other.text);
}

/** Each term is ranked against many answers: its shape is read once. */
const acronyms = new WeakMap<Term, boolean>();
function looksLikeAcronym(term: Term): boolean {
  let acronym = acronyms.get(term);
  if (acronym === undefined) acronyms.set(term, (acronym = isAcronym(term.text)));
  return acronym;
}

function isAcronym(text: string): boolean {
  return /^[A-Z0-9]{2,6}(?:\s*[(（].*[)）])?$/u.test(text.trim());
}

export function lengthGap(a: string, b: string): number {
  return Math.abs(a.length - b.length) / Math.max(a.length, b.length, 1);
}

export function rankTerms(answer: Term, terms: readonly Term[]): Term[] {
  return terms
    .map((term, index) => ({ term, index, score: termLikeness(answer, term) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ term }) => term);
}
