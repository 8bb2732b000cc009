// Migration 7 through the store interface: reminders (opt-in, the once-a-day claim, the closed-DMs notice) and
// the guild's weekly report schedule, on real SQLite files.
import { describe, expect, it } from 'vitest';
import { guildId, channelId, openTestStore, createDatabasePath } from './store-test-kit.js';

const at = new Date('2026-12-01T00:00:00.000Z');

describe('reminders in the store', () => {
  it('keeps nothing for a member who never opted in', () => {
    const store = openTestStore();
    expect(store.getReminder(guildId, 'u1')).toBeNull();
    expect(store.listEnabledReminders()).toEqual([]);
  });

  it('lets exactly one claim of a day through, and a released claim be made again', () => {
    const store = openTestStore();
    store.saveReminder({ guildId, userId: 'u1', minuteOfDay: 510, language: 'ko', at });

    expect(store.claimReminderDay(guildId, 'u1', '2026-12-01')).toBe(true);
    expect(store.claimReminderDay(guildId, 'u1', '2026-12-01')).toBe(false);
    store.releaseReminderDay(guildId, 'u1', '2026-12-01', null);
    expect(store.claimReminderDay(guildId, 'u1', '2026-12-01')).toBe(true);
    expect(store.claimReminderDay(guildId, 'u1', '2026-12-02')).toBe(true);
  });

  it('claims nothing for a reminder that is off', () => {
    const store = openTestStore();
    store.saveReminder({ guildId, userId: 'u1', minuteOfDay: 510, language: null, at });
    store.turnOffReminder(guildId, 'u1', 'member', at);
    expect(store.claimReminderDay(guildId, 'u1', '2026-12-01')).toBe(false);
    expect(store.listEnabledReminders()).toEqual([]);
  });

  it('leaves a notice once when closed DMs turned reminders off, and turning them on again clears it', () => {
    const store = openTestStore();
    store.saveReminder({ guildId, userId: 'u1', minuteOfDay: 510, language: null, at });
    expect(store.turnOffReminder(guildId, 'u1', 'dms-closed', at)).toBe(true);

    expect(store.getReminder(guildId, 'u1')).toMatchObject({ enabled: false, offReason: 'dms-closed', noticePending: true });
    expect(store.takeReminderNotice(guildId, 'u1')).toBe(true);
    expect(store.takeReminderNotice(guildId, 'u1')).toBe(false);

    store.turnOffReminder(guildId, 'u1', 'member', at);
    store.saveReminder({ guildId, userId: 'u1', minuteOfDay: 600, language: 'en', at });
    expect(store.getReminder(guildId, 'u1')).toMatchObject({ enabled: true, offReason: null, noticePending: false, minuteOfDay: 600 });
  });

  it('keeps the handled day when a member turns reminders off and on again, so no second DM comes that day', () => {
    const store = openTestStore();
    store.saveReminder({ guildId, userId: 'u1', minuteOfDay: 510, language: null, at });
    store.claimReminderDay(guildId, 'u1', '2026-12-01');
    store.recordReminderSent(guildId, 'u1', at);
    store.turnOffReminder(guildId, 'u1', 'member', at);
    store.saveReminder({ guildId, userId: 'u1', minuteOfDay: 510, language: null, at });

    expect(store.getReminder(guildId, 'u1')).toMatchObject({ handledDate: '2026-12-01', lastSentAt: at });
  });

  it('refuses a minute outside the day', () => {
    const store = openTestStore();
    expect(() => store.saveReminder({ guildId, userId: 'u1', minuteOfDay: 1440, language: null, at })).toThrow(/CHECK/);
  });
});

describe('report schedules in the store', () => {
  it('keeps one report per guild: setting it again moves it and clears the last problem', () => {
    const file = createDatabasePath();
    const store = openTestStore(file);
    const base = { guildId, cron: '0 9 * * 1', timezone: 'Asia/Seoul', language: 'ko', createdBy: 'admin', createdAt: at };
    store.saveReportSchedule({ ...base, channelId });
    store.recordReportProblem(guildId, { kind: 'missing-permissions', permissions: ['Attach Files'] }, at);
    expect(store.getReportSchedule(guildId)?.lastProblem).toEqual({ kind: 'missing-permissions', permissions: ['Attach Files'] });

    store.saveReportSchedule({ ...base, channelId: '200000000000000002' });

    expect(store.listReportSchedules()).toHaveLength(1);
    expect(store.getReportSchedule(guildId)).toMatchObject({ channelId: '200000000000000002', lastProblem: null, lastPostedAt: null });
  });

  it('records a post, clearing the problem before it, and forgets the schedule when removed', () => {
    const store = openTestStore();
    store.saveReportSchedule({ guildId, channelId, cron: '0 9 * * 1', timezone: 'UTC', language: null, createdBy: 'admin', createdAt: at });
    store.recordReportProblem(guildId, { kind: 'unknown-channel' }, at);
    store.recordReportPosted(guildId, at);

    expect(store.getReportSchedule(guildId)).toMatchObject({ lastPostedAt: at, lastProblem: null, lastProblemAt: null });
    expect(store.deleteReportSchedule(guildId)).toBe(true);
    expect(store.deleteReportSchedule(guildId)).toBe(false);
    expect(store.getReportSchedule(guildId)).toBeNull();
  });
});
