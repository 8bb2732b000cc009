import type { Histogram } from 'prom-client';

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * The same store, every method call timed into `histogram` under the method's name: until its promise settles
 * for an async store, until it returns for a synchronous one; failures count too (a slow failure is still slow).
 * A Proxy rather than a class that repeats every method, so a method added to the store is timed without a
 * change here. Calls run on the store itself, so its own `this` and private fields are untouched.
 */
export function timeStoreCalls<Store extends object>(store: Store, histogram: Histogram<'method'>): Store {
  const timed = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      let wrapper = timed.get(property);
      if (wrapper === undefined) {
        const method = property;
        wrapper = function timedCall(...args: unknown[]): unknown {
          const stopTimer = histogram.startTimer({ method });
          let result: unknown;
          try {
            result = Reflect.apply(value, target, args);
          } catch (error) {
            stopTimer();
            throw error;
          }
          if (!isPromiseLike(result)) {
            stopTimer();
            return result;
          }
          return Promise.resolve(result).finally(() => stopTimer());
        };
        timed.set(property, wrapper);
      }
      return wrapper;
    },
  });
}
