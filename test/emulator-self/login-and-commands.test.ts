import { ChannelType, DiscordAPIError, PermissionFlagsBits, Routes } from 'discord.js';
import type { Client, TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator } from '../emulator/index.js';
import { sampleCommands, startEmulatorSession, stopEmulatorSession } from './client-harness.js';

describe('logging in and registering commands', () => {
  let emulator: DiscordEmulator;
  let client: Client;

  beforeAll(async () => {
    ({ emulator, client } = await startEmulatorSession());
  });

  afterAll(() => stopEmulatorSession({ emulator, client }));

  it('when a client logs in, it becomes ready as the emulated bot with its application', () => {
    expect(client.isReady()).toBe(true);
    expect(client.user?.id).toBe(emulator.bot.id);
    expect(client.application?.id).toBe(emulator.applicationId);
    expect(emulator.requests[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', status: 200, authorized: true });
    expect(emulator.gatewayLog.map((entry) => entry.kind)).toEqual(['connect', 'identify']);
  });

  it('when the client is ready, the Study Group guild and its text channels are in its cache', () => {
    const guild = client.guilds.cache.get(emulator.guild.id);
    expect(guild?.name).toBe('Study Group');
    const names = guild?.channels.cache.filter((channel) => channel.type === ChannelType.GuildText).map((channel) => channel.name);
    expect(names).toEqual(['general', 'docker', 'locked']);
    expect(guild?.ownerId).toBe(emulator.owner.id);
  });

  it('when the bot checks its permissions, #locked lacks Send Messages and #general has it', () => {
    const me = client.guilds.cache.get(emulator.guild.id)?.members.me;
    const general = client.channels.cache.get(emulator.channels.general.id) as TextChannel;
    const locked = client.channels.cache.get(emulator.channels.locked.id) as TextChannel;
    expect(me).toBeDefined();
    expect(general.permissionsFor(me!).has(PermissionFlagsBits.SendMessages)).toBe(true);
    expect(locked.permissionsFor(me!).has(PermissionFlagsBits.SendMessages)).toBe(false);
    expect(locked.permissionsFor(me!).has(PermissionFlagsBits.ViewChannel)).toBe(true);
  });

  it('when commands are registered globally and for the guild, both read back with their localizations', async () => {
    const global = await client.application!.commands.set(sampleCommands);
    const guildOnly = await client.guilds.cache.get(emulator.guild.id)!.commands.set([{ name: 'ping', description: 'Guild ping' }]);

    expect(global.map((command) => command.name).sort()).toEqual(['explain', 'ping', 'profile', 'quiz-admin']);
    expect(guildOnly.first()?.guildId).toBe(emulator.guild.id);
    expect(emulator.registeredCommands('global').find((command) => command.name === 'explain')?.name_localizations).toEqual({ ko: '설명' });
    expect(emulator.registeredCommands({ guildId: emulator.guild.id }).map((command) => command.description)).toEqual(['Guild ping']);
    const fetched = await client.application!.commands.fetch();
    expect(fetched.map((command) => command.id).sort()).toEqual(global.map((command) => command.id).sort());
  });

  it('when a command is registered again under the same name, it keeps its id', async () => {
    const first = await client.application!.commands.set(sampleCommands);
    const second = await client.application!.commands.set(sampleCommands.slice(0, 2));
    expect(second.get(first.find((command) => command.name === 'explain')!.id)?.name).toBe('explain');
    expect(emulator.registeredCommands('global')).toHaveLength(2);
    await client.application!.commands.set(sampleCommands);
  });

  it('when a command name has capitals or a description is too long, registration fails with 50035', async () => {
    const body = [{ name: 'Explain', description: 'x'.repeat(101) }];
    const error = await client.rest.put(Routes.applicationCommands(emulator.applicationId), { body }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).rawError).toMatchObject({
      errors: {
        0: { name: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] }, description: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } },
      },
    });
    expect(emulator.registeredCommands('global')).toHaveLength(4);
  });

  it('when an unknown route is called, it answers 404 and records the request', async () => {
    const error = await client.rest.get('/nothing/here').catch((caught: unknown) => caught);
    expect((error as DiscordAPIError).status).toBe(404);
    expect(emulator.requests.at(-1)).toMatchObject({ method: 'GET', path: '/nothing/here', status: 404 });
  });
});
