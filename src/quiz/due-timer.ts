import type { Clock } from './ports.js';

/** setTimeout fires at once for delays above 2^31 − 1 ms (about 24.8 days) instead of waiting. */
const longestTimeout = 2 ** 31 - 1;

/**
 * One timer for the earliest moment something is due (the next question to close), re-armed whenever that
 * moment changes, instead of polling every second. When the moment is further away than setTimeout can wait,
 * the timer wakes early and `onDue` simply finds nothing due and arms again.
 */
export class DueTimer {
  private timeout: NodeJS.Timeout | null = null;
  private armedFor: number | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly onDue: () => void,
  ) {}

  /** Fire at `when` (at once if it has passed); `null` disarms. Replaces any earlier arming. */
  armAt(when: Date | null): void {
    if (when === null) {
      this.disarm();
      return;
    }
    if (this.timeout !== null && this.armedFor === when.getTime()) return;
    this.disarm();
    const delay = Math.min(Math.max(0, when.getTime() - this.clock.now().getTime()), longestTimeout);
    this.armedFor = when.getTime();
    this.timeout = setTimeout(() => {
      this.timeout = null;
      this.armedFor = null;
      this.onDue();
    }, delay);
    // A pending close must not keep a process alive that is otherwise done (the CLI, tests); the bot's
    // gateway connection keeps the bot alive.
    this.timeout.unref();
  }

  disarm(): void {
    if (this.timeout !== null) clearTimeout(this.timeout);
    this.timeout = null;
    this.armedFor = null;
  }

  /** The moment the timer is armed for, or null. */
  get dueAt(): Date | null {
    return this.armedFor === null ? null : new Date(this.armedFor);
  }
}
