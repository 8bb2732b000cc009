import { randomBytes } from 'node:crypto';
import type { KnowledgeBase } from '../kb/types.js';
import type { Logger } from '../logger.js';
import type { QuizStore } from '../store/quiz-store.js';
import { closeAfterMinutesRange, isValidCloseAfterMinutes } from './close-after.js';
import { type CronProblem, minimumScheduleGapMs, nextRuns, previousRun, validateSchedule } from './cron-schedule.js';
import { drawQuestion, seedFor } from './draw-question.js';
import { DueTimer } from './due-timer.js';
import { chooseFlashcard, findFlashcard, listFlashcards, type FlashcardGrade, type PracticeCard, type SelfGrade } from './flashcard-practice.js';
import { findUnaskableConcepts } from './generate-question.js';
import { ChannelUnavailableError, RateLimitedError, systemClock, type Clock, type QuizChannelGateway } from './ports.js';
import { PostQueue } from './post-queue.js';
import { defaultRevealRetryPolicy, ResultReveals } from './result-reveals.js';
import { SlotTicker } from './slot-ticker.js';
import type { ClosedQuestion, PendingReveal, RecordAnswerResult, Schedule, ScheduleProblem, StoredQuestion } from './types.js';

/** 09:00 Monday to Friday. */
export const defaultCron = '0 9 * * 1-5';
const defaultTimezoneExample = 'Asia/Seoul';
/** `/quiz-admin now` in a channel without a schedule (and no configured duration) stays open this long. */
const unscheduledCloseMinutes = 60;
const practiceCloseMinutes = 10;
const manualSlotPrefix = 'manual:';
/**
 * A stored question without a message that is younger than this is taken to be on its way out (posted right
 * now by another instance on the same database); an older one was left by a crash between storing and posting.
 * Generous, because discord.js retries a failing request for a while before giving up.
 */
const unpostedClaimMs = 5 * 60_000;
const failedCloseRetryMs = 5_000;
/** A cron expression that never matches again still needs its question closed some day. */
const fallbackCloseMs = 24 * 60 * 60_000;

export interface QuizRunnerOptions {
  store: QuizStore;
  kb: KnowledgeBase;
  gateway: QuizChannelGateway;
  clock?: Clock;
  logger: Logger;
  /** Time zone of a schedule that names none (`DEFAULT_TIMEZONE`). */
  defaultTimezone: string;
  /** A slot missed while the bot was down is still posted this many minutes late. */
  graceMinutes: number;
  /** Close questions after this many minutes instead of at the channel's next slot. */
  closeAfterMinutes?: number | null;
  /** Base seed of every draw: the same seed, slot and history give the same question. */
  seed?: number;
  /** Posts and reveal edits in flight at once (default 10). */
  maxRequestsInFlight?: number;
  /** Wait before the first retry of a reveal edit that failed (default one minute); each later wait doubles. */
  resultRetryDelayMs?: number;
  /** Shortest gap between two posts a schedule may have (default 10 minutes; tests lower it for seconds-level crons). */
  minScheduleGapMs?: number;
  /** The longest wait between two tries of a reveal edit (default one hour). */
  resultRetryMaxDelayMs?: number;
  /** How long after the close a failing reveal edit is still tried (default a day). */
  resultRetryWindowMs?: number;
}

export interface ScheduleChannelInput {
  guildId: string;
  channelId: string;
  /** Empty or absent = `0 9 * * 1-5`. */
  cron?: string | null;
  /** Empty or absent = the runner's default time zone. */
  timezone?: string | null;
  /** Limit questions to one note (document id). */
  noteId?: string | null;
  /** Close after this many minutes instead of at the next slot. */
  closeAfterMinutes?: number | null;
  /** The language of the channel's posts (the admin's); absent = the server's. */
  language?: string | null;
  createdBy: string;
}

/** Why a schedule was refused, as a code with its data: the view words it in the admin's language. */
export type ScheduleRefusal =
  /** What is wrong with the expression; `example` is a valid one to copy. */
  | { reason: 'invalid-cron'; cronProblem: CronProblem; example: string }
  | { reason: 'invalid-timezone'; example: string }
  | { reason: 'invalid-close-after'; minutes: number; min: number; max: number }
  /** `knownNotes`: the document ids that do exist. */
  | { reason: 'unknown-note'; noteId: string; knownNotes: string[] }
  /** Names of the permissions the bot lacks in the channel. */
  | { reason: 'missing-permissions'; missing: string[] }
  | { reason: 'unknown-channel' };

