/**
 * Runs chat-platform requests with at most `maxInFlight` of them at once, in the order they were queued.
 *
 * Many channels often share one slot (every weekday at 09:00). Posting them one by one would make the last
 * channel wait for all others; firing them all at once would hold hundreds of requests open. discord.js's
 * REST client already keeps to Discord's global limit (50 requests per second per bot) and waits out every
 * 429 before retrying, so this queue only bounds what is in flight: no post is ever dropped, only delayed.
 */
export class PostQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly maxInFlight = 10) {
    if (!Number.isInteger(maxInFlight) || maxInFlight < 1) throw new RangeError(`maxInFlight must be a positive integer, got ${maxInFlight}`);
  }

  /** Resolves or rejects exactly like `task`, once a place is free. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.takePlace();
    try {
      return await task();
    } finally {
      this.releasePlace();
    }
  }

  /** Requests running or waiting right now. */
  get pending(): number {
    return this.running + this.waiting.length;
  }

  private takePlace(): Promise<void> {
    if (this.running < this.maxInFlight) {
      this.running += 1;
      return Promise.resolve();
    }
    // The place is handed over by `releasePlace`, so `running` stays counted for the waiter.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private releasePlace(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
