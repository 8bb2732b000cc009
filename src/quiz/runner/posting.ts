import type { KnowledgeBase } from '../../kb/types.js';
import type { Logger } from '../../logger.js';
import type { QuizStore } from '../quiz-store.js';
import { ChannelUnavailableError, describeError, RateLimitedError, type Clock, type QuizChannelGateway } from '../ports.js';
import type { PostQueue } from '../post-queue.js';
import type { Schedule, ScheduleProblem, StoredQuestion } from '../types.js';
import { laterOf, type CloseTimes } from './close-times.js';
import type { Closing } from './closing.js';
import type { InFlightWork, QuestionsBeingPosted } from './in-flight.js';
import type { PostNowOptions, PostOutcome } from './outcomes.js';
import { OneAtATime } from './one-at-a-time.js';
import { noQuestion, type QuestionDraws } from './question-draws.js';
import { channelKey, createRandomKey, manualSlotPrefix } from './slot-keys.js';

/**
 * A stored question without a message that is younger than this is taken to be on its way out (posted right
 * now by another instance on the same database); an older one was left by a crash between storing and posting.
 * Generous, because discord.js retries a failing request for a while before giving up.
 */
const unpostedClaimMs = 5 * 60_000;

export interface PostingOptions {
  store: QuizStore;
  kb: KnowledgeBase;
  gateway: QuizChannelGateway;
  /** Shared with the reveals: one bound on requests in flight. */
  requests: PostQueue;
  clock: Clock;
  logger: Logger;
  draws: QuestionDraws;
  closeTimes: CloseTimes;
  closing: Closing;
  work: InFlightWork;
  beingPosted: QuestionsBeingPosted;
}

/**
 * Posts a question once per channel and slot. Owns the slot runs (a double trigger joins the run in progress)
 * and is the only writer of the questions being posted, which closing and the start-up recovery leave alone.
 */
export class Posting {
  private readonly store: QuizStore;
  private readonly kb: KnowledgeBase;
  private readonly gateway: QuizChannelGateway;
  private readonly requests: PostQueue;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly draws: QuestionDraws;
  private readonly closeTimes: CloseTimes;
  private readonly closing: Closing;
  private readonly work: InFlightWork;
  private readonly beingPosted: QuestionsBeingPosted;
  /** Slot runs in progress, so a double trigger joins the run instead of starting a second one. */
  private readonly slotRuns = new Map<string, Promise<PostOutcome>>();
  /** Per channel: "is a question open?" and storing the new one, so two posts now never both find none open. */
  private readonly manualPosts = new OneAtATime();

  constructor(options: PostingOptions) {
    this.store = options.store;
    this.kb = options.kb;
    this.gateway = options.gateway;
    this.requests = options.requests;
    this.clock = options.clock;
    this.logger = options.logger;
    this.draws = options.draws;
    this.closeTimes = options.closeTimes;
    this.closing = options.closing;
    this.work = options.work;
    this.beingPosted = options.beingPosted;
  }

  /** What a cron tick does for one slot. Idempotent per channel and slot: a double trigger never posts twice. */
  runSlot(guildId: string, channelId: string, slot: Date): Promise<PostOutcome> {
    return this.runSlotOnce(guildId, channelId, slot, false);
  }

  /**
   * `/quiz-admin now`: post a question at once, unless one is already open in the channel. In a channel paused
   * after a problem it tries anyway (the admin has likely just fixed it): a post that works resumes the schedule,
   * one that fails leaves it paused and reports why.
   */
  async postNow(guildId: string, channelId: string, options: PostNowOptions = {}): Promise<PostOutcome> {
    const stored = await this.manualPosts.run(channelKey(guildId, channelId), () => this.storeManualQuestion(guildId, channelId, options));
    if (!stored.ok) return stored.outcome;
    return this.work.track(this.publish(stored.question, stored.schedule));
  }

  private async storeManualQuestion(
    guildId: string,
    channelId: string,
    options: PostNowOptions,
  ): Promise<{ ok: true; question: StoredQuestion; schedule: Schedule | null } | { ok: false; outcome: PostOutcome }> {
    const open = await this.store.getOpenQuestion(guildId, channelId);
    if (open) {
      return { ok: false, outcome: { ok: false, reason: 'already-open', question: open } };
    }
    const schedule = await this.store.getSchedule(guildId, channelId);
    const now = this.clock.now();
    const slotKey = `${manualSlotPrefix}${createRandomKey()}`;
    const drawn = await this.draws.draw(schedule?.noteId ?? null, guildId, channelId, slotKey, now, true);
    if (!drawn) return { ok: false, outcome: noQuestion(schedule?.noteId ?? null) };
    const closesAt = schedule ? this.closeTimes.closeTimeFor(schedule, now) : this.closeTimes.closeTimeUnscheduled(now);
    const language = schedule?.language ?? options.language ?? null;
    const { question } = await this.store.createQuestion({ guildId, channelId, slotKey, question: drawn, language, createdAt: now, closesAt });
    return { ok: true, question, schedule };
  }

