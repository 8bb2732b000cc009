// Which FSRS grade an answer is. FSRS's grades describe recall, not the button clicked: Again = did not
// recall, Hard = recalled with serious effort, Good = recalled after some thought, Easy = recalled at once.

import type { MemoryRating } from './memory-state.js';

/** The member's own word after answering ("확실했다 / 헷갈렸다 / 찍었다"). */
export type AnswerConfidence = 'sure' | 'unsure' | 'guessed';

export const answerConfidences: readonly AnswerConfidence[] = ['sure', 'unsure', 'guessed'];

export interface AnsweredQuestion {
  correct: boolean;
  /** Absent when the member gave none (most answers): the answer alone decides. */
  confidence?: AnswerConfidence | null;
}

/**
 * The grade of one answer:
 *
 * | answer | no confidence | sure | unsure | guessed |
 * | ------ | ------------- | ---- | ------ | ------- |
 * | wrong  | again         | again | again | again   |
 * | right  | good          | easy | hard   | again   |
 *
 * Why: a wrong answer is a lapse whatever the member felt (a confident wrong answer is, if anything, the
 * memory most in need of repair). A right answer with no more said is FSRS's default success, Good. "Sure"
 * is the member telling us recall was effortless, FSRS's Easy. "Unsure" is recall with effort, Hard: still a
 * success, so stability grows, but less. "Guessed" means the member did not recall it; one in four options is
 * right by chance, and counting luck as recall would push the next review weeks out for a concept the member
 * does not know, so it is Again.
 */
export function ratingForAnswer({ correct, confidence }: AnsweredQuestion): MemoryRating {
  if (!correct) return 'again';
  switch (confidence) {
    case 'sure':
      return 'easy';
    case 'unsure':
      return 'hard';
    case 'guessed':
      return 'again';
    default:
      return 'good';
  }
}

/**
 * A flashcard self-grade (flashcard-practice.ts): "knew" is a recall the member vouches for, Good (a self-grade
 * has no finer scale, and Easy would need the member to say so); "didn't" is Again.
 */
export function ratingForSelfGrade(grade: 'knew' | 'didnt'): MemoryRating {
  return grade === 'knew' ? 'good' : 'again';
}
