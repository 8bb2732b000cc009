import { describe, expect, it } from 'vitest';
import {
  adminId,
  channelId,
  createRunner,
  guildId,
  mondaySlot,
  otherChannelId,
  scheduleDefault,
  tuesdaySlot,
  wednesdaySlot,
} from './runner-test-kit.js';

describe('scheduling a channel', () => {
  it('defaults to 09:00 on weekdays in the default time zone and shows the next three posts', async () => {
    const { runner, store, clock } = await createRunner();
    clock.set('2026-03-01T12:00:00.000Z'); // Sunday 21:00 in Seoul

    const outcome = await runner.scheduleChannel({ guildId, channelId, createdBy: adminId });

    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.schedule).toMatchObject({ cron: '0 9 * * 1-5', timezone: 'Asia/Seoul', noteId: null, paused: false });
    expect(outcome.nextRuns).toEqual([mondaySlot, tuesdaySlot, wednesdaySlot]);
    expect(await store.getGuildTimezone(guildId)).toBe('Asia/Seoul');
  });

  it('each channel keeps its own cron, time zone and note', async () => {
    const { runner } = await createRunner();

    await runner.scheduleChannel({ guildId, channelId, cron: '30 18 * * 5', timezone: 'Europe/Berlin', createdBy: adminId });
    await runner.scheduleChannel({ guildId, channelId: otherChannelId, noteId: 'docker-kubernetes', createdBy: adminId });

    const listed = (await runner.listSchedules(guildId)).map((entry) => entry.schedule);
    expect(listed).toEqual([
      expect.objectContaining({ channelId, cron: '30 18 * * 5', timezone: 'Europe/Berlin', noteId: null }),
      expect.objectContaining({ channelId: otherChannelId, cron: '0 9 * * 1-5', timezone: 'Asia/Seoul', noteId: 'docker-kubernetes' }),
    ]);
  });

  it('with its production default the runner refuses a schedule that posts more than once per 10 minutes', async () => {
    const { runner, store } = await createRunner({ minScheduleGapMs: undefined });

    const everySecond = await runner.scheduleChannel({ guildId, channelId, cron: '* * * * * *', createdBy: adminId });
    const everyTenMinutes = await runner.scheduleChannel({ guildId, channelId: otherChannelId, cron: '*/10 * * * *', createdBy: adminId });

    expect(everySecond).toMatchObject({
      ok: false,
      reason: 'invalid-cron',
      cronProblem: { kind: 'too-frequent', gapMs: 1_000, minimumGapMs: 600_000 },
    });
    expect(everyTenMinutes.ok).toBe(true);
    expect((await store.listSchedules(guildId)).map((schedule) => schedule.channelId)).toEqual([otherChannelId]);
  });

  it('refuses a close-after outside one minute to one week, whoever calls it', async () => {
    const { runner, store } = await createRunner();

    const refused = [];
    for (const closeAfterMinutes of [-1, 0, 1.5, 10_081, 2 ** 53, 'abc' as unknown as number]) {
      refused.push(await runner.scheduleChannel({ guildId, channelId, closeAfterMinutes, createdBy: adminId }));
    }
    const accepted = await runner.scheduleChannel({ guildId, channelId, closeAfterMinutes: 10_080, createdBy: adminId });

    for (const outcome of refused) expect(outcome).toMatchObject({ ok: false, reason: 'invalid-close-after' });
    expect(accepted).toMatchObject({ ok: true, schedule: { closeAfterMinutes: 10_080 } });
    expect(await store.listSchedules(guildId)).toHaveLength(1);
  });

  it('a wrong cron expression is refused with an example', async () => {
    const { runner, store } = await createRunner();

    const outcome = await runner.scheduleChannel({ guildId, channelId, cron: '0 25 * * *', createdBy: adminId });

    expect(outcome).toMatchObject({
      ok: false,
      reason: 'invalid-cron',
      example: '0 9 * * 1-5',
      cronProblem: { kind: 'field-value', field: 'hour', value: '25' },
    });
    expect(await store.listSchedules(guildId)).toEqual([]);
  });

  it('an unknown time zone is refused with an example', async () => {
    const { runner } = await createRunner();

    const outcome = await runner.scheduleChannel({ guildId, channelId, timezone: 'Asia/Atlantis', createdBy: adminId });

    expect(outcome).toMatchObject({ ok: false, reason: 'invalid-timezone', example: 'Asia/Seoul' });
  });

  it('an unknown note is refused, listing the notes that exist', async () => {
    const { runner } = await createRunner();

    const outcome = await runner.scheduleChannel({ guildId, channelId, noteId: 'kubernetes-advanced', createdBy: adminId });

    expect(outcome).toMatchObject({ ok: false, reason: 'unknown-note', noteId: 'kubernetes-advanced', knownNotes: ['docker-kubernetes'] });
  });

  it('a channel the bot cannot post in is refused, naming the missing permissions', async () => {
    const { runner, gateway, store } = await createRunner();
    gateway.missing.set(channelId, ['Send Messages', 'Embed Links']);

    const outcome = await runner.scheduleChannel({ guildId, channelId, createdBy: adminId });

    expect(outcome).toMatchObject({ ok: false, reason: 'missing-permissions', missing: ['Send Messages', 'Embed Links'] });
    expect(await store.getSchedule(guildId, channelId)).toBeNull();
  });

  it('a channel the bot cannot see is refused', async () => {
    const { runner, gateway } = await createRunner();
    gateway.unknownChannels.add(channelId);

    const outcome = await runner.scheduleChannel({ guildId, channelId, createdBy: adminId });

    expect(outcome).toMatchObject({ ok: false, reason: 'unknown-channel' });
  });

  it('unscheduling stops the posts but the open question still closes', async () => {
    const { runner, gateway, clock } = await createRunner();
    await scheduleDefault(runner);
    await runner.runSlot(guildId, channelId, mondaySlot);

    const removed = await runner.unscheduleChannel(guildId, channelId);
    clock.set(tuesdaySlot);
    const tuesday = await runner.runSlot(guildId, channelId, tuesdaySlot);
    const closed = await runner.closeDueQuestions();

    expect(removed).toBe(true);
    expect(await runner.unscheduleChannel(guildId, channelId)).toBe(false);
    expect(tuesday.ok).toBe(false);
    expect(gateway.posts).toHaveLength(1);
    expect(closed.map((entry) => entry.question.id)).toEqual([gateway.posts[0]!.question.id]);
    expect(gateway.results).toHaveLength(1);
  });

  it('the list shows the next post and the open question of each channel', async () => {
    const { runner } = await createRunner();
    await scheduleDefault(runner);
    const posted = await runner.runSlot(guildId, channelId, mondaySlot);

    const [entry] = await runner.listSchedules(guildId);

    expect(entry?.nextRun).toEqual(tuesdaySlot);
    expect(entry?.openQuestion?.id).toBe(posted.ok ? posted.question.id : 'none');
  });
});
