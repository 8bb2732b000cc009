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
 * free permit before each request that counts and hands it back once the answer is in; from then on the permit
 * stays out of use for one more second.
 *
 * Why a permit is held until the answer, not handed out as a turn on a timetable: Discord counts a request when it
 * arrives, and between the moment a process may send and that arrival lie the process's own event loop, the network
 * and Discord's front door. Measured with two processes on a loaded 2-core machine, the oldest request of a second
 * that earned a global 429 reached the emulator 181 ms after its turn (84 ms waking late, about 100 ms more on the
 * way), so 51 arrivals fit into one second even at 47 turns a second. A permit is taken before its request is sent
 * and comes back only after its answer, so it covers the arrival whenever that happens; kept one second longer, any
 * 51 requests arriving within one second would need 51 permits held at once, when the last of them was granted.
 * Only the database's clock is read, and no margin below 50 is needed. The price: a permit also sits out each
 * request's round trip, so a slow answer slows the pace (about 44–46 a second on that loaded machine, nearer 50 on
 * a quiet one).
 */
export class PostgresRequestPacer implements RequestPacer {
  private readonly permits: number;
  private readonly onError: (error: unknown) => void;
  private readonly statements: ReturnType<typeof statementsFor>;
  private warnedAt = 0;
  private slotsCreated: Promise<void> | undefined;
  /**
   * This process's requests waiting for a permit, first come first served. One loop asks the database for as many
   * free permits as there are waiters, in one statement: 500 callers each polling would flood it, and one at a time
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
        for (const { slot, holder } of outcome.taken) this.waiting.shift()?.({ release: () => void this.release(slot, holder) });
        // Every permit is held. The earliest one comes back when its second is over; when all are still waiting for
        // answers there is no such time, so look again after one request's share of the second.
        if (outcome.taken.length === 0) await sleep(outcome.waitMs > windowMs ? windowMs / this.permits : Math.max(1, outcome.waitMs));
      }
    } finally {
      this.asking = false;
    }
  }

  /** Up to `count` free permits, taken; or undefined when the database could not be asked. */
  private async takeFree(count: number): Promise<{ taken: { slot: number; holder: string }[]; waitMs: number } | undefined> {
    try {
      await this.createSlots();
      const { rows } = await this.pool.query<{ slot: number | null; holder: string | null; wait_ms: number | null }>(this.statements.take, [
        this.permits,
        abandonedPermitMs / 1000,
        count,
      ]);
      const taken = rows.flatMap(({ slot, holder }) => (slot !== null && holder !== null ? [{ slot, holder }] : []));
      const waitMs = Number(rows.find((row) => row.slot === null)?.wait_ms ?? 0);
      return { taken, waitMs };
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
    // One statement: free permits, locked against every other process (SKIP LOCKED: one being taken elsewhere is
    // not waited for), are marked held until their requests are answered or abandoned, each under a holder of its
    // own. A last row says how long until the earliest permit is free again (for when none was).
    take: `
      WITH free AS (
        SELECT slot FROM ${table} WHERE slot <= $1 AND free_at <= clock_timestamp()
        ORDER BY free_at, slot LIMIT $3 FOR UPDATE SKIP LOCKED
      ), taken AS (
        UPDATE ${table} AS permit
        SET free_at = clock_timestamp() + make_interval(secs => $2::float8), holder = gen_random_uuid()
        FROM free WHERE permit.slot = free.slot
        RETURNING permit.slot, permit.holder
      )
      SELECT slot, holder::text AS holder, NULL::float8 AS wait_ms FROM taken
      UNION ALL
      SELECT NULL, NULL, extract(epoch FROM min(free_at) - clock_timestamp())::float8 * 1000 FROM ${table} WHERE slot <= $1`,
    // Only by its holder: a permit given up as abandoned and taken again is not freed early by the late answer.
    release: `
      UPDATE ${table} SET free_at = clock_timestamp() + make_interval(secs => $3::float8), holder = NULL
      WHERE slot = $1 AND holder = $2::uuid`,
  };
}
