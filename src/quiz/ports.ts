import type { Concept, NoteDocument } from '../kb/types.js';
import type { ClosedQuestion, StoredQuestion } from './types.js';

/**
 * What the quiz runner needs from a chat platform. The Discord adapter implements it; the runner never
 * sees a Discord object. Every method throws `ChannelUnavailableError` for problems of the channel
 * itself (permissions, unknown channel) and any other error for transient failures (5xx after retries).
 */
export interface QuizChannelGateway {
  /** Resolves with the names of missing permissions (empty = can post). Throws ChannelUnavailableError for an unknown channel. */
  findMissingPermissions(guildId: string, channelId: string): Promise<string[]>;
  /**
   * Post the question with its answer buttons; returns the message id. Posting the same stored question again
   * within a few minutes (a retry after a lost answer) must give back the message already made, not a second one.
   */
  postQuestion(question: StoredQuestion, concept: Concept, document: NoteDocument | undefined): Promise<{ messageId: string }>;
  /**
   * The bot's own post of this question among the channel's recent messages, or null: a post the platform made
   * while the bot never heard back (an error after creation, a crash mid-post) is adopted instead of repeated.
   */
  findQuestionPost(question: StoredQuestion): Promise<{ messageId: string } | null>;
  /** Edit the post into the reveal: buttons disabled, answer marked, explanation, tally, who was right. */
  showResult(closed: ClosedQuestion, concept: Concept | undefined, document: NoteDocument | undefined): Promise<void>;
}

export type ChannelProblem = 'missing-permissions' | 'unknown-channel' | 'unknown-message';

/** The channel cannot take posts until an admin acts: the schedule is paused instead of retried at every slot. */
export class ChannelUnavailableError extends Error {
  /**
   * `message` is for logs; `missingPermissions` names what the bot lacks (`missing-permissions`, empty when the
   * platform did not say), so the admin is told in their language without parsing the message.
   */
  constructor(
    readonly problem: ChannelProblem,
    message: string,
    readonly missingPermissions: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ChannelUnavailableError';
  }
}

/**
 * The platform asked the bot to wait longer than is worth waiting (a 429 with a long `retry_after`): nothing was
 * done, and trying again before `retryAfterMs` would only count as another invalid request.
 */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`Rate limited: Discord asks to wait ${Math.ceil(retryAfterMs / 1000)} s`);
    this.name = 'RateLimitedError';
  }
}

/** Time, injectable so tests and the emulator can drive slots. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A platform error in one line for logs and stored problems: its message, or its name when the message is empty. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
