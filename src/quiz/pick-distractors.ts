// Wrong answers that are worth considering: from the same note first, and for terms, of the same kind.
import type { Concept } from '../kb/types.js';
import { termLikeness, type Term } from './question-material.js';
import type { Random } from './seeded-random.js';

/** `count` other concepts, same note first (in random order), then other notes of the domain. */
export function pickConceptDistractors(answer: Concept, candidates: readonly Concept[], count: number, random: Random): Concept[] {
  const sameNote = candidates.filter((concept) => concept.documentId === answer.documentId);
  const otherNotes = candidates.filter((concept) => concept.documentId !== answer.documentId);
  return [...random.shuffle(sameNote), ...random.shuffle(otherNotes)].slice(0, count);
}

/**
 * `count` other terms that look like the answer: same note, same script (Hangul, Latin, both), same final
 * sound and similar length score higher; a little noise keeps the same sentence from always getting the same
 * company.
 */
export function pickTermDistractors(answer: Term, candidates: readonly Term[], count: number, random: Random): Term[] {
  return candidates
    .map((term) => ({ term, score: termLikeness(answer, term) + random.next() * 1.5 }))
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map(({ term }) => term);
}
