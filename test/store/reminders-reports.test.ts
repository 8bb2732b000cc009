// Migration 7 through the store interface: reminders (opt-in, the once-a-day claim, the closed-DMs notice) and
// the guild's weekly report schedule, on real SQLite files.
import { describe, expect, it } from 'vitest';
import { guildId, channelId, openTestStore, storeBackends, startStoreBackends } from './store-test-kit.js';

startStoreBackends();

const at = new Date('2026-12-01T00:00:00.000Z');

describe.each(storeBackends)('reminders in the store ($name)', (backend) => {
  it('keeps nothing for a member who never opted in', async () => {
    const store = await openTestStore(backend);
    expect(await store.getReminder(guildId, 'u1')).toBeNull();
    expect(await store.listEnabledReminders()).toEqual([]);
  });

  it('lets exactly one claim of a day through, and a released claim be made again', async () => {
    const store = await openTestStore(backend);
    await store.saveReminder({ guildId, userId: 'u1', minuteOfDay: 510, language: 'ko', at });

    expect(await store.claimReminderDay(guildId, 'u1', '2026-12-01')).toBe(true);
    expect(await store.claimReminderDay(guildId, 'u1', '2026-12-01')).toBe(false);
    await store.releaseReminderDay(guildId, 'u1', '2026-12-01', null);
    expect(await store.claimReminderDay(guildId, 'u1', '2026-12-01')).toBe(true);
    expect(await store.claimReminderDay(guildId, 'u1', '2026-12-02')).toBe(true);
  });

  it('claims nothing for a reminder that is off', async () => {
    const store = await openTestStore(backend);
    await store.saveReminder({ guildId, userId: 'u1', minuteOfDay: 510, language: null, at });
    await store.turnOffReminder(guildId, 'u1', 'member', at);
    expect(await store.claimReminderDay(guildId, 'u1', '2026-12-01')).toBe(false);
    expect(await store.listEnabledReminders()).toEqual([]);
  });

  it('leaves a notice once when closed DMs turned reminders off, and turning them on again clears it', async () => {
    const store = await openTestStore(backend);
    await store.saveReminder({ guildId, userId: 'u1', minuteOfDay: 510, language: null, at });
    expect(await store.turnOffReminder(guildId, 'u1', 'dms-closed', at)).toBe(true);

    expect(await store.getReminder(guildId, 'u1')).toMatchObject({ enabled: false, offReason: 'dms-closed', noticePending: true });
    expect(await store.takeReminderNotice(guildId, 'u1')).toBe(true);
    expect(await store.takeReminderNotice(guildId, 'u1')).toBe(false);

    await store.turnOffReminder(guildId, 'u1', 'member', at);
    await store.saveReminder({ guildId, userId: 'u1', minuteOfDay: 600, language: 'en', at });
    expect(await store.getReminder(guildId, 'u1')).toMatchObject({ enabled: true, offReason: null, noticePending: false, minuteOfDay: 600 });
  });

  it('keeps the handled day when a member turns reminders off and on again, so no second DM comes that day', async () => {
    const store = await openTestStore(backend);
    await store.saveReminder({ guildId, userId: 'u1', minuteOfDay: 510, language: null, at });
    await store.claimReminderDay(guildId, 'u1', '2026-12-01');
    await store.recordReminderSent(guildId, 'u1', at);
    await store.turnOffReminder(guildId, 'u1', 'member', at);
    await store.saveReminder({ guildId, userId: 'u1', minuteOfDay: 510, language: null, at });

    expect(await store.getReminder(guildId, 'u1')).toMatchObject({ handledDate: '2026-12-01', lastSentAt: at });
  });

  it('refuses a minute outside the day', async () => {
    const store = await openTestStore(backend);
    await expect(store.saveReminder({ guildId, userId: 'u1', minuteOfDay: 1440, language: null, at })).rejects.toThrow(/check constraint/i);
  });
});

describe.each(storeBackends)('report schedules in the store ($name)', (backend) => {
  it('keeps one report per guild: setting it again moves it and clears the last problem', async () => {
    const store = await openTestStore(backend);
    const base = { guildId, cron: '0 9 * * 1', timezone: 'Asia/Seoul', language: 'ko', createdBy: 'admin', createdAt: at };
    await store.saveReportSchedule({ ...base, channelId });
    await store.recordReportProblem(guildId, { kind: 'missing-permissions', permissions: ['Attach Files'] }, at);
    expect((await store.getReportSchedule(guildId))?.lastProblem).toEqual({ kind: 'missing-permissions', permissions: ['Attach Files'] });

    await store.saveReportSchedule({ ...base, channelId: '200000000000000002' });

    expect(await store.listReportSchedules()).toHaveLength(1);
    expect(await store.getReportSchedule(guildId)).toMatchObject({ channelId: '200000000000000002', lastProblem: null, lastPostedAt: null });
  });

  it('records a post, clearing the problem before it, and forgets the schedule when removed', async () => {
    const store = await openTestStore(backend);
    await store.saveReportSchedule({ guildId, channelId, cron: '0 9 * * 1', timezone: 'UTC', language: null, createdBy: 'admin', createdAt: at });
    await store.recordReportProblem(guildId, { kind: 'unknown-channel' }, at);
    await store.recordReportPosted(guildId, at);

    expect(await store.getReportSchedule(guildId)).toMatchObject({ lastPostedAt: at, lastProblem: null, lastProblemAt: null });
    expect(await store.deleteReportSchedule(guildId)).toBe(true);
    expect(await store.deleteReportSchedule(guildId)).toBe(false);
    expect(await store.getReportSchedule(guildId)).toBeNull();
  });
});
