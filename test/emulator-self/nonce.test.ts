// The emulator keeps Discord's promise for `enforce_nonce` (a repeat of a post returns the first message), and
// can lose the answer to a request that did take effect (Discord made the message, the client heard a 500 or
// nothing), so the bot's retries can be tested against both.
import { HTTPError } from 'discord.js';
import type { Client, TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordEmulator, type DiscordEmulator } from '../emulator/index.js';
import { connectClient, startEmulatorSession, stopEmulatorSession } from './client-harness.js';

describe('enforce_nonce and lost answers', () => {
  let emulator: DiscordEmulator;
  let client: Client;
  const channel = (name: 'general' | 'docker') => client.channels.cache.get(emulator.channels[name].id) as TextChannel;
  const postsTo = (channelId: string) =>
    emulator.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${channelId}/messages`);

  beforeAll(async () => {
    ({ emulator, client } = await startEmulatorSession({ restTimeoutMs: 400, retries: 1 }));
  });

  afterAll(() => stopEmulatorSession({ emulator, client }));

  it('a repeat of a nonce with enforce_nonce returns the first message and creates nothing', async () => {
    const first = await channel('general').send({ content: 'question one', nonce: 'quiz-repeat-1', enforceNonce: true });
    const again = await channel('general').send({ content: 'question one', nonce: 'quiz-repeat-1', enforceNonce: true });

    expect(again.id).toBe(first.id);
    expect(first.nonce).toBe('quiz-repeat-1');
    expect(emulator.channelMessages(emulator.channels.general).filter((message) => message.content === 'question one')).toHaveLength(1);
    expect(emulator.nonceOf(first.id)).toBe('quiz-repeat-1');
  });

  it('without enforce_nonce the same nonce makes a second message, as on Discord', async () => {
    await channel('general').send({ content: 'plain nonce', nonce: 'quiz-plain-1' });
    await channel('general').send({ content: 'plain nonce', nonce: 'quiz-plain-1' });

    expect(emulator.channelMessages(emulator.channels.general).filter((message) => message.content === 'plain nonce')).toHaveLength(2);
  });

  it('a nonce longer than 25 characters is refused with 50035', async () => {
    const error = await channel('general')
      .send({ content: 'long', nonce: 'n'.repeat(26), enforceNonce: true })
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ status: 400, code: 50035, rawError: { errors: { nonce: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } });
  });

  it('a post Discord made but answered 500: the client retries and, with enforce_nonce, gets the same message', async () => {
    const docker = emulator.channels.docker;
    const fault = emulator.injectFault({ method: 'POST', path: `/channels/${docker.id}/messages`, status: 500, afterEffect: true });

    const message = await channel('docker').send({ content: 'made then 500', nonce: 'quiz-after-500', enforceNonce: true });

    expect(fault.hits).toBe(1);
    expect(
      postsTo(docker.id)
        .slice(-2)
        .map((request) => request.status),
    ).toEqual([500, 200]);
    expect(
      emulator
        .channelMessages(docker)
        .filter((stored) => stored.content === 'made then 500')
        .map((stored) => stored.id),
    ).toEqual([message.id]);
  });

  it('a post Discord made but never answered: the retry after the timeout returns the same message', async () => {
    const docker = emulator.channels.docker;
    emulator.injectFault({ method: 'POST', path: `/channels/${docker.id}/messages`, hang: true, afterEffect: true });

    const message = await channel('docker').send({ content: 'made then hung', nonce: 'quiz-after-hang', enforceNonce: true });

    expect(
      emulator
        .channelMessages(docker)
        .filter((stored) => stored.content === 'made then hung')
        .map((stored) => stored.id),
    ).toEqual([message.id]);
  });

  it('without a nonce, the same lost answer leaves two copies: the fault the nonce is for', async () => {
    const docker = emulator.channels.docker;
    emulator.injectFault({ method: 'POST', path: `/channels/${docker.id}/messages`, status: 500, afterEffect: true });

    await channel('docker').send({ content: 'made twice' });

    expect(emulator.channelMessages(docker).filter((stored) => stored.content === 'made twice')).toHaveLength(2);
  });

  it('when every answer is lost, the client fails but the message exists, and GET messages?limit= lists it newest first', async () => {
    const docker = emulator.channels.docker;
    emulator.injectFault({ method: 'POST', path: `/channels/${docker.id}/messages`, status: 500, afterEffect: true, times: 2 });

    const error = await channel('docker')
      .send({ content: 'made, never confirmed', nonce: 'quiz-lost-all', enforceNonce: true })
      .catch((caught: unknown) => caught);
    const recent = await channel('docker').messages.fetch({ limit: 2, cache: false });

    expect(error).toBeInstanceOf(HTTPError);
    expect([...recent.values()].map((message) => message.content)).toEqual(['made, never confirmed', 'made twice']);
    // Like Discord, a read does not give the nonce back: a lost post is recognised by what it holds.
    expect(recent.first()?.nonce).toBeNull();
  });
});

describe('the nonce window', () => {
  it('a repeat after the window makes a new message', async () => {
    const emulator = await startDiscordEmulator({ nonceWindowMs: 50 });
    const client = await connectClient(emulator);
    try {
      const general = client.channels.cache.get(emulator.channels.general.id) as TextChannel;
      const first = await general.send({ content: 'late repeat', nonce: 'quiz-window', enforceNonce: true });
      await new Promise((resolve) => setTimeout(resolve, 80));
      const second = await general.send({ content: 'late repeat', nonce: 'quiz-window', enforceNonce: true });

      expect(second.id).not.toBe(first.id);
    } finally {
      await client.destroy();
      await emulator.close();
    }
  });
});
