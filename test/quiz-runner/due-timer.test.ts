import { afterEach, describe, expect, it, vi } from 'vitest';
import { DueTimer } from '../../src/quiz/due-timer.js';
import { TestClock } from './runner-test-kit.js';

const longestTimeout = 2 ** 31 - 1;

describe('the close timer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a close 30 days away does not fire at once (setTimeout overflow) but wakes within its longest wait', () => {
    vi.useFakeTimers();
    const clock = new TestClock(new Date('2026-03-02T00:00:00.000Z'));
    const onDue = vi.fn();
    const timer = new DueTimer(clock, onDue);

    timer.armAt(new Date(clock.now().getTime() + 30 * 24 * 60 * 60_000));
    vi.advanceTimersByTime(60_000);
    const firedEarly = onDue.mock.calls.length;
    vi.advanceTimersByTime(longestTimeout);

    expect(firedEarly).toBe(0);
    expect(onDue).toHaveBeenCalledTimes(1);
  });

  it('arming again replaces the earlier moment, and a past moment fires at once', () => {
    vi.useFakeTimers();
    const clock = new TestClock(new Date('2026-03-02T00:00:00.000Z'));
    const onDue = vi.fn();
    const timer = new DueTimer(clock, onDue);

    timer.armAt(new Date(clock.now().getTime() + 60_000));
    timer.armAt(new Date(clock.now().getTime() - 1));
    vi.advanceTimersByTime(0);
    vi.advanceTimersByTime(120_000);

    expect(onDue).toHaveBeenCalledTimes(1);
    expect(timer.dueAt).toBeNull();
  });
});
