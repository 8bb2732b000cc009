import { createTask, type ScheduledTask } from 'node-cron';
import { afterAll, describe, expect, it } from 'vitest';
import { nextRuns, previousRun, validateSchedule } from '../../src/quiz/cron-schedule.js';

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());
const now = new Date('2026-11-27T00:30:00Z'); // Friday 09:30 in Seoul

describe('validateSchedule', () => {
  it('accepts the default schedule, names, shortcuts and six-field schedules', () => {
    for (const cron of [
      '0 9 * * 1-5',
      '30 8 * * mon-fri',
      '0 9 * jan-mar mon',
      '0 9,13 * * *',
      '*/15 9-17 * * *',
      '0 22-2 * * *',
      '@daily',
      '0 0 9 * * *',
      '0 9 L * *',
      '0 9 * * 1#1',
    ]) {
      expect(validateSchedule(cron, 'Asia/Seoul', now), cron).toEqual({ ok: true });
    }
  });

  it('accepts a seconds-level schedule only when the minimum gap is lowered (as tests do)', () => {
    expect(validateSchedule('*/10 * * * * *', 'Asia/Seoul', now, 1_000)).toEqual({ ok: true });
    expect(validateSchedule('*/10 * * * * *', 'Asia/Seoul', now)).toMatchObject({ ok: false, problem: { kind: 'too-frequent', gapMs: 10_000 } });
  });

  it('refuses a schedule that posts more than once per 10 minutes, measuring the shortest gap between runs, with examples', () => {
    for (const [cron, gapMs] of [
      ['* * * * * *', 1_000],
      ['* * * * *', 60_000],
      ['*/5 * * * *', 5 * 60_000],
      // Once a day, but twice within five minutes.
      ['0,5 9 * * *', 5 * 60_000],
      // Across midnight: 23:55 then 00:03 the next day.
      ['3,55 0,23 * * *', 8 * 60_000],
    ] as const) {
      const result = validateSchedule(cron, 'Asia/Seoul', now);
      expect(result, cron).toMatchObject({ ok: false, field: 'cron', problem: { kind: 'too-frequent', gapMs, minimumGapMs: 10 * 60_000 } });
    }
    for (const cron of ['*/10 * * * *', '0,10,20,30,40,50 * * * *', '0 * * * *', '55 23 * * *'])
      expect(validateSchedule(cron, 'Asia/Seoul', now), cron).toEqual({ ok: true });
  });

  it('explains a wrong number of fields with an example', () => {
    const result = validateSchedule('0 9 * *', 'Asia/Seoul', now);
    expect(result).toEqual({ ok: false, field: 'cron', problem: { kind: 'field-count', count: 4 } });
  });

  it('names the field and the allowed values when a value is out of range', () => {
    const minute = validateSchedule('61 9 * * *', 'Asia/Seoul', now);
    expect(minute).toMatchObject({ ok: false, problem: { kind: 'field-value', field: 'minute', value: '61' } });
    const weekday = validateSchedule('0 9 * * 8', 'Asia/Seoul', now);
    expect(weekday).toMatchObject({ ok: false, problem: { kind: 'field-value', field: 'dayOfWeek', value: '8' } });
    const step = validateSchedule('5/15 * * * *', 'Asia/Seoul', now);
    expect(step).toMatchObject({ ok: false, field: 'cron' });
  });

  it('refuses empty input, unknown shortcuts and stray characters', () => {
    expect(validateSchedule('  ', 'Asia/Seoul', now)).toMatchObject({ ok: false, field: 'cron' });
    expect(validateSchedule('@sometimes', 'Asia/Seoul', now)).toMatchObject({ ok: false, field: 'cron' });
    expect(validateSchedule('0 9 * * 1-5;', 'Asia/Seoul', now)).toMatchObject({ ok: false, field: 'cron' });
  });

  it('refuses a date that never comes', () => {
    const result = validateSchedule('0 9 31 2 *', 'Asia/Seoul', now);
    expect(result).toEqual({ ok: false, field: 'cron', problem: { kind: 'never-fires' } });
  });

  it('refuses limiting both day of month and weekday, which cron tools read differently, and suggests #', () => {
    const result = validateSchedule('0 9 1-7 * 1', 'Asia/Seoul', now);
    expect(result).toMatchObject({ ok: false, field: 'cron', problem: { kind: 'both-day-fields', dayOfMonth: '1-7', dayOfWeek: '1' } });
  });

  it("names each kind of problem, so replies can explain it in the admin's language", () => {
    const problems = ['', '@sometimes', '0 9 * *', '0 9 * * 1-5;', '0 9 * * 8', '0 9 31 2 *'].map((cron) => {
      const result = validateSchedule(cron, 'Asia/Seoul', now);
      return result.ok || result.field !== 'cron' ? null : result.problem;
    });

    expect(problems).toEqual([
      { kind: 'empty' },
      { kind: 'unknown-shortcut', shortcut: '@sometimes', shortcuts: expect.arrayContaining(['@daily', '@weekly']) },
      { kind: 'field-count', count: 4 },
      { kind: 'characters' },
      { kind: 'field-value', field: 'dayOfWeek', value: '8' },
      { kind: 'never-fires' },
    ]);
  });

  it('refuses an unknown time zone and names an IANA example', () => {
    expect(validateSchedule('0 9 * * 1-5', 'Seoul', now)).toEqual({ ok: false, field: 'timezone' });
    expect(validateSchedule('0 9 * * 1-5', '', now)).toMatchObject({ ok: false, field: 'timezone' });
    expect(validateSchedule('0 9 * * 1-5', 'America/New_York', now)).toEqual({ ok: true });
  });
});

