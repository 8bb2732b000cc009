// A restart mid-quiz: the client destroyed, a new bot instance on the same database logs in and carries on.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordEmulator } from '../emulator/index.js';
import { startScript, waitForOutput } from './script-process.js';
import {
  answerButtonId,
  answerButtons,
  embedField,
  eventually,
  isQuestionPost,
  questionIdOf,
  replyTo,
  startBotHarness,
  type BotHarness,
} from './bot-harness.js';

let harness: BotHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** `/quiz-admin now` in #docker; resolves with the post. */
async function postQuestionNow(h: BotHarness) {
  const { emulator } = h;
  await emulator.slash('/quiz-admin now', { channel: emulator.channels.docker }, emulator.admin).waitForOriginal();
  const post = await emulator.waitForMessage(emulator.channels.docker, isQuestionPost);
  const question = await h.bot.store.getQuestion(questionIdOf(post));
  if (!question) throw new Error('the posted question is not stored');
  return { post, question };
}

const letter = (choice: number) => 'ABCD'[choice];

describe('a restart mid-quiz', () => {
  it('answers survive, the new instance takes new answers, keeps the first ones, and closes the question at its close time', async () => {
    harness = await startBotHarness({ closeAfterMinutes: 1 });
    const { emulator } = harness;
    const { post, question } = await postQuestionNow(harness);
    const wrong = (question.answer + 1) % 4;
    await replyTo(emulator.click(post, answerButtonId(post, question.answer), emulator.member('alice')));
    await replyTo(emulator.click(post, answerButtonId(post, wrong), emulator.member('bob')));
    const firstBot = harness.bot;

    // The new instance starts three seconds before the close time: its own timer must close the question.
    harness.clock.setNow(new Date(question.closesAt.getTime() - 3_000));
    const secondBot = await harness.restartBot();
    const newcomer = await replyTo(emulator.click(post, answerButtonId(post, wrong), emulator.member('dave')));
    const again = await replyTo(emulator.click(post, answerButtonId(post, wrong), emulator.member('alice')));
    // Generous: the close is due three seconds after the clock was set; on a loaded machine the restart and the clicks
    // before it can take longer than that, and only a failure waits the whole time.
    const revealed = await emulator.waitForEdit(post, (message) => answerButtons(message).every((button) => button.disabled), 15_000);

    expect(secondBot).not.toBe(firstBot);
    expect(firstBot.client.isReady()).toBe(false);
    expect(emulator.gatewayLog.filter((entry) => entry.kind === 'identify')).toHaveLength(2);
    expect(newcomer).toMatchObject({ ephemeral: true, content: expect.stringContaining(`Answer recorded: **${letter(wrong)}**`) });
    expect(again).toEqual({ ephemeral: true, content: `You already answered **${letter(question.answer)}**: your first answer counts.`, embeds: [] });
    expect(embedField(revealed, 'Participants')).toBe('3');
    expect(embedField(revealed, /^Answered right/)).toBe('Alice');
    const closed = await secondBot.store.getQuestion(question.id);
    expect(closed?.status).toBe('closed');
    expect(closed?.closedAt?.getTime()).toBeGreaterThanOrEqual(question.closesAt.getTime());
  });

  it('a question whose close time passed while the bot was down is closed at start-up and its post shows the result', async () => {
    harness = await startBotHarness({ closeAfterMinutes: 30 });
    const { emulator } = harness;
    const { post, question } = await postQuestionNow(harness);
    await replyTo(emulator.click(post, answerButtonId(post, question.answer), emulator.member('alice')));

    await harness.stopBot();
    harness.clock.setNow(new Date(question.closesAt.getTime() + 2 * 60 * 60_000));
    await harness.startBot();
    const revealed = await emulator.waitForEdit(post, (message) => answerButtons(message).every((button) => button.disabled));
    const late = await replyTo(emulator.click(post, answerButtonId(post, 0), emulator.member('bob')));

    expect(embedField(revealed, 'Participants')).toBe('1');
    expect(late.content).toBe(`This question is closed. The answer was **${letter(question.answer)}. ${question.options[question.answer]}**.`);
    expect((await harness.bot.store.getTally(question.id)).participants).toBe(1);
  });

  it('a slot missed while the bot was down is posted late once, and neither a restart nor a double trigger posts it again', async () => {
    harness = await startBotHarness();
    const { emulator } = harness;
    const general = emulator.channels.general;
    // A leap-day cron: node-cron's real timer cannot fire during the test, the slots come from the test alone.
    const slot = new Date('2028-02-29T00:00:00.000Z'); // 09:00 in Seoul
    harness.clock.setNow(new Date(slot.getTime() - 60 * 60_000));
    await replyTo(emulator.slash('/quiz-admin schedule', { channel: general, cron: '0 9 29 2 *', timezone: 'Asia/Seoul' }, emulator.admin));

    await harness.stopBot();
    harness.clock.setNow(new Date(slot.getTime() + 5 * 60_000));
    await harness.startBot();
    const post = await emulator.waitForMessage(general, isQuestionPost);
    await harness.restartBot();
    const [first, second] = await Promise.all([
      harness.bot.context.quiz.runSlot(emulator.guild.id, general.id, slot),
      harness.bot.context.quiz.runSlot(emulator.guild.id, general.id, slot),
    ]);

    expect(first).toMatchObject({ ok: true, question: { id: questionIdOf(post), slotKey: slot.toISOString(), messageId: post.id } });
    expect(second).toMatchObject({ ok: true, question: { id: questionIdOf(post) } });
    expect(emulator.channelMessages(general).filter(isQuestionPost)).toHaveLength(1);
    const posts = emulator.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${general.id}/messages`);
    expect(posts).toHaveLength(1);
  });

  it('a bot stopped while a scheduled post is on its way finishes it, and the next instance does not post the slot again', async () => {
    harness = await startBotHarness();
    const { emulator } = harness;
    const general = emulator.channels.general;
    const slot = new Date('2028-02-29T00:00:00.000Z');
    harness.clock.setNow(new Date(slot.getTime() - 60 * 60_000));
    await replyTo(emulator.slash('/quiz-admin schedule', { channel: general, cron: '0 9 29 2 *', timezone: 'Asia/Seoul' }, emulator.admin));
    // Discord is slow to answer this post: the stop (a deploy, SIGTERM) comes while it is in flight.
    emulator.injectFault({ method: 'POST', path: `/channels/${general.id}/messages`, delayMs: 400 });
    harness.clock.setNow(slot);

    const slotRun = harness.bot.context.quiz.runSlot(emulator.guild.id, general.id, slot).catch((error: unknown) => error);
    await eventually(() => emulator.requests.some((request) => request.method === 'POST' && request.path === `/channels/${general.id}/messages`), {
      description: 'the post to reach Discord',
    });
    await harness.stopBot();
    await slotRun;
    harness.clock.setNow(new Date(slot.getTime() + 5 * 60_000));
    await harness.startBot();

    expect(emulator.channelMessages(general).filter(isQuestionPost)).toHaveLength(1);
    const stored = await harness.bot.store.getLatestQuestion(emulator.guild.id, general.id);
    expect(stored?.messageId).toBe(emulator.channelMessages(general)[0]?.id);
  });
});

describe('a SIGKILL in the middle of a post', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('after Discord made the post and before the bot stored it, the restarted bot adopts the post: one post, answered, revealed', async () => {
    const emulator = await startDiscordEmulator();
    cleanups.push(() => emulator.close());
    const directory = mkdtempSync(path.join(os.tmpdir(), 'concept-bot-kill-'));
    cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
    const environment = {
      DISCORD_TOKEN: 'emulated-bot-token',
      DISCORD_API_URL: emulator.apiUrl,
      DISCORD_GUILD_ID: emulator.guild.id,
      DATABASE_PATH: path.join(directory, 'bot.sqlite'),
      DOCS_DIR: 'test/fixtures/notes',
      LOG_LEVEL: 'info',
    };
    const startOne = () => {
      const bot = startScript('src/main.ts', environment);
      cleanups.push(async () => {
        if (bot.child.exitCode === null && bot.child.signalCode === null) {
          bot.child.kill('SIGKILL');
          await bot.exited;
        }
      });
      return bot;
    };
    const docker = emulator.channels.docker;
    const first = startOne();
    await waitForOutput(first, '"msg":"bot ready"', 20_000);
    // Discord makes the message, and its answer never comes: the process dies while waiting for it.
    emulator.injectFault({ method: 'POST', path: `/channels/${docker.id}/messages`, hang: true, afterEffect: true, times: Infinity });
    void emulator
      .slash('/quiz-admin now', { channel: docker }, emulator.admin)
      .response()
      .catch(() => undefined);
    const post = await emulator.waitForMessage(docker, isQuestionPost, 10_000);
    first.child.kill('SIGKILL');
    await first.exited;
    emulator.clearFaults();

    const second = startOne();
    await waitForOutput(second, '"msg":"bot ready"', 20_000);
    const alice = await replyTo(emulator.click(post, answerButtonId(post, 0), emulator.member('alice')));
    const bob = await replyTo(emulator.click(post, answerButtonId(post, 1), emulator.member('bob')));
    await emulator.slash('/quiz-admin reveal', { channel: docker }, emulator.admin).waitForOriginal(undefined, { timeoutMs: 10_000 });
    const revealed = await emulator.waitForEdit(post, (message) => answerButtons(message).every((button) => button.disabled), 10_000);

    expect(first.output()).not.toContain('quiz question posted');
    expect(second.output()).toContain('quiz post a crash left unrecorded adopted');
    expect(
      emulator
        .channelMessages(docker)
        .filter(isQuestionPost)
        .map((message) => message.id),
    ).toEqual([post.id]);
    expect(emulator.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${docker.id}/messages`)).toHaveLength(1);
    expect([alice.content, bob.content]).toEqual([expect.stringContaining('Answer recorded'), expect.stringContaining('Answer recorded')]);
    expect(embedField(revealed, 'Participants')).toBe('2');
  });
});