export type ScheduleOutcome = { ok: true; schedule: Schedule; nextRuns: Date[] } | ({ ok: false } & ScheduleRefusal);

/** Why a post did not go out, as a code with its data (see `ScheduleProblem` for what the channel refused). */
export type PostRefusal =
  /** The question open in the channel (or the slot's question, being posted right now). */
  | { reason: 'already-open'; question: StoredQuestion }
  | { reason: 'no-question'; noteId: string | null }
  /** The channel refused the post; or, with `paused`, its schedule is paused after `problem` and was not tried. */
  | { reason: 'channel-problem'; problem: ScheduleProblem | null; paused?: true }
  /** How long Discord asks the bot to wait. */
  | { reason: 'rate-limited'; retryAfterMs: number }
  | { reason: 'failed'; failure: PostFailure };

export type PostFailure =
  | { kind: 'no-schedule' }
  /** The slot's question closed before it could be posted. */
  | { kind: 'slot-closed' }
  /** The stored question's concept is no longer in the notes. */
  | { kind: 'concept-gone'; conceptId: string }
  /** A transient failure: the platform's or library's own words (`503 Service Unavailable`). */
  | { kind: 'post-failed'; error: string };

export type PostOutcome =
  | {
      ok: true;
      question: StoredQuestion;
      /** The channel's schedule had been paused after a problem; this post worked, so it runs again. */
      resumed?: boolean;
    }
  | ({ ok: false } & PostRefusal);

export interface ScheduleListing {
  schedule: Schedule;
  /** Null while paused. */
  nextRun: Date | null;
  openQuestion: StoredQuestion | null;
  /** A closed question whose post still shows it open: its reveal edit has not landed yet and is being retried. */
  unrevealed?: PendingReveal | null;
  /** Minutes from post to reveal, or null for "at the next post" (the schedule's own or the bot's setting). */
  closeAfterMinutes: number | null;
}

export type FlashcardGradeOutcome =
  | { ok: true; card: PracticeCard; grade: FlashcardGrade }
  /** The notes no longer hold the card (edited or removed since its buttons were made): nothing is stored. */
  | { ok: false; reason: 'unknown-card' };

export interface PostNowOptions {
  /** The language of the post in a channel without a schedule (the admin's); a schedule's own language wins. */
  language?: string | null;
}

/**
 * The quiz's story: schedules fire, a question is drawn from the notes and posted once per slot, members
 * answer, the question closes and its result is shown. It talks to the chat platform only through
 * `QuizChannelGateway` and keeps everything in the `QuizStore`, so a restart (or a second instance on the same
 * database) picks up where the last one stopped.
 */
export class QuizRunner {
  private readonly store: QuizStore;
  private readonly kb: KnowledgeBase;
  private readonly gateway: QuizChannelGateway;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly defaultTimezone: string;
  private readonly graceMs: number;
  private readonly closeAfterMinutes: number | null;
  private readonly seed: number;
  private readonly minScheduleGapMs: number;
  private readonly unaskable: ReadonlySet<string>;
  /** Every flashcard of the notes, in note order (the notes do not change while the bot runs). */
  private readonly flashcards: readonly PracticeCard[];
  private readonly requests: PostQueue;
  private readonly ticker: SlotTicker;
  private readonly closeTimer: DueTimer;
  private readonly reveals: ResultReveals;
  /** Slot runs in progress, so a double trigger joins the run instead of starting a second one. */
  private readonly slotRuns = new Map<string, Promise<PostOutcome>>();
  /** Questions being posted right now: not to be discarded or closed under the post. */
  private readonly posting = new Set<string>();
  private readonly pendingWork = new Set<Promise<unknown>>();
  private sweep: Promise<void> | null = null;
  private running = false;

