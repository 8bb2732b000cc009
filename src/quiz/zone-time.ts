// Wall-clock time in an IANA time zone, through Intl only. A "wall time" is a millisecond count whose UTC
// fields read as the local clock (year, month, day, hour, …), so calendar arithmetic stays plain Date.UTC.

export const minuteMs = 60_000;
export const hourMs = 3_600_000;
export const dayMs = 86_400_000;

/** Wider than any real UTC offset (−12 h … +14 h): a window around a wall time holds every instant showing it. */
const offsetReach = 15 * hourMs;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();
const maxCachedOffsets = 20_000;

export function isKnownTimeZone(timezone: string): boolean {
  if (timezone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/**
 * Local time minus UTC at `instantMs`, in ms (Asia/Seoul: +9 h). Cached per minute: offsets only change on
 * whole minutes, and schedules ask for the same minutes again and again.
 */
export function zoneOffsetMs(timezone: string, instantMs: number): number {
  const minute = Math.floor(instantMs / minuteMs);
  let cache = offsetCache.get(timezone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(timezone, cache);
  }
  const cached = cache.get(minute);
  if (cached !== undefined) return cached;
  const probe = minute * minuteMs;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timezone).formatToParts(probe)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const shown = Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour! % 24, parts.minute, parts.second);
  const offset = shown - probe;
  if (cache.size >= maxCachedOffsets) cache.clear();
  cache.set(minute, offset);
  return offset;
}

/** What the clock on the wall in `timezone` shows at `instantMs`. */
export function toWallTime(timezone: string, instantMs: number): number {
  return instantMs + zoneOffsetMs(timezone, instantMs);
}

/** The offsets in force shortly before and shortly after `wallMs` (equal unless a transition is near). */
export function offsetsAround(timezone: string, wallMs: number): [before: number, after: number] {
  return [zoneOffsetMs(timezone, wallMs - offsetReach), zoneOffsetMs(timezone, wallMs + offsetReach)];
}

/**
 * The first instant whose wall clock shows `wallMs`, or null when the clock skips it (spring forward).
 * When the clock shows it twice (fall back) this is the first time, as a scheduler firing once would.
 */
export function firstInstantAtWallTime(timezone: string, wallMs: number): number | null {
  const [before, after] = offsetsAround(timezone, wallMs);
  return firstInstantGivenOffsets(timezone, wallMs, before, after);
}

/** `firstInstantAtWallTime` with the surrounding offsets known (a scan over one day reuses them). */
export function firstInstantGivenOffsets(timezone: string, wallMs: number, before: number, after: number): number | null {
  if (before === after) return wallMs - before;
  const candidates = [wallMs - before, wallMs - after].filter((instant) => toWallTime(timezone, instant) === wallMs);
  return candidates.length === 0 ? null : Math.min(...candidates);
}

/** The first instant whose wall clock shows `wallMs` or later: where a local day starts even if midnight is skipped. */
export function firstInstantAtOrAfterWallTime(timezone: string, wallMs: number): number {
  const exact = firstInstantAtWallTime(timezone, wallMs);
  if (exact !== null) return exact;
  // In a gap: the clock jumps past wallMs somewhere in between; find that instant to the minute.
  const [before, after] = offsetsAround(timezone, wallMs);
  let low = wallMs - after; // still before the jump: shows an earlier time
  let high = wallMs - before; // after the jump: shows a later time
  while (high - low > minuteMs) {
    const middle = low + Math.ceil((high - low) / 2 / minuteMs) * minuteMs;
    if (toWallTime(timezone, middle) >= wallMs) high = middle;
    else low = middle;
  }
  return high;
}

/** Calendar fields of a wall time. */
export function wallDate(wallMs: number): { year: number; month: number; day: number; weekday: number } {
  const date = new Date(wallMs);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() };
}

/** Whether the zone's UTC offset changes within the year after `from` (daylight saving time or a rule change). */
export function changesOffsetWithinYear(timezone: string, from: Date): boolean {
  const first = zoneOffsetMs(timezone, from.getTime());
  for (let month = 1; month <= 12; month++) {
    if (zoneOffsetMs(timezone, from.getTime() + month * 30 * dayMs) !== first) return true;
  }
  return false;
}
