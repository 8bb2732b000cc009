import { describe, expect, it } from 'vitest';
import { guildId, openTestStore, storeBackends, startStoreBackends } from './store-test-kit.js';

startStoreBackends();

const createdAt = new Date('2026-03-01T00:00:00Z');

function scheduleFor(channelId: string, cron = '0 9 * * 1-5') {
  return { guildId, channelId, cron, timezone: 'Asia/Seoul', noteId: null, closeAfterMinutes: null, createdBy: 'admin', createdAt };
}

describe.each(storeBackends)('schedules ($name)', (backend) => {
  it('saves a schedule per channel and lists them by channel', async () => {
    const store = await openTestStore(backend);

    const saved = await store.saveSchedule({ ...scheduleFor('2002'), noteId: 'docker-kubernetes', closeAfterMinutes: 90 });
    await store.saveSchedule(scheduleFor('2001'));
    await store.saveSchedule({ ...scheduleFor('2001'), guildId: '999' });

    expect(saved).toEqual({
      ...scheduleFor('2002'),
      noteId: 'docker-kubernetes',
      closeAfterMinutes: 90,
      language: null,
      paused: false,
      lastProblem: null,
      lastProblemAt: null,
    });
    expect((await store.listSchedules(guildId)).map((schedule) => schedule.channelId)).toEqual(['2001', '2002']);
    expect((await store.listSchedules()).map((schedule) => `${schedule.guildId}/${schedule.channelId}`)).toEqual([
      `${guildId}/2001`,
      `${guildId}/2002`,
      '999/2001',
    ]);
  });

  it('a problem pauses the schedule when asked, and scheduling the channel again resumes it', async () => {
    const store = await openTestStore(backend);
    await store.saveSchedule(scheduleFor('2001'));
    const at = new Date('2026-03-02T00:00:00Z');

    await store.recordScheduleProblem(guildId, '2001', { kind: 'missing-permissions', permissions: ['Send Messages'] }, at, true);
    const paused = await store.getSchedule(guildId, '2001');
    const resumed = await store.saveSchedule(scheduleFor('2001', '0 10 * * *'));

    expect(paused).toMatchObject({ paused: true, lastProblem: { kind: 'missing-permissions', permissions: ['Send Messages'] }, lastProblemAt: at });
    expect(resumed).toMatchObject({ cron: '0 10 * * *', paused: false, lastProblem: null, lastProblemAt: null });
  });

  it('a transient problem is shown without pausing, a later problem does not unpause, and clearing keeps the pause', async () => {
    const store = await openTestStore(backend);
    await store.saveSchedule(scheduleFor('2001'));
    const outage = { kind: 'post-failed', error: '503 Service Unavailable' } as const;

    await store.recordScheduleProblem(guildId, '2001', outage, new Date('2026-03-02T00:00:00Z'), false);
    const transient = await store.getSchedule(guildId, '2001');
    await store.recordScheduleProblem(guildId, '2001', { kind: 'unknown-channel' }, new Date('2026-03-03T00:00:00Z'), true);
    await store.recordScheduleProblem(guildId, '2001', outage, new Date('2026-03-04T00:00:00Z'), false);
    const stillPaused = await store.getSchedule(guildId, '2001');
    await store.clearScheduleProblem(guildId, '2001');

    expect(transient).toMatchObject({ paused: false, lastProblem: outage });
    expect(stillPaused).toMatchObject({ paused: true, lastProblem: outage });
    expect(await store.getSchedule(guildId, '2001')).toMatchObject({ paused: true, lastProblem: null, lastProblemAt: null });
  });

  it("remembers the language of a channel's posts, and a question keeps the language it was posted in", async () => {
    const store = await openTestStore(backend);

    const korean = await store.saveSchedule({ ...scheduleFor('2001'), language: 'ko' });
    const unsaid = await store.saveSchedule(scheduleFor('2002'));
    const { question } = await store.createQuestion({
      guildId,
      channelId: '2001',
      slotKey: 'slot-1',
      question: { conceptId: 'pod', kind: 'cloze', prompt: '＿＿＿', options: ['a', 'b', 'c', 'd'], answer: 0 },
      language: 'ko',
      createdAt: new Date('2026-03-02T00:00:00Z'),
      closesAt: new Date('2026-03-03T00:00:00Z'),
    });

    expect(korean.language).toBe('ko');
    expect(unsaid.language).toBeNull();
    expect((await store.getQuestion(question.id))?.language).toBe('ko');
  });

  it('a close-after stored before the range was checked (−1, "abc", 2^53) reads as "at the next post"', async () => {
    const store = await openTestStore(backend);
    const values = { '2001': -1, '2002': 'abc', '2003': 2 ** 53, '2004': 90 } as Record<string, unknown>;

    for (const [channelId, closeAfterMinutes] of Object.entries(values))
      await store.saveSchedule({ ...scheduleFor(channelId), closeAfterMinutes: closeAfterMinutes as number });

    expect((await store.listSchedules(guildId)).map((schedule) => [schedule.channelId, schedule.closeAfterMinutes])).toEqual([
      ['2001', null],
      ['2002', null],
      ['2003', null],
      ['2004', 90],
    ]);
  });

  it('unscheduling removes only that channel', async () => {
    const store = await openTestStore(backend);
    await store.saveSchedule(scheduleFor('2001'));
    await store.saveSchedule(scheduleFor('2002'));

    expect(await store.deleteSchedule(guildId, '2001')).toBe(true);
    expect(await store.deleteSchedule(guildId, '2001')).toBe(false);
    expect(await store.getSchedule(guildId, '2001')).toBeNull();
    expect((await store.listSchedules(guildId)).map((schedule) => schedule.channelId)).toEqual(['2002']);
  });

  it('remembers the guild time zone, and knows when none was set', async () => {
    const store = await openTestStore(backend);

    const before = await store.getGuildTimezone(guildId);
    await store.setGuildTimezone(guildId, 'Asia/Seoul');
    await store.setGuildTimezone(guildId, 'Europe/Berlin');

    expect(before).toBeNull();
    expect(await store.getGuildTimezone(guildId)).toBe('Europe/Berlin');
  });
});
