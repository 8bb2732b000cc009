// A command handler that fails becomes a short ephemeral apology (never a stack trace, never silence), the
// failure is logged with its context, and the bot goes on answering.
//
// The failure is a real one: Discord refuses the message the handler sends (400, Invalid Form Body), the most
// common way a handler breaks in production (a field over a limit, a bad component). The handler's promise
// rejects with discord.js's DiscordAPIError and the interaction router's error boundary has to answer.
import { MessageFlags } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { isQuestionPost, replyTo, startBotHarness, testToken, type BotHarness } from './bot-harness.js';

let harness: BotHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const apology = 'Sorry, something went wrong on my side. Please try again in a moment.';
const koreanApology = '죄송해요, 처리 중에 문제가 생겼어요. 잠시 후 다시 시도해 주세요.';

describe('a failing command', () => {
  it("when Discord refuses /explain's reply, the member gets an ephemeral apology and the next /explain works", async () => {
    harness = await startBotHarness();
    const { emulator } = harness;
    const alice = emulator.member('alice');
    emulator.injectFault({ method: 'POST', path: /^\/interactions\/\d+\/[\w-]+\/callback$/, status: 400, code: 50035, message: 'Invalid Form Body' });

    const failed = emulator.slash('/explain', { concept: 'container' }, alice);
    const apologyReply = await replyTo(failed);
    const next = await replyTo(emulator.slash('/explain', { concept: 'container' }, alice));

    const callbacks = emulator.requests.filter((request) => request.path === `/interactions/${failed.id}/${failed.token}/callback`);
    expect(callbacks.map((request) => request.status)).toEqual([400, 204]);
    expect(apologyReply).toEqual({ content: apology, ephemeral: true, embeds: [] });
    expect(callbacks[1]?.body).toMatchObject({ data: { flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } } });
    expect(harness.logs).toContainEqual(
      expect.objectContaining({ level: 50, command: 'explain', guildId: emulator.guild.id, userId: alice.id, msg: 'interaction failed' }),
    );
    expect(next.ephemeral).toBe(false);
    expect(next.embeds[0]?.title).toContain('컨테이너');
  });

  it('the logged failure names the route but neither the interaction token (it lets anyone answer as the bot) nor the bot token', async () => {
    harness = await startBotHarness();
    const { emulator } = harness;
    emulator.injectFault({ method: 'POST', path: /^\/interactions\/\d+\/[\w-]+\/callback$/, status: 400, code: 50035, message: 'Invalid Form Body' });

    const failed = emulator.slash('/explain', { concept: '@everyone container' }, emulator.member('alice'));
    await replyTo(failed);

    const failure = harness.logs.find((line) => line.msg === 'interaction failed');
    expect(failure).toMatchObject({ err: { code: 50035, url: expect.stringContaining(`/interactions/${failed.id}/[redacted]/callback`) } });
    const written = JSON.stringify(harness.logs);
    expect(written).not.toContain(failed.token);
    expect(written).not.toContain(testToken);
    // The refused body is what a member typed, echoed: Discord's answer already names the field at fault.
    expect(failure?.err).not.toHaveProperty('requestBody');
  });

  it('when the edit of a deferred /quiz-admin now is refused, the "thinking…" reply turns into the apology in the admin\'s language', async () => {
    harness = await startBotHarness();
    const { emulator } = harness;
    const admin = emulator.admin;
    admin.locale = 'ko';
    emulator.injectFault({
      method: 'PATCH',
      path: /^\/webhooks\/\d+\/[\w-]+\/messages\/@original$/,
      status: 400,
      code: 50035,
      message: 'Invalid Form Body',
    });

    const failed = emulator.slash('/quiz-admin now', { channel: emulator.channels.docker }, admin);
    const shown = await failed.waitForOriginal();
    const next = await replyTo(emulator.slash('/explain', { concept: 'kernel' }, emulator.member('bob')));

    expect(shown.content).toBe(koreanApology);
    expect(failed.ephemeral).toBe(true);
    // The question itself went out before the confirmation failed: the apology must not hide that it exists.
    expect(emulator.channelMessages(emulator.channels.docker).filter(isQuestionPost)).toHaveLength(1);
    expect(next.embeds[0]?.title).toContain('커널');
  });
});
