import { Client, type ClientOptions, GatewayIntentBits, type RateLimitData } from 'discord.js';
import type { Config } from '../config.js';
import { noMentions } from './discord-limits.js';

/**
 * The longest rate-limit wait worth sitting out for a channel request. discord.js waits out every 429 by default,
 * however long: a `retry_after` of an hour left `/quiz-admin now` "thinking" for that hour with nothing posted.
 * Beyond this a post or edit fails at once with a `RateLimitError`, which the quiz turns into "Discord asks us to
 * wait N minutes" (posts) or a later retry (reveal edits).
 */
export const longestRateLimitWaitMs = 30_000;

/**
 * Only channel requests (posts, edits, reading messages) fail fast: they have a caller that can say so or retry
 * later. Command registration at start-up and interaction replies keep waiting, as before: failing them would
 * turn a daily registration limit into a crash loop, and a reply has nowhere else to go.
 */
export function isRateLimitTooLong(limit: Pick<RateLimitData, 'retryAfter' | 'timeToReset' | 'route'>): boolean {
  return limit.route.startsWith('/channels/') && Math.max(limit.retryAfter, limit.timeToReset) > longestRateLimitWaitMs;
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
