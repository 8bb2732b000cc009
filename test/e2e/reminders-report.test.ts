// The weekly team report, the member's chart and the daily review reminders, end to end: the real bot against the
// emulator. Reminders are driven as the other e2e tests drive cron slots: the harness clock is set to a moment and
// the bot's check is run (the one-minute ticker calls the same `runDue`).
import { PermissionFlagsBits, RESTJSONErrorCodes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { reviewMemory } from '../../src/learning/member-memory.js';
import type { EmulatedMember } from '../emulator/index.js';
import { replyTo, startBotHarness, type BotHarness } from './bot-harness.js';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const hourMs = 3_600_000;

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** The member got a concept wrong two days ago: FSRS makes it due again within minutes, so it is due now. */
async function forgetConcept(running: BotHarness, member: EmulatedMember, conceptIndex = 0): Promise<string> {
  const scope = running.bot.context.quiz.scopeFor(null);
  const conceptId = scope[conceptIndex % scope.length]!;
  await reviewMemory(running.bot.store, {
    guildId: running.emulator.guild.id,
    userId: member.id,
    conceptId,
    source: 'practice',
    rating: 'again',
    questionId: null,
    reviewedAt: new Date(running.clock.now().getTime() - 48 * hourMs),
  });
  return conceptId;
}

describe('the weekly team report', () => {
  it('posts the chart as a PNG with a description for screen readers and a short summary, when an admin asks now', async () => {
    harness = await startBotHarness();
    const { emulator } = harness;
    await forgetConcept(harness, emulator.member('alice'));

    const handle = emulator.slash('/quiz-admin report', { channel: emulator.channels.general, now: true }, emulator.admin);
    const reply = await handle.waitForOriginal((message) => message.content.includes('Report posted'));

    const post = await emulator.waitForMessage(emulator.channels.general, (message) => message.attachments.length > 0);
    const [attachment] = post.attachments;
    expect(attachment?.content_type).toBe('image/png');
    expect(emulator.attachmentBytes(attachment!)?.subarray(0, 8)).toEqual(pngSignature);
    expect(attachment?.description).toContain('Study Group weekly learning report');
    expect(post.content).toContain('Study Group weekly learning report');
    expect(reply.content).toContain(post.id);
    expect(await harness.bot.store.getReportSchedule(emulator.guild.id)).toMatchObject({
      channelId: emulator.channels.general.id,
      cron: '0 9 * * 1',
    });
  });

  it('posts by itself when its cron fires', async () => {
    harness = await startBotHarness();
    const { emulator } = harness;
    await emulator
      .slash('/quiz-admin report', { channel: emulator.channels.docker, cron: '* * * * * *' }, emulator.admin)
      .waitForOriginal((message) => message.content.includes('weekly report goes to'));

    const post = await emulator.waitForMessage(emulator.channels.docker, (message) => message.attachments.length > 0);

    expect(emulator.attachmentBytes(post.attachments[0]!)?.subarray(0, 8)).toEqual(pngSignature);
    await harness.stopBot();
  });

  it('when the channel refuses the post at report time, logs it with the channel and records it on the schedule', async () => {
    harness = await startBotHarness();
    const { emulator, bot } = harness;
    const channel = emulator.channels.general;
    await emulator
      .slash('/quiz-admin report', { channel }, emulator.admin)
      .waitForOriginal((message) => message.content.includes('weekly report goes to'));
    emulator.injectFault({ method: 'POST', path: `/channels/${channel.id}/messages`, status: 403, code: RESTJSONErrorCodes.MissingPermissions });

    const outcome = await bot.context.reports.postReport(emulator.guild.id);

    expect(outcome).toMatchObject({ ok: false, reason: 'problem', problem: { kind: 'missing-permissions' } });
    expect((await bot.store.getReportSchedule(emulator.guild.id))?.lastProblem?.kind).toBe('missing-permissions');
    expect(harness.logs).toContainEqual(expect.objectContaining({ msg: expect.stringContaining('weekly report not posted'), channelId: channel.id }));
    expect(emulator.channelMessages(channel).filter((message) => message.attachments.length > 0)).toEqual([]);
  });

  it('refuses a channel where the bot cannot attach files, and stores nothing', async () => {
    harness = await startBotHarness();
    const { emulator, bot } = harness;
    emulator.setBotPermissions(emulator.channels.docker, { deny: PermissionFlagsBits.AttachFiles });

    const handle = emulator.slash('/quiz-admin report', { channel: emulator.channels.docker }, emulator.admin);
    const reply = await handle.waitForOriginal();

    expect(reply.content).toContain('Attach Files');
    expect(await bot.store.getReportSchedule(emulator.guild.id)).toBeNull();
  });
});

describe("a member's own chart", () => {
  it('/quiz stats attaches the member’s retention chart as a PNG with its description', async () => {
    harness = await startBotHarness();
    const { emulator } = harness;
    const alice = emulator.member('alice');
    await forgetConcept(harness, alice);

    const handle = emulator.slash('/quiz stats', {}, alice);
    const reply = await replyTo(handle);
    const message = await handle.waitForOriginal();

    const [attachment] = message.attachments;
    expect(reply.ephemeral).toBe(true);
    expect(emulator.attachmentBytes(attachment!)?.subarray(0, 8)).toEqual(pngSignature);
    expect(attachment?.description).toMatch(/memory by concept/);
    expect(message.embeds[0]?.image?.url).toContain(attachment!.filename);
  });
});

describe('daily review reminders', () => {
  /** 08:30 in Seoul (the harness's default zone) on a given day of December 2026, plus `minutes`. */
  const seoulMorning = (day: number, minutes = 0) => new Date(Date.UTC(2026, 11, day, 8 - 9, 30 + minutes));

  it('sends one DM at the member’s time when a review is due, never a second that day, and nothing to who did not opt in', async () => {
    harness = await startBotHarness();
    const { emulator, bot, clock } = harness;
    const [alice, bob] = [emulator.member('alice'), emulator.member('bob')];
    clock.setNow(seoulMorning(2, -60));
    await forgetConcept(harness, alice);
    await forgetConcept(harness, bob);

    const turnedOn = await replyTo(emulator.slash('/quiz remind', { state: 'on', time: '08:30' }, alice));
    expect(turnedOn.content).toContain('08:30');

    clock.setNow(seoulMorning(2, -1));
    expect(await bot.context.reminders.runDue()).toEqual([]);
    clock.setNow(seoulMorning(2, 1));
    await bot.context.reminders.runDue();
    const dm = await emulator.waitForDirectMessage(alice);
    clock.setNow(seoulMorning(2, 120));
    await bot.context.reminders.runDue();

    expect(dm.content).toMatch(/1\*\* concept to review in Study Group/);
    expect(emulator.directMessages(alice)).toHaveLength(1);
    expect(emulator.directMessages(bob)).toEqual([]);
    expect(emulator.dmChannel(bob)).toBeUndefined();

    clock.setNow(seoulMorning(3, 1));
    await bot.context.reminders.runDue();
    expect(emulator.directMessages(alice)).toHaveLength(2);
  });

  it('sends nothing on a day with no review due, and nothing after the member turned reminders off', async () => {
    harness = await startBotHarness();
    const { emulator, bot, clock } = harness;
    const alice = emulator.member('alice');
    clock.setNow(seoulMorning(2, -60));
    await replyTo(emulator.slash('/quiz remind', { state: 'on', time: '08:30' }, alice));

    clock.setNow(seoulMorning(2, 1));
    expect(await bot.context.reminders.runDue()).toEqual([expect.objectContaining({ outcome: 'nothing-due' })]);
    await forgetConcept(harness, alice);
    const off = await replyTo(emulator.slash('/quiz remind', { state: 'off' }, alice));
    clock.setNow(seoulMorning(3, 1));
    expect(await bot.context.reminders.runDue()).toEqual([]);

    expect(off.content).toContain('Reminders off');
    expect(emulator.directMessages(alice)).toEqual([]);
  });

  it('refuses a time that is not HH:MM and keeps reminders as they were', async () => {
    harness = await startBotHarness();
    const { emulator, bot } = harness;
    const alice = emulator.member('alice');

    const reply = await replyTo(emulator.slash('/quiz remind', { state: 'on', time: '25:00' }, alice));

    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('is not a time');
    expect(await bot.store.getReminder(emulator.guild.id, alice.id)).toBeNull();
  });

  it('turns reminders off when the member’s DMs are closed, and tells them once at their next command', async () => {
    harness = await startBotHarness();
    const { emulator, bot, clock } = harness;
    const dave = emulator.member('dave');
    clock.setNow(seoulMorning(2, -60));
    await forgetConcept(harness, dave);
    await replyTo(emulator.slash('/quiz remind', { state: 'on', time: '08:30' }, dave));
    emulator.closeDms(dave);

    clock.setNow(seoulMorning(2, 1));
    const results = await bot.context.reminders.runDue();
    const first = emulator.slash('/leaderboard', {}, dave);
    const notice = await first.followUps();
    const second = emulator.slash('/leaderboard', {}, dave);
    await replyTo(second);
    clock.setNow(seoulMorning(3, 1));
    const nextDay = await bot.context.reminders.runDue();

    expect(results).toEqual([expect.objectContaining({ userId: dave.id, outcome: 'dms-closed' })]);
    expect(await bot.store.getReminder(emulator.guild.id, dave.id)).toMatchObject({ enabled: false, offReason: 'dms-closed' });
    expect(notice[0]?.content).toContain('reminders were switched off');
    expect((notice[0]?.flags ?? 0) & 64).toBe(64);
    expect(await second.followUps({ count: 0 })).toEqual([]);
    expect(nextDay).toEqual([]);
    expect(emulator.directMessages(dave)).toEqual([]);
  });
});
