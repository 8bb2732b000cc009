import { performance } from 'node:perf_hooks';
import { ApiFailure } from './api-errors.js';
import type { RecordedRequest } from './rest-server.js';

const windowMs = 1_000;
const interactionCallback = /^\/interactions\/[^/]+\/[^/]+\/callback$/;
const channelPost = /^\/channels\/[^/]+\/messages$/;

/**
 * Discord's bot-wide limit: at most `perSecond` authenticated requests of one bot in any second, whichever
 * connection or process sends them. Interaction callbacks are not bound by it (Discord's documented exception);
 * requests without a bot token are not the bot's. Counted in a sliding one-second window of accepted requests.
 */
export class GlobalRateLimit {
  private readonly accepted: number[] = [];
  private hits = 0;
  private peak = 0;

  constructor(
    /** Requests per second; 0 or Infinity turns the limit off (requests are still counted). */
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(perSecond >= 0)) throw new Error(`globalRateLimit must be 0 (off) or a positive number, not ${perSecond}`);
  }

  get enabled(): boolean {
    return this.perSecond > 0 && Number.isFinite(this.perSecond);
  }

  /** Whether Discord would count this request against the bot's global limit. */
  static applies(path: string, authorized: boolean): boolean {
    return authorized && !interactionCallback.test(path);
  }

  /** Counts one request of the bot, or throws Discord's global 429 when the last second is full. */
  admit(): void {
    const now = this.now();
    while (this.accepted.length > 0 && (this.accepted[0] ?? 0) <= now - windowMs) this.accepted.shift();
    if (this.enabled && this.accepted.length >= this.perSecond) {
      this.hits += 1;
      // The wait until the oldest request of the window leaves it; the header rounds up to whole seconds like Discord's.
      const retryAfter = Math.max(0.001, Math.ceil((this.accepted[0] ?? now) + windowMs - now) / 1000);
      throw new ApiFailure(
        429,
        { message: 'You are being rate limited.', retry_after: retryAfter, global: true },
        { 'Retry-After': String(Math.ceil(retryAfter)), 'X-RateLimit-Global': 'true', 'X-RateLimit-Scope': 'global' },
      );
    }
    this.accepted.push(now);
    this.peak = Math.max(this.peak, this.accepted.length);
  }

  get globalLimitHits(): number {
    return this.hits;
  }

  get peakRequestsPerSecond(): number {
    return this.peak;
  }

  /** Starts counting anew (hits and peak), e.g. after a benchmark's warm-up. */
  resetCounters(): void {
    this.hits = 0;
    this.peak = 0;
  }
}

/** What a benchmark reads of the bot's REST traffic: how hard it pushed, and how often Discord would have said no. */
export interface RateCounters {
  /** Requests answered 429 by the global limit (injected faults not included). */
  readonly globalLimitHits: number;
  /** The most requests the global limit counted within one second: never above `globalRateLimit` while it is on. */
  readonly peakRequestsPerSecond: number;
  /** Messages posted to channels and DMs (`POST /channels/{id}/messages` answered 2xx). */
  readonly posts: number;
  /** `posts` per second from the first accepted post to the last; 0 with fewer than two posts. */
  readonly postsPerSecond: number;
  /** The most posts accepted within one second. */
  readonly peakPostsPerSecond: number;
}

/** Post rates from the recorded requests that arrived at or after `sinceMs` (`Date.now()` clock). */
export function measurePosts(
  requests: readonly RecordedRequest[],
  sinceMs: number,
): Pick<RateCounters, 'posts' | 'postsPerSecond' | 'peakPostsPerSecond'> {
  const times = requests
    .filter((request) => request.at >= sinceMs && request.method === 'POST' && channelPost.test(request.path))
    .filter((request) => request.status >= 200 && request.status < 300)
    .map((request) => request.at)
    .sort((a, b) => a - b);
  const first = times[0];
  const last = times.at(-1);
  const spanSeconds = first === undefined || last === undefined ? 0 : (last - first) / 1000;
  let peak = 0;
  let start = 0;
  times.forEach((time, end) => {
    while ((times[start] ?? time) <= time - windowMs) start += 1;
    peak = Math.max(peak, end - start + 1);
  });
  return {
    posts: times.length,
    postsPerSecond: times.length >= 2 && spanSeconds > 0 ? (times.length - 1) / spanSeconds : 0,
    peakPostsPerSecond: peak,
  };
}
