import { randomBytes } from 'node:crypto';

/**
 * How the runner names what it keeps apart: a channel (ticker tasks, slot runs), and the slot of a question
 * that no cron tick made. A scheduled slot's key is its time (`toISOString()`), so every trigger agrees on it.
 */
export const manualSlotPrefix = 'manual:';
export const practiceSlotPrefix = 'practice:';
/** A review session's question: a practice question (the member's own, never scored) that reviews as `review`. */
export const reviewSlotPrefix = 'review:';

export function channelKey(guildId: string, channelId: string): string {
  return `${guildId}/${channelId}`;
}

export function createRandomKey(): string {
  return randomBytes(6).toString('hex');
}
