import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import type { RequestPacer } from '../../discord/request-pacing.js';

/**
 * Discord's bot-wide limit is 50 requests per second. Turns are handed out a little slower, 47 per second: a process
 * that wakes late for its turn sends next to one that woke on time, and measured with two processes on a busy
 * machine 48 per second still put 51 requests into some one-second window; 47 kept every window at 50 or fewer.
 */
export const sharedRequestsPerSecond = 47;

/**
 * The bot-wide request sequence kept in PostgreSQL: one row holds the time of the next free turn. Taking a turn is
 * one statement that moves it on by one interval, so processes on any machine wait their turn in one line and
 * together never exceed the rate, with no lock held while waiting. The database's clock decides, so machines
 * whose clocks differ still agree.
 */
export interface RequestPacerOptions {
  requestsPerSecond?: number;
  /** Told (at most once a minute) when the database could not hand out a turn and a request went without one. */
  onError?: (error: unknown) => void;
}

export class PostgresRequestPacer implements RequestPacer {
  private readonly intervalMs: number;
  private readonly onError: (error: unknown) => void;
  private readonly takeTurn: string;
  private warnedAt = 0;

  /** `table` is the schema-qualified `discord_request_pace` table (PostgreSQL migration 2). */
  constructor(
    private readonly pool: pg.Pool,
    table: string,
    options: RequestPacerOptions = {},
  ) {
    this.intervalMs = 1000 / (options.requestsPerSecond ?? sharedRequestsPerSecond);
    this.onError = options.onError ?? (() => {});
    this.takeTurn = takeTurnIn(table);
  }

  async waitForTurn(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const waitMs = await this.takeTurnOrNull();
      if (waitMs === null) return;
      const dueAt = Date.now() + waitMs;
      if (waitMs > 0) await sleep(waitMs);
      // A process that wakes late (a busy event loop) would send next to the on-time sender of the following turn:
      // enough of those and one second holds 51. A turn missed by more than one interval is left unused and a new
      // one taken, so every request goes out within one interval of its turn. Bounded: a process too busy to ever
      // wake on time sends anyway, and discord.js waits out a 429 if that earns one.
      if (Date.now() - dueAt <= this.intervalMs || attempt >= maxLateTurns) return;
    }
  }

  /** How long to wait for the turn just taken; null when the database could not hand one out. */
  private async takeTurnOrNull(): Promise<number | null> {
    try {
      const { rows } = await this.pool.query<{ wait_ms: number }>(this.takeTurn, [this.intervalMs]);
      return Number(rows[0]?.wait_ms ?? 0);
    } catch (error) {
      // Better a request that may earn a 429 (which discord.js waits out) than a bot that stops talking while the
      // database is away. Said once a minute, not for every request.
      if (Date.now() - this.warnedAt > 60_000) {
        this.warnedAt = Date.now();
        this.onError(error);
      }
      return null;
    }
  }
}

/** Turns a late process may give up before it sends regardless. */
const maxLateTurns = 3;

/** Returns how long the caller waits for the turn it just took (0 when the line was empty). */
function takeTurnIn(table: string): string {
  return `
    WITH clock AS (SELECT clock_timestamp() AS now)
    INSERT INTO ${table} AS pace (id, next_turn_at)
    SELECT 1, clock.now + make_interval(secs => $1::float8 / 1000) FROM clock
    ON CONFLICT (id) DO UPDATE
      SET next_turn_at = greatest(pace.next_turn_at, (SELECT now FROM clock)) + make_interval(secs => $1::float8 / 1000)
    RETURNING greatest(0, extract(epoch FROM (pace.next_turn_at - (SELECT now FROM clock))) * 1000 - $1::float8) AS wait_ms`;
}
