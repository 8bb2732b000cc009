import { DefaultRestOptions, type RESTOptions } from 'discord.js';

/**
 * Discord allows a bot 50 requests per second in all, however many processes it runs. discord.js keeps that count
 * per process only, so processes sharing one bot share a pacer: each request waits for its turn in a bot-wide
 * sequence (see `PostgresRequestPacer`).
 */
export interface RequestPacer {
  /** Resolves when this process may send its next request that counts toward the bot-wide limit. */
  waitForTurn(): Promise<void>;
}

/**
 * Interaction responses and their follow-ups are not bound by the global limit (Discord's documentation says so):
 * a member's click is answered at once, never queued behind a 09:00 fan-out.
 */
export function isExemptFromGlobalLimit(url: string): boolean {
  const path = new URL(url).pathname;
  return /\/interactions\/\d+\/[^/]+\/callback$/.test(path) || /\/webhooks\/\d+\/[^/]+(\/|$)/.test(path);
}

/** discord.js's request function, made to wait for the pacer's turn before every request that counts. */
export function pacedMakeRequest(
  pacer: RequestPacer,
  makeRequest: RESTOptions['makeRequest'] = DefaultRestOptions.makeRequest,
): RESTOptions['makeRequest'] {
  return async (url, init) => {
    if (!isExemptFromGlobalLimit(url)) await pacer.waitForTurn();
    return makeRequest(url, init);
  };
}
