import type { AnswerConfidence } from '../../learning/answer-rating.js';
import { rateConfidence, reviewAnswer, reviewSelfGrade, type ConfidenceOutcome } from '../../learning/member-memory.js';
import type { Logger } from '../../logger.js';
import type { QuizStore } from '../quiz-store.js';
import { checkAnswerPlace, type AnswerPlace, type AnswerPlaceRefusal } from '../answer-place.js';
import { chooseFlashcard, findFlashcard, type PracticeCard, type SelfGrade } from '../flashcard-practice.js';
import type { Clock } from '../ports.js';
import type { RecordAnswerResult, StoredQuestion } from '../types.js';
import { addMinutes } from './close-times.js';
import type { Closing } from './closing.js';
import type { FlashcardGradeOutcome } from './outcomes.js';
import type { QuestionDraws } from './question-draws.js';
import { createRandomKey, practiceSlotPrefix } from './slot-keys.js';

export const practiceCloseMinutes = 10;

export interface AnswersAndPracticeOptions {
  store: QuizStore;
  clock: Clock;
  logger: Logger;
  draws: QuestionDraws;
  closing: Closing;
  /** Every flashcard of the notes, in note order (the notes do not change while the bot runs). */
  flashcards: readonly PracticeCard[];
}

/**
 * The answer is stored and stands whatever happens here: a memory update that fails (a busy database) is logged
 * and the member still gets their acknowledgement, rather than an error for an answer that was kept.
 */
export async function updateMemoryAfterAnswer(logger: Logger, review: () => Promise<unknown>, context: Record<string, string>): Promise<void> {
  try {
    await review();
  } catch (error) {
    logger.error({ err: error, ...context }, "updating the member's memory after an answer failed");
  }
}

/** What a member does: answer a posted question, practise alone (a private question or a flashcard), grade a card. */
export class AnswersAndPractice {
  private readonly store: QuizStore;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly draws: QuestionDraws;
  private readonly closing: Closing;
  private readonly flashcards: readonly PracticeCard[];

  constructor(options: AnswersAndPracticeOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.logger = options.logger;
    this.draws = options.draws;
    this.closing = options.closing;
    this.flashcards = options.flashcards;
  }

  /**
   * Whether a click may answer the question: only from where the question lives (see `checkAnswerPlace`). Null
   * also for an unknown question, which `answer` reports itself.
   */
  async checkAnswerPlace(questionId: string, place: AnswerPlace): Promise<AnswerPlaceRefusal | null> {
    const question = await this.store.getQuestion(questionId);
    return question ? checkAnswerPlace(question, place) : null;
  }

  /** Stored durably before this returns, so the caller acknowledges only what survives a crash. */
  async answer(questionId: string, userId: string, userName: string, choice: number): Promise<RecordAnswerResult> {
    const result = await this.store.recordAnswer(questionId, userId, userName, choice, this.clock.now());
    // Only a first answer reviews the member's memory: a second click changes neither the answer nor the memory.
    if (result.kind === 'recorded') await this.updateMemory(() => reviewAnswer(this.store, result.question, result.answer), { questionId, userId });
    if (result.kind === 'closed' && result.question.status === 'open') {
      // Past its close time but not closed yet (the timer is about to fire): close it now rather than later.
      void this.closing
        .closeQuestion(questionId)
        .catch((error: unknown) => this.logger.error({ err: error, questionId }, 'closing a question past its close time failed'));
    }
    return result;
  }

  /** The member's confidence in their answer to an open channel question re-rates its review (see `rateConfidence`). */
  async rateConfidence(
    questionId: string,
    userId: string,
    confidence: AnswerConfidence,
  ): Promise<ConfidenceOutcome | { ok: false; reason: 'unknown-question' }> {
    const question = await this.store.getQuestion(questionId);
    if (!question) return { ok: false, reason: 'unknown-question' };
    return rateConfidence(this.store, question, userId, confidence, this.clock.now());
  }

  /**
   * A practice question for one member: stored (so the answer buttons work) but not posted by the runner (the
   * command shows it ephemerally) and never scored. Null when the scope has nothing to ask.
   */
  async createPractice(guildId: string, channelId: string, userId: string, noteId?: string | null): Promise<StoredQuestion | null> {
    const scopeNote = await this.practiceScopeNote(guildId, channelId, noteId);
    const now = this.clock.now();
    const slotKey = `${practiceSlotPrefix}${createRandomKey()}`;
    // The round is the channel's: practising must not use up concepts the channel has yet to see.
    const drawn = await this.draws.draw(scopeNote, guildId, channelId, slotKey, now, false);
    if (!drawn) return null;
    const closesAt = addMinutes(now, practiceCloseMinutes);
    const { question } = await this.store.createQuestion({
      guildId,
      channelId,
      slotKey,
      question: drawn,
      practiceUserId: userId,
      createdAt: now,
      closesAt,
    });
    this.closing.armCloseTimerFor(closesAt);
    return question;
  }

  /**
   * The member's next flashcard in the practice scope (as for `createPractice`), or null when no card there is
   * due (see `chooseFlashcard`). Practice offers these author-written cards before generated questions.
   */
  async drawFlashcard(guildId: string, channelId: string, userId: string, noteId?: string | null): Promise<PracticeCard | null> {
    const scopeNote = await this.practiceScopeNote(guildId, channelId, noteId);
    const cards = scopeNote === null ? this.flashcards : this.flashcards.filter((card) => card.documentId === scopeNote);
    if (cards.length === 0) return null;
    return chooseFlashcard(cards, await this.store.listLatestFlashcardGrades(guildId, userId), this.clock.now());
  }

  /** The card behind a key of the current notes, or undefined when it is gone. */
  findFlashcard(cardKey: string): PracticeCard | undefined {
    return findFlashcard(this.flashcards, cardKey);
  }

  /** Store a member's self-grade of a card; stored durably before this returns, so the caller acknowledges only what is kept. */
  async gradeFlashcard(guildId: string, userId: string, cardKey: string, grade: SelfGrade): Promise<FlashcardGradeOutcome> {
    const card = this.findFlashcard(cardKey);
    if (!card) return { ok: false, reason: 'unknown-card' };
    const stored = await this.store.recordFlashcardGrade({ guildId, userId, conceptId: card.conceptId, cardKey, grade, gradedAt: this.clock.now() });
    await this.updateMemory(() => reviewSelfGrade(this.store, stored), { guildId, userId, cardKey });
    this.logger.debug({ guildId, userId, conceptId: card.conceptId, cardKey, grade }, 'flashcard graded');
    return { ok: true, card, grade: stored };
  }

  private updateMemory(review: () => Promise<unknown>, context: Record<string, string>): Promise<void> {
    return updateMemoryAfterAnswer(this.logger, review, context);
  }

  /** Practice (and a review session) asks about the note named, else the note the channel's schedule is limited to, else every note. */
  async practiceScopeNote(guildId: string, channelId: string, noteId: string | null | undefined): Promise<string | null> {
    return noteId ?? (await this.store.getSchedule(guildId, channelId))?.noteId ?? null;
  }
}
