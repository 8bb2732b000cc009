// Which stop signal means what: Ctrl-C in `npm start` arrives twice (the terminal signals the whole process
// group, and npm forwards its copy to node), yet the operator asked once.

/** The same signal again within this long is the same request; later, it means "stop now". */
export const repeatedSignalWindowMs = 1_000;

/** `stop`: begin a clean stop; `repeat`: the same request again, ignore it; `force`: give up on the clean stop. */
export type SignalMeaning = 'stop' | 'repeat' | 'force';

export function createSignalJudge(now: () => number = Date.now): (signal: NodeJS.Signals) => SignalMeaning {
  let first: { signal: NodeJS.Signals; at: number } | undefined;
  return (signal) => {
    const at = now();
    if (!first) {
      first = { signal, at };
      return 'stop';
    }
    return signal === first.signal && at - first.at < repeatedSignalWindowMs ? 'repeat' : 'force';
  };
}
