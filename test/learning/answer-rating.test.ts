import { describe, expect, it } from 'vitest';
import { ratingForAnswer, ratingForSelfGrade } from '../../src/learning/answer-rating.js';

describe('which FSRS grade an answer is', () => {
  it('a wrong answer is Again, whatever the member felt', () => {
    for (const confidence of [undefined, null, 'sure', 'unsure', 'guessed'] as const) {
      expect(ratingForAnswer({ correct: false, confidence })).toBe('again');
    }
  });

  it('a right answer is Good without a word, Easy when sure, Hard when unsure', () => {
    expect(ratingForAnswer({ correct: true })).toBe('good');
    expect(ratingForAnswer({ correct: true, confidence: null })).toBe('good');
    expect(ratingForAnswer({ correct: true, confidence: 'sure' })).toBe('easy');
    expect(ratingForAnswer({ correct: true, confidence: 'unsure' })).toBe('hard');
  });

  it('a guessed right answer is not a recall: Again', () => {
    expect(ratingForAnswer({ correct: true, confidence: 'guessed' })).toBe('again');
  });

  it('a flashcard self-grade: knew is Good, didn’t is Again', () => {
    expect(ratingForSelfGrade('knew')).toBe('good');
    expect(ratingForSelfGrade('didnt')).toBe('again');
  });
});
