/**
 * Every post, close and reveal the runner has started and not finished. One list for all of them, because
 * shutdown must wait for each kind: a post that succeeds while the bot stops still needs its message id stored
 * before the store closes.
 */
export class InFlightWork {
  private readonly pendingWork = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.pendingWork.add(work);
    void work.then(
      () => this.pendingWork.delete(work),
      () => this.pendingWork.delete(work),
    );
    return work;
  }

  /**
   * Resolves when no post, close or reveal of this runner is in flight: call it after `stop()` and before
   * closing the store, so a post that succeeds during shutdown still gets its message id stored. With
   * `timeoutMs`, gives up waiting after that long; resolves whether it became idle.
   */
  async waitForIdle(timeoutMs?: number): Promise<boolean> {
    const drained = (async () => {
      while (this.pendingWork.size > 0) await Promise.allSettled([...this.pendingWork]);
      return true;
    })();
    if (timeoutMs === undefined) return drained;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([drained, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * Questions being posted right now: not to be discarded or closed under the post. Only posting adds and removes
 * them; closing and the start-up recovery read the set, so a question stored a moment ago and still on its way to
 * Discord is not taken for one a crash left behind.
 */
export class QuestionsBeingPosted {
  private readonly posting = new Set<string>();

  add(questionId: string): void {
    this.posting.add(questionId);
  }

  delete(questionId: string): void {
    this.posting.delete(questionId);
  }

  has(questionId: string): boolean {
    return this.posting.has(questionId);
  }
}
