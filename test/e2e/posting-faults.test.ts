// What Discord answers when the bot posts a scheduled question, and what the bot makes of it: a lost permission
// pauses the channel, a rate limit is waited out, an outage is recorded and the next slot tries again.
import { InteractionResponseType } from 'discord-api-types/v10';
import type { APIEmbedField } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultSpec } from '../emulator/index.js';
import {
  answerButtonId,
  answerButtons,
  embedField,
  eventually,
  isQuestionPost,
  questionIdOf,
  replyTo,
  sleep,
  startBotHarness,
  type BotHarness,
} from './bot-harness.js';

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

    const paused = await eventually(async () => (await harness?.bot.store.getSchedule(emulator.guild.id, general.id))?.paused, {
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
    await eventually(async () => (await harness?.bot.store.getSchedule(emulator.guild.id, general.id))?.paused, { timeoutMs: 4_000 });

    refusal.remove();
    await replyTo(emulator.slash('/quiz-admin schedule', { channel: general, cron: '* * * * * *' }, emulator.admin));
    const post = await emulator.waitForMessage(general, isQuestionPost, 3_000);

    expect(post.channel_id).toBe(general.id);
    expect((await harness.bot.store.getSchedule(emulator.guild.id, general.id))?.paused).toBe(false);
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
    const outcomes = await Promise.all([
      quiz.runSlot(emulator.guild.id, general.id, leapDaySlot),
      quiz.runSlot(emulator.guild.id, general.id, leapDaySlot),
    ]);

    const [limited, accepted, ...more] = postsTo(harness, general.id);
    expect(rateLimit.hits).toBe(1);
    expect(limited).toMatchObject({ status: 429, fault: true });
    expect(accepted).toMatchObject({ status: 200, fault: false });
    expect(more).toEqual([]);
    // Discord counts a retry before Retry-After as another invalid request.
    expect(accepted!.at - limited!.at).toBeGreaterThanOrEqual(950);
    expect(emulator.channelMessages(general)).toHaveLength(1);
    expect(outcomes.map((outcome) => outcome.ok && outcome.question.messageId)).toEqual([
      emulator.channelMessages(general)[0]?.id,
      emulator.channelMessages(general)[0]?.id,
    ]);
  });

  it("a 5xx that outlasts the retries is recorded as the channel's problem without pausing it, and the next slot posts", async () => {
    harness = await startBotHarness();
    const { emulator } = harness;
    const general = emulator.channels.general;
    harness.clock.setNow(new Date(leapDaySlot.getTime() - 60_000));
    await replyTo(emulator.slash('/quiz-admin schedule', { channel: general, cron: leapDayCron }, emulator.admin));
    const outage = emulator.injectFault({ method: 'POST', path: `/channels/${general.id}/messages`, status: 503, times: Infinity });
    const quiz = harness.bot.context.quiz;

    harness.clock.setNow(leapDaySlot);
    const failed = await quiz.runSlot(emulator.guild.id, general.id, leapDaySlot);
    const scheduleAfterFailure = await harness.bot.store.getSchedule(emulator.guild.id, general.id);
    const listed = await listedSchedule(harness, 'general');
    outage.remove();
    harness.clock.setNow(nextLeapDaySlot);
    const posted = await quiz.runSlot(emulator.guild.id, general.id, nextLeapDaySlot);

    expect(failed).toMatchObject({ ok: false, reason: 'failed' });
    expect(outage.hits).toBe(2); // the first try and discord.js's one retry (rest.retries = 1)
    expect(scheduleAfterFailure).toMatchObject({ paused: false, lastProblem: { kind: 'post-failed', error: expect.any(String) } });
    expect(listed.value).toContain('Last problem');
    expect(listed.value).not.toContain('Paused');
    expect(harness.logs).toContainEqual(expect.objectContaining({ level: 50, guildId: emulator.guild.id, channelId: general.id }));
    expect(posted).toMatchObject({ ok: true, question: { slotKey: nextLeapDaySlot.toISOString() } });
    expect(emulator.channelMessages(general)).toHaveLength(1);
    expect(emulator.channelMessages(general)[0]?.id).toBe(posted.ok ? posted.question.messageId : 'not posted');
    expect((await harness.bot.store.getSchedule(emulator.guild.id, general.id))?.lastProblem).toBeNull();
  });
});

