import { describe, expect, it } from 'vitest';
import {
  chooseFlashcard,
  createCardKey,
  findFlashcard,
  flashcardRestMs,
  isCardKey,
  listFlashcards,
  type FlashcardGrade,
  type PracticeCard,
  type SelfGrade,
} from '../../src/quiz/flashcard-practice.js';
import { deadlockWithCard, fillerConcepts, makeKnowledgeBase, tcpWithCards } from './quiz-test-kit.js';

const now = new Date('2026-12-01T09:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

const kb = makeKnowledgeBase({
  network: [tcpWithCards(), ...fillerConcepts()],
  os: [deadlockWithCard()],
});

function gradeOf(card: PracticeCard, grade: SelfGrade, gradedAt: Date): FlashcardGrade {
  return { guildId: 'g', userId: 'u', conceptId: card.conceptId, cardKey: card.key, grade, gradedAt };
}

describe('card keys', () => {
  it('depend on the concept and the question only, not on spacing or on where the card stands', () => {
    const key = createCardKey('network/tcp', 'TCP 3-way handshake의 세 단계는?');

    expect(isCardKey(key)).toBe(true);
    expect(createCardKey('network/tcp', '  TCP 3-way   handshake의\n세 단계는? ')).toBe(key);
    expect(createCardKey('network/udp', 'TCP 3-way handshake의 세 단계는?')).not.toBe(key);
    expect(createCardKey('network/tcp', 'TCP 4-way handshake의 단계는?')).not.toBe(key);
  });

  it('a card is found by its key, and a key of a card the notes no longer hold finds nothing', () => {
    const cards = listFlashcards(kb);
    const [first] = cards;

    expect(findFlashcard(cards, first!.key)).toEqual(first);
    expect(findFlashcard(cards, createCardKey('network/tcp', 'a question since removed'))).toBeUndefined();
    expect(findFlashcard(cards, 'not-a-key')).toBeUndefined();
  });
});

describe('listing cards', () => {
  it('lists every card in note order with its concept, note and place in the note', () => {
    const cards = listFlashcards(kb);

    expect(cards.map((card) => [card.conceptId, card.question])).toEqual([
      ['network/tcp', 'TCP 3-way handshake의 세 단계는?'],
      ['network/tcp', 'TCP가 흐름 제어에 쓰는 것은?'],
      ['os/deadlock', '교착상태의 네 조건은?'],
    ]);
    expect(cards[2]).toMatchObject({ documentId: 'os', answer: '상호 배제, 점유 대기, 비선점, 순환 대기', location: { file: 'os.md' } });
  });

  it('lists only the cards of the concepts asked for', () => {
    expect(listFlashcards(kb, ['os/deadlock']).map((card) => card.conceptId)).toEqual(['os/deadlock']);
    expect(listFlashcards(kb, [])).toEqual([]);
  });
});

describe('choosing the next card', () => {
  const [handshake, window, deadlock] = listFlashcards(kb) as [PracticeCard, PracticeCard, PracticeCard];

  it('offers the cards a member never graded first, from the top of the notes', () => {
    expect(chooseFlashcard([handshake, window, deadlock], [], now)).toBe(handshake);
    expect(chooseFlashcard([handshake, window, deadlock], [gradeOf(handshake, 'didnt', minutesAgo(60))], now)).toBe(window);
  });

  it('then the cards graded "didn\'t", the one graded longest ago first, ahead of any card known', () => {
    const grades = [
      gradeOf(handshake, 'didnt', minutesAgo(30)),
      gradeOf(window, 'didnt', minutesAgo(90)),
      gradeOf(deadlock, 'knew', minutesAgo(10 * 24 * 60)),
    ];

    expect(chooseFlashcard([handshake, window, deadlock], grades, now)).toBe(window);
  });

  it('a card just graded rests: "didn\'t" for minutes, "knew" for days; with none due there is no card', () => {
    const justNow = [gradeOf(handshake, 'didnt', minutesAgo(1)), gradeOf(window, 'knew', minutesAgo(60))];
    const restedDidnt = [gradeOf(handshake, 'didnt', new Date(now.getTime() - flashcardRestMs.didnt)), gradeOf(window, 'knew', minutesAgo(60))];
    const restedKnew = [gradeOf(handshake, 'didnt', minutesAgo(1)), gradeOf(window, 'knew', new Date(now.getTime() - flashcardRestMs.knew))];

    expect(chooseFlashcard([handshake, window], justNow, now)).toBeNull();
    expect(chooseFlashcard([handshake, window], restedDidnt, now)).toBe(handshake);
    expect(chooseFlashcard([handshake, window], restedKnew, now)).toBe(window);
  });

  it('grades of cards outside the scope do not matter, and an empty scope has no card', () => {
    expect(chooseFlashcard([deadlock], [gradeOf(handshake, 'didnt', minutesAgo(60))], now)).toBe(deadlock);
    expect(chooseFlashcard([], [], now)).toBeNull();
  });
});
