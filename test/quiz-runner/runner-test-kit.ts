// Shared arrangement for the runner tests: a real store on a temp file, the real notes and generator, a
// recording chat gateway (the runner's port) with failures on demand, and a clock the test moves.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Concept, KnowledgeBase } from '../../src/kb/types.js';
import { loadKnowledgeBase } from '../../src/kb/load-knowledge-base.js';
import { silentLogger } from '../../src/logger.js';
import { ChannelUnavailableError, systemClock, type Clock, type QuizChannelGateway } from '../../src/quiz/ports.js';
import { QuizRunner, type QuizRunnerOptions } from '../../src/quiz/quiz-runner.js';
import type { ClosedQuestion, StoredQuestion } from '../../src/quiz/types.js';
import { openQuizStore, type SqliteQuizStore } from '../../src/store/sqlite-quiz-store.js';
import { teamNoteDir } from '../fixture-dirs.js';

export const guildId = '100000000000000001';
export const channelId = '200000000000000001';
export const otherChannelId = '200000000000000002';
export const adminId = '300000000000000001';

export const minute = 60_000;
export const hour = 60 * minute;

/** Monday 2026-03-02 09:00 in Seoul: a slot of the default schedule `0 9 * * 1-5`, Asia/Seoul. */
export const mondaySlot = new Date('2026-03-02T00:00:00.000Z');
export const tuesdaySlot = new Date('2026-03-03T00:00:00.000Z');
export const wednesdaySlot = new Date('2026-03-04T00:00:00.000Z');

const cleanups: (() => void | Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch {
      // Already cleaned up by the test itself.
    }
  }
});

let knowledgeBase: Promise<KnowledgeBase> | undefined;

/** The real first note, loaded once per test file. */
export function loadNotes(): Promise<KnowledgeBase> {
  knowledgeBase ??= loadKnowledgeBase(teamNoteDir);
  return knowledgeBase;
}

export function createDatabasePath(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'concept-bot-runner-'));
  cleanups.push(() => fs.rmSync(directory, { recursive: true, force: true }));
  return path.join(directory, 'quiz.sqlite');
}

/** A store on `file` that is closed after the test. */
export function openStore(file: string): SqliteQuizStore {
  const store = openQuizStore(file);
  cleanups.push(() => store.close());
  return store;
}

export class TestClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date | string): void {
    this.current = new Date(date);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** A 5xx that discord.js gave up retrying. */
export class ServerError extends Error {
  readonly status = 503;
  constructor() {
    super('503 Service Unavailable');
    this.name = 'HTTPError';
  }
}

export const missingPermissions = () => new ChannelUnavailableError('missing-permissions', 'Missing Permissions: Send Messages', ['Send Messages']);
export const unknownChannel = () => new ChannelUnavailableError('unknown-channel', 'Unknown Channel');

export interface RecordedPost {
  question: StoredQuestion;
  concept: Concept;
  messageId: string;
}

/**
 * The runner's port, in memory: records every post and result; fails when told to. Like Discord it can make the
 * message and still fail the request (`loseAnswers`), and `findQuestionPost` finds what was made. It does not
 * de-duplicate repeats (the Discord adapter's nonce does, tested through the emulator): a second post of a
 * question is recorded, so a runner that posts twice is caught here.
 */
export class RecordingGateway implements QuizChannelGateway {
  readonly posts: RecordedPost[] = [];
  readonly results: ClosedQuestion[] = [];
  readonly missing = new Map<string, string[]>();
  readonly unknownChannels = new Set<string>();
  private readonly postFailures = new Map<string, Error[]>();
  private readonly resultFailures: Error[] = [];
  private readonly lostAnswers = new Map<string, Error[]>();
  private readonly lookupFailures: Error[] = [];
  /** How often the runner looked for a post. */
  lookups = 0;
  private nextMessage = 1;
  private postsInFlight = 0;
  /** The most posts that were ever waiting for an answer at once. */
  mostPostsInFlight = 0;

  /** The next posts in `channel` fail with these errors, in order. */
  failPosts(channel: string, ...errors: Error[]): void {
    this.postFailures.set(channel, [...(this.postFailures.get(channel) ?? []), ...errors]);
  }

