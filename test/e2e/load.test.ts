// Two hundred members click the same question within one second. Discord drops a click the bot does not
// acknowledge within 3 s (the member sees "This interaction failed"), so every click must be acknowledged in
// time, and every answer must be tallied. The 3 s is Discord's protocol deadline, enforced by the emulator;
// how fast the bot really is goes to `npm run bench`.
import { afterEach, describe, expect, it } from 'vitest';
import type { InteractionHandle } from '../emulator/index.js';
import {
  answerButtonId,
  answerButtons,
  embedField,
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

const memberCount = 200;
const waves = 10;
const discordAckDeadlineMs = 3_000;

describe('a crowd answering', () => {
  it('200 members clicking the same question within a second are all acknowledged within 3 s and all tallied', async () => {
    harness = await startBotHarness();
    const { emulator } = harness;
    const members = Array.from({ length: memberCount }, (_, index) => emulator.addMember(`Learner ${index + 1}`));
    emulator.slash('/quiz-admin now', { channel: emulator.channels.docker }, emulator.admin);
    const post = await emulator.waitForMessage(emulator.channels.docker, isQuestionPost);
    const question = await harness.bot.store.getQuestion(questionIdOf(post));
    if (!question) throw new Error('the posted question is not stored');

    // Ten waves of twenty clicks, 100 ms apart: the whole crowd within one second.
    const clicks: InteractionHandle[] = [];
    for (let wave = 0; wave < waves; wave += 1) {
      for (const [index, member] of members.entries()) {
        if (index % waves === wave) clicks.push(emulator.click(post, answerButtonId(post, index % 4), member));
      }
      if (wave < waves - 1) await sleep(100);
    }
    const replies = await Promise.all(clicks.map((click) => replyTo(click)));

    expect(clicks).toHaveLength(memberCount);
    const described = clicks.map((click) => ({
      user: click.payload.member?.user.id,
      ackMs: click.ackMs,
      callbacks: click.callbacks.map((attempt) => attempt.status),
    }));
    expect(described.filter((click) => click.ackMs === undefined || click.ackMs >= discordAckDeadlineMs)).toEqual([]);
    // One callback each: a second acknowledgement (40060) would mean a click was answered twice.
    expect(described.filter((click) => click.callbacks.length !== 1)).toEqual([]);
    expect(replies.filter((reply) => !reply.ephemeral || !reply.content.startsWith('Answer recorded'))).toEqual([]);
    const tally = await harness.bot.store.getTally(question.id);
    expect(tally.participants).toBe(memberCount);
    expect(tally.correct).toHaveLength(memberCount / 4);

    await emulator.slash('/quiz-admin reveal', { channel: emulator.channels.docker }, emulator.admin).waitForOriginal();
    const revealed = await emulator.waitForEdit(post, (message) => answerButtons(message).every((button) => button.disabled));
    expect(embedField(revealed, 'Participants')).toBe(String(memberCount));
  });
});
