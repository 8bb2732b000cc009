// What Discord answers when the bot posts a scheduled question, and what the bot makes of it: a lost permission
// pauses the channel, a rate limit is waited out, an outage is recorded and the next slot tries again.
import { InteractionResponseType } from 'discord-api-types/v10';
import type { APIEmbedField } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, isQuestionPost, replyTo, sleep, startBotHarness, type BotHarness } from './bot-harness.js';

let harness: BotHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** A leap-day cron: node-cron's real timer cannot fire during a test, so the test alone decides the slots. */
const leapDayCron = '0 9 29 2 *';
const leapDaySlot = new Date('2028-02-29T00:00:00.000Z');
const nextLeapDaySlot = new Date('2032-02-29T00:00:00.000Z');

/** The `/quiz-admin list` field of one channel, as the admin reads it. */
async function listedSchedule(h: BotHarness, channelName: string): Promise<APIEmbedField> {
  const { emulator } = h;
  const response = await emulator.slash('/quiz-admin list', {}, emulator.admin).response();
  if (response.type !== InteractionResponseType.ChannelMessageWithSource) throw new Error(`unexpected callback ${response.type}`);
  const field = response.data.embeds?.[0]?.fields?.find((candidate) => candidate.name === `#${channelName}`);
  if (!field) throw new Error(`/quiz-admin list does not show #${channelName}: ${JSON.stringify(response.data.embeds)}`);
  return field;
}

