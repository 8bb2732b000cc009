import type { KnowledgeBase } from '../../kb/types.js';
import type { Logger } from '../../logger.js';
import type { QuizStore } from '../quiz-store.js';
import { DueTimer } from '../due-timer.js';
import { ChannelUnavailableError, describeError, RateLimitedError, type Clock, type QuizChannelGateway } from '../ports.js';
import type { PostQueue } from '../post-queue.js';
import type { ClosedQuestion, PendingReveal, StoredQuestion } from '../types.js';

/**
 * How long a failing reveal edit is tried: 1 min, 2, 4 … at most an hour apart, for a day. Discord outages and
 * long rate limits pass, and a post left showing an open question tells members it still takes answers.
 */
export interface RevealRetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** From the close; a try that would come later is not made. */
  windowMs: number;
}

export const defaultRevealRetryPolicy: RevealRetryPolicy = { firstDelayMs: 60_000, maxDelayMs: 60 * 60_000, windowMs: 24 * 60 * 60_000 };

/** A due time in the past means that reveal is in flight right now: look again shortly, not in a tight loop. */
const busyRecheckMs = 5_000;
/** Later than any due time: "every owed reveal". */
const latestDate = new Date(8.64e15);

export interface ResultRevealsOptions {
  store: QuizStore;
  kb: KnowledgeBase;
  gateway: QuizChannelGateway;
  /** The runner's queue: reveal edits share the bound on requests in flight with posts. */
  requests: PostQueue;
  clock: Clock;
  logger: Logger;
  policy: RevealRetryPolicy;
  /** The runner's tracking of work in flight, so `waitForIdle` waits for retries too. */
  track: <T>(work: Promise<T>) => Promise<T>;
}

/**
 * Edits closed posts into their reveal, and keeps trying the ones Discord refused. What is owed lives in the store
 * (closing a posted question makes its reveal due), so a restart goes on where the last instance stopped.
 */
export class ResultReveals {
  private readonly timer: DueTimer;
  /** Questions whose edit is in flight: a retry sweep must not edit the same post at the same time. */
  private readonly inFlight = new Set<string>();
  private sweep: Promise<void> | null = null;
  private running = false;

  constructor(private readonly options: ResultRevealsOptions) {
    this.timer = new DueTimer(options.clock, () => this.onTimer());
  }

  /** Try every owed reveal now, due or not (whatever failed the last instance's edit may be gone with it), then keep the timer. */
  async start(): Promise<void> {
    this.running = true;
    await this.retry(latestDate);
  }

  /** Owed reveals stay in the store: the next start tries them again. */
  stop(): void {
    this.running = false;
    this.timer.disarm();
  }

  /** Try the reveals whose next try is due, then arm for the next. */
  retryDue(): Promise<void> {
    return this.retry(this.options.clock.now());
  }

  /** Edit the post into the reveal; a failure is scheduled for another try. The close and scores stand either way. */
  async show(closed: ClosedQuestion, failedAttempts = 0): Promise<void> {
    const { store, kb, gateway, requests, logger } = this.options;
    const { question } = closed;
    // Practice questions were shown ephemerally by a command and unposted ones were never shown: nothing to edit.
    if (question.practiceUserId !== null || question.messageId === null) {
      await store.settleReveal(question.id);
      return;
    }
    if (this.inFlight.has(question.id)) return;
    const concept = kb.getConcept(question.conceptId);
    const document = concept ? kb.getDocument(concept.documentId) : undefined;
    const context = { guildId: question.guildId, channelId: question.channelId, questionId: question.id, messageId: question.messageId };
    this.inFlight.add(question.id);
    try {
      await requests.run(() => gateway.showResult(closed, concept, document));
      await store.settleReveal(question.id);
      if (failedAttempts > 0) logger.info({ ...context, failedAttempts }, 'quiz result shown after failed tries');
    } catch (error) {
      await this.postpone(question, failedAttempts, error, context);
    } finally {
      this.inFlight.delete(question.id);
    }
  }

  private async postpone(question: StoredQuestion, failedAttempts: number, error: unknown, context: Record<string, unknown>): Promise<void> {
    const { store, clock, logger, policy } = this.options;
    const now = clock.now();
    // A deleted post or channel cannot be edited ever again; anything else (5xx, rate limit, a permission an admin may restore) can pass.
    const gone = error instanceof ChannelUnavailableError && error.problem !== 'missing-permissions';
    const backoff = Math.min(policy.firstDelayMs * 2 ** failedAttempts, policy.maxDelayMs);
    // Trying again before a rate limit ends would only count as another invalid request.
    const delay = error instanceof RateLimitedError ? Math.max(backoff, error.retryAfterMs) : backoff;
    const closedAt = question.closedAt ?? now;
    const nextTry = new Date(Math.max(now.getTime(), closedAt.getTime()) + delay);
    if (gone || nextTry.getTime() - closedAt.getTime() > policy.windowMs) {
      await store.settleReveal(question.id);
      if (!gone)
        await store.recordScheduleProblem(question.guildId, question.channelId, { kind: 'reveal-failed', error: describeError(error) }, now, false);
      logger.error({ err: error, ...context, failedAttempts: failedAttempts + 1 }, 'showing a quiz result failed; giving up, the close stands');
      return;
    }
    await store.postponeReveal(question.id, nextTry);
    logger.warn(
      { err: error, ...context, failedAttempts: failedAttempts + 1, retryAt: nextTry.toISOString() },
      'showing a quiz result failed; will retry',
    );
    await this.rearm();
  }

  private async retry(dueBy: Date): Promise<void> {
    const { store, logger, track } = this.options;
    const due = (await store.listDueReveals(dueBy)).filter((pending) => !this.inFlight.has(pending.question.id));
    await Promise.all(
      due.map((pending) =>
        track(this.retryOne(pending)).catch((error: unknown) =>
          logger.error({ err: error, questionId: pending.question.id }, 'retrying a quiz result failed'),
        ),
      ),
    );
    await this.rearm();
  }

  private async retryOne(pending: PendingReveal): Promise<void> {
    const tally = await this.options.store.getTally(pending.question.id);
    await this.show({ question: pending.question, tally }, pending.failedAttempts);
  }

  private onTimer(): void {
    if (this.sweep) return;
    this.sweep = this.retryDue()
      .catch((error: unknown) => this.options.logger.error({ err: error }, 'retrying quiz results failed'))
      .finally(() => {
        this.sweep = null;
      });
  }

  private async rearm(): Promise<void> {
    if (!this.running) return;
    const next = await this.options.store.getNextRevealDue();
    // stop() may have come while the store answered: a stopped runner arms no timer.
    if (!this.running) return;
    const now = this.options.clock.now().getTime();
    this.timer.armAt(next === null ? null : next.getTime() > now ? next : new Date(now + busyRecheckMs));
  }
}
