// When a member's daily reminder is due, and how the time they type is read: rules without Discord or a store.
import { describe, expect, it } from 'vitest';
import { formatReminderTime, isReminderDue, localDayAndMinute, parseReminderTime, type Reminder } from '../../src/learning/reminder-rules.js';

const seoul = 'Asia/Seoul';

function reminder(overrides: Partial<Reminder> = {}): Reminder {
  return {
    guildId: 'g',
    userId: 'u',
    enabled: true,
    minuteOfDay: 8 * 60 + 30,
    language: 'en',
    handledDate: null,
    lastSentAt: null,
    offReason: null,
    noticePending: false,
    ...overrides,
  };
}

describe('reading a reminder time', () => {
  it('takes 24-hour HH:MM and H:MM', () => {
    expect(parseReminderTime('08:30')).toBe(510);
    expect(parseReminderTime(' 7:05 ')).toBe(425);
    expect(parseReminderTime('23:59')).toBe(1439);
    expect(parseReminderTime('00:00')).toBe(0);
  });

  it('refuses what is not a time of day', () => {
    for (const typed of ['24:00', '08:60', '8pm', '0830', '', '８:３０', '-1:00', '08:3']) expect(parseReminderTime(typed), typed).toBeNull();
  });

  it('writes minutes back as HH:MM', () => {
    expect(formatReminderTime(425)).toBe('07:05');
    expect(formatReminderTime(1439)).toBe('23:59');
  });
});

describe('when a reminder is due', () => {
  // 08:31 in Seoul on 2 December 2026.
  const justAfter = new Date('2026-12-01T23:31:00.000Z');

  it("reads the day and minute in the guild's zone", () => {
    expect(localDayAndMinute(seoul, justAfter)).toEqual({ date: '2026-12-02', minute: 511 });
    expect(localDayAndMinute('UTC', justAfter)).toEqual({ date: '2026-12-01', minute: 1411 });
  });

  it("is due once the member's time has come today, not before", () => {
    expect(isReminderDue(reminder(), seoul, justAfter)).toBe(true);
    expect(isReminderDue(reminder(), seoul, new Date('2026-12-01T23:29:00.000Z'))).toBe(false);
  });

  it('catches up later the same day (the bot was down at the time), but a handled day is never due again', () => {
    const evening = new Date('2026-12-02T12:00:00.000Z');
    expect(isReminderDue(reminder(), seoul, evening)).toBe(true);
    expect(isReminderDue(reminder({ handledDate: '2026-12-02' }), seoul, evening)).toBe(false);
    expect(isReminderDue(reminder({ handledDate: '2026-12-01' }), seoul, evening)).toBe(true);
  });

  it('is never due while off', () => {
    expect(isReminderDue(reminder({ enabled: false, offReason: 'dms-closed' }), seoul, justAfter)).toBe(false);
  });

  it('leaves at least twelve hours between two DMs, even when a zone change makes the date come round again', () => {
    const sentAnHourAgo = reminder({ handledDate: '2026-12-01', lastSentAt: new Date(justAfter.getTime() - 3_600_000) });
    expect(isReminderDue(sentAnHourAgo, seoul, justAfter)).toBe(false);
  });
});
