import type { KnowledgeBase } from '../kb/types.js';
import type { AnswerConfidence } from '../learning/answer-rating.js';
import type { ConfidenceOutcome } from '../learning/member-memory.js';
import type { ReviewSummary, ReviewTally } from '../learning/review-session.js';
import type { Logger } from '../logger.js';
import type { QuizStore } from './quiz-store.js';
import type { AnswerPlace, AnswerPlaceRefusal } from './answer-place.js';
import { minimumScheduleGapMs } from './cron-schedule.js';
import { listFlashcards, type PracticeCard, type SelfGrade } from './flashcard-practice.js';
import { systemClock, type Clock, type QuizChannelGateway } from './ports.js';
import { PostQueue } from './post-queue.js';
import { CloseTimes } from './runner/close-times.js';
import { Closing } from './runner/closing.js';
import { InFlightWork, QuestionsBeingPosted } from './runner/in-flight.js';
import type {
  FlashcardGradeOutcome,
  PostNowOptions,
  PostOutcome,
  ScheduleChannelInput,
  ScheduleListing,
  ScheduleOutcome,
} from './runner/outcomes.js';
import { AnswersAndPractice } from './runner/practice.js';
import { Posting } from './runner/posting.js';
import { QuestionDraws } from './runner/question-draws.js';
import { ReviewSessions, type ReviewGradeOutcome, type ReviewSessionKey, type ReviewStep } from './runner/review-sessions.js';
import { defaultRevealRetryPolicy, ResultReveals } from './runner/result-reveals.js';
import { Schedules } from './runner/schedules.js';
import { StartUpRecovery } from './runner/start-up.js';
import { Ticks } from './runner/ticks.js';
import type { ClosedQuestion, RecordAnswerResult, Schedule, StoredQuestion } from './types.js';

// The parts live in `runner/`; this file is their public face, so commands and tests import from one place.
export type {
  FlashcardGradeOutcome,
  PostFailure,
  PostNowOptions,
  PostOutcome,
  PostRefusal,
  ScheduleChannelInput,
  ScheduleListing,
  ScheduleOutcome,
  ScheduleRefusal,
} from './runner/outcomes.js';
export { defaultCron } from './runner/schedules.js';
export type { ReviewGradeOutcome, ReviewSessionKey, ReviewStep } from './runner/review-sessions.js';

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

/**
 * The quiz's story: schedules fire, a question is drawn from the notes and posted once per slot, members
 * answer, the question closes and its result is shown. It talks to the chat platform only through
 * `QuizChannelGateway` and keeps everything in the `QuizStore`, so a restart (or a second instance on the same
 * database) picks up where the last one stopped.
 */
export class QuizRunner {
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly store: QuizStore;
  private readonly reveals: ResultReveals;
  private readonly work = new InFlightWork();
  private readonly closeTimes: CloseTimes;
  private readonly draws: QuestionDraws;
  private readonly closing: Closing;
  private readonly posting: Posting;
  private readonly ticks: Ticks;
  private readonly schedules: Schedules;
  private readonly practice: AnswersAndPractice;
  private readonly reviews: ReviewSessions;
  private readonly recovery: StartUpRecovery;
  /**
   * Between `start()` and `stop()`. Owned here, read by closing (arm no timer) and ticks (start no task) through
   * `isRunning`, so a stop during the start-up catch-up is seen by every part at once.
   */
  private running = false;

