// Quiz schedules: node-cron expressions read in a guild's time zone. node-cron fires the posts; these pure
// functions answer "is this schedule valid?", "when are the next posts?" and "which slot is current?".
//
// Parsing goes through node-cron's own parser, so an expression means here exactly what it means to the
// scheduler that fires it (names, ranges, steps, wrap-around ranges, L, W, #, @daily). The day fields
// combine the way node-cron combines them: both must match. Standard cron ORs them instead, so
// validateSchedule refuses expressions that restrict both, rather than let them mean a surprise.
//
// Daylight saving time, as node-cron does it: a local time the clock skips (02:30 on a spring-forward
// night in New York) has no run; a local time the clock shows twice runs once, the first time.
import { validateDetailed, type ParsedFields } from 'node-cron';
import { dayMs, firstInstantGivenOffsets, hourMs, isKnownTimeZone, minuteMs, toWallTime, wallDate, zoneOffsetMs } from './zone-time.js';

/** The six fields node-cron knows, seconds first (a 5-field expression has no seconds). */
export type CronField = keyof ParsedFields;

/** What is wrong with a cron expression, as data: the reply words it in the admin's language (`src/i18n/`). */
export type CronProblem =
  | { kind: 'empty' }
  | { kind: 'unknown-shortcut'; shortcut: string; shortcuts: string[] }
  | { kind: 'field-count'; count: number }
  | { kind: 'characters' }
  | { kind: 'field-value'; field: CronField; value: string }
  | { kind: 'never-fires' }
  /** Both day fields restricted: node-cron needs both to match, standard cron either. */
  | { kind: 'both-day-fields'; dayOfMonth: string; dayOfWeek: string }
  /** Two runs closer than the minimum gap: `* * * * * *` would post a question every second. */
  | { kind: 'too-frequent'; gapMs: number; minimumGapMs: number }
  | { kind: 'invalid' };

export type ScheduleValidation =
  | { ok: true }
  | { ok: false; field: 'cron'; problem: CronProblem }
  /** Not an IANA zone name this runtime knows. */
  | { ok: false; field: 'timezone' };

/**
 * A schedule may post at most once per this gap. A quiz question needs time to be read and answered, and a
 * channel that gets one every second is flooded (and the bot rate-limited) within a minute.
 */
export const minimumScheduleGapMs = 10 * minuteMs;
/** Runs looked at for the shortest gap: every run of a day repeats the same times, so a short gap shows early. */
const gapSampleRuns = 100;

/** node-cron looks as far as 100 years ahead; so does this, so "never fires" means the same to both. */
const horizonDays = 366 * 100;
/** A local day's wall times can map to instants up to a day away from its own UTC date. */
const offsetReach = 15 * hourMs;

/** The fields node-cron reports problems in (its `field` is one of these). */
const cronFields: readonly string[] = ['second', 'minute', 'hour', 'dayOfMonth', 'month', 'dayOfWeek'] satisfies readonly CronField[];

const nicknames = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

/**
 * Whether `cron` in `timezone` is a schedule the bot can run, and if not what is wrong, for a reply the admin can act on.
 * `now` only matters for expressions that never fire (the 30th of February and the like) and for the gap
 * between runs, measured over the next runs from `now`. `minimumGapMs` is lowered only by tests that need a
 * seconds-level cron to fire while they wait.
 */
export function validateSchedule(cron: string, timezone: string, now: Date = new Date(), minimumGapMs = minimumScheduleGapMs): ScheduleValidation {
  const expression = cron.trim().replace(/\s+/g, ' ');
  const refuse = (problem: CronProblem): ScheduleValidation => ({ ok: false, field: 'cron', problem });
  const problem = findCronProblem(expression);
  if (problem) return refuse(problem);
  if (!isKnownTimeZone(timezone)) return { ok: false, field: 'timezone' };
  const runs = nextRuns(cron, timezone, now, gapSampleRuns);
  if (runs.length === 0) return refuse({ kind: 'never-fires' });
  const gapMs = shortestGap(runs);
  if (gapMs < minimumGapMs) return refuse({ kind: 'too-frequent', gapMs, minimumGapMs });
  return { ok: true };
}

