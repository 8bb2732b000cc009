import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import type { RequestPacer, RequestPermit } from '../../discord/request-pacing.js';

/** Discord's bot-wide limit: requests of one bot in any one second, however many processes send them. */
export const sharedRequestsPerSecond = 50;

export interface RequestPacerOptions {
  /** Permits, i.e. requests counted in any one second; Discord's 50 unless a test wants a smaller window. */
  requestsPerSecond?: number;
  /** Told (at most once a minute) when the database could not hand out a permit and a request went without one. */
  onError?: (error: unknown) => void;
}

/** A permit whose request never came back (its process died) is free again after this long. */
const abandonedPermitMs = 30_000;
/** The window Discord counts requests in. */
const windowMs = 1_000;

/**
 * The bot-wide request window kept in PostgreSQL: one row per permit, `requestsPerSecond` of them. A process takes a
 * permit before each request that counts and hands it back once the answer is in; from then on the permit stays out
 * of use for one more second. (A permit whose second ends soon is reserved and the request waits locally until it
 * ends, rather than polling the database for it.)
 *
 * Why a permit is held until the answer, not handed out as a turn on a timetable: Discord counts a request when it
 * arrives, and between the moment a process may send and that arrival lie the process's own event loop, the network
 * and Discord's front door. Measured with two processes on a loaded 2-core machine, the oldest request of a second
 * that earned a global 429 reached the emulator 181 ms after its turn (84 ms waking late, about 100 ms more on the
 * way), so 51 arrivals fit into one second even at 47 turns a second. A permit is taken before its request is sent
 * and comes back only after its answer, so it covers the arrival whenever that happens; kept one second longer, any
 * 51 requests arriving within one second would need 51 permits held at once, when the last of them was granted.
 * Only the database's clock is read, and no margin below 50 is needed. The price: a permit also sits out each
 * request's round trip, so a slow answer slows the pace: 46.3–47.1 posts a second in the 09:00 fan-out on that
 * loaded machine (the timetable: 41.5–42.1 with 3–4 global 429s), nearer 50 when answers are quick.
 */
export class PostgresRequestPacer implements RequestPacer {
  private readonly permits: number;
  private readonly onError: (error: unknown) => void;
  private readonly statements: ReturnType<typeof statementsFor>;
  private warnedAt = 0;
  private slotsCreated: Promise<void> | undefined;
  /**
   * This process's requests waiting for a permit, first come first served. One loop asks the database for as many
   * permits as there are waiters, in one statement: 500 callers each polling would flood it, and one at a time
   * would cap the process at one permit per round trip.
   */
  private readonly waiting: ((permit: RequestPermit) => void)[] = [];
  private asking = false;

  /** `table` is the schema-qualified `discord_request_permits` table (PostgreSQL migration 3). */
  constructor(
    private readonly pool: pg.Pool,
    table: string,
    options: RequestPacerOptions = {},
  ) {
    this.permits = options.requestsPerSecond ?? sharedRequestsPerSecond;
    this.onError = options.onError ?? (() => {});
    this.statements = statementsFor(table);
  }

  takePermit(): Promise<RequestPermit> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (!this.asking) void this.handOutPermits();
    });
  }

  private async handOutPermits(): Promise<void> {
    this.asking = true;
    try {
      while (this.waiting.length > 0) {
        const outcome = await this.takeFree(Math.min(this.waiting.length, this.permits));
        if (outcome === undefined) {
          // Better requests that may earn a 429 (which discord.js waits out) than a bot that stops talking while
          // the database is away.
          for (const resolve of this.waiting.splice(0)) resolve(unpaced);
          return;
        }
        for (const { slot, holder, waitMs } of outcome.taken) {
          const resolve = this.waiting.shift();
          const permit = { release: () => void this.release(slot, holder) };
          // A permit whose second is not over yet is reserved now and used when it is: the wait is counted from
          // after the answer was read, so the request never leaves before the database's moment.
          if (resolve) void (waitMs > 0 ? sleep(waitMs) : Promise.resolve()).then(() => resolve(permit));
        }
        // Every permit is reserved or waits for its answer, which brings it back a second later at the earliest:
        // look again after one request's share of the second.
        if (outcome.taken.length === 0) await sleep(windowMs / this.permits);
      }
    } finally {
      this.asking = false;
    }
  }

  /** Up to `count` permits, each with the wait until it may be used; or undefined when the database could not be asked. */
  private async takeFree(count: number): Promise<{ taken: { slot: number; holder: string; waitMs: number }[] } | undefined> {
    try {
      await this.createSlots();
      const { rows } = await this.pool.query<{ slot: number; holder: string; wait_ms: number }>(this.statements.take, [
        this.permits,
        abandonedPermitMs / 1000,
        count,
        windowMs / 1000,
      ]);
      // Soonest first, so the first waiter gets the first permit (RETURNING keeps no order).
      const taken = rows.map(({ slot, holder, wait_ms: waitMs }) => ({ slot, holder, waitMs: Number(waitMs) }));
      return { taken: taken.sort((a, b) => a.waitMs - b.waitMs) };
    } catch (error) {
      this.warn(error);
      return undefined;
    }
  }

  private async release(slot: number, holder: string): Promise<void> {
    try {
      await this.pool.query(this.statements.release, [slot, holder, windowMs / 1000]);
    } catch (error) {
      // The permit comes back by itself once abandoned; until then the pace is one permit short.
      this.warn(error);
    }
  }

  /** The permit rows, made once per process (and again after a failure): the count is this code's, not the schema's. */
  private createSlots(): Promise<void> {
    this.slotsCreated ??= this.pool.query(this.statements.createSlots, [this.permits]).then(
      () => undefined,
      (error: unknown) => {
        this.slotsCreated = undefined;
        throw error;
      },
    );
    return this.slotsCreated;
  }

  /** Said once a minute, not for every request. */
  private warn(error: unknown): void {
    if (Date.now() - this.warnedAt > 60_000) {
      this.warnedAt = Date.now();
      this.onError(error);
    }
  }
}

const unpaced: RequestPermit = { release: () => {} };

function statementsFor(table: string) {
  return {
    createSlots: `
      INSERT INTO ${table} (slot, free_at) SELECT slot, 'epoch' FROM generate_series(1, $1::int) AS slot
      ON CONFLICT (slot) DO NOTHING`,
    // One statement: the permits free now or within the second (a held permit's answer is in), soonest first,
    // locked against every other process (SKIP LOCKED: one being taken elsewhere is not waited for), each marked
    // held under a holder of its own until its request is answered or abandoned, with how long until it is free.
    take: `
      WITH clock AS (SELECT clock_timestamp() AS now),
      free AS (
        SELECT slot, free_at FROM ${table}
        WHERE slot <= $1 AND free_at <= (SELECT now FROM clock) + make_interval(secs => $4::float8)
        ORDER BY free_at, slot LIMIT $3 FOR UPDATE SKIP LOCKED
      )
      UPDATE ${table} AS permit
      SET free_at = greatest(free.free_at, (SELECT now FROM clock)) + make_interval(secs => $2::float8), holder = gen_random_uuid()
      FROM free WHERE permit.slot = free.slot
      RETURNING permit.slot, permit.holder::text AS holder,
        greatest(0, extract(epoch FROM free.free_at - (SELECT now FROM clock))::float8 * 1000) AS wait_ms`,
    // Only by its holder: a permit given up as abandoned and taken again is not freed early by the late answer.
    release: `
      UPDATE ${table} SET free_at = clock_timestamp() + make_interval(secs => $3::float8), holder = NULL
      WHERE slot = $1 AND holder = $2::uuid`,
  };
}
