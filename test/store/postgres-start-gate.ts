// A start line for several OS processes, drawn in the PostgreSQL server they share: the parent holds an advisory
// lock, every child asks for a shared hold on it and blocks; once all of them are seen waiting the parent lets go
// and the server wakes them together. "At once" then means within the server's wake-up of its waiters, not
// within however long each child took to start node and compile TypeScript (seconds on a busy machine).
import { randomInt } from 'node:crypto';
import pg from 'pg';

/** The advisory lock class of start gates ("gate"); the gate's own number tells one test's gate from another's. */
const gateLockClass = 0x67617465;

export interface StartGate {
  /** Handed to the children (`waitAtGate`). */
  id: number;
  /** Resolves once `count` children wait at the gate; fails after `timeoutMs` (a child that died, say). */
  waitForWaiters(count: number, timeoutMs?: number): Promise<void>;
  /** Let every waiter go at once. */
  open(): Promise<void>;
  /** Open if still closed and disconnect. */
  close(): Promise<void>;
}

/** Close a new gate on the server at `url`. */
export async function closeStartGate(url: string): Promise<StartGate> {
  const id = randomInt(1, 2 ** 31 - 1);
  const holder = new pg.Client({ connectionString: url, application_name: 'start-gate' });
  await holder.connect();
  await holder.query('SELECT pg_advisory_lock($1, $2)', [gateLockClass, id]);
  let opened = false;
  const open = async (): Promise<void> => {
    if (opened) return;
    opened = true;
    await holder.query('SELECT pg_advisory_unlock($1, $2)', [gateLockClass, id]);
  };
  return {
    id,
    async waitForWaiters(count, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        // A two-key advisory lock shows as classid/objid with objsubid 2.
        const { rows } = await holder.query<{ waiting: string }>(
          `SELECT count(*) AS waiting FROM pg_locks
          WHERE locktype = 'advisory' AND classid = $1::bigint::oid AND objid = $2::bigint::oid AND objsubid = 2 AND NOT granted`,
          [gateLockClass, id],
        );
        if (Number(rows[0]?.waiting ?? 0) >= count) return;
        if (Date.now() > deadline) throw new Error(`Only ${rows[0]?.waiting ?? 0} of ${count} processes reached the start gate`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    open,
    async close() {
      await open().catch(() => {});
      await holder.end();
    },
  };
}

/** In a child: block until the parent opens gate `id`. */
export async function waitAtGate(url: string, id: number): Promise<void> {
  const waiter = new pg.Client({ connectionString: url, application_name: 'start-gate-waiter' });
  await waiter.connect();
  try {
    await waiter.query('SELECT pg_advisory_lock_shared($1, $2)', [gateLockClass, id]);
  } finally {
    // Ending the session also ends its hold on the lock.
    await waiter.end();
  }
}
