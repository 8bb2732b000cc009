import type { KnowledgeBase } from '../kb/types.js';
import { chooseConcept, type TeamMemory } from './choose-concept.js';
import { generateQuestion } from './generate-question.js';
import { createRandom } from './seeded-random.js';
import type { ConceptPerformance, GeneratedQuestion } from './types.js';

export interface DrawQuestionInput {
  /** Askable concept ids the question may be about. */
  scope: readonly string[];
  performance: ConceptPerformance[];
  askedThisRound: Set<string>;
  /** The whole draw (concept and question) follows from this seed. */
  seed: number;
  now: Date;
  /** The channel's active members and their memories (channel posts); absent for practice. */
  team?: TeamMemory;
}

/**
 * Choose a concept and generate a question about it. A concept the generator cannot ask right now (too few
 * distractors for this draw, say) is dropped and the next choice tried, so one thin concept never leaves a
 * channel without its question.
 */
export function drawQuestion(kb: KnowledgeBase, input: DrawQuestionInput): GeneratedQuestion | null {
  const random = createRandom(input.seed);
  let candidates = [...input.scope];
  while (candidates.length > 0) {
    const conceptId = chooseConcept({
      scope: candidates,
      performance: input.performance,
      askedThisRound: input.askedThisRound,
      random,
      now: input.now,
      ...(input.team ? { team: input.team } : {}),
    });
    if (conceptId === null) return null;
    const question = generateQuestion(kb, conceptId, random);
    if (question) return question;
    candidates = candidates.filter((id) => id !== conceptId);
  }
  return null;
}

/**
 * A 32-bit seed from the runner's seed and what identifies one draw (guild, channel, slot): the same slot of
 * the same channel always draws the same question, and two channels sharing a slot do not move in lockstep.
 * FNV-1a: tiny, and good enough to spread similar strings apart.
 */
export function seedFor(baseSeed: number, ...parts: string[]): number {
  let hash = 0x811c9dc5;
  for (const char of `${baseSeed}\u0000${parts.join('\u0000')}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
