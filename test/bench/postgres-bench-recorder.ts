// One of the bench's recording processes (postgres-bench.ts): opens the store as a bot process does (its default
// pool), waits at the start gate with its sibling, then records its share of the clicks with many in flight, each
// one `recordAnswer` (resolved only after its answer is committed, synchronous_commit as the server has it; the
// store sends the clicks in flight together as one statement), and prints its timing.
import { performance } from 'node:perf_hooks';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.js';
import { waitAtGate } from '../store/postgres-start-gate.js';

export const recorderSetupVariable = 'POSTGRES_BENCH_RECORDER';

export interface RecorderSetup {
  url: string;
  schema: string;
  gate: number;
  questionIds: string[];
  userIds: string[];
  /** Clicks in flight at once in this process (a click storm: each member's interaction handled concurrently). */
  inFlight: number;
}

/** What the recorder prints: epoch milliseconds (comparable between processes) with sub-millisecond precision. */
export interface RecorderTiming {
  startedAt: number;
  endedAt: number;
  recorded: number;
}

const epochNow = () => performance.timeOrigin + performance.now();

async function main(): Promise<void> {
  const setup = JSON.parse(process.env[recorderSetupVariable] ?? '') as RecorderSetup;
  const store = await openPostgresStore(setup.url, { schema: setup.schema });
  try {
    const clicks = setup.questionIds.flatMap((questionId) => setup.userIds.map((userId) => ({ questionId, userId })));
    // Every connection made now, not during the measurement.
    await Promise.all(Array.from({ length: setup.inFlight }, () => store.getQuestion(setup.questionIds[0] ?? '')));
    await waitAtGate(setup.url, setup.gate);
    const startedAt = epochNow();
    let next = 0;
    let recorded = 0;
    const lane = async (): Promise<void> => {
      while (next < clicks.length) {
        const click = clicks[next++];
        if (!click) return;
        const result = await store.recordAnswer(click.questionId, click.userId, click.userId, next % 4, new Date());
        if (result.kind !== 'recorded') throw new Error(`Click of ${click.userId} on ${click.questionId} was not recorded: ${result.kind}`);
        recorded++;
      }
    };
    await Promise.all(Array.from({ length: setup.inFlight }, lane));
    const timing: RecorderTiming = { startedAt, endedAt: epochNow(), recorded };
    process.stdout.write(JSON.stringify(timing) + '\n');
  } finally {
    await store.close();
  }
}

// Run as a process by the bench; importing this file (for its types) runs nothing.
if (process.env[recorderSetupVariable]) {
  main().catch((error: unknown) => {
    process.stderr.write(`recorder failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
