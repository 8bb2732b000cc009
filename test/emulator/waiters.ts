import type { World } from './world.js';

export interface WaitOptions {
  /** Default: the emulator's `defaultWaitMs`. */
  timeoutMs?: number;
  /** Named in the timeout error: "Timed out after 3000 ms waiting for <description>". */
  description?: string;
}

/** Promises that settle when the emulator's state satisfies a condition; all reject when it closes. */
export class Waiters {
  private readonly pending = new Set<(error: Error) => void>();

  constructor(
    private readonly world: World,
    private readonly defaultTimeoutMs: number,
  ) {}

  /**
   * Re-checks `check` after every change in the emulator, and every 25 ms for conditions on state the
   * emulator cannot see (the bot's database, a client's cache); resolves with its first truthy result.
   */
  waitFor<T>(check: () => T | undefined | null | false, options: WaitOptions = {}, explain?: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
      let settled = false;
      const finish = (settle: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(poll);
        unsubscribe();
        this.pending.delete(cancel);
        settle();
      };
      const evaluate = () => {
        try {
          const value = check();
          if (value !== undefined && value !== null && value !== false) finish(() => resolve(value));
        } catch (error) {
          finish(() => reject(error instanceof Error ? error : new Error(String(error))));
        }
      };
      const cancel = (error: Error) => finish(() => reject(error));
      const timer = setTimeout(() => {
        const detail = explain ? `\n${explain()}` : '';
        cancel(new Error(`Timed out after ${timeoutMs} ms waiting for ${options.description ?? 'a condition'}${detail}`));
      }, timeoutMs);
      const poll = setInterval(evaluate, 25);
      const unsubscribe = this.world.subscribe(evaluate);
      this.pending.add(cancel);
      evaluate();
    });
  }

  rejectAll(reason: string): void {
    for (const cancel of [...this.pending]) cancel(new Error(reason));
  }
}
