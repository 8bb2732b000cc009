import { Client, type ClientOptions, GatewayIntentBits, type RateLimitData } from 'discord.js';
import type { Config } from '../config.js';
import { noMentions } from './discord-limits.js';

/**
 * The longest rate-limit wait worth sitting out. discord.js waits out every 429 by default, however long:
 * a `retry_after` of an hour left `/quiz-admin now` "thinking" for that hour with nothing posted. Beyond this the
 * request fails at once with a `RateLimitError`, which the quiz turns into "Discord asks us to wait N minutes".
 */
export const longestRateLimitWaitMs = 30_000;

export function isRateLimitTooLong(limit: Pick<RateLimitData, 'retryAfter' | 'timeToReset'>): boolean {
  return Math.max(limit.retryAfter, limit.timeToReset) > longestRateLimitWaitMs;
}

/**
 * Slash commands and buttons need only the Guilds intent (no message content, no members). Mentions are
 * off by default for every message the client sends, so a forgotten `allowedMentions` cannot ping.
 */
export function createClient(config: Pick<Config, 'apiUrl'>, overrides: Partial<ClientOptions> = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: noMentions,
    ...overrides,
    rest: { rejectOnRateLimit: isRateLimitTooLong, ...(config.apiUrl ? { api: config.apiUrl } : {}), ...overrides.rest },
  });
}
