import { once } from 'node:events';
import { Events } from 'discord.js';
import type { Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordEmulator } from '../emulator/index.js';
import type { DiscordEmulator } from '../emulator/index.js';
import { connectClient, nextInteraction, sampleCommands, startEmulatorSession, stopEmulatorSession } from './client-harness.js';

describe('gateway lifecycle', () => {
  let emulator: DiscordEmulator;
  let client: Client;
  const countOf = (kind: string) => emulator.gatewayLog.filter((entry) => entry.kind === kind).length;
  const replyPong = () =>
    nextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.reply('pong');
    });

  beforeAll(async () => {
    ({ emulator, client } = await startEmulatorSession({ commands: sampleCommands }));
  });

  afterAll(() => stopEmulatorSession({ emulator, client }));

  it('when the gateway closes with 4000, the client resumes and answers the next interaction', async () => {
    const resumed = once(client, Events.ShardResume);

    emulator.closeGateway(4000, 'Unknown error');
    await resumed;
    const replied = replyPong();
    const handle = emulator.slash('ping', {}, emulator.members[0]!);

    expect(await handle.response()).toMatchObject({ data: { content: 'pong' } });
    await replied;
    expect(countOf('resume')).toBe(1);
    expect(countOf('identify')).toBe(1);
  });

  it('when an interaction arrives while the client is disconnected, it is replayed on resume and answered', async () => {
    const resumesBefore = countOf('resume');
    const replied = replyPong();

    emulator.closeGateway(1001, 'Going away');
    const handle = emulator.slash('ping', {}, emulator.members[1]!);

    expect(await handle.response()).toMatchObject({ data: { content: 'pong' } });
    await replied;
    expect(countOf('resume')).toBe(resumesBefore + 1);
  });

  it('when the gateway sends op 7 reconnect, the client reconnects, resumes and keeps working', async () => {
    const resumesBefore = countOf('resume');
    const resumed = once(client, Events.ShardResume);

    emulator.sendReconnect();
    await resumed;
    const replied = replyPong();
    const handle = emulator.slash('ping', {}, emulator.members[2]!);

    expect((await handle.response()).type).toBe(4);
    await replied;
    expect(countOf('resume')).toBe(resumesBefore + 1);
    expect(emulator.gatewaySessions()).toHaveLength(1);
  });

  it('when two clients are connected, each session gets the interaction with its own sequence', async () => {
    const second = await connectClient(emulator);
    try {
      const seenBySecond = nextInteraction(second, async (interaction) => interaction.id);
      const replied = replyPong();

      const handle = emulator.slash('ping', {}, emulator.admin);

      await handle.response();
      await replied;
      expect(await seenBySecond).toBe(handle.id);
      const sessions = emulator.gatewaySessions();
      expect(sessions).toHaveLength(2);
      expect(new Set(sessions.map((session) => session.seq)).size).toBe(2);
    } finally {
      await second.destroy();
    }
    expect(emulator.gatewaySessions()).toHaveLength(1);
  });

  it('when the session is invalidated as resumable, the client resumes it', async () => {
    const resumesBefore = countOf('resume');
    const identifiesBefore = countOf('identify');
    const resumed = once(client, Events.ShardResume);

    emulator.invalidateSession(true);
    await resumed;

    expect(countOf('resume')).toBe(resumesBefore + 1);
    expect(countOf('identify')).toBe(identifiesBefore);
  });

  it('when the gateway closes with 1000, the client identifies anew and keeps serving interactions', async () => {
    await client.destroy();
    client = await connectClient(emulator, { identifyWithoutDelay: true });
    const firstSession = emulator.gatewaySessions()[0]?.id;
    const identifiesBefore = countOf('identify');

    emulator.closeGateway(1000);
    const session = await emulator.waitFor(
      () => emulator.gatewaySessions().find((candidate) => candidate.connected && candidate.id !== firstSession),
      { description: 'a new gateway session' },
    );
    const replied = replyPong();
    const handle = emulator.slash('ping', {}, emulator.members[0]!);

    expect(await handle.response()).toMatchObject({ data: { content: 'pong' } });
    await replied;
    expect(countOf('identify')).toBe(identifiesBefore + 1);
    expect(countOf('resume-rejected')).toBe(0);
    expect(emulator.gatewaySessions().map((candidate) => candidate.id)).toEqual([session.id]);
  });

  it('when the session is invalidated as not resumable, the client identifies anew', async () => {
    const identifiesBefore = countOf('identify');
    const resumesBefore = countOf('resume');

    emulator.invalidateSession(false);
    await emulator.waitFor(() => countOf('identify') === identifiesBefore + 1, { description: 'a second identify' });
    const replied = replyPong();
    const handle = emulator.slash('ping', {}, emulator.members[1]!);

    expect(await handle.response()).toMatchObject({ data: { content: 'pong' } });
    await replied;
    expect(countOf('resume')).toBe(resumesBefore);
    expect(emulator.gatewaySessions()).toHaveLength(1);
  });

  it('when heartbeats are due, each is acknowledged and the connection stays up', async () => {
    const beating = await startDiscordEmulator({ heartbeatIntervalMs: 40 });
    const beatingClient = await connectClient(beating);
    try {
      await beating.waitFor(() => (beating.gatewaySessions()[0]?.heartbeatsAcked ?? 0) >= 3, { timeoutMs: 2_000, description: 'three heartbeats' });

      expect(beatingClient.ws.ping).toBeGreaterThanOrEqual(0);
      expect(beating.gatewayLog.map((entry) => entry.kind)).toEqual(['connect', 'identify']);
    } finally {
      await beatingClient.destroy();
      await beating.close();
    }
  });

  it('when a destroyed client is replaced by a new one, the new one logs in and serves interactions', async () => {
    await client.destroy();
    expect(emulator.gatewaySessions()).toHaveLength(0);
    expect(() => emulator.slash('ping', {}, emulator.admin)).toThrow(/no bot is connected/);

    client = await connectClient(emulator);
    const replied = replyPong();
    const handle = emulator.slash('ping', {}, emulator.admin);

    expect(await handle.response()).toMatchObject({ data: { content: 'pong' } });
    await replied;
  });

  it('when the gateway refuses identify with 4004, login rejects and no session is left', async () => {
    const refusing = await startDiscordEmulator();
    refusing.rejectIdentify(4004);
    try {
      await expect(connectClient(refusing)).rejects.toThrow('Authentication failed');
      expect(refusing.gatewaySessions()).toEqual([]);
      expect(refusing.gatewayLog.filter((entry) => entry.kind === 'close').map((entry) => entry.code)).toEqual([4004]);
      expect(refusing.requests.map((request) => request.path)).toEqual(['/gateway/bot']);
    } finally {
      await refusing.close();
    }
  });
});