describe('nextRuns', () => {
  it('gives the next weekday mornings in Seoul, skipping the weekend', () => {
    expect(iso(nextRuns('0 9 * * 1-5', 'Asia/Seoul', now, 3))).toEqual([
      '2026-11-30T00:00:00.000Z',
      '2026-12-01T00:00:00.000Z',
      '2026-12-02T00:00:00.000Z',
    ]);
  });

  it('counts only runs strictly after the given time', () => {
    const nineSharp = new Date('2026-11-30T00:00:00Z');
    expect(iso(nextRuns('0 9 * * 1-5', 'Asia/Seoul', nineSharp, 1))).toEqual(['2026-12-01T00:00:00.000Z']);
  });

  it('keeps 09:00 local across the New York spring-forward night', () => {
    const runs = nextRuns('0 9 * * *', 'America/New_York', new Date('2026-03-07T00:00:00Z'), 3);
    expect(iso(runs)).toEqual(['2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z', '2026-03-09T13:00:00.000Z']);
  });

  it('skips a local time the clock jumps over, as node-cron does', () => {
    const runs = nextRuns('30 2 * * *', 'America/New_York', new Date('2026-03-07T12:00:00Z'), 2);
    expect(iso(runs)).toEqual(['2026-03-09T06:30:00.000Z', '2026-03-10T06:30:00.000Z']);
  });

  it('runs a local time the clock shows twice only once, the first time', () => {
    const daily = nextRuns('30 1 * * *', 'America/New_York', new Date('2026-10-31T12:00:00Z'), 2);
    expect(iso(daily)).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']);
    const halfHourly = nextRuns('*/30 * * * *', 'America/New_York', new Date('2026-11-01T04:45:00Z'), 3);
    expect(iso(halfHourly)).toEqual(['2026-11-01T05:00:00.000Z', '2026-11-01T05:30:00.000Z', '2026-11-01T07:00:00.000Z']);
  });

  it('steps through seconds for six-field schedules', () => {
    const runs = nextRuns('*/20 * * * * *', 'UTC', new Date('2026-01-01T00:00:05Z'), 3);
    expect(iso(runs)).toEqual(['2026-01-01T00:00:20.000Z', '2026-01-01T00:00:40.000Z', '2026-01-01T00:01:00.000Z']);
  });

  it('understands last day of month, nth weekday and leap days', () => {
    expect(iso(nextRuns('0 9 L * *', 'Asia/Seoul', new Date('2028-02-01T00:00:00Z'), 1))).toEqual(['2028-02-29T00:00:00.000Z']);
    expect(iso(nextRuns('0 9 * * 1#1', 'Asia/Seoul', now, 1))).toEqual(['2026-12-07T00:00:00.000Z']);
    expect(iso(nextRuns('0 0 29 2 *', 'UTC', now, 1))).toEqual(['2028-02-29T00:00:00.000Z']);
  });

  it('throws for an expression node-cron would reject', () => {
    expect(() => nextRuns('0 9 * *', 'Asia/Seoul', now, 1)).toThrow(/invalid cron expression/);
  });
});