/** The fixture notes: tests never read the team's own. */
const fixtureNotes = 'test/fixtures/notes';

/**
 * One slot under a fault, then what members and the admin see: how many posts the channel holds, how many
 * answers the reveal counts, and whether the post was revealed (every button disabled).
 */
async function drillSlot(h: BotHarness, fault: Omit<FaultSpec, 'path' | 'method'>) {
  const { emulator } = h;
  const general = emulator.channels.general;
  h.clock.setNow(new Date(leapDaySlot.getTime() - 60_000));
  await replyTo(emulator.slash('/quiz-admin schedule', { channel: general, cron: leapDayCron }, emulator.admin));
  const injected = emulator.injectFault({ method: 'POST', path: `/channels/${general.id}/messages`, ...fault });
  h.clock.setNow(leapDaySlot);

  const outcome = await h.bot.context.quiz.runSlot(emulator.guild.id, general.id, leapDaySlot);
  const posts = emulator.channelMessages(general).filter(isQuestionPost);
  const post = posts[0];
  if (!post) throw new Error(`nothing was posted: ${JSON.stringify(outcome)}`);
  const question = await h.bot.store.getQuestion(questionIdOf(post));
  if (!question) throw new Error('the post is of no stored question');
  await replyTo(emulator.click(post, answerButtonId(post, question.answer), emulator.member('alice')));
  await replyTo(emulator.click(post, answerButtonId(post, (question.answer + 1) % 4), emulator.member('bob')));
  await emulator.slash('/quiz-admin reveal', { channel: general }, emulator.admin).waitForOriginal();
  const revealed = await emulator.waitForEdit(post, (message) => answerButtons(message).every((button) => button.disabled));
  return {
    outcome,
    faultHits: injected.hits,
    postsSeen: emulator.channelMessages(general).filter(isQuestionPost).length,
    postRequests: postsTo(h, general.id).length,
    answersTallied: Number(embedField(revealed, 'Participants')),
    revealed: answerButtons(revealed).every((button) => button.disabled),
    storedMessageId: question.messageId,
    postId: post.id,
  };
}

describe('a post Discord made but never confirmed (one question, one post)', () => {
  it.each([
    { fault: 'a 500 after the post was made', spec: { status: 500, afterEffect: true }, hits: 1 },
    { fault: 'a hang after the post was made', spec: { hang: true, afterEffect: true }, hits: 1 },
    { fault: '500s after the post was made on every try', spec: { status: 500, afterEffect: true, times: 2 }, hits: 2 },
    { fault: 'hangs after the post was made on every try', spec: { hang: true, afterEffect: true, times: 2 }, hits: 2 },
  ])('$fault: the channel holds one post, it takes the answers and is revealed', async ({ spec, hits }) => {
    harness = await startBotHarness({ docsDir: fixtureNotes });

    const drill = await drillSlot(harness, spec);

    expect(drill.faultHits).toBe(hits);
    expect(drill.outcome).toMatchObject({ ok: true, question: { messageId: drill.postId } });
    expect(drill.storedMessageId).toBe(drill.postId);
    expect(drill.postsSeen).toBe(1);
    expect(drill.postRequests).toBe(2); // discord.js's one retry carried the same nonce
    expect(drill.answersTallied).toBe(2);
    expect(drill.revealed).toBe(true);
    for (const request of postsTo(harness, harness.emulator.channels.general.id)) {
      expect(request.body).toMatchObject({ nonce: `quiz-${questionIdOf(harness.emulator.message(drill.postId)!)}`, enforce_nonce: true });
    }
  });

  it('/quiz-admin now whose every answer was lost tells the admin it was posted, and the channel holds one post', async () => {
    harness = await startBotHarness({ docsDir: fixtureNotes });
    const { emulator } = harness;
    const docker = emulator.channels.docker;
    emulator.injectFault({ method: 'POST', path: `/channels/${docker.id}/messages`, status: 500, afterEffect: true, times: Infinity });

    const reply = await emulator.slash('/quiz-admin now', { channel: docker }, emulator.admin).waitForOriginal();

    const posts = emulator.channelMessages(docker).filter(isQuestionPost);
    expect(posts).toHaveLength(1);
    expect(reply.content).toContain(`Question posted: https://discord.com/channels/${emulator.guild.id}/${docker.id}/${posts[0]!.id}`);
    expect((await harness.bot.store.getOpenQuestion(emulator.guild.id, docker.id))?.messageId).toBe(posts[0]!.id);
  });
});

