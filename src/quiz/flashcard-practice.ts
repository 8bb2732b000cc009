// Flashcard practice: the author's own question/answer pairs (`<details><summary>`, `Q:`/`A:`), shown one at a
// time to a member who then grades themselves. Knows nothing of Discord.
import { createHash } from 'node:crypto';
import type { Flashcard, KnowledgeBase } from '../kb/types.js';

/** How a member graded themselves on a card. */
export type SelfGrade = 'knew' | 'didnt';

export const selfGrades: readonly SelfGrade[] = ['knew', 'didnt'];

/** One card of the notes, with the key that storage and buttons use for it. */
export interface PracticeCard extends Flashcard {
  /** See `createCardKey`. */
  key: string;
  conceptId: string;
  documentId: string;
}

/** A self-grade as stored. */
export interface FlashcardGrade {
  guildId: string;
  userId: string;
  conceptId: string;
  cardKey: string;
  grade: SelfGrade;
  gradedAt: Date;
}

export type NewFlashcardGrade = FlashcardGrade;

/**
 * How long a graded card rests before practice offers it again. "Didn't" comes back soon (later in the same
 * sitting, but not as the very next card); "knew" waits days. Knobs of the whole flashcard schedule.
 */
export const flashcardRestMs: Readonly<Record<SelfGrade, number>> = {
  didnt: 10 * 60_000,
  knew: 3 * 24 * 60 * 60_000,
};

const cardKeyPattern = /^[0-9a-f]{16}$/;

/**
 * A card's stable key: the first 16 hex digits of SHA-256 over the concept id and the question text (whitespace
 * collapsed). Unlike the card's position it survives cards added or removed around it; editing the question
 * makes it a new card, which is what the author changed.
 */
export function createCardKey(conceptId: string, question: string): string {
  const normalized = question.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${conceptId}\n${normalized}`).digest('hex').slice(0, 16);
}

export function isCardKey(text: string): boolean {
  return cardKeyPattern.test(text);
}

/** Every card of the given concepts (all concepts when `conceptIds` is null), in note order. */
export function listFlashcards(kb: KnowledgeBase, conceptIds: readonly string[] | null = null): PracticeCard[] {
  const wanted = conceptIds === null ? null : new Set(conceptIds);
  const cards: PracticeCard[] = [];
  const seen = new Set<string>();
  for (const concept of kb.concepts) {
    if (wanted && !wanted.has(concept.id)) continue;
    for (const card of concept.flashcards) {
      const key = createCardKey(concept.id, card.question);
      // The same question twice in one concept is one card: one key, one grade history.
      if (seen.has(key)) continue;
      seen.add(key);
      cards.push({ ...card, key, conceptId: concept.id, documentId: concept.documentId });
    }
  }
  return cards;
}

/** The card behind a key, or undefined when the notes no longer hold it (edited or removed since the button was made). */
export function findFlashcard(cards: readonly PracticeCard[], key: string): PracticeCard | undefined {
  if (!isCardKey(key)) return undefined;
  return cards.find((card) => card.key === key);
}

/**
 * The card to practise next, or null when none is due (practice then falls back to a generated question):
 * 1. cards the member never graded, in note order (a note is worked through from the top);
 * 2. then cards last graded "didn't", the one graded longest ago first;
 * 3. then cards last graded "knew", longest ago first.
 * A graded card is due only once it has rested `flashcardRestMs[grade]` since its latest grade.
 */
export function chooseFlashcard(cards: readonly PracticeCard[], latestGrades: readonly FlashcardGrade[], now: Date): PracticeCard | null {
  const latestByKey = new Map(latestGrades.map((grade) => [grade.cardKey, grade]));
  const ungraded = cards.find((card) => !latestByKey.has(card.key));
  if (ungraded) return ungraded;

  const due = cards
    .map((card) => ({ card, grade: latestByKey.get(card.key)! }))
    .filter(({ grade }) => now.getTime() - grade.gradedAt.getTime() >= flashcardRestMs[grade.grade]);
  const rank = (grade: SelfGrade) => (grade === 'didnt' ? 0 : 1);
  due.sort((a, b) => rank(a.grade.grade) - rank(b.grade.grade) || a.grade.gradedAt.getTime() - b.grade.gradedAt.getTime());
  return due[0]?.card ?? null;
}
