import type { KnowledgeBase } from '../../kb/types.js';
import type { MemoryState } from '../../learning/memory-state.js';
import { reviewAnswer, reviewSelfGrade } from '../../learning/member-memory.js';
import {
  chooseReviewCard,
  listSessionDue,
  summarizeReview,
  type ReviewScope,
  type ReviewSummary,
  type ReviewTally,
} from '../../learning/review-session.js';
import type { Logger } from '../../logger.js';
import type { QuizStore } from '../quiz-store.js';
import type { PracticeCard, SelfGrade } from '../flashcard-practice.js';
import type { Clock } from '../ports.js';
import type { RecordAnswerResult, StoredQuestion } from '../types.js';
import { addMinutes } from './close-times.js';
import type { Closing } from './closing.js';
import type { FlashcardGradeOutcome } from './outcomes.js';
import { practiceCloseMinutes, updateMemoryAfterAnswer, type AnswersAndPractice } from './practice.js';
import { OneAtATime } from './one-at-a-time.js';
import type { QuestionDraws } from './question-draws.js';
import { createRandomKey, reviewSlotPrefix } from './slot-keys.js';

/** Where a session is: who, where, which note (null: as practice without a note), and since when. */
export interface ReviewSessionKey {
  guildId: string;
  channelId: string;
  userId: string;
  noteId: string | null;
  startedAt: Date;
}

/** What the session shows next: one of the author's cards, a stored question, or (nothing left due) its summary. */
export type ReviewStep =
  { kind: 'card'; card: PracticeCard } | { kind: 'question'; question: StoredQuestion } | { kind: 'done'; summary: ReviewSummary };

/** `already-reviewed`: the session graded this concept already; nothing is stored. */
export type ReviewGradeOutcome = FlashcardGradeOutcome | { ok: false; reason: 'already-reviewed' };

export interface ReviewSessionsOptions {
  kb: KnowledgeBase;
  store: QuizStore;
  clock: Clock;
  logger: Logger;
  draws: QuestionDraws;
  closing: Closing;
  practice: AnswersAndPractice;
  flashcards: readonly PracticeCard[];
}

/**
 * `/quiz review`: the member's due concepts one at a time, each asked by the author's own card when it has one,
 * else by a question (the author's multiple-choice question first, else a generated one). Every answer reviews
 * the member's memory with source `review`. Questions are stored as the member's practice questions (the answer
 * buttons route back, the close timer tidies them), marked by their slot key.
 */
export class ReviewSessions {
  /** Per member and guild: "graded this concept in the session already?" and storing the grade, so a double click stores one. */
  private readonly cardGrades = new OneAtATime();

  constructor(private readonly options: ReviewSessionsOptions) {}

  /** The next thing to ask in the session, or its summary when nothing it has not asked yet is due. */
  async nextReview(session: ReviewSessionKey, tally: ReviewTally): Promise<ReviewStep> {
    const { store, clock, draws } = this.options;
    const scope = await this.scopeOf(session);
    const now = clock.now();
    for (const due of listSessionDue(scope, now.getTime())) {
      const cards = this.options.flashcards.filter((card) => card.conceptId === due.conceptId);
      const card = chooseReviewCard(cards, cards.length > 0 ? await store.listLatestFlashcardGrades(session.guildId, session.userId) : []);
      if (card) return { kind: 'card', card };
      const slotKey = `${reviewSlotPrefix}${createRandomKey()}`;
      const generated = draws.generateFor(due.conceptId, session.guildId, session.channelId, slotKey);
      // A concept the generator cannot ask right now is left for another day rather than ending the session.
      if (!generated) continue;
      const closesAt = addMinutes(now, practiceCloseMinutes);
      const { question } = await store.createQuestion({
        guildId: session.guildId,
        channelId: session.channelId,
        slotKey,
        question: generated,
        practiceUserId: session.userId,
        createdAt: now,
        closesAt,
      });
      this.options.closing.armCloseTimerFor(closesAt);
      return { kind: 'question', question };
    }
    return { kind: 'done', summary: summarizeReview(tally, scope, now.getTime()) };
  }

  /** The session's summary now (the member stopped). */
  async summarize(session: ReviewSessionKey, tally: ReviewTally): Promise<ReviewSummary> {
    return summarizeReview(tally, await this.scopeOf(session), this.options.clock.now().getTime());
  }

  /** Whether a scope has anything a session could ask at all (an empty note, a note of unaskable concepts). */
  async hasAnything(session: Pick<ReviewSessionKey, 'guildId' | 'channelId' | 'noteId'>): Promise<boolean> {
    return (await this.conceptsOf(session)).length > 0;
  }