  constructor(options: QuizRunnerOptions) {
    this.store = options.store;
    this.kb = options.kb;
    this.gateway = options.gateway;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger;
    this.defaultTimezone = options.defaultTimezone;
    this.graceMs = options.graceMinutes * 60_000;
    this.closeAfterMinutes = options.closeAfterMinutes ?? null;
    this.seed = options.seed ?? 0;
    this.minScheduleGapMs = options.minScheduleGapMs ?? minimumScheduleGapMs;
    this.unaskable = new Set(findUnaskableConcepts(options.kb).map((skipped) => skipped.conceptId));
    this.flashcards = listFlashcards(options.kb);
    this.requests = new PostQueue(options.maxRequestsInFlight ?? 10);
    this.ticker = new SlotTicker(options.logger);
    this.closeTimer = new DueTimer(this.clock, () => this.onCloseTimer());
    this.reveals = new ResultReveals({
      store: this.store,
      kb: this.kb,
      gateway: this.gateway,
      requests: this.requests,
      clock: this.clock,
      logger: this.logger,
      policy: {
        firstDelayMs: options.resultRetryDelayMs ?? defaultRevealRetryPolicy.firstDelayMs,
        maxDelayMs: options.resultRetryMaxDelayMs ?? defaultRevealRetryPolicy.maxDelayMs,
        windowMs: options.resultRetryWindowMs ?? defaultRevealRetryPolicy.windowMs,
      },
      track: (work) => this.track(work),
    });
  }

  // Lifecycle

  /**
   * Adopt posts a crash left unrecorded, retry reveals still owed, close overdue questions, post slots missed
   * within the grace period, then start the cron tasks and the timers.
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.recoverUnpostedQuestions();
    // Reveals owed from before the restart first; the closes below add their own.
    await this.reveals.start();
    const closed = await this.closeDueQuestions();
    const now = this.clock.now();
    const schedules = this.store.listSchedules();
    const latePosts = await Promise.all(schedules.map((schedule) => this.catchUpSchedule(schedule, now)));
    // stop() may have been called while the catch-up was waiting for the platform.
    if (!this.running) return;
    for (const schedule of schedules) this.startTicking(schedule);
    this.rearmCloseTimer();
    this.logger.info(
      { schedules: schedules.length, closedOverdue: closed.length, postedLate: latePosts.filter(Boolean).length },
      'quiz runner started',
    );
  }

  /** Stop ticking and timers. Posts already in flight finish; `waitForIdle()` waits for them. */
  stop(): void {
    this.running = false;
    this.ticker.stopAll();
    this.closeTimer.disarm();
    this.reveals.stop();
  }

