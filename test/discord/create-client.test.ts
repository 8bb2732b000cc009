import { describe, expect, it } from 'vitest';
import { isRateLimitTooLong, longestRateLimitWaitMs } from '../../src/discord/create-client.js';

const limit = (route: string, retryAfter: number) => ({ route, retryAfter, timeToReset: 0 });

describe('which rate limits fail fast instead of being waited out', () => {
  it('a channel post asked to wait an hour fails fast; one asked to wait a second is waited out', () => {
    expect(isRateLimitTooLong(limit('/channels/123456789012345678/messages', 3_600_050))).toBe(true);
    expect(isRateLimitTooLong(limit('/channels/123456789012345678/messages', 1_050))).toBe(false);
    expect(isRateLimitTooLong(limit('/channels/123456789012345678/messages', longestRateLimitWaitMs))).toBe(false);
  });

  it('command registration and interaction replies keep waiting, however long', () => {
    expect(isRateLimitTooLong(limit('/applications/123456789012345678/guilds/123456789012345678/commands', 3_600_050))).toBe(false);
    expect(isRateLimitTooLong(limit('/webhooks/123456789012345678/:token/messages/:id', 3_600_050))).toBe(false);
  });

  it('the reset time counts when it is the longer wait', () => {
    expect(isRateLimitTooLong({ route: '/channels/123456789012345678/messages/:id', retryAfter: 0, timeToReset: 120_000 })).toBe(true);
  });
});