/** The shortest time between two consecutive runs (Infinity for fewer than two). */
function shortestGap(runs: readonly Date[]): number {
  let shortest = Number.POSITIVE_INFINITY;
  for (let index = 1; index < runs.length; index++) shortest = Math.min(shortest, runs[index]!.getTime() - runs[index - 1]!.getTime());
  return shortest;
}

function findCronProblem(expression: string): CronProblem | null {
  if (expression === '') return { kind: 'empty' };
  if (expression.startsWith('@')) {
    return nicknames.includes(expression.toLowerCase()) ? null : { kind: 'unknown-shortcut', shortcut: expression, shortcuts: nicknames };
  }
  const fields = expression.split(' ');
  if (fields.length !== 5 && fields.length !== 6) return { kind: 'field-count', count: fields.length };
  if (!/^[a-zA-Z0-9*/,#?\- ]+$/.test(expression)) return { kind: 'characters' };
  const parsed = validateDetailed(expression);
  const error = parsed.errors[0];
  if (!parsed.valid || !parsed.fields) {
    if (!error || !cronFields.includes(error.field)) return { kind: 'invalid' };
    if (error.message.includes('impossible day')) return { kind: 'never-fires' };
    return { kind: 'field-value', field: error.field as CronField, value: String(error.value ?? '') };
  }
  const [dayOfMonth = '*', , dayOfWeek = '*'] = fields.slice(-3);
  if (isRestricted(dayOfMonth) && isRestricted(dayOfWeek)) return { kind: 'both-day-fields', dayOfMonth, dayOfWeek };
  return null;
}

function isRestricted(field: string | undefined): boolean {
  return field !== undefined && field !== '*' && field !== '?';
}

/** The next `count` run times strictly after `after`, earliest first (fewer if the schedule ends). */
export function nextRuns(cron: string, timezone: string, after: Date, count: number): Date[] {
  const matcher = compileCron(cron);
  const afterMs = after.getTime();
  const runs: Date[] = [];
  // Start a day early: across a fall-back night an instant after `after` can show an earlier local date.
  const firstDay = Math.floor(toWallTime(timezone, afterMs) / dayMs) - 1;
  for (let day = firstDay; day < firstDay + horizonDays && runs.length < count; day++) {
    if (!matcher.matchesDay(day)) continue;
    for (const instant of instantsOfDay(matcher, timezone, day, 'forward', afterMs)) {
      runs.push(new Date(instant));
      if (runs.length >= count) break;
    }
  }
  return runs;
}

/** The latest run time at or before `atOrBefore` (the slot that is current then), or null. */
export function previousRun(cron: string, timezone: string, atOrBefore: Date): Date | null {
  const matcher = compileCron(cron);
  const atMs = atOrBefore.getTime();
  const firstDay = Math.floor(toWallTime(timezone, atMs) / dayMs) + 1;
  for (let day = firstDay; day > firstDay - horizonDays; day--) {
    if (!matcher.matchesDay(day)) continue;
    for (const instant of instantsOfDay(matcher, timezone, day, 'backward', atMs)) return new Date(instant);
  }
  return null;
}

interface CronMatcher {
  seconds: number[];
  minutes: number[];
  hours: number[];
  /** `day` counts local days since 1970-01-01. */
  matchesDay(day: number): boolean;
}

/**
 * Run instants of one local day, in time order (forward: those after `boundMs`; backward: those at or
 * before it, latest first). Hours and minutes that cannot reach past the bound are skipped whole.
 */
function* instantsOfDay(matcher: CronMatcher, timezone: string, day: number, direction: 'forward' | 'backward', boundMs: number): Generator<number> {
  const dayStart = day * dayMs;
  const before = zoneOffsetMs(timezone, dayStart - offsetReach);
  const after = zoneOffsetMs(timezone, dayStart + dayMs + offsetReach);
  const lowestOffset = Math.min(before, after);
  const highestOffset = Math.max(before, after);
  const forward = direction === 'forward';
  // Instants of wall times in [start, start + length) lie in [start - highest, start + length - lowest).
  const outOfReach = (wallStart: number, length: number) =>
    forward ? wallStart + length - lowestOffset <= boundMs : wallStart - highestOffset > boundMs;
  const ordered = (values: number[]) => (forward ? values : [...values].reverse());

  for (const hour of ordered(matcher.hours)) {
    const hourStart = dayStart + hour * hourMs;
    if (outOfReach(hourStart, hourMs)) continue;
    for (const minute of ordered(matcher.minutes)) {
      const minuteStart = hourStart + minute * minuteMs;
      if (outOfReach(minuteStart, minuteMs)) continue;
      for (const second of ordered(matcher.seconds)) {
        const instant = firstInstantGivenOffsets(timezone, minuteStart + second * 1000, before, after);
        if (instant === null) continue;
        if (forward ? instant > boundMs : instant <= boundMs) yield instant;
      }
    }
  }
}

const compiled = new Map<string, CronMatcher>();

/** Throws for an expression node-cron rejects: callers validate schedules before they store them. */
function compileCron(cron: string): CronMatcher {
  const cached = compiled.get(cron);
  if (cached) return cached;
  const result = validateDetailed(cron.trim().replace(/\s+/g, ' '));
  if (!result.valid || !result.fields) throw new Error(`invalid cron expression "${cron}": ${result.errors[0]?.message ?? 'unknown problem'}`);
  const fields = result.fields;
  const months = new Set(fields.month);
  const matcher: CronMatcher = {
    seconds: sortedNumbers(fields.second),
    minutes: sortedNumbers(fields.minute),
    hours: sortedNumbers(fields.hour),
    matchesDay(day) {
      const { year, month, day: date, weekday } = wallDate(day * dayMs);
      return (
        months.has(month) && matchesDayOfMonth(fields.dayOfMonth, year, month, date) && matchesDayOfWeek(fields.dayOfWeek, year, month, date, weekday)
      );
    },
  };
  if (compiled.size > 500) compiled.clear();
  compiled.set(cron, matcher);
  return matcher;
}

function sortedNumbers(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The weekday closest to `target` within its month (node-cron's `W`), or -1 when there is no such date. */
function nearestWeekday(year: number, month: number, target: number): number {
  const last = lastDayOfMonth(year, month);
  if (target < 1 || target > last) return -1;
  const weekday = new Date(Date.UTC(year, month - 1, target)).getUTCDay();
  if (weekday === 6) return target === 1 ? target + 2 : target - 1;
  if (weekday === 0) return target === last ? target - 2 : target + 1;
  return target;
}

function matchesDayOfMonth(field: readonly (number | string)[], year: number, month: number, date: number): boolean {
  for (const value of field) {
    if (value === date) return true;
    if (typeof value !== 'string') continue;
    if (value === 'L') {
      if (date === lastDayOfMonth(year, month)) return true;
      continue;
    }
    const nearest = /^(\d{1,2}|L)W$/.exec(value);
    if (nearest) {
      const target = nearest[1] === 'L' ? lastDayOfMonth(year, month) : Number(nearest[1]);
      if (nearestWeekday(year, month, target) === date) return true;
      continue;
    }
    const beforeLast = /^L-(\d{1,2})$/.exec(value);
    if (beforeLast && lastDayOfMonth(year, month) - Number(beforeLast[1]) === date) return true;
  }
  return false;
}

function matchesDayOfWeek(field: readonly (number | string)[], year: number, month: number, date: number, weekday: number): boolean {
  for (const value of field) {
    if (value === weekday) return true;
    if (typeof value !== 'string') continue;
    const nth = /^([0-7])#([1-5])$/.exec(value);
    if (nth) {
      if (Number(nth[1]) % 7 === weekday && Math.floor((date - 1) / 7) + 1 === Number(nth[2])) return true;
      continue;
    }
    const last = /^([0-7])L$/i.exec(value);
    if (last && Number(last[1]) % 7 === weekday && date + 7 > lastDayOfMonth(year, month)) return true;
  }
  return false;
}