describe('previousRun', () => {
  it('returns the slot itself at the exact time, else the latest one before', () => {
    expect(previousRun('0 9 * * 1-5', 'Asia/Seoul', new Date('2026-11-30T00:00:00Z'))?.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(previousRun('0 9 * * 1-5', 'Asia/Seoul', new Date('2026-11-29T23:59:59Z'))?.toISOString()).toBe('2026-11-27T00:00:00.000Z');
  });

  it('skips the missing local time of a spring-forward night', () => {
    expect(previousRun('30 2 * * *', 'America/New_York', new Date('2026-03-08T12:00:00Z'))?.toISOString()).toBe('2026-03-07T07:30:00.000Z');
  });

  it('agrees with nextRuns: the run after the previous run is later than the moment asked about', () => {
    const schedules = ['0 9 * * 1-5', '*/30 * * * *', '30 1 * * *', '0 0 1 * *'];
    for (const cron of schedules) {
      for (let hour = 0; hour < 24 * 9; hour += 7) {
        const at = new Date(Date.UTC(2026, 10, 27) + hour * 3_600_000 + 17 * 60_000);
        const previous = previousRun(cron, 'America/New_York', at)!;
        expect(previous.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(nextRuns(cron, 'America/New_York', previous, 1)[0]!.getTime()).toBeGreaterThan(at.getTime());
      }
    }
  });
});

describe('agreement with node-cron', () => {
  const tasks: ScheduledTask[] = [];
  afterAll(() => {
    for (const task of tasks) void task.destroy();
  });

  /** Every minute node-cron's own matcher accepts, a local time shown twice counted once. */
  function bruteForceRuns(cron: string, timezone: string, from: Date, minutes: number): string[] {
    const task = createTask(cron, () => undefined, { timezone });
    tasks.push(task);
    const seenLocalTimes = new Set<string>();
    const runs: string[] = [];
    const local = new Intl.DateTimeFormat('en-US', { timeZone: timezone, dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' });
    for (let i = 1; i <= minutes; i++) {
      const instant = new Date(from.getTime() + i * 60_000);
      if (!task.match(instant)) continue;
      const shown = local.format(instant);
      if (seenLocalTimes.has(shown)) continue;
      seenLocalTimes.add(shown);
      runs.push(instant.toISOString());
    }
    return runs;
  }

  it.each([
    ['America/New_York', '2026-03-07T20:00:00Z', '*/20 0-4 * * *'],
    ['America/New_York', '2026-10-31T20:00:00Z', '*/20 0-4 * * *'],
    ['Europe/Berlin', '2026-10-24T20:00:00Z', '15 1-3 * * *'],
    ['Asia/Seoul', '2026-11-26T20:00:00Z', '0 9,18 * * 1-5'],
  ])('finds the same runs as node-cron minute by minute around %s %s', (timezone, start, cron) => {
    const from = new Date(start);
    const minutes = 36 * 60;
    const expected = bruteForceRuns(cron, timezone, from, minutes);
    const runs = iso(nextRuns(cron, timezone, from, 200)).filter((run) => new Date(run).getTime() <= from.getTime() + minutes * 60_000);
    expect(expected.length).toBeGreaterThan(0);
    expect(runs).toEqual(expected);
  });
});