  /** `recovering`: called by the start-up catch-up, which has already looked for posts a crash left behind. */
  runSlotOnce(guildId: string, channelId: string, slot: Date, recovering: boolean): Promise<PostOutcome> {
    const key = `${channelKey(guildId, channelId)}/${slot.toISOString()}`;
    const running = this.slotRuns.get(key);
    if (running) return running;
    const run = this.work.track(this.postSlot(guildId, channelId, slot, recovering)).finally(() => this.slotRuns.delete(key));
    this.slotRuns.set(key, run);
    return run;
  }

  private async postSlot(guildId: string, channelId: string, slot: Date, recovering: boolean): Promise<PostOutcome> {
    const schedule = await this.store.getSchedule(guildId, channelId);
    if (!schedule) return { ok: false, reason: 'failed', failure: { kind: 'no-schedule' } };
    // A post that works (/quiz-admin now) or scheduling the channel again resumes it.
    if (schedule.paused) return { ok: false, reason: 'channel-problem', problem: schedule.lastProblem, paused: true };
    const now = this.clock.now();
    const postedAt = laterOf(slot, now);
    // Reveal the previous question before the next one appears (at the channel's next slot by default).
    await this.closing.closeDueInChannel(guildId, channelId, postedAt);

    const slotKey = slot.toISOString();
    const latest = await this.store.getLatestQuestion(guildId, channelId);
    if (latest?.slotKey === slotKey) return this.resumeSlotQuestion(latest, schedule, recovering, now);

    const drawn = await this.draws.draw(schedule.noteId, guildId, channelId, slotKey, now, true);
    if (!drawn) {
      const outcome = noQuestion(schedule.noteId);
      await this.store.recordScheduleProblem(guildId, channelId, { kind: 'no-question', noteId: schedule.noteId }, now, false);
      this.logger.warn({ guildId, channelId, slot: slotKey, noteId: schedule.noteId }, 'no quiz question could be drawn for a slot');
      return outcome;
    }
    const closesAt = this.closeTimes.closeTimeFor(schedule, postedAt);
    const { created, question } = await this.store.createQuestion({
      guildId,
      channelId,
      slotKey,
      question: drawn,
      language: schedule.language,
      createdAt: now,
      closesAt,
    });
    // Another trigger (or another instance on the same database) stored this slot first.
    if (!created) return this.resumeSlotQuestion(question, schedule, recovering, now);
    return this.publish(question, schedule);
  }

  /** The slot's question already exists: never post it twice, but finish a post that a crash interrupted. */
  private resumeSlotQuestion(question: StoredQuestion, schedule: Schedule, recovering: boolean, now: Date): Promise<PostOutcome> | PostOutcome {
    if (question.messageId !== null) return { ok: true, question };
    if (question.status === 'closed') return { ok: false, reason: 'failed', failure: { kind: 'slot-closed' } };
    const claimed = this.beingPosted.has(question.id) || (!recovering && now.getTime() - question.createdAt.getTime() < unpostedClaimMs);
    // Being posted right now (by this instance, or by another on the same database).
    if (claimed) return { ok: false, reason: 'already-open', question };
    this.logger.info(
      { guildId: question.guildId, channelId: question.channelId, questionId: question.id },
      'posting a question a crash left unposted',
    );
    // At start-up the crash's post was already looked for (`recoverUnpostedQuestions`); otherwise look now.
    return this.publish(question, schedule, { lookFirst: !recovering });
  }

  /**
   * Post a stored question, once. Discord may create the message and still fail to answer (a 5xx or a hang
   * after creation): the post carries a nonce Discord de-duplicates, and after a failure the bot looks for its
   * own post before giving the slot up, so the channel never holds an orphan copy nobody reveals.
   */
  private async publish(question: StoredQuestion, schedule: Schedule | null, options: { lookFirst?: boolean } = {}): Promise<PostOutcome> {
    const concept = this.kb.getConcept(question.conceptId);
    if (!concept) {
      // Only a question stored before a crash can meet notes that changed since; drop it so the slot can be drawn again.
      await this.store.discardUnpostedQuestion(question.id);
      return { ok: false, reason: 'failed', failure: { kind: 'concept-gone', conceptId: question.conceptId } };
    }
    this.beingPosted.add(question.id);
    // `return await` throughout: the question stays "being posted" until its message id (or its failure) is stored.
    try {
      const found = options.lookFirst ? await this.findPost(question) : null;
      if (found) return await this.recordPost(question, schedule, found.messageId, 'quiz question found already posted; adopted');
      const { messageId } = await this.requests.run(() => this.gateway.postQuestion(question, concept, this.kb.getDocument(concept.documentId)));
      return await this.recordPost(question, schedule, messageId, 'quiz question posted');
    } catch (error) {
      // Not for refusals (403/404/429): Discord made nothing then. A 5xx or a timeout may hide a message it did make.
      const lost = error instanceof ChannelUnavailableError || error instanceof RateLimitedError ? null : await this.findPost(question);
      if (lost) return await this.recordPost(question, schedule, lost.messageId, 'quiz question posted though Discord never confirmed it; adopted');
      return await this.recordPostFailure(question, error);
    } finally {
      this.beingPosted.delete(question.id);
    }
  }

