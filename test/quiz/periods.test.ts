import { describe, expect, it } from 'vitest';
import { periodStart } from '../../src/quiz/periods.js';

const start = (period: 'week' | 'month' | 'all', timezone: string, now: string) =>
  periodStart(period, timezone, new Date(now))?.toISOString() ?? null;

describe('periodStart', () => {
  it('starts the week on Monday 00:00 Seoul time', () => {
    // Wednesday 2026-11-25 15:00 in Seoul.
    expect(start('week', 'Asia/Seoul', '2026-11-25T06:00:00Z')).toBe('2026-11-22T15:00:00.000Z');
  });

  it('already counts Sunday 23:30 UTC as the new week in Seoul (Monday 08:30 there)', () => {
    // Sunday 2026-11-29 23:30 UTC = Monday 2026-11-30 08:30 KST.
    expect(start('week', 'Asia/Seoul', '2026-11-29T23:30:00Z')).toBe('2026-11-29T15:00:00.000Z');
    // The same instant is still last week in UTC.
    expect(start('week', 'UTC', '2026-11-29T23:30:00Z')).toBe('2026-11-23T00:00:00.000Z');
  });

  it('starts the week exactly at Monday midnight, not a moment later', () => {
    expect(start('week', 'Asia/Seoul', '2026-11-29T15:00:00Z')).toBe('2026-11-29T15:00:00.000Z');
    expect(start('week', 'Asia/Seoul', '2026-11-29T14:59:59Z')).toBe('2026-11-22T15:00:00.000Z');
  });

  it('starts the month on the 1st at 00:00 local time', () => {
    // 2026-11-30 20:00 UTC is already 1 December in Seoul.
    expect(start('month', 'Asia/Seoul', '2026-11-30T20:00:00Z')).toBe('2026-11-30T15:00:00.000Z');
    expect(start('month', 'UTC', '2026-11-30T20:00:00Z')).toBe('2026-11-01T00:00:00.000Z');
  });

  it('uses the offset in force at the start of the period, across daylight saving time', () => {
    // Monday 2026-03-09 in New York (EDT since Sunday 03-08); the week began Monday 03-02 in EST.
    expect(start('week', 'America/New_York', '2026-03-09T02:00:00Z')).toBe('2026-03-02T05:00:00.000Z');
    expect(start('week', 'America/New_York', '2026-03-10T12:00:00Z')).toBe('2026-03-09T04:00:00.000Z');
  });

  it('has no start for all time', () => {
    expect(start('all', 'Asia/Seoul', '2026-11-25T06:00:00Z')).toBeNull();
  });
});
