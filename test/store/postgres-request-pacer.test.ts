import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pacedMakeRequest, type RequestPermit } from '../../src/discord/request-pacing.js';
import { startDiscordEmulator } from '../emulator/index.js';
import { postgresBackends, postgresStartTimeoutMs, startPostgresBackends } from './postgres-test-db.js';

beforeAll(startPostgresBackends, postgresStartTimeoutMs);

// A small limit keeps the tests short: the window is still Discord's one second.
const limit = 5;
const requestsPerProcess = 12;

/**
 * The lag measured in the 09:00 fan-out between being allowed to send and Discord counting the request (a busy event
 * loop, the network): here every other request is held back 200 ms before it leaves, so it reaches the emulator
 * beside the next one, sent on time.
 */
const lateByMs = (index: number) => (index % 2 === 0 ? 200 : 0);

describe('the request window shared in PostgreSQL', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const startEmulator = async () => {
    const emulator = await startDiscordEmulator({ globalRateLimit: limit });
    cleanups.push(() => emulator.close());
    return emulator;
  };
  /** What one process of the bot sends: a post to a channel of its own, `lateByMs` after it was allowed to. */
  const post = (index: number) => async (url: string, init: RequestInit) => {
    await sleep(lateByMs(index));
    return fetch(url, init);
  };
  const postInit = (index: number): RequestInit => ({
    method: 'POST',
    headers: { Authorization: 'Bot emulated-bot-token', 'Content-Type': 'application/json' },
    body: JSON.stringify({ content: `post ${index}` }),
  });

  it('the lag alone makes a timetable at the limit earn global 429s (what the window must withstand)', async () => {
    const emulator = await startEmulator();
    const sends = Array.from({ length: 2 * requestsPerProcess }, async (_, index) => {
      await sleep((index * 1000) / limit);
      const channel = emulator.addChannel(`timetable-${index}`);
      return post(index)(`${emulator.apiUrl}/v10/channels/${channel.id}/messages`, postInit(index));
    });

    await Promise.all(sends);

    expect(emulator.rateCounters().globalLimitHits).toBeGreaterThan(0);
  });

  describe.each(postgresBackends())('on $name', (backend) => {
    // Two processes of one bot, each with its own pool, sharing one schema: a real server (PGlite is one session).
    it.runIf(backend.concurrentConnections)(
      'two processes whose requests reach Discord late never put more than the limit into one second',
      async () => {
        const emulator = await startEmulator();
        const schema = await backend.createSchema();
        const processes = [await backend.openSchema(schema), await backend.openSchema(schema)];
        const errors: unknown[] = [];
        const sends = processes.flatMap((store, process) => {
          const pacer = store.createRequestPacer({ requestsPerSecond: limit, onError: (error) => errors.push(error) });
          return Array.from({ length: requestsPerProcess }, (_, number) => {
            const index = process * requestsPerProcess + number;
            const channel = emulator.addChannel(`window-${index}`);
            const send = pacedMakeRequest(pacer, post(index));
            return send(`${emulator.apiUrl}/v10/channels/${channel.id}/messages`, postInit(index));
          });
        });
        const startedAt = Date.now();

        const statuses = (await Promise.all(sends)).map((response) => response.status);

        expect(errors).toEqual([]);
        expect(statuses).toEqual(Array.from({ length: 2 * requestsPerProcess }, () => 200));
        expect(emulator.rateCounters()).toMatchObject({ globalLimitHits: 0, peakRequestsPerSecond: limit, posts: 2 * requestsPerProcess });
        // Not slower than it must be: each permit serves a request about every second and a fifth (the lag, the answer).
        expect(Date.now() - startedAt).toBeLessThan(((2 * requestsPerProcess) / limit) * 1500 + 1000);
      },
      30_000,
    );

    it('a permit serves the next request one second after its answer, not before', async () => {
      const store = await backend.open();
      const pacer = store.createRequestPacer({ requestsPerSecond: 2 });
      const held: RequestPermit[] = [await pacer.takePermit(), await pacer.takePermit()];
      let thirdAt: number | undefined;
      const third = pacer.takePermit().then((permit) => {
        thirdAt = Date.now();
        return permit;
      });

      await sleep(300);
      expect(thirdAt).toBeUndefined(); // both permits still wait for their answers
      const answeredAt = Date.now();
      held[0]!.release();
      (await third).release();
      held[1]!.release();

      expect(thirdAt! - answeredAt).toBeGreaterThanOrEqual(950);
      expect(thirdAt! - answeredAt).toBeLessThan(2_000);
    });
  });
});