  /** The next posts in `channel` are made, but the bot is answered with these errors instead (5xx or a hang after creation). */
  loseAnswers(channel: string, ...errors: Error[]): void {
    this.lostAnswers.set(channel, [...(this.lostAnswers.get(channel) ?? []), ...errors]);
  }

  failLookups(...errors: Error[]): void {
    this.lookupFailures.push(...errors);
  }

  /** A post made behind the runner's back: what a crash between Discord's answer and storing it leaves. */
  recordPostMadeBeforeCrash(question: StoredQuestion, concept: Concept): string {
    const messageId = this.createMessageId();
    this.posts.push({ question, concept, messageId });
    return messageId;
  }

  async findQuestionPost(question: StoredQuestion): Promise<{ messageId: string } | null> {
    await yieldToOthers();
    this.lookups += 1;
    const failure = this.lookupFailures.shift();
    if (failure) throw failure;
    const post = this.posts.find((candidate) => candidate.question.id === question.id);
    return post ? { messageId: post.messageId } : null;
  }

  failResults(...errors: Error[]): void {
    this.resultFailures.push(...errors);
  }

  postsIn(channel: string): RecordedPost[] {
    return this.posts.filter((post) => post.question.channelId === channel);
  }

  async findMissingPermissions(_guildId: string, channel: string): Promise<string[]> {
    await yieldToOthers();
    if (this.unknownChannels.has(channel)) throw unknownChannel();
    return this.missing.get(channel) ?? [];
  }

  async postQuestion(question: StoredQuestion, concept: Concept): Promise<{ messageId: string }> {
    // Like a real request: other work runs before the answer comes back.
    this.postsInFlight += 1;
    this.mostPostsInFlight = Math.max(this.mostPostsInFlight, this.postsInFlight);
    await yieldToOthers();
    this.postsInFlight -= 1;
    const failure = this.postFailures.get(question.channelId)?.shift();
    if (failure) throw failure;
    const messageId = this.createMessageId();
    this.posts.push({ question, concept, messageId });
    const lost = this.lostAnswers.get(question.channelId)?.shift();
    if (lost) throw lost;
    return { messageId };
  }

  private createMessageId(): string {
    return `9000000000000000${String(this.nextMessage++).padStart(2, '0')}`;
  }

  async showResult(closed: ClosedQuestion): Promise<void> {
    await yieldToOthers();
    const failure = this.resultFailures.shift();
    if (failure) throw failure;
    this.results.push(closed);
  }
}

function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1));
}

export interface RunnerParts {
  runner: QuizRunner;
  store: SqliteQuizStore;
  gateway: RecordingGateway;
  clock: TestClock;
  file: string;
}

/** A runner over a fresh (or the given) database file; stopped after the test. */
export async function createRunner(
  options: Partial<Omit<QuizRunnerOptions, 'store' | 'gateway' | 'clock'>> & {
    file?: string;
    gateway?: RecordingGateway;
    clock?: TestClock;
    /** Run on the system clock (for real node-cron ticks); `clock` is then unused. */
    realTime?: boolean;
  } = {},
): Promise<RunnerParts> {
  const { file = createDatabasePath(), gateway = new RecordingGateway(), clock = new TestClock(mondaySlot), realTime = false, ...rest } = options;
  const store = openStore(file);
  const runner = new QuizRunner({
    store,
    kb: rest.kb ?? (await loadNotes()),
    gateway,
    clock: realTime ? systemClock : clock,
    logger: silentLogger,
    defaultTimezone: 'Asia/Seoul',
    graceMinutes: 30,
    seed: 7,
    // Lowered from production's 10 minutes so `* * * * * *` ticks for real; pass `minScheduleGapMs: undefined` for the default.
    minScheduleGapMs: 1_000,
    ...rest,
  });
  // Registered after the store, so it runs before the store closes (cleanups run in reverse).
  cleanups.push(async () => {
    runner.stop();
    await runner.waitForIdle();
  });
  return { runner, store, gateway, clock, file };
}

/** Schedule `channel` with the default cron in Seoul, as an admin would, and insist it worked. */
export async function scheduleDefault(runner: QuizRunner, channel = channelId, extra: { noteId?: string; cron?: string } = {}) {
  const outcome = await runner.scheduleChannel({ guildId, channelId: channel, createdBy: adminId, ...extra });
  if (!outcome.ok) throw new Error(`scheduling failed: ${outcome.reason}`);
  return outcome;
}
