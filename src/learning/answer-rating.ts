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
 * | right  | hard          | easy | hard   | again   |
 *
 * Why: a wrong answer is a lapse whatever the member felt (a confident wrong answer is, if anything, the
 * memory most in need of repair). A right answer with no more said is Hard, a success that grows stability
 * less than Good: one of four options is right by luck, so a right answer alone does not tell recall from a
 * guess (a member who never met the concept is right one time in four), and counting it as Good would push
 * the next review days out for a concept the member may not know. The learning bench measured it (30 seeds,
 * test/bench/learning-bench.ts): Good gave 1.14× round-robin's mean recall and 1.76× its weakest decile, Hard
 * 1.16× and 2.01×.
 * "Sure" is the member telling us recall was effortless, FSRS's Easy. "Unsure" is recall with effort, Hard.
 * "Guessed" means the member did not recall it, so it is Again.
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
      return 'hard';
  }
}

/**
 * A flashcard self-grade (flashcard-practice.ts): "knew" is a recall the member vouches for, Good (a self-grade
 * has no finer scale, and Easy would need the member to say so); "didn't" is Again.
 */
export function ratingForSelfGrade(grade: 'knew' | 'didnt'): MemoryRating {
  return grade === 'knew' ? 'good' : 'again';
}
