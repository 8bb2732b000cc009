// The guard every harness runs at teardown must itself catch a message that could ping: a bare discord.js
// client (no allowedMentions default, unlike the bot's) sends through the emulator, and the guard reads the wire.
import type { Client, TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator } from '../emulator/index.js';
import { nextInteraction, sampleCommands, startEmulatorSession, stopEmulatorSession } from '../emulator-self/client-harness.js';
import { findPingableMessages } from './mention-guard.js';

describe('the guard against pings', () => {
  let emulator: DiscordEmulator;
  let client: Client;

  beforeAll(async () => {
    ({ emulator, client } = await startEmulatorSession({ commands: sampleCommands }));
  });

  afterAll(() => stopEmulatorSession({ emulator, client }));

  const requestsSince = (count: number) => emulator.requests.slice(count);

  it('names a post without allowed_mentions and an edit that parses users, and passes a post with empty allowed mentions', async () => {
    const channel = (await client.channels.fetch(emulator.channels.general.id)) as TextChannel;
    const before = emulator.requests.length;

    const safe = await channel.send({ content: 'echo: @everyone', allowedMentions: { parse: [] } });
    await channel.send('echo: @everyone');
    await safe.edit({ content: `echo: <@${emulator.member('alice').id}>`, allowedMentions: { parse: ['users'] } });

    expect(findPingableMessages(requestsSince(before))).toEqual([
      `POST /channels/${channel.id}/messages: allowed_mentions missing`,
      `PATCH /channels/${channel.id}/messages/${safe.id}: allowed_mentions {"parse":["users"]}`,
    ]);
  });

  it('names an interaction reply and a follow-up without allowed_mentions, but not a deferral or autocomplete choices', async () => {
    const before = emulator.requests.length;
    const replied = nextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected /ping');
      await interaction.deferReply();
      await interaction.editReply({ content: 'pong', allowedMentions: { parse: [] } });
      await interaction.followUp({ content: 'and @everyone', allowedMentions: { parse: ['everyone'] } });
    });
    await emulator.slash('/ping', {}, emulator.member('alice')).followUps();
    await replied;
    const answered = nextInteraction(client, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
      await interaction.respond([{ name: '@everyone', value: 'everyone' }]);
    });
    await emulator.autocomplete('/explain', { concept: '@' }, 'concept', emulator.member('alice')).choices();
    await answered;
    const repliedToBob = nextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected /ping');
      await interaction.reply('pong @everyone');
    });
    await emulator.slash('/ping', {}, emulator.member('bob')).response();
    await repliedToBob;

    expect(findPingableMessages(requestsSince(before))).toEqual([
      `POST /webhooks/${emulator.applicationId}/<token>: allowed_mentions {"parse":["everyone"]}`,
      expect.stringMatching(/^POST \/interactions\/\d+\/<token>\/callback: allowed_mentions missing$/),
    ]);
  });
});
