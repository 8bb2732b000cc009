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
  /** Post the question with its answer buttons; returns the message id. */
  postQuestion(question: StoredQuestion, concept: Concept, document: NoteDocument | undefined): Promise<{ messageId: string }>;
  /** Edit the post into the reveal: buttons disabled, answer marked, explanation, tally, who was right. */
  showResult(closed: ClosedQuestion, concept: Concept | undefined, document: NoteDocument | undefined): Promise<void>;
}

export type ChannelProblem = 'missing-permissions' | 'unknown-channel' | 'unknown-message';

/** The channel cannot take posts until an admin acts: the schedule is paused instead of retried at every slot. */
export class ChannelUnavailableError extends Error {
  constructor(
    readonly problem: ChannelProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ChannelUnavailableError';
  }
}

/** Time, injectable so tests and the emulator can drive slots. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