  constructor(options: QuizRunnerOptions) {
    const { store, kb, gateway, logger } = options;
    const clock = options.clock ?? systemClock;
    const isRunning = () => this.running;
    this.clock = clock;
    this.logger = logger;
    this.store = store;
    // One queue for posts and reveal edits: together they stay under the bound on requests in flight.
    const requests = new PostQueue(options.maxRequestsInFlight ?? 10);
    // Written only by posting; read by closing and the start-up recovery, which must leave a post in progress alone.
    const beingPosted = new QuestionsBeingPosted();
    this.reveals = new ResultReveals({
      store,
      kb,
      gateway,
      requests,
      clock,
      logger,
      policy: {
        firstDelayMs: options.resultRetryDelayMs ?? defaultRevealRetryPolicy.firstDelayMs,
        maxDelayMs: options.resultRetryMaxDelayMs ?? defaultRevealRetryPolicy.maxDelayMs,
        windowMs: options.resultRetryWindowMs ?? defaultRevealRetryPolicy.windowMs,
      },
      track: (work) => this.work.track(work),
    });
    this.closeTimes = new CloseTimes(options.closeAfterMinutes ?? null);
    this.draws = new QuestionDraws(kb, store, options.seed ?? 0);
    this.closing = new Closing({ store, clock, logger, reveals: this.reveals, work: this.work, beingPosted, isRunning });
    this.posting = new Posting({
      store,
      kb,
      gateway,
      requests,
      clock,
      logger,
      draws: this.draws,
      closeTimes: this.closeTimes,
      closing: this.closing,
      work: this.work,
      beingPosted,
    });
    this.ticks = new Ticks({ store, clock, logger, posting: this.posting, isRunning });
    this.schedules = new Schedules({
      store,
      kb,
      gateway,
      clock,
      logger,
      defaultTimezone: options.defaultTimezone,
      minScheduleGapMs: options.minScheduleGapMs ?? minimumScheduleGapMs,
      closeTimes: this.closeTimes,
      ticks: this.ticks,
    });
    const flashcards = listFlashcards(kb);
    this.practice = new AnswersAndPractice({ store, clock, logger, draws: this.draws, closing: this.closing, flashcards });
    this.reviews = new ReviewSessions({ kb, store, clock, logger, draws: this.draws, closing: this.closing, practice: this.practice, flashcards });
    this.recovery = new StartUpRecovery({
      store,
      gateway,
      requests,
      logger,
      posting: this.posting,
      beingPosted,
      graceMs: options.graceMinutes * 60_000,
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
    await this.recovery.recoverUnpostedQuestions();
    // Reveals owed from before the restart first; the closes below add their own.
    await this.reveals.start();
    const closed = await this.closing.closeDueQuestions();
    const now = this.clock.now();
    const schedules = await this.store.listSchedules();
    const latePosts = await Promise.all(schedules.map((schedule) => this.recovery.catchUpSchedule(schedule, now)));
    // stop() may have been called while the catch-up was waiting for the platform.
    if (!this.running) return;
    for (const schedule of schedules) this.ticks.follow(schedule);
    await this.closing.rearmCloseTimer();
    // Tracked, so waitForIdle() after stop() also waits for the batch in hand.
    void this.work.track(this.draws.checkInBackground(() => this.running));
    this.logger.info(
      { schedules: schedules.length, closedOverdue: closed.length, postedLate: latePosts.filter(Boolean).length },
      'quiz runner started',
    );
  }

  /** Stop ticking and timers. Posts already in flight finish; `waitForIdle()` waits for them. */
  stop(): void {
    this.running = false;
    this.ticks.stopAll();
    this.closing.stop();
    this.reveals.stop();
  }

  /**
   * Resolves when no post, close or reveal of this runner is in flight: call it after `stop()` and before
   * closing the store, so a post that succeeds during shutdown still gets its message id stored. With
   * `timeoutMs`, gives up waiting after that long; resolves whether it became idle.
   */
  waitForIdle(timeoutMs?: number): Promise<boolean> {
    return this.work.waitForIdle(timeoutMs);
  }

  // Schedules

  scheduleChannel(input: ScheduleChannelInput): Promise<ScheduleOutcome> {
    return this.schedules.scheduleChannel(input);
  }

  /** Stop posting in a channel; its open question still closes on time. */
  unscheduleChannel(guildId: string, channelId: string): Promise<boolean> {
    return this.schedules.unscheduleChannel(guildId, channelId);
  }

  listSchedules(guildId: string): Promise<ScheduleListing[]> {
    return this.schedules.listSchedules(guildId);
  }

  /** Minutes from post to reveal in a channel, or null when a question closes at the channel's next post. */
  closeAfterMinutesFor(schedule: Pick<Schedule, 'closeAfterMinutes'>): number | null {
    return this.closeTimes.closeAfterMinutesFor(schedule);
  }

  /** When a question posted now in this channel would close. */
  closeTimeFor(schedule: Schedule, from: Date): Date {
    return this.closeTimes.closeTimeFor(schedule, from);
  }

  /** Askable concept ids of one note, or of every note (`null`). */
  scopeFor(noteId: string | null): string[] {
    return this.draws.scopeFor(noteId);
  }

  // Posting

  /** What a cron tick does for one slot. Idempotent per channel and slot: a double trigger never posts twice. */
  runSlot(guildId: string, channelId: string, slot: Date): Promise<PostOutcome> {
    return this.posting.runSlot(guildId, channelId, slot);
  }

  /**
   * `/quiz-admin now`: post a question at once, unless one is already open in the channel. In a channel paused
   * after a problem it tries anyway (the admin has likely just fixed it): a post that works resumes the schedule,
   * one that fails leaves it paused and reports why.
   */
  postNow(guildId: string, channelId: string, options: PostNowOptions = {}): Promise<PostOutcome> {
    return this.posting.postNow(guildId, channelId, options);
  }

  // Practice and answers

  /**
   * A practice question for one member: stored (so the answer buttons work) but not posted by the runner (the
   * command shows it ephemerally) and never scored. Null when the scope has nothing to ask.
   */
  createPractice(guildId: string, channelId: string, userId: string, noteId?: string | null): Promise<StoredQuestion | null> {
    return this.practice.createPractice(guildId, channelId, userId, noteId);
  }

  /** The member's next due flashcard in the practice scope, or null (see `AnswersAndPractice.drawFlashcard`). */
  drawFlashcard(guildId: string, channelId: string, userId: string, noteId?: string | null): Promise<PracticeCard | null> {
    return this.practice.drawFlashcard(guildId, channelId, userId, noteId);
  }

  /** The card behind a key of the current notes, or undefined when it is gone. */
  findFlashcard(cardKey: string): PracticeCard | undefined {
    return this.practice.findFlashcard(cardKey);
  }

  /** Store a member's self-grade of a card; stored durably before this returns, so the caller acknowledges only what is kept. */
  gradeFlashcard(guildId: string, userId: string, cardKey: string, grade: SelfGrade): Promise<FlashcardGradeOutcome> {
    return this.practice.gradeFlashcard(guildId, userId, cardKey, grade);
  }

  /** Whether a click may answer the question (null: it may, or the question is unknown). */
  checkAnswerPlace(questionId: string, place: AnswerPlace): Promise<AnswerPlaceRefusal | null> {
    return this.practice.checkAnswerPlace(questionId, place);
  }

  /** Stored durably before this returns, so the caller acknowledges only what survives a crash. */
  answer(questionId: string, userId: string, userName: string, choice: number): Promise<RecordAnswerResult> {
    return this.practice.answer(questionId, userId, userName, choice);
  }

  /** After answering an open question, the member says how sure they were; their memory is re-rated with it. */
  rateConfidence(
    questionId: string,
    userId: string,
    confidence: AnswerConfidence,
  ): Promise<ConfidenceOutcome | { ok: false; reason: 'unknown-question' }> {
    return this.practice.rateConfidence(questionId, userId, confidence);
  }

  // Review sessions (`/quiz review`)

  /** What a review session asks next (a card, a stored question), or its summary when nothing more is due. */
  nextReview(session: ReviewSessionKey, tally: ReviewTally): Promise<ReviewStep> {
    return this.reviews.nextReview(session, tally);
  }

  /** The summary of a review session the member stopped. */
  summarizeReview(session: ReviewSessionKey, tally: ReviewTally): Promise<ReviewSummary> {
    return this.reviews.summarize(session, tally);
  }

  /** Whether the practice scope holds anything a review could ask at all. */
  canReview(session: Pick<ReviewSessionKey, 'guildId' | 'channelId' | 'noteId'>): Promise<boolean> {
    return this.reviews.hasAnything(session);
  }

  /** The note of a review session's question or card; undefined when the notes no longer hold it. */
  reviewNoteOf(item: { questionId: string } | { cardKey: string }): Promise<string | undefined> {
    return this.reviews.noteOf(item);
  }

  /** The answer to a review session's question; stored (with its `review`) before this returns. */
  answerReview(questionId: string, userId: string, userName: string, choice: number): Promise<RecordAnswerResult> {
    return this.reviews.answer(questionId, userId, userName, choice);
  }

  /** A card self-graded in a review session (once per concept and session); stored before this returns. */
  gradeReviewCard(session: ReviewSessionKey, cardKey: string, grade: SelfGrade): Promise<ReviewGradeOutcome> {
    return this.reviews.gradeCard(session, cardKey, grade);
  }

  // Closing and reveal

  /** `/quiz-admin reveal`: close the channel's open question now and show its result. Null when none is open. */
  reveal(guildId: string, channelId: string): Promise<ClosedQuestion | null> {
    return this.closing.reveal(guildId, channelId);
  }

  /**
   * Close a question (scores are settled in the same transaction) and edit its post into the result. Closing a
   * closed question returns it unchanged without showing the result again. A failed edit never undoes the close.
   */
  closeQuestion(questionId: string): Promise<ClosedQuestion | null> {
    return this.closing.closeQuestion(questionId);
  }

  /** Close (or drop, when never posted) every question past its close time, then arm the timer for the next. */
  closeDueQuestions(): Promise<ClosedQuestion[]> {
    return this.closing.closeDueQuestions();
  }

  /** Try the reveal edits whose next try is due (the timer does this by itself; tests with a fake clock call it). */
  retryDueReveals(): Promise<void> {
    return this.reveals.retryDue();
  }
}
