import { describe, expect, it } from 'vitest';
import { firstInstantAtOrAfterWallTime, firstInstantAtWallTime, isKnownTimeZone, toWallTime, zoneOffsetMs } from '../../src/quiz/zone-time.js';

const wall = (text: string) => Date.parse(`${text}Z`);
const hours = (ms: number) => ms / 3_600_000;

describe('zone time', () => {
  it('knows IANA zones and refuses city names and garbage', () => {
    expect(isKnownTimeZone('Asia/Seoul')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Seoul')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
  });

  it('reads offsets on both sides of a daylight saving change', () => {
    expect(hours(zoneOffsetMs('Asia/Seoul', Date.parse('2026-07-01T00:00:00Z')))).toBe(9);
    expect(hours(zoneOffsetMs('America/New_York', Date.parse('2026-03-08T06:59:00Z')))).toBe(-5);
    expect(hours(zoneOffsetMs('America/New_York', Date.parse('2026-03-08T07:00:00Z')))).toBe(-4);
    expect(new Date(toWallTime('Asia/Seoul', Date.parse('2026-11-29T23:30:00Z'))).toISOString()).toBe('2026-11-30T08:30:00.000Z');
  });

  it('finds no instant for a skipped local time and the first one for a repeated local time', () => {
    expect(firstInstantAtWallTime('America/New_York', wall('2026-03-08T02:30:00'))).toBeNull();
    expect(new Date(firstInstantAtWallTime('America/New_York', wall('2026-11-01T01:30:00'))!).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('starts a day whose midnight is skipped when its clock starts', () => {
    // Santiago jumps from 24:00 to 01:00 on 2026-09-06: that day begins at 01:00 -03 = 04:00 UTC.
    expect(firstInstantAtWallTime('America/Santiago', wall('2026-09-06T00:00:00'))).toBeNull();
    expect(new Date(firstInstantAtOrAfterWallTime('America/Santiago', wall('2026-09-06T00:00:00'))).toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });
});
