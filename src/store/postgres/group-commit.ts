// Group commit inside one process: work items that arrive while a statement is in flight are sent together as the
// next statement, so one commit (one WAL flush, the server's real limit on a click storm) stores many of them.
// Nothing waits on a timer: an item that finds nothing in flight is sent as soon as the event loop turn that
// brought it ends; the batches only grow when the database is the bottleneck anyway.

export interface GroupCommitOptions<Item, Outcome> {
  /**
   * Runs one batch as one committed statement or transaction and returns one outcome per item, in order. Its
   * promise resolves only after the commit: each item is acknowledged only once it is durable.
   */
  run: (items: readonly Item[]) => Promise<Outcome[]>;
  /**
   * Items with the same key never share a batch nor overlap in flight: the later one waits for the earlier
   * one's commit and then runs against it, so the order in which they arrived is the order the database sees.
   */
  keyOf: (item: Item) => string;
  /** Statements in flight at once from this queue (each holds a pooled connection). */
  maxInFlight: number;
  /** Items in one statement at most. */
  maxBatch: number;
}

interface Pending<Item, Outcome> {
  item: Item;
  key: string;
  resolve: (outcome: Outcome) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<Item, Outcome> {
  private queue: Pending<Item, Outcome>[] = [];
  private readonly keysInFlight = new Set<string>();
  private inFlight = 0;
  private sendScheduled = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: GroupCommitOptions<Item, Outcome>) {
    if (!Number.isInteger(options.maxInFlight) || options.maxInFlight < 1) throw new RangeError('maxInFlight must be a whole number of at least 1');
    if (!Number.isInteger(options.maxBatch) || options.maxBatch < 1) throw new RangeError('maxBatch must be a whole number of at least 1');
  }

  submit(item: Item): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      this.queue.push({ item, key: this.options.keyOf(item), resolve, reject });
      this.scheduleSend();
    });
  }

  /** Resolves once nothing is queued or in flight (for a clean close). */
  whenIdle(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Sending waits for the end of the current event-loop turn (setImmediate, no timer): every item that the same
   * turn brought (the replies of one socket read, the callers woken by one commit) joins one batch instead of
   * the first one leaving alone and the others queueing behind it.
   */
  private scheduleSend(): void {
    if (this.sendScheduled || this.inFlight >= this.options.maxInFlight) return;
    this.sendScheduled = true;
    setImmediate(() => {
      this.sendScheduled = false;
      this.sendBatches();
    });
  }

  private sendBatches(): void {
    while (this.inFlight < this.options.maxInFlight) {
      const batch = this.takeBatch();
      if (batch.length === 0) break;
      this.inFlight++;
      for (const pending of batch) this.keysInFlight.add(pending.key);
      void this.runBatch(batch).finally(() => {
        this.inFlight--;
        for (const pending of batch) this.keysInFlight.delete(pending.key);
        if (this.queue.length > 0) this.scheduleSend();
        else if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
      });
    }
  }

  /** The oldest queued items, in arrival order, skipping (and keeping queued) any whose key is already taken. */
  private takeBatch(): Pending<Item, Outcome>[] {
    const batch: Pending<Item, Outcome>[] = [];
    const keys = new Set<string>();
    const left: Pending<Item, Outcome>[] = [];
    for (const pending of this.queue) {
      if (batch.length < this.options.maxBatch && !keys.has(pending.key) && !this.keysInFlight.has(pending.key)) {
        batch.push(pending);
        keys.add(pending.key);
      } else {
        left.push(pending);
      }
    }
    this.queue = left;
    return batch;
  }

  /**
   * A failed batch was rolled back whole; its items are run again one by one, so one item the database refuses
   * fails alone and never its neighbours.
   */
  private async runBatch(batch: Pending<Item, Outcome>[]): Promise<void> {
    try {
      const outcomes = await this.options.run(batch.map((pending) => pending.item));
      if (outcomes.length !== batch.length) throw new Error(`A batch of ${batch.length} returned ${outcomes.length} outcomes`);
      batch.forEach((pending, index) => pending.resolve(outcomes[index] as Outcome));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      for (const pending of batch) await this.runBatch([pending]);
    }
  }
}