  /**
   * Resolves when no post, close or reveal of this runner is in flight: call it after `stop()` and before
   * closing the store, so a post that succeeds during shutdown still gets its message id stored. With
   * `timeoutMs`, gives up waiting after that long; resolves whether it became idle.
   */
  async waitForIdle(timeoutMs?: number): Promise<boolean> {
    const drained = (async () => {
      while (this.pendingWork.size > 0) await Promise.allSettled([...this.pendingWork]);
      return true;
    })();
    if (timeoutMs === undefined) return drained;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([drained, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  // Schedules

  async scheduleChannel(input: ScheduleChannelInput): Promise<ScheduleOutcome> {
    const { guildId, channelId } = input;
    const cron = input.cron?.trim() || defaultCron;
    const timezone = input.timezone?.trim() || this.defaultTimezone;
    const noteId = input.noteId?.trim() || null;

    const now = this.clock.now();
    // validateSchedule's messages already carry an example to copy.
    const validation = validateSchedule(cron, timezone, now, this.minScheduleGapMs);
    if (!validation.ok) {
      return validation.field === 'cron'
        ? { ok: false, reason: 'invalid-cron', cronProblem: validation.problem, example: defaultCron }
        : { ok: false, reason: 'invalid-timezone', example: defaultTimezoneExample };
    }
    // The command checks this too; the runner guards its own store, because a huge value breaks every later post.
    const closeAfterMinutes = input.closeAfterMinutes ?? null;
    if (closeAfterMinutes !== null && !isValidCloseAfterMinutes(closeAfterMinutes)) {
      const { min, max } = closeAfterMinutesRange;
      return { ok: false, reason: 'invalid-close-after', minutes: closeAfterMinutes, min, max };
    }
    if (noteId !== null && !this.kb.getDocument(noteId)) {
      return { ok: false, reason: 'unknown-note', noteId, knownNotes: this.kb.documents.map((document) => document.id) };
    }

    let missing: string[];
    try {
      missing = await this.gateway.findMissingPermissions(guildId, channelId);
    } catch (error) {
      if (!(error instanceof ChannelUnavailableError)) throw error;
      return { ok: false, reason: 'unknown-channel' };
    }
    if (missing.length > 0) {
      return { ok: false, reason: 'missing-permissions', missing };
    }

    // Saving again also resumes a schedule paused after a 403/404: the admin has just fixed the channel.
    const schedule = this.store.saveSchedule({
      guildId,
      channelId,
      cron,
      timezone,
      noteId,
      closeAfterMinutes,
      language: input.language ?? null,
      createdBy: input.createdBy,
      createdAt: now,
    });
    // Leaderboard weeks and months follow the zone the guild's admins schedule in.
    this.store.setGuildTimezone(guildId, timezone);
    if (this.running) this.startTicking(schedule);
    this.logger.info({ guildId, channelId, cron, timezone, noteId, createdBy: input.createdBy }, 'quiz channel scheduled');
    return { ok: true, schedule, nextRuns: nextRuns(cron, timezone, now, 3) };
  }

  /** Stop posting in a channel; its open question still closes on time. */
  unscheduleChannel(guildId: string, channelId: string): boolean {
    this.ticker.stop(channelKey(guildId, channelId));
    const removed = this.store.deleteSchedule(guildId, channelId);
    if (removed) this.logger.info({ guildId, channelId }, 'quiz channel unscheduled');
    return removed;
  }

  listSchedules(guildId: string): ScheduleListing[] {
    const now = this.clock.now();
    return this.store.listSchedules(guildId).map((schedule) => ({
      schedule,
      nextRun: schedule.paused ? null : (attempt(() => nextRuns(schedule.cron, schedule.timezone, now, 1)[0]) ?? null),
      openQuestion: this.store.getOpenQuestion(guildId, schedule.channelId),
      unrevealed: this.store.getPendingReveal(guildId, schedule.channelId),
      closeAfterMinutes: this.closeAfterMinutesFor(schedule),
    }));
  }

  /** Minutes from post to reveal in a channel, or null when a question closes at the channel's next post. */
  closeAfterMinutesFor(schedule: Pick<Schedule, 'closeAfterMinutes'>): number | null {
    return schedule.closeAfterMinutes ?? this.closeAfterMinutes;
  }

  // Posting

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
    const open = this.store.getOpenQuestion(guildId, channelId);
    if (open) {
      return { ok: false, reason: 'already-open', question: open };
    }
    const schedule = this.store.getSchedule(guildId, channelId);
    const now = this.clock.now();
    const slotKey = `${manualSlotPrefix}${createRandomKey()}`;
    const drawn = this.drawFor(schedule?.noteId ?? null, guildId, channelId, slotKey, now, true);
    if (!drawn) return this.noQuestion(schedule?.noteId ?? null);
    const closesAt = schedule ? this.closeTimeFor(schedule, now) : addMinutes(now, this.closeAfterMinutes ?? unscheduledCloseMinutes);
    const language = schedule?.language ?? options.language ?? null;
    const { question } = this.store.createQuestion({ guildId, channelId, slotKey, question: drawn, language, createdAt: now, closesAt });
    return this.track(this.publish(question, schedule));
  }

  /**
   * A practice question for one member: stored (so the answer buttons work) but not posted by the runner (the
   * command shows it ephemerally) and never scored. Null when the scope has nothing to ask.
   */
  createPractice(guildId: string, channelId: string, userId: string, noteId?: string | null): StoredQuestion | null {
    const scopeNote = this.practiceScopeNote(guildId, channelId, noteId);
    const now = this.clock.now();
    const slotKey = `practice:${createRandomKey()}`;
    // The round is the channel's: practising must not use up concepts the channel has yet to see.
    const drawn = this.drawFor(scopeNote, guildId, channelId, slotKey, now, false);
    if (!drawn) return null;
    const closesAt = addMinutes(now, practiceCloseMinutes);
    const { question } = this.store.createQuestion({
      guildId,
      channelId,
      slotKey,
      question: drawn,
      practiceUserId: userId,
      createdAt: now,
      closesAt,
    });
    this.armCloseTimerFor(closesAt);
    return question;
  }

  /**
   * The member's next flashcard in the practice scope (as for `createPractice`), or null when no card there is
   * due (see `chooseFlashcard`). Practice offers these author-written cards before generated questions.
   */
  drawFlashcard(guildId: string, channelId: string, userId: string, noteId?: string | null): PracticeCard | null {
    const scopeNote = this.practiceScopeNote(guildId, channelId, noteId);
    const cards = scopeNote === null ? this.flashcards : this.flashcards.filter((card) => card.documentId === scopeNote);
    if (cards.length === 0) return null;
    return chooseFlashcard(cards, this.store.listLatestFlashcardGrades(guildId, userId), this.clock.now());
  }

  /** The card behind a key of the current notes, or undefined when it is gone. */
  findFlashcard(cardKey: string): PracticeCard | undefined {
    return findFlashcard(this.flashcards, cardKey);
  }

  /** Store a member's self-grade of a card; stored durably before this returns, so the caller acknowledges only what is kept. */
  gradeFlashcard(guildId: string, userId: string, cardKey: string, grade: SelfGrade): FlashcardGradeOutcome {
    const card = this.findFlashcard(cardKey);
    if (!card) return { ok: false, reason: 'unknown-card' };
    const stored = this.store.recordFlashcardGrade({ guildId, userId, conceptId: card.conceptId, cardKey, grade, gradedAt: this.clock.now() });
    this.logger.debug({ guildId, userId, conceptId: card.conceptId, cardKey, grade }, 'flashcard graded');
    return { ok: true, card, grade: stored };
  }

  /** Practice asks about the note named, else the note the channel's schedule is limited to, else every note. */
  private practiceScopeNote(guildId: string, channelId: string, noteId: string | null | undefined): string | null {
    return noteId ?? this.store.getSchedule(guildId, channelId)?.noteId ?? null;
  }

  // Answering and closing

  /** Stored durably before this returns, so the caller acknowledges only what survives a crash. */
  answer(questionId: string, userId: string, userName: string, choice: number): RecordAnswerResult {
    const result = this.store.recordAnswer(questionId, userId, userName, choice, this.clock.now());
    if (result.kind === 'closed' && result.question.status === 'open') {
      // Past its close time but not closed yet (the timer is about to fire): close it now rather than later.
      void this.closeQuestion(questionId).catch((error: unknown) =>
        this.logger.error({ err: error, questionId }, 'closing a question past its close time failed'),
      );
    }
    return result;
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
    return this.track(this.closeAndShow(questionId));
  }

  /** Close (or drop, when never posted) every question past its close time, then arm the timer for the next. */
  async closeDueQuestions(): Promise<ClosedQuestion[]> {
    const due = this.store.listOverdueQuestions(this.clock.now()).filter((question) => !this.posting.has(question.id));
    const settled = await Promise.all(
      due.map(async (question) => {
        try {
          return await this.settleDueQuestion(question);
        } catch (error) {
          this.logger.error({ err: error, questionId: question.id, guildId: question.guildId, channelId: question.channelId }, 'closing a due question failed');
          return null;
        }
      }),
    );
    this.rearmCloseTimer();
    return settled.filter((closed): closed is ClosedQuestion => closed !== null);
  }

  /** Askable concept ids of one note, or of every note (`null`). */
  scopeFor(noteId: string | null): string[] {
    return this.kb.concepts
      .filter((concept) => (noteId === null || concept.documentId === noteId) && !this.unaskable.has(concept.id))
      .map((concept) => concept.id);
  }

  /** When a question posted now in this channel would close. */
  closeTimeFor(schedule: Schedule, from: Date): Date {
    const minutes = this.closeAfterMinutesFor(schedule);
    if (minutes !== null) return addMinutes(from, minutes);
    const next = attempt(() => nextRuns(schedule.cron, schedule.timezone, from, 2).find((run) => run.getTime() > from.getTime()));
    return next ?? new Date(from.getTime() + fallbackCloseMs);
  }

  // Slot runs

  private runSlotOnce(guildId: string, channelId: string, slot: Date, recovering: boolean): Promise<PostOutcome> {
    const key = `${channelKey(guildId, channelId)}/${slot.toISOString()}`;
    const running = this.slotRuns.get(key);
    if (running) return running;
    const run = this.track(this.postSlot(guildId, channelId, slot, recovering)).finally(() => this.slotRuns.delete(key));
    this.slotRuns.set(key, run);
    return run;
  }

  private async postSlot(guildId: string, channelId: string, slot: Date, recovering: boolean): Promise<PostOutcome> {
    const schedule = this.store.getSchedule(guildId, channelId);
    if (!schedule) return { ok: false, reason: 'failed', failure: { kind: 'no-schedule' } };
    // A post that works (/quiz-admin now) or scheduling the channel again resumes it.
    if (schedule.paused) return { ok: false, reason: 'channel-problem', problem: schedule.lastProblem, paused: true };
    const now = this.clock.now();
    const postedAt = laterOf(slot, now);
    // Reveal the previous question before the next one appears (at the channel's next slot by default).
    await this.closeDueInChannel(guildId, channelId, postedAt);

    const slotKey = slot.toISOString();
    const latest = this.store.getLatestQuestion(guildId, channelId);
    if (latest?.slotKey === slotKey) return this.resumeSlotQuestion(latest, schedule, recovering, now);

    const drawn = this.drawFor(schedule.noteId, guildId, channelId, slotKey, now, true);
    if (!drawn) {
      const outcome = this.noQuestion(schedule.noteId);
      this.store.recordScheduleProblem(guildId, channelId, { kind: 'no-question', noteId: schedule.noteId }, now, false);
      this.logger.warn({ guildId, channelId, slot: slotKey, noteId: schedule.noteId }, 'no quiz question could be drawn for a slot');
      return outcome;
    }
    const closesAt = this.closeTimeFor(schedule, postedAt);
    const { created, question } = this.store.createQuestion({
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
    const claimed = this.posting.has(question.id) || (!recovering && now.getTime() - question.createdAt.getTime() < unpostedClaimMs);
    // Being posted right now (by this instance, or by another on the same database).
    if (claimed) return { ok: false, reason: 'already-open', question };
    this.logger.info({ guildId: question.guildId, channelId: question.channelId, questionId: question.id }, 'posting a question a crash left unposted');
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
      this.store.discardUnpostedQuestion(question.id);
      return { ok: false, reason: 'failed', failure: { kind: 'concept-gone', conceptId: question.conceptId } };
    }
    this.posting.add(question.id);
    try {
      const found = options.lookFirst ? await this.findPost(question) : null;
      if (found) return this.recordPost(question, schedule, found.messageId, 'quiz question found already posted; adopted');
      const { messageId } = await this.requests.run(() => this.gateway.postQuestion(question, concept, this.kb.getDocument(concept.documentId)));
      return this.recordPost(question, schedule, messageId, 'quiz question posted');
    } catch (error) {
      // Not for refusals (403/404/429): Discord made nothing then. A 5xx or a timeout may hide a message it did make.
      const lost = error instanceof ChannelUnavailableError || error instanceof RateLimitedError ? null : await this.findPost(question);
      if (lost) return this.recordPost(question, schedule, lost.messageId, 'quiz question posted though Discord never confirmed it; adopted');
      return this.recordPostFailure(question, error);
    } finally {
      this.posting.delete(question.id);
    }
  }

  private recordPost(question: StoredQuestion, schedule: Schedule | null, messageId: string, event: string): PostOutcome {
    const { guildId, channelId } = question;
    this.store.setQuestionMessage(question.id, messageId);
    const resumed = schedule !== null && this.resumeAfterWorkingPost(guildId, channelId);
    this.logger.info({ guildId, channelId, questionId: question.id, slot: question.slotKey, conceptId: question.conceptId, messageId }, event);
    this.armCloseTimerFor(question.closesAt);
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
  private resumeAfterWorkingPost(guildId: string, channelId: string): boolean {
    const current = this.store.getSchedule(guildId, channelId);
    if (!current || (!current.paused && current.lastProblem === null)) return false;
    if (!current.paused) {
      this.store.clearScheduleProblem(guildId, channelId);
      return false;
    }
    // Saving the schedule unchanged clears the pause and the problem, as scheduling the channel again would.
    this.store.saveSchedule(current);
    this.logger.info({ guildId, channelId, problem: current.lastProblem }, 'paused quiz channel resumed: a post worked');
    return true;
  }

  private recordPostFailure(question: StoredQuestion, error: unknown): PostOutcome {
    const { guildId, channelId } = question;
    const now = this.clock.now();
    // Unposted, the question must not block the slot: a later try (the next slot, or the slot again after
    // the channel is scheduled anew) can draw and post it.
    this.store.discardUnpostedQuestion(question.id);
    if (error instanceof RateLimitedError) {
      // Cleanly unposted (nothing stored, nothing in the channel) rather than posted late: a question that turns
      // up an hour after its slot would close at a surprising time, and the admin asking now is better told at
      // once. The next slot (or `/quiz-admin now` after the wait) tries again; the wait is no reason to pause.
      this.store.recordScheduleProblem(guildId, channelId, { kind: 'rate-limited', retryAfterMs: error.retryAfterMs }, now, false);
      this.logger.warn({ guildId, channelId, questionId: question.id, retryAfterMs: error.retryAfterMs }, 'quiz question not posted: rate limited for long');
      return { ok: false, reason: 'rate-limited', retryAfterMs: error.retryAfterMs };
    }
    if (error instanceof ChannelUnavailableError) {
      // Pause instead of failing at every slot: every refused request counts toward Discord's limit of
      // 10,000 invalid requests (401/403/429) in 10 minutes, after which the whole bot, in every guild, is
      // banned from the API for a while. Scheduling the channel again resumes it.
      // Its schedule stays paused until a post works again or the channel is scheduled again.
      const problem = toScheduleProblem(error);
      this.store.recordScheduleProblem(guildId, channelId, problem, now, true);
      this.logger.warn({ guildId, channelId, problem: error.problem, reason: error.message }, 'quiz channel unavailable; schedule paused');
      return { ok: false, reason: 'channel-problem', problem };
    }
    // The next slot tries again.
    const failure = { kind: 'post-failed', error: describeError(error) } as const;
    this.store.recordScheduleProblem(guildId, channelId, failure, now, false);
    this.logger.error({ err: error, guildId, channelId, questionId: question.id, slot: question.slotKey }, 'posting a quiz question failed');
    return { ok: false, reason: 'failed', failure };
  }

  private drawFor(noteId: string | null, guildId: string, channelId: string, slotKey: string, now: Date, inRound: boolean) {
    const scope = this.scopeFor(noteId);
    if (scope.length === 0) return null;
    return drawQuestion(this.kb, {
      scope,
      performance: this.store.getConceptPerformance(guildId, channelId),
      askedThisRound: inRound ? this.store.listConceptsAskedThisRound(guildId, channelId, scope) : new Set(),
      seed: seedFor(this.seed, guildId, channelId, slotKey),
      now,
    });
  }

  /** No concept of the scope can be asked (`cli kb check` says why). */
  private noQuestion(noteId: string | null): Extract<PostOutcome, { ok: false }> {
    return { ok: false, reason: 'no-question', noteId };
  }

  // Start-up

  /**
   * A question stored without a message id may have been posted all the same: the process died (SIGKILL, power)
   * between Discord creating the message and the bot storing its id. Adopt such a post, so it takes answers,
   * closes and is revealed like any other. A question posted now (`manual:`) that did not go out is dropped: the
   * admin was never told it worked. Scheduled slots are left to the catch-up below (late post or drop).
   */
  private async recoverUnpostedQuestions(): Promise<void> {
    for (const question of this.store.listUnpostedQuestions()) {
      if (this.posting.has(question.id)) continue;
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
        this.store.setQuestionMessage(question.id, found.messageId);
        this.logger.info({ ...context, messageId: found.messageId }, 'quiz post a crash left unrecorded adopted');
      } else if (question.slotKey.startsWith(manualSlotPrefix) && this.store.discardUnpostedQuestion(question.id)) {
        this.logger.info(context, 'question posted now that a crash kept from going out dropped');
      }
    }
  }

  /** Post the latest slot if the bot missed it by at most the grace period; report whether it posted. */
  private async catchUpSchedule(schedule: Schedule, now: Date): Promise<boolean> {
    const { guildId, channelId } = schedule;
    if (schedule.paused) return false;
    const slot = attempt(() => previousRun(schedule.cron, schedule.timezone, now));
    if (!slot) return false;
    const slotKey = slot.toISOString();
    const latest = this.store.getLatestQuestion(guildId, channelId);
    if (latest?.slotKey === slotKey && latest.messageId !== null) return false;
    if (now.getTime() - slot.getTime() > this.graceMs) {
      // Too late to be useful; a question a crash left unposted for that slot is dropped, not shown.
      if (latest?.slotKey === slotKey) this.store.discardUnpostedQuestion(latest.id);
      this.logger.info({ guildId, channelId, slot: slotKey }, 'missed quiz slot is past the grace period; waiting for the next');
      return false;
    }
    try {
      const outcome = await this.runSlotOnce(guildId, channelId, slot, true);
      if (outcome.ok) this.logger.info({ guildId, channelId, slot: slotKey, questionId: outcome.question.id }, 'missed quiz slot posted late');
      return outcome.ok;
    } catch (error) {
      this.logger.error({ err: error, guildId, channelId, slot: slotKey }, 'posting a missed quiz slot failed');
      return false;
    }
  }

  // Ticks

  private startTicking(schedule: Schedule): void {
    const { guildId, channelId } = schedule;
    try {
      this.ticker.start(channelKey(guildId, channelId), schedule.cron, schedule.timezone, (scheduledFor) =>
        this.onTick(guildId, channelId, scheduledFor),
      );
    } catch (error) {
      this.logger.error({ err: error, guildId, channelId, cron: schedule.cron, timezone: schedule.timezone }, 'quiz schedule cannot tick');
    }
  }

  private async onTick(guildId: string, channelId: string, scheduledFor: Date): Promise<void> {
    try {
      const schedule = this.store.getSchedule(guildId, channelId);
      if (!schedule) {
        this.ticker.stop(channelKey(guildId, channelId));
        return;
      }
      // The slot is the time the tick was scheduled for, not when it ran: a late tick, a double trigger
      // and a second instance all compute the same slot, so the unique key on channel + slot holds.
      const slot = previousRun(schedule.cron, schedule.timezone, laterOf(scheduledFor, this.clock.now()));
      if (!slot) return;
      const outcome = await this.runSlot(guildId, channelId, slot);
      if (!outcome.ok) this.logger.debug({ guildId, channelId, slot: slot.toISOString(), reason: outcome.reason }, 'quiz slot not posted');
    } catch (error) {
      // A tick never throws: one channel's failure must not reach node-cron or any other channel.
      this.logger.error({ err: error, guildId, channelId }, 'quiz slot failed');
    }
  }

  // Closing

  private async closeDueInChannel(guildId: string, channelId: string, at: Date): Promise<void> {
    const due = this.store
      .listOverdueQuestions(at)
      .filter((question) => question.guildId === guildId && question.channelId === channelId && !this.posting.has(question.id));
    for (const question of due) await this.settleDueQuestion(question);
  }

  private async settleDueQuestion(question: StoredQuestion): Promise<ClosedQuestion | null> {
    if (question.messageId === null && question.practiceUserId === null && this.store.discardUnpostedQuestion(question.id)) {
      // Never posted: closing it would end every member's streak over a question nobody saw.
      this.logger.info({ guildId: question.guildId, channelId: question.channelId, questionId: question.id }, 'unposted question dropped at its close time');
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

  /** Try the reveal edits whose next try is due (the timer does this by itself; tests with a fake clock call it). */
  retryDueReveals(): Promise<void> {
    return this.reveals.retryDue();
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

  private armCloseTimerFor(closesAt: Date): void {
    if (!this.running) return;
    const armed = this.closeTimer.dueAt;
    if (armed === null || closesAt.getTime() < armed.getTime()) this.closeTimer.armAt(closesAt);
  }

  /** Arm for the earliest open question; a question closed meanwhile just makes the timer find nothing due. */
  private rearmCloseTimer(): void {
    if (!this.running) return;
    const next = this.store.listOpenQuestions().find((question) => !this.posting.has(question.id));
    if (!next) {
      this.closeTimer.disarm();
      return;
    }
    // Still due right after a sweep means its close failed: try again shortly rather than in a tight loop.
    const retryAt = this.clock.now().getTime() + failedCloseRetryMs;
    this.closeTimer.armAt(next.closesAt.getTime() > this.clock.now().getTime() ? next.closesAt : new Date(retryAt));
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.pendingWork.add(work);
    void work.then(
      () => this.pendingWork.delete(work),
      () => this.pendingWork.delete(work),
    );
    return work;
  }
}

function channelKey(guildId: string, channelId: string): string {
  return `${guildId}/${channelId}`;
}

function laterOf(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

function createRandomKey(): string {
  return randomBytes(6).toString('hex');
}

/** The value, or undefined when computing it throws (a schedule stored by an older version, say). */
function attempt<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch {
    return undefined;
  }
}

/** What the channel refused, as data for the admin's view (the error's message is for the log). */
function toScheduleProblem(error: ChannelUnavailableError): ScheduleProblem {
  if (error.problem === 'missing-permissions') return { kind: 'missing-permissions', permissions: [...error.missingPermissions] };
  return { kind: error.problem };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
