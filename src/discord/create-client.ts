import { Client, type ClientOptions, GatewayIntentBits } from 'discord.js';
import type { Config } from '../config.js';
import { noMentions } from './discord-limits.js';

/**
 * Slash commands and buttons need only the Guilds intent (no message content, no members). Mentions are
 * off by default for every message the client sends, so a forgotten `allowedMentions` cannot ping.
 */
export function createClient(config: Pick<Config, 'apiUrl'>, overrides: Partial<ClientOptions> = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: noMentions,
    ...overrides,
    rest: { ...(config.apiUrl ? { api: config.apiUrl } : {}), ...overrides.rest },
  });
}
