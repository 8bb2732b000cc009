import type { Logger } from '../../logger.js';
import type { QuizStore } from '../quiz-store.js';
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
  /**
   * Closes in progress here, by question: a second close of the same question (the timer and `/quiz-admin reveal`
   * at once) gets the first one's result instead of showing the reveal twice.
   */
  private readonly closesInFlight = new Map<string, Promise<{ closed: ClosedQuestion; show: boolean } | null>>();

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
    const open = await this.store.getOpenQuestion(guildId, channelId);
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
    const due = (await this.store.listOverdueQuestions(this.clock.now())).filter((question) => !this.beingPosted.has(question.id));
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
    await this.rearmCloseTimer();
    return settled.filter((closed): closed is ClosedQuestion => closed !== null);
  }

  async closeDueInChannel(guildId: string, channelId: string, at: Date): Promise<void> {
    const due = (await this.store.listOverdueQuestions(at)).filter(
      (question) => question.guildId === guildId && question.channelId === channelId && !this.beingPosted.has(question.id),
    );
    for (const question of due) await this.settleDueQuestion(question);
  }

  armCloseTimerFor(closesAt: Date): void {
    if (!this.isRunning()) return;
    const armed = this.closeTimer.dueAt;
    if (armed === null || closesAt.getTime() < armed.getTime()) this.closeTimer.armAt(closesAt);
  }

  /** Arm for the earliest open question; a question closed meanwhile just makes the timer find nothing due. */
  async rearmCloseTimer(): Promise<void> {
    if (!this.isRunning()) return;
    const open = await this.store.listOpenQuestions();
    // stop() may have come while the store answered: a stopped runner arms no timer.
    if (!this.isRunning()) return;
    const next = open.find((question) => !this.beingPosted.has(question.id));
    if (!next) {
      this.closeTimer.disarm();
      return;
    }
    // Still due right after a sweep means its close failed: try again shortly rather than in a tight loop.
    const retryAt = this.clock.now().getTime() + failedCloseRetryMs;
    this.closeTimer.armAt(next.closesAt.getTime() > this.clock.now().getTime() ? next.closesAt : new Date(retryAt));
  }

  private async settleDueQuestion(question: StoredQuestion): Promise<ClosedQuestion | null> {
    if (question.messageId === null && question.practiceUserId === null && (await this.store.discardUnpostedQuestion(question.id))) {
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
    const inFlight = this.closesInFlight.get(questionId);
    // Closed (or being closed) by another caller here, which shows its result.
    if (inFlight) return (await inFlight)?.closed ?? null;
    const closing = this.closeInStore(questionId);
    this.closesInFlight.set(questionId, closing);
    let outcome: { closed: ClosedQuestion; show: boolean } | null;
    try {
      outcome = await closing;
    } finally {
      this.closesInFlight.delete(questionId);
    }
    if (!outcome?.show) return outcome?.closed ?? null;
    const { closed } = outcome;
    const { question, tally } = closed;
    this.logger.info(
      { guildId: question.guildId, channelId: question.channelId, questionId, participants: tally.participants, correct: tally.correct.length },
      'quiz question closed',
    );
    await this.reveals.show(closed);
    return closed;
  }

  /** `show`: this call closed it; a question found closed already had its result shown by whoever closed it. */
  private async closeInStore(questionId: string): Promise<{ closed: ClosedQuestion; show: boolean } | null> {
    const before = await this.store.getQuestion(questionId);
    if (!before) return null;
    if (before.status === 'closed') return { closed: { question: before, tally: await this.store.getTally(questionId) }, show: false };
    const closed = await this.store.closeQuestion(questionId, this.clock.now());
    return closed ? { closed, show: true } : null;
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
