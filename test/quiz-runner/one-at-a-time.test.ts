// The per-key queue the runner puts a read and its dependent write under, where no single store call decides.
import { describe, expect, it } from 'vitest';
import { OneAtATime } from '../../src/quiz/runner/one-at-a-time.js';

/** A piece of work that records when it starts and ends, and waits a turn of the event loop in between. */
function recordedWork(log: string[], name: string, fail = false): () => Promise<string> {
  return async () => {
    log.push(`${name} start`);
    await new Promise((resolve) => setImmediate(resolve));
    log.push(`${name} end`);
    if (fail) throw new Error(`${name} failed`);
    return name;
  };
}

describe('one at a time per key', () => {
  it('work under one key runs in the order it was queued, each after the one before has finished', async () => {
    const queue = new OneAtATime();
    const log: string[] = [];

    const results = await Promise.all([
      queue.run('channel', recordedWork(log, 'a')),
      queue.run('channel', recordedWork(log, 'b')),
      queue.run('channel', recordedWork(log, 'c')),
    ]);

    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('work that fails rejects its own caller only; the next under the key still runs', async () => {
    const queue = new OneAtATime();
    const log: string[] = [];

    const [failed, next] = await Promise.allSettled([
      queue.run('channel', recordedWork(log, 'a', true)),
      queue.run('channel', recordedWork(log, 'b')),
    ]);

    expect(failed).toMatchObject({ status: 'rejected', reason: new Error('a failed') });
    expect(next).toEqual({ status: 'fulfilled', value: 'b' });
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('work under different keys does not wait for each other', async () => {
    const queue = new OneAtATime();
    const log: string[] = [];

    await Promise.all([queue.run('one', recordedWork(log, 'a')), queue.run('two', recordedWork(log, 'b'))]);

    expect(log.slice(0, 2)).toEqual(['a start', 'b start']);
  });
});