describe('what the admin is told', () => {
  it("a 429 asking for an hour answers /quiz-admin now at once with the wait, in the admin's language, and posts nothing", async () => {
    harness = await startBotHarness({ docsDir: fixtureNotes });
    const { emulator } = harness;
    const docker = emulator.channels.docker;
    const limit = emulator.injectFault({ method: 'POST', path: `/channels/${docker.id}/messages`, status: 429, retryAfterSeconds: 3_600 });

    const english = await emulator.slash('/quiz-admin now', { channel: docker }, emulator.admin).waitForOriginal();
    // discord.js now knows the bucket is limited: the second ask is refused before reaching Discord.
    const korean = await emulator.slash('/quiz-admin now', { channel: docker }, emulator.admin, { locale: 'ko' }).waitForOriginal();

    expect(limit.hits).toBe(1);
    expect(english.content).toContain('Discord asks us to wait 60 minutes');
    expect(korean.content).toContain('Discord가 60분 기다려 달라고');
    expect(emulator.channelMessages(docker).filter(isQuestionPost)).toEqual([]);
    expect(await harness.bot.store.getLatestQuestion(emulator.guild.id, docker.id)).toBeNull();
    expect(postsTo(harness, docker.id)).toHaveLength(1);
  });

  it('a reveal whose edit keeps failing leaves the stale post in /quiz-admin list until the retry lands', async () => {
    harness = await startBotHarness({ docsDir: fixtureNotes });
    const { emulator } = harness;
    const general = emulator.channels.general;
    harness.clock.setNow(new Date(leapDaySlot.getTime() - 60_000));
    await replyTo(emulator.slash('/quiz-admin schedule', { channel: general, cron: leapDayCron }, emulator.admin));
    harness.clock.setNow(leapDaySlot);
    const posted = await harness.bot.context.quiz.runSlot(emulator.guild.id, general.id, leapDaySlot);
    if (!posted.ok) throw new Error(posted.reason);
    const post = emulator.message(posted.question.messageId!)!;
    await replyTo(emulator.click(post, answerButtonId(post, posted.question.answer), emulator.member('alice')));
    const outage = emulator.injectFault({ method: 'PATCH', path: `/channels/${general.id}/messages/${post.id}`, status: 503, times: Infinity });

    await emulator.slash('/quiz-admin reveal', { channel: general }, emulator.admin).waitForOriginal();
    const whileFailing = await listedSchedule(harness, 'general');
    outage.remove();
    // A minute later (the first retry's wait), the retry runs: here the test moves the clock and runs it.
    harness.clock.setNow(new Date(leapDaySlot.getTime() + 2 * 60_000));
    await harness.bot.context.quiz.retryDueReveals();
    const revealed = await emulator.waitForEdit(post, (message) => answerButtons(message).every((button) => button.disabled));
    const afterwards = await listedSchedule(harness, 'general');

    expect(outage.hits).toBe(2); // the edit and discord.js's one retry
    expect(whileFailing.value).toContain(`The result of https://discord.com/channels/${emulator.guild.id}/${general.id}/${post.id} is not shown yet`);
    expect(embedField(revealed, 'Participants')).toBe('1');
    expect(afterwards.value).not.toContain('not shown yet');
  });

  it('a reveal owed when the bot stopped is shown by the next instance at start-up', async () => {
    harness = await startBotHarness({ docsDir: fixtureNotes });
    const { emulator } = harness;
    const docker = emulator.channels.docker;
    await emulator.slash('/quiz-admin now', { channel: docker }, emulator.admin).waitForOriginal();
    const post = await emulator.waitForMessage(docker, isQuestionPost);
    const outage = emulator.injectFault({ method: 'PATCH', path: `/channels/${docker.id}/messages/${post.id}`, status: 503, times: Infinity });
    await emulator.slash('/quiz-admin reveal', { channel: docker }, emulator.admin).waitForOriginal();

    await harness.stopBot();
    outage.remove();
    await harness.startBot();
    const revealed = await emulator.waitForEdit(post, (message) => answerButtons(message).every((button) => button.disabled));

    expect(revealed.id).toBe(post.id);
    expect(await harness.bot.store.getPendingReveal(emulator.guild.id, docker.id)).toBeNull();
  });
});
