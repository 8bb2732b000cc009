import type { Logger } from '../../logger.js';
import type { QuizStore } from '../quiz-store.js';
import { previousRun } from '../cron-schedule.js';
import type { QuizChannelGateway } from '../ports.js';
import type { PostQueue } from '../post-queue.js';
import type { Schedule } from '../types.js';
import { attempt } from './close-times.js';
import type { QuestionsBeingPosted } from './in-flight.js';
import type { Posting } from './posting.js';
import { manualSlotPrefix } from './slot-keys.js';

export interface StartUpRecoveryOptions {
  store: QuizStore;
  gateway: QuizChannelGateway;
  requests: PostQueue;
  logger: Logger;
  posting: Posting;
  beingPosted: QuestionsBeingPosted;
  /** A slot missed while the bot was down is still posted this long after it. */
  graceMs: number;
}

/** What a start finds left over from the last run: posts a crash left unrecorded, slots missed while the bot was down. */
export class StartUpRecovery {
  private readonly store: QuizStore;
  private readonly gateway: QuizChannelGateway;
  private readonly requests: PostQueue;
  private readonly logger: Logger;
  private readonly posting: Posting;
  private readonly beingPosted: QuestionsBeingPosted;
  private readonly graceMs: number;

  constructor(options: StartUpRecoveryOptions) {
    this.store = options.store;
    this.gateway = options.gateway;
    this.requests = options.requests;
    this.logger = options.logger;
    this.posting = options.posting;
    this.beingPosted = options.beingPosted;
    this.graceMs = options.graceMs;
  }

  /**
   * A question stored without a message id may have been posted all the same: the process died (SIGKILL, power)
   * between Discord creating the message and the bot storing its id. Adopt such a post, so it takes answers,
   * closes and is revealed like any other. A question posted now (`manual:`) that did not go out is dropped: the
   * admin was never told it worked. Scheduled slots are left to the catch-up below (late post or drop).
   */
  async recoverUnpostedQuestions(): Promise<void> {
    for (const question of await this.store.listUnpostedQuestions()) {
      if (this.beingPosted.has(question.id)) continue;
      const context = { guildId: question.guildId, channelId: question.channelId, questionId: question.id, slot: question.slotKey };
      let found: { messageId: string } | null;
      try {
        found = await this.requests.run(() => this.gateway.findQuestionPost(question));
      } catch (error) {
        // The catch-up (or the close time) deals with it; a post Discord made in the last minutes is de-duplicated by its nonce.
        this.logger.warn({ err: error, ...context }, 'could not look for a quiz post a crash may have left');
        continue;
      }
      if (found) {
        await this.store.setQuestionMessage(question.id, found.messageId);
        this.logger.info({ ...context, messageId: found.messageId }, 'quiz post a crash left unrecorded adopted');
      } else if (question.slotKey.startsWith(manualSlotPrefix) && (await this.store.discardUnpostedQuestion(question.id))) {
        this.logger.info(context, 'question posted now that a crash kept from going out dropped');
      }
    }
  }

  /** Post the latest slot if the bot missed it by at most the grace period; report whether it posted. */
  async catchUpSchedule(schedule: Schedule, now: Date): Promise<boolean> {
    const { guildId, channelId } = schedule;
    if (schedule.paused) return false;
    const slot = attempt(() => previousRun(schedule.cron, schedule.timezone, now));
    if (!slot) return false;
    const slotKey = slot.toISOString();
    const latest = await this.store.getLatestQuestion(guildId, channelId);
    if (latest?.slotKey === slotKey && latest.messageId !== null) return false;
    if (now.getTime() - slot.getTime() > this.graceMs) {
      // Too late to be useful; a question a crash left unposted for that slot is dropped, not shown.
      if (latest?.slotKey === slotKey) await this.store.discardUnpostedQuestion(latest.id);
      this.logger.info({ guildId, channelId, slot: slotKey }, 'missed quiz slot is past the grace period; waiting for the next');
      return false;
    }
    try {
      const outcome = await this.posting.runSlotOnce(guildId, channelId, slot, true);
      if (outcome.ok) this.logger.info({ guildId, channelId, slot: slotKey, questionId: outcome.question.id }, 'missed quiz slot posted late');
      return outcome.ok;
    } catch (error) {
      this.logger.error({ err: error, guildId, channelId, slot: slotKey }, 'posting a missed quiz slot failed');
      return false;
    }
  }
}