function postsTo(h: BotHarness, channelId: string) {
  return h.emulator.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${channelId}/messages`);
}

describe('posting a scheduled question', () => {
  it('a channel that answers 403 Missing Permissions at post time pauses its schedule, shows it in /quiz-admin list, and /explain keeps working', async () => {
    harness = await startBotHarness();
    const { emulator } = harness;
    const general = emulator.channels.general;
    // The bot's cached permissions say yes (so scheduling succeeds); Discord says no when the post arrives.
    const refusal = emulator.injectFault({ method: 'POST', path: `/channels/${general.id}/messages`, status: 403, code: 50013, times: Infinity });
    await replyTo(emulator.slash('/quiz-admin schedule', { channel: general, cron: '* * * * * *' }, emulator.admin));

    const paused = await eventually(() => harness?.bot.context.store.getSchedule(emulator.guild.id, general.id)?.paused, {
      timeoutMs: 4_000,
      description: 'the schedule to be paused after the refused post',
    });
    const listed = await listedSchedule(harness, 'general');
    const explained = await replyTo(emulator.slash('/explain', { concept: 'kernel' }, emulator.member('alice')));
    // Another slot passes: a paused channel is not asked again (every refused request counts toward Discord's ban).
    await sleep(1_200);

    expect(paused).toBe(true);
    expect(listed.value).toContain('Last problem');
    expect(listed.value).toContain('Missing Permissions');
    expect(listed.value).toContain('Paused');
    expect(refusal.hits).toBe(1);
    expect(emulator.channelMessages(general).filter(isQuestionPost)).toEqual([]);
    expect(harness.logs).toContainEqual(
      expect.objectContaining({ level: 40, guildId: emulator.guild.id, channelId: general.id, msg: expect.stringContaining('paused') }),
    );
    expect(explained.embeds[0]?.title).toContain('커널');
  });

  it('scheduling the paused channel again resumes it once Discord accepts posts there again', async () => {
    harness = await startBotHarness();
    const { emulator } = harness;
    const general = emulator.channels.general;
    const refusal = emulator.injectFault({ method: 'POST', path: `/channels/${general.id}/messages`, status: 403, code: 50013, times: Infinity });
    await replyTo(emulator.slash('/quiz-admin schedule', { channel: general, cron: '* * * * * *' }, emulator.admin));
    await eventually(() => harness?.bot.context.store.getSchedule(emulator.guild.id, general.id)?.paused, { timeoutMs: 4_000 });

    refusal.remove();
    await replyTo(emulator.slash('/quiz-admin schedule', { channel: general, cron: '* * * * * *' }, emulator.admin));
    const post = await emulator.waitForMessage(general, isQuestionPost, 3_000);

    expect(post.channel_id).toBe(general.id);
    expect(harness.bot.context.store.getSchedule(emulator.guild.id, general.id)?.paused).toBe(false);
  });

  it('a 429 with Retry-After is waited out and the slot is posted exactly once, even when the slot fires twice', async () => {
    harness = await startBotHarness();
    const { emulator } = harness;
    const general = emulator.channels.general;
    harness.clock.setNow(new Date(leapDaySlot.getTime() - 60_000));
    await replyTo(emulator.slash('/quiz-admin schedule', { channel: general, cron: leapDayCron }, emulator.admin));
    const rateLimit = emulator.injectFault({ method: 'POST', path: `/channels/${general.id}/messages`, status: 429, retryAfterSeconds: 1 });

    harness.clock.setNow(leapDaySlot);
    const quiz = harness.bot.context.quiz;
    const outcomes = await Promise.all([quiz.runSlot(emulator.guild.id, general.id, leapDaySlot), quiz.runSlot(emulator.guild.id, general.id, leapDaySlot)]);

    const [limited, accepted, ...more] = postsTo(harness, general.id);
    expect(rateLimit.hits).toBe(1);
    expect(limited).toMatchObject({ status: 429, fault: true });
    expect(accepted).toMatchObject({ status: 200, fault: false });
    expect(more).toEqual([]);
    // Discord counts a retry before Retry-After as another invalid request.
    expect(accepted!.at - limited!.at).toBeGreaterThanOrEqual(950);
    expect(emulator.channelMessages(general)).toHaveLength(1);
    expect(outcomes.map((outcome) => outcome.ok && outcome.question.messageId)).toEqual([emulator.channelMessages(general)[0]?.id, emulator.channelMessages(general)[0]?.id]);
  });

  it('a 5xx that outlasts the retries is recorded as the channel\'s problem without pausing it, and the next slot posts', async () => {
    harness = await startBotHarness();
    const { emulator } = harness;
    const general = emulator.channels.general;
    harness.clock.setNow(new Date(leapDaySlot.getTime() - 60_000));
    await replyTo(emulator.slash('/quiz-admin schedule', { channel: general, cron: leapDayCron }, emulator.admin));
    const outage = emulator.injectFault({ method: 'POST', path: `/channels/${general.id}/messages`, status: 503, times: Infinity });
    const quiz = harness.bot.context.quiz;

    harness.clock.setNow(leapDaySlot);
    const failed = await quiz.runSlot(emulator.guild.id, general.id, leapDaySlot);
    const scheduleAfterFailure = harness.bot.context.store.getSchedule(emulator.guild.id, general.id);
    const listed = await listedSchedule(harness, 'general');
    outage.remove();
    harness.clock.setNow(nextLeapDaySlot);
    const posted = await quiz.runSlot(emulator.guild.id, general.id, nextLeapDaySlot);

    expect(failed).toMatchObject({ ok: false, reason: 'failed' });
    expect(outage.hits).toBe(2); // the first try and discord.js's one retry (rest.retries = 1)
    expect(scheduleAfterFailure).toMatchObject({ paused: false, lastError: expect.stringContaining('Posting failed') });
    expect(listed.value).toContain('Last problem');
    expect(listed.value).not.toContain('Paused');
    expect(harness.logs).toContainEqual(expect.objectContaining({ level: 50, guildId: emulator.guild.id, channelId: general.id }));
    expect(posted).toMatchObject({ ok: true, question: { slotKey: nextLeapDaySlot.toISOString() } });
    expect(emulator.channelMessages(general)).toHaveLength(1);
    expect(emulator.channelMessages(general)[0]?.id).toBe(posted.ok ? posted.question.messageId : 'not posted');
    expect(harness.bot.context.store.getSchedule(emulator.guild.id, general.id)?.lastError).toBeNull();
  });
});
