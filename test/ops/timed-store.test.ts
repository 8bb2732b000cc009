// The store timer: every method call lands in the histogram under its name, whether the store answers at once,
// later, or fails; the store's own behaviour is untouched.
import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { timeStoreCalls } from '../../src/ops/timed-store.js';

function createHistogram(): { histogram: Histogram<'method'>; countOf: (method: string) => Promise<number | undefined> } {
  const registry = new Registry();
  const histogram = new Histogram({ name: 'test_store_call_seconds', help: 'calls', labelNames: ['method'], registers: [registry] });
  return {
    histogram,
    countOf: async (method) => {
      const metric = await histogram.get();
      return metric.values.find((value) => value.metricName === 'test_store_call_seconds_count' && value.labels.method === method)?.value;
    },
  };
}

/** A store with private state, so a call that ran on the proxy instead of the store would fail. */
class CountingStore {
  #calls = 0;
  readonly name = 'counting';

  record(value: number): number {
    this.#calls += 1;
    return value * 2;
  }

  async recordLater(value: number): Promise<number> {
    await Promise.resolve();
    this.#calls += 1;
    return value * 3;
  }

  async refuse(): Promise<never> {
    await Promise.resolve();
    throw new Error('database is closed');
  }

  refuseAtOnce(): never {
    throw new Error('not open');
  }

  get calls(): number {
    return this.#calls;
  }
}

describe('timing the store', () => {
  it('times synchronous and async calls under their method names and returns what the store returned', async () => {
    const { histogram, countOf } = createHistogram();
    const store = timeStoreCalls(new CountingStore(), histogram);

    const now = store.record(2);
    const later = await store.recordLater(2);
    store.record(1);

    expect(now).toBe(4);
    expect(later).toBe(6);
    expect(store.calls).toBe(3);
    expect(await countOf('record')).toBe(2);
    expect(await countOf('recordLater')).toBe(1);
  });

  it('times failed calls too and passes the failure on unchanged', async () => {
    const { histogram, countOf } = createHistogram();
    const store = timeStoreCalls(new CountingStore(), histogram);

    await expect(store.refuse()).rejects.toThrow('database is closed');
    expect(() => store.refuseAtOnce()).toThrow('not open');

    expect(await countOf('refuse')).toBe(1);
    expect(await countOf('refuseAtOnce')).toBe(1);
  });

  it('leaves properties that are not methods as they are, untimed', async () => {
    const { histogram } = createHistogram();
    const store = timeStoreCalls(new CountingStore(), histogram);

    expect(store.name).toBe('counting');
    expect((await histogram.get()).values).toEqual([]);
  });
});
