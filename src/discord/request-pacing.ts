import { DefaultRestOptions, type RESTOptions } from 'discord.js';

/**
 * Discord allows a bot 50 requests per second in all, however many processes it runs. discord.js keeps that count
 * per process only, so processes sharing one bot share a pacer: each request holds a permit of a bot-wide window
 * from before it is sent until its answer is in (see `PostgresRequestPacer`).
 */
export interface RequestPacer {
  /** Resolves when this process may send one request that counts toward the bot-wide limit. */
  takePermit(): Promise<RequestPermit>;
}

export interface RequestPermit {
  /** The request was answered (or failed): its permit counts it for one more second, then serves another. */
  release(): void;
}

/**
 * Interaction responses and their follow-ups are not bound by the global limit (Discord's documentation says so):
 * a member's click is answered at once, never queued behind a 09:00 fan-out.
 */
export function isExemptFromGlobalLimit(url: string): boolean {
  const path = new URL(url).pathname;
  return /\/interactions\/\d+\/[^/]+\/callback$/.test(path) || /\/webhooks\/\d+\/[^/]+(\/|$)/.test(path);
}

/**
 * discord.js's request function, made to hold a permit of the pacer around every request that counts: taken before
 * it is sent, given back once the answer's headers are in (Discord has counted the request by then) or it failed.
 */
export function pacedMakeRequest(
  pacer: RequestPacer,
  makeRequest: RESTOptions['makeRequest'] = DefaultRestOptions.makeRequest,
): RESTOptions['makeRequest'] {
  return async (url, init) => {
    if (isExemptFromGlobalLimit(url)) return makeRequest(url, init);
    const permit = await pacer.takePermit();
    try {
      return await makeRequest(url, init);
    } finally {
      permit.release();
    }
  };
}