  /**
   * The answer to a review question, stored durably (with its review) before this returns. A question that is not
   * a review session's is `unknown-question` here: its answer belongs to practice.
   */
  async answer(questionId: string, userId: string, userName: string, choice: number): Promise<RecordAnswerResult> {
    const { store, clock, logger } = this.options;
    const question = await store.getQuestion(questionId);
    if (!question?.slotKey.startsWith(reviewSlotPrefix)) return { kind: 'unknown-question' };
    const result = await store.recordAnswer(questionId, userId, userName, choice, clock.now());
    if (result.kind === 'recorded')
      await updateMemoryAfterAnswer(logger, () => reviewAnswer(store, result.question, result.answer, 'review'), { questionId, userId });
    if (result.kind === 'closed' && result.question.status === 'open') {
      // Past its close time but not closed yet, as for practice: close it now rather than at the timer.
      void this.options.closing
        .closeQuestion(questionId)
        .catch((error: unknown) => logger.error({ err: error, questionId }, 'closing a review question past its close time failed'));
    }
    return result;
  }

  /**
   * A self-grade of a card in a session: kept as the card's grade (practice learns from it too) and reviewed as
   * `review`. A concept is graded once per session: a second click (the same buttons after a restart, say) stores
   * nothing, so the tally the buttons carry stays true.
   */
  gradeCard(session: ReviewSessionKey, cardKey: string, grade: SelfGrade): Promise<ReviewGradeOutcome> {
    return this.cardGrades.run(`${session.guildId}/${session.userId}`, () => this.gradeCardOnce(session, cardKey, grade));
  }

  private async gradeCardOnce(session: ReviewSessionKey, cardKey: string, grade: SelfGrade): Promise<ReviewGradeOutcome> {
    const { store, clock, logger, practice } = this.options;
    const { guildId, userId } = session;
    const card = practice.findFlashcard(cardKey);
    if (!card) return { ok: false, reason: 'unknown-card' };
    if ((await this.reviewedSince(session)).has(card.conceptId)) return { ok: false, reason: 'already-reviewed' };
    const stored = await store.recordFlashcardGrade({ guildId, userId, conceptId: card.conceptId, cardKey, grade, gradedAt: clock.now() });
    await updateMemoryAfterAnswer(logger, () => reviewSelfGrade(store, stored, 'review'), { guildId, userId, cardKey });
    return { ok: true, card, grade: stored };
  }

  /**
   * The note of a review's question or card (the session's note when the member named one), or undefined when the
   * notes no longer hold it.
   */
  async noteOf(item: { questionId: string } | { cardKey: string }): Promise<string | undefined> {
    const { store, kb, practice } = this.options;
    if ('cardKey' in item) return practice.findFlashcard(item.cardKey)?.documentId;
    const question = await store.getQuestion(item.questionId);
    return question ? kb.getConcept(question.conceptId)?.documentId : undefined;
  }

  private async scopeOf(session: ReviewSessionKey): Promise<ReviewScope> {
    const { store } = this.options;
    const memories = new Map<string, MemoryState>();
    for (const memory of await store.listMemberMemories(session.guildId, session.userId)) memories.set(memory.conceptId, memory.state);
    return { conceptIds: await this.conceptsOf(session), memories, reviewedInSession: await this.reviewedSince(session) };
  }

  /** Concepts the member reviewed (by any question or card) since the session started. */
  private async reviewedSince(session: ReviewSessionKey): Promise<Set<string>> {
    const since = session.startedAt.getTime();
    return new Set(
      (await this.options.store.listMemberReviews(session.guildId, session.userId))
        .filter((review) => review.reviewedAt.getTime() >= since)
        .map((review) => review.conceptId),
    );
  }

  /** Concepts of the practice scope a session can ask: askable by the generator, or carrying the author's cards; in note order. */
  private async conceptsOf(session: Pick<ReviewSessionKey, 'guildId' | 'channelId' | 'noteId'>): Promise<string[]> {
    const noteId = await this.options.practice.practiceScopeNote(session.guildId, session.channelId, session.noteId);
    const askable = new Set(this.options.draws.scopeFor(noteId));
    const withCards = new Set(this.options.flashcards.map((card) => card.conceptId));
    return this.options.kb.concepts
      .filter((concept) => (noteId === null || concept.documentId === noteId) && (askable.has(concept.id) || withCards.has(concept.id)))
      .map((concept) => concept.id);
  }
}
