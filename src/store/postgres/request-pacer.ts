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
export class PostgresRequestPacer implements RequestPacer {
  private readonly intervalMs: number;
  private warnedAt = 0;

  constructor(
    private readonly pool: pg.Pool,
    options: { requestsPerSecond?: number; onError?: (error: unknown) => void } = {},
  ) {
    this.intervalMs = 1000 / (options.requestsPerSecond ?? sharedRequestsPerSecond);
    this.onError = options.onError ?? (() => {});
  }

  private readonly onError: (error: unknown) => void;

  async waitForTurn(): Promise<void> {
    let waitMs: number;
    try {
      const { rows } = await this.pool.query<{ wait_ms: number }>(takeTurn, [this.intervalMs]);
      waitMs = Number(rows[0]?.wait_ms ?? 0);
    } catch (error) {
      // Better a request that may earn a 429 (which discord.js waits out) than a bot that stops talking while the
      // database is away. Said once a minute, not for every request.
      if (Date.now() - this.warnedAt > 60_000) {
        this.warnedAt = Date.now();
        this.onError(error);
      }
      return;
    }
    if (waitMs > 0) await sleep(waitMs);
  }
}

/** Returns how long the caller waits for the turn it just took (0 when the line was empty). */
const takeTurn = `
  WITH clock AS (SELECT clock_timestamp() AS now)
  INSERT INTO discord_request_pace AS pace (id, next_turn_at)
  SELECT 1, clock.now + make_interval(secs => $1::float8 / 1000) FROM clock
  ON CONFLICT (id) DO UPDATE
    SET next_turn_at = greatest(pace.next_turn_at, (SELECT now FROM clock)) + make_interval(secs => $1::float8 / 1000)
  RETURNING greatest(0, extract(epoch FROM (pace.next_turn_at - (SELECT now FROM clock))) * 1000 - $1::float8) AS wait_ms`;

/** The table the pacer needs; created by the PostgreSQL migrations. */
export const requestPaceTable = `
  CREATE TABLE IF NOT EXISTS discord_request_pace (
    id integer PRIMARY KEY CHECK (id = 1),
    next_turn_at timestamptz NOT NULL
  )`;
