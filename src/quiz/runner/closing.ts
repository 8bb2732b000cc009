import type { Logger } from '../../logger.js';
import type { QuizStore } from '../../store/quiz-store.js';
import { DueTimer } from '../due-timer.js';
import type { Clock } from '../ports.js';
import type { ClosedQuestion, StoredQuestion } from '../types.js';
import type { InFlightWork, QuestionsBeingPosted } from './in-flight.js';
import type { ResultReveals } from './result-reveals.js';

const failedCloseRetryMs = 5_000;

export interface ClosingOptions {
  store: QuizStore;
  clock: Clock;
  logger: Logger;
  reveals: ResultReveals;
  work: InFlightWork;
  beingPosted: QuestionsBeingPosted;
  /** The runner's own switch: a stopped runner arms no timer. */
  isRunning: () => boolean;
}

/**
 * Closes questions at their close time (scores are settled in the same transaction) and hands them to the
 * reveals. Owns the close timer and its sweep: one timer armed for the earliest open question, one sweep at a time.
 */
export class Closing {
  private readonly store: QuizStore;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly reveals: ResultReveals;
  private readonly work: InFlightWork;
  private readonly beingPosted: QuestionsBeingPosted;
  private readonly isRunning: () => boolean;
  private readonly closeTimer: DueTimer;
  private sweep: Promise<void> | null = null;

  constructor(options: ClosingOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.logger = options.logger;
    this.reveals = options.reveals;
    this.work = options.work;
    this.beingPosted = options.beingPosted;
    this.isRunning = options.isRunning;
    this.closeTimer = new DueTimer(this.clock, () => this.onCloseTimer());
  }

  stop(): void {
    this.closeTimer.disarm();
  }

  /** `/quiz-admin reveal`: close the channel's open question now and show its result. Null when none is open. */
  async reveal(guildId: string, channelId: string): Promise<ClosedQuestion | null> {
    const open = this.store.getOpenQuestion(guildId, channelId);
    return open ? this.closeQuestion(open.id) : null;
  }

  /**
   * Close a question (scores are settled in the same transaction) and edit its post into the result. Closing a
   * closed question returns it unchanged without showing the result again. A failed edit never undoes the close.
   */
  closeQuestion(questionId: string): Promise<ClosedQuestion | null> {
    return this.work.track(this.closeAndShow(questionId));
  }

  /** Close (or drop, when never posted) every question past its close time, then arm the timer for the next. */
  async closeDueQuestions(): Promise<ClosedQuestion[]> {
    const due = this.store.listOverdueQuestions(this.clock.now()).filter((question) => !this.beingPosted.has(question.id));
    const settled = await Promise.all(
      due.map(async (question) => {
        try {
          return await this.settleDueQuestion(question);
        } catch (error) {
          this.logger.error(
            { err: error, questionId: question.id, guildId: question.guildId, channelId: question.channelId },
            'closing a due question failed',
          );
          return null;
        }
      }),
    );
    this.rearmCloseTimer();
    return settled.filter((closed): closed is ClosedQuestion => closed !== null);
  }

  async closeDueInChannel(guildId: string, channelId: string, at: Date): Promise<void> {
    const due = this.store
      .listOverdueQuestions(at)
      .filter((question) => question.guildId === guildId && question.channelId === channelId && !this.beingPosted.has(question.id));
    for (const question of due) await this.settleDueQuestion(question);
  }

  armCloseTimerFor(closesAt: Date): void {
    if (!this.isRunning()) return;
    const armed = this.closeTimer.dueAt;
    if (armed === null || closesAt.getTime() < armed.getTime()) this.closeTimer.armAt(closesAt);
  }

  /** Arm for the earliest open question; a question closed meanwhile just makes the timer find nothing due. */
  rearmCloseTimer(): void {
    if (!this.isRunning()) return;
    const next = this.store.listOpenQuestions().find((question) => !this.beingPosted.has(question.id));
    if (!next) {
      this.closeTimer.disarm();
      return;
    }
    // Still due right after a sweep means its close failed: try again shortly rather than in a tight loop.
    const retryAt = this.clock.now().getTime() + failedCloseRetryMs;
    this.closeTimer.armAt(next.closesAt.getTime() > this.clock.now().getTime() ? next.closesAt : new Date(retryAt));
  }

  private async settleDueQuestion(question: StoredQuestion): Promise<ClosedQuestion | null> {
    if (question.messageId === null && question.practiceUserId === null && this.store.discardUnpostedQuestion(question.id)) {
      // Never posted: closing it would end every member's streak over a question nobody saw.
      this.logger.info(
        { guildId: question.guildId, channelId: question.channelId, questionId: question.id },
        'unposted question dropped at its close time',
      );
      return null;
    }
    return this.closeQuestion(question.id);
  }

  private async closeAndShow(questionId: string): Promise<ClosedQuestion | null> {
    const before = this.store.getQuestion(questionId);
    if (!before) return null;
    if (before.status === 'closed') return { question: before, tally: this.store.getTally(questionId) };
    const closed = this.store.closeQuestion(questionId, this.clock.now());
    if (!closed) return null;
    const { question, tally } = closed;
    this.logger.info(
      { guildId: question.guildId, channelId: question.channelId, questionId, participants: tally.participants, correct: tally.correct.length },
      'quiz question closed',
    );
    await this.reveals.show(closed);
    return closed;
  }

  private onCloseTimer(): void {
    // A sweep in progress re-arms the timer when it ends.
    if (this.sweep) return;
    this.sweep = this.closeDueQuestions()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error({ err: error }, 'closing due quiz questions failed'))
      .finally(() => {
        this.sweep = null;
      });
  }
}