  private async recordPost(question: StoredQuestion, schedule: Schedule | null, messageId: string, event: string): Promise<PostOutcome> {
    const { guildId, channelId } = question;
    await this.store.setQuestionMessage(question.id, messageId);
    const resumed = schedule !== null && (await this.resumeAfterWorkingPost(guildId, channelId));
    this.logger.info({ guildId, channelId, questionId: question.id, slot: question.slotKey, conceptId: question.conceptId, messageId }, event);
    this.closing.armCloseTimerFor(question.closesAt);
    return { ok: true, question: { ...question, messageId }, ...(resumed ? { resumed } : {}) };
  }

  /** The bot's own post of the question in its channel, or null when there is none or the channel cannot be read. */
  private async findPost(question: StoredQuestion): Promise<{ messageId: string } | null> {
    try {
      return await this.requests.run(() => this.gateway.findQuestionPost(question));
    } catch (error) {
      this.logger.warn(
        { err: error, guildId: question.guildId, channelId: question.channelId, questionId: question.id },
        'looking for a quiz post Discord may have made failed',
      );
      return null;
    }
  }

  /**
   * A post that works makes the channel's last problem history (the log keeps it), and ends a pause: the channel
   * evidently takes posts again. Read afresh, since an admin may have unscheduled the channel during the post.
   */
  private async resumeAfterWorkingPost(guildId: string, channelId: string): Promise<boolean> {
    const current = await this.store.getSchedule(guildId, channelId);
    if (!current || (!current.paused && current.lastProblem === null)) return false;
    if (!current.paused) {
      await this.store.clearScheduleProblem(guildId, channelId);
      return false;
    }
    // Saving the schedule unchanged clears the pause and the problem, as scheduling the channel again would.
    await this.store.saveSchedule(current);
    this.logger.info({ guildId, channelId, problem: current.lastProblem }, 'paused quiz channel resumed: a post worked');
    return true;
  }

  private async recordPostFailure(question: StoredQuestion, error: unknown): Promise<PostOutcome> {
    const { guildId, channelId } = question;
    const now = this.clock.now();
    // Unposted, the question must not block the slot: a later try (the next slot, or the slot again after
    // the channel is scheduled anew) can draw and post it.
    await this.store.discardUnpostedQuestion(question.id);
    if (error instanceof RateLimitedError) {
      // Cleanly unposted (nothing stored, nothing in the channel) rather than posted late: a question that turns
      // up an hour after its slot would close at a surprising time, and the admin asking now is better told at
      // once. The next slot (or `/quiz-admin now` after the wait) tries again; the wait is no reason to pause.
      await this.store.recordScheduleProblem(guildId, channelId, { kind: 'rate-limited', retryAfterMs: error.retryAfterMs }, now, false);
      this.logger.warn(
        { guildId, channelId, questionId: question.id, retryAfterMs: error.retryAfterMs },
        'quiz question not posted: rate limited for long',
      );
      return { ok: false, reason: 'rate-limited', retryAfterMs: error.retryAfterMs };
    }
    if (error instanceof ChannelUnavailableError) {
      // Pause instead of failing at every slot: every refused request counts toward Discord's limit of
      // 10,000 invalid requests (401/403/429) in 10 minutes, after which the whole bot, in every guild, is
      // banned from the API for a while. Scheduling the channel again resumes it.
      // Its schedule stays paused until a post works again or the channel is scheduled again.
      const problem = toScheduleProblem(error);
      await this.store.recordScheduleProblem(guildId, channelId, problem, now, true);
      this.logger.warn({ guildId, channelId, problem: error.problem, reason: error.message }, 'quiz channel unavailable; schedule paused');
      return { ok: false, reason: 'channel-problem', problem };
    }
    // The next slot tries again.
    const failure = { kind: 'post-failed', error: describeError(error) } as const;
    await this.store.recordScheduleProblem(guildId, channelId, failure, now, false);
    this.logger.error({ err: error, guildId, channelId, questionId: question.id, slot: question.slotKey }, 'posting a quiz question failed');
    return { ok: false, reason: 'failed', failure };
  }
}

/** What the channel refused, as data for the admin's view (the error's message is for the log). */
function toScheduleProblem(error: ChannelUnavailableError): ScheduleProblem {
  if (error.problem === 'missing-permissions') return { kind: 'missing-permissions', permissions: [...error.missingPermissions] };
  return { kind: error.problem };
}
