import { DiscordAPIError, HTTPError, RESTEvents } from 'discord.js';
import type { Client, TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator } from '../emulator/index.js';
import { startEmulatorSession, stopEmulatorSession } from './client-harness.js';

describe('REST faults', () => {
  let emulator: DiscordEmulator;
  let client: Client;
  const channel = (name: 'general' | 'docker' | 'locked') => client.channels.cache.get(emulator.channels[name].id) as TextChannel;
  const postsTo = (channelId: string) =>
    emulator.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${channelId}/messages`);

  beforeAll(async () => {
    ({ emulator, client } = await startEmulatorSession({ restTimeoutMs: 400, retries: 1 }));
  });

  afterAll(() => stopEmulatorSession({ emulator, client }));

  it('when a post is rate limited with Retry-After, the client waits it out and the message is posted once', async () => {
    const general = emulator.channels.general;
    const fault = emulator.injectFault({ method: 'POST', path: `/channels/${general.id}/messages`, status: 429, retryAfterSeconds: 0.3 });
    const limited: number[] = [];
    client.rest.once(RESTEvents.RateLimited, (info) => limited.push(info.retryAfter));

    await channel('general').send('quiz question');

    expect(fault.hits).toBe(1);
    expect(limited).toHaveLength(1);
    expect(postsTo(general.id).map((request) => request.status)).toEqual([429, 200]);
    expect(postsTo(general.id)[0]?.response).toMatchObject({ retry_after: 0.3, global: false });
    expect(emulator.channelMessages(general).filter((message) => message.content === 'quiz question')).toHaveLength(1);
  });

  it('when the bot posts into #locked, it gets 403 50013 and nothing is posted', async () => {
    const error = await channel('locked')
      .send('hello')
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 403, code: 50013 });
    expect(emulator.channelMessages(emulator.channels.locked)).toEqual([]);
  });

  it('when the bot may not embed links, an embed post is refused but plain text passes', async () => {
    const room = emulator.addChannel('no-embeds', { botDeny: 0x4000n });
    const textChannel = (await client.channels.fetch(room.id)) as TextChannel;

    await expect(textChannel.send({ embeds: [{ title: 'Q' }] })).rejects.toMatchObject({ code: 50013 });
    await expect(textChannel.send('plain')).resolves.toBeDefined();
  });

  it('when a channel is gone, posts fail with 404 10003; a missing message fails with 10008', async () => {
    const room = emulator.addChannel('short-lived');
    const textChannel = (await client.channels.fetch(room.id)) as TextChannel;
    emulator.deleteChannel(room);

    await expect(textChannel.send('hi')).rejects.toMatchObject({ status: 404, code: 10003 });
    await expect(channel('general').messages.fetch('123456789012345678')).rejects.toMatchObject({ status: 404, code: 10008 });
  });

  it('when faults are injected for one route, that route answers them and then recovers', async () => {
    const docker = emulator.channels.docker;
    emulator.injectFault({ method: 'POST', path: `/channels/${docker.id}/messages`, status: 403, code: 50013 });
    emulator.injectFault({ method: 'POST', path: /\/channels\/\d+\/messages$/, status: 404, code: 10003 });

    await expect(channel('docker').send('one')).rejects.toMatchObject({ status: 403, code: 50013, message: 'Missing Permissions' });
    await expect(channel('docker').send('two')).rejects.toMatchObject({ status: 404, code: 10003, message: 'Unknown Channel' });
    await expect(channel('docker').send('three')).resolves.toBeDefined();
    expect(emulator.channelMessages(docker).map((message) => message.content)).toEqual(['three']);
  });

  it('when the API answers 502 once, the client retries; when it keeps failing, the call rejects with HTTPError', async () => {
    const path = `/channels/${emulator.channels.general.id}/messages`;
    emulator.injectFault({ method: 'POST', path, status: 502 });
    await expect(channel('general').send('after one 502')).resolves.toBeDefined();

    emulator.injectFault({ method: 'POST', path, status: 503, times: 2 });
    const error = await channel('general')
      .send('never')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HTTPError);
    expect((error as HTTPError).status).toBe(503);
  });

  it('when a response hangs, the client aborts after its timeout and the retry succeeds', async () => {
    const path = `/channels/${emulator.channels.docker.id}/messages`;
    emulator.injectFault({ method: 'POST', path, hang: true });

    await channel('docker').send('after a hang');

    const attempts = emulator.requests.filter(
      (request) => request.path === path && request.body !== undefined && (request.body as { content?: string }).content === 'after a hang',
    );
    expect(attempts.map((request) => [request.fault, request.status])).toEqual([
      [true, 0],
      [false, 200],
    ]);
  });
});
