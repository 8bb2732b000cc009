// A lost gateway connection: whether Discord lets the bot resume or makes it identify anew, the next
// interaction is answered.
import { afterEach, describe, expect, it } from 'vitest';
import type { GatewayLogEntry } from '../emulator/index.js';
import { answerButtonId, isQuestionPost, questionIdOf, replyTo, startBotHarness, type BotHarness } from './bot-harness.js';

let harness: BotHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function countEntries(h: BotHarness, kind: GatewayLogEntry['kind']): number {
  return h.emulator.gatewayLog.filter((entry) => entry.kind === kind).length;
}

async function explainContainer(h: BotHarness) {
  return replyTo(h.emulator.slash('/explain', { concept: 'container' }, h.emulator.member('alice')));
}

describe('a lost gateway connection', () => {
  it('after close 4000 the bot resumes its session and answers an interaction sent while it was away', async () => {
    harness = await startBotHarness();
    const { emulator } = harness;

    emulator.closeGateway(4000, 'Unknown error');
    // Discord keeps the event for the session and replays it on resume.
    const reply = await replyTo(emulator.slash('/explain', { concept: 'container' }, emulator.member('alice')));

    expect(reply.embeds[0]?.title).toContain('컨테이너');
    expect(countEntries(harness, 'resume')).toBe(1);
    expect(countEntries(harness, 'identify')).toBe(1);
  });

  it('after close 1000 the bot identifies anew, and the next interaction is answered', async () => {
    harness = await startBotHarness();
    const { emulator } = harness;

    emulator.closeGateway(1000, 'Session ended');
    await emulator.waitFor(() => countEntries(harness!, 'identify') === 2 && emulator.gatewaySessions().some((session) => session.connected), {
      timeoutMs: 10_000,
      description: 'a second identify',
    });
    const reply = await explainContainer(harness);

    expect(reply.embeds[0]?.title).toContain('컨테이너');
    expect(countEntries(harness, 'resume')).toBe(0);
  });

  it('after op 7 Reconnect the bot resumes, and the next interaction is answered', async () => {
    harness = await startBotHarness();
    const { emulator } = harness;

    emulator.sendReconnect();
    await emulator.waitFor(() => countEntries(harness!, 'resume') === 1, { timeoutMs: 5_000, description: 'a resume' });
    const reply = await explainContainer(harness);

    expect(reply.embeds[0]?.title).toContain('컨테이너');
    expect(countEntries(harness, 'identify')).toBe(1);
  });

  it('a quiz answer clicked during a resume is recorded once', async () => {
    harness = await startBotHarness();
    const { emulator } = harness;
    emulator.slash('/quiz-admin now', { channel: emulator.channels.docker }, emulator.admin);
    const post = await emulator.waitForMessage(emulator.channels.docker, isQuestionPost);

    emulator.closeGateway(4000);
    const reply = await replyTo(emulator.click(post, answerButtonId(post, 2), emulator.member('bob')));

    expect(reply.content).toContain('Answer recorded: **C**');
    expect((await harness.bot.store.getTally(questionIdOf(post))).participants).toBe(1);
  });
});
