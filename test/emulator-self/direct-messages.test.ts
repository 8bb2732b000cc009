import { once } from 'node:events';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  InteractionContextType,
  Routes,
} from 'discord.js';
import type { ButtonInteraction, Client, Message } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator } from '../emulator/index.js';
import { connectClient, makePng, nextInteraction, pngSignature, startEmulatorSession, stopEmulatorSession } from './client-harness.js';

const reviewButtons = () =>
  new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId('review:next').setLabel('Next').setStyle(ButtonStyle.Primary),
    new ButtonBuilder().setCustomId('review:stop').setLabel('Stop').setStyle(ButtonStyle.Secondary),
  );

describe('direct messages through the emulator', () => {
  let emulator: DiscordEmulator;
  let client: Client;

  beforeAll(async () => {
    ({ emulator, client } = await startEmulatorSession({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages] }));
  });

  afterAll(() => stopEmulatorSession({ emulator, client }));

  it('opening a DM with the same member twice gives the same DM channel, with the member as recipient', async () => {
    const alice = emulator.member('alice');

    const first = await client.users.createDM(alice.id, { force: true });
    const second = await client.rest.post(Routes.userChannels(), { body: { recipient_id: alice.id } });

    expect(first.type).toBe(ChannelType.DM);
    expect(first.recipientId).toBe(alice.id);
    expect(second).toMatchObject({ id: first.id, type: ChannelType.DM, recipients: [{ id: alice.id, username: 'alice' }] });
    expect(emulator.dmChannel(alice)?.id).toBe(first.id);
    expect(await client.channels.fetch(first.id, { force: true })).toMatchObject({ id: first.id, type: ChannelType.DM });
  });

  it("a DM the bot sends is kept as the member's DMs, not in any guild channel, and reaches the client without guild_id", async () => {
    const bob = emulator.member('bob');
    const heard = once(client, Events.MessageCreate) as Promise<[Message]>;

    const sent = await client.users.send(bob.id, { content: '3 concepts are due', allowedMentions: { parse: [] } });
    const [event] = await heard;

    expect(emulator.directMessages(bob).map((message) => message.content)).toEqual(['3 concepts are due']);
    expect((await emulator.waitForDirectMessage(bob, (message) => message.id === sent.id)).channel_id).toBe(emulator.dmChannel(bob)?.id);
    expect(emulator.allowedMentionsOf(sent.id)).toEqual({ parse: [] });
    expect(emulator.channelMessages(emulator.channels.general).some((message) => message.id === sent.id)).toBe(false);
    expect(event.id).toBe(sent.id);
    expect(event.guildId).toBeNull();
    expect(event.channel.type).toBe(ChannelType.DM);
  });

  it('when a member refuses DMs, the post fails with DiscordAPIError 50007 and nothing is delivered; reopened, it goes through', async () => {
    const dave = emulator.member('dave');
    emulator.closeDms(dave);

    const error = await client.users.send(dave.id, 'your review is due').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 403, code: 50007, message: 'Cannot send messages to this user' });
    expect(emulator.dmChannel(dave)).toBeDefined(); // opening the DM itself succeeds, as on Discord
    expect(emulator.directMessages(dave)).toEqual([]);

    emulator.openDms(dave);
    await client.users.send(dave.id, 'your review is due');
    expect(emulator.directMessages(dave).map((message) => message.content)).toEqual(['your review is due']);
  });

  it('opening a DM with someone who is not a user the bot can reach answers 50033', async () => {
    const error = await client.rest.post(Routes.userChannels(), { body: { recipient_id: '123456789012345678' } }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 400, code: 50033 });
  });

  it('a DM can carry a PNG attachment, and its url serves the bytes back', async () => {
    const minji = emulator.member('minji');

    const sent = await client.users.send(minji.id, { content: '이번 주', files: [{ attachment: makePng(4, 2), name: 'me.png' }] });
    const [attachment] = emulator.directMessages(minji).find((message) => message.id === sent.id)?.attachments ?? [];
    const served = Buffer.from(await (await fetch(attachment!.url)).arrayBuffer());

    expect(attachment).toMatchObject({ filename: 'me.png', content_type: 'image/png', width: 4, height: 2 });
    expect(served.subarray(0, 8)).toEqual(pngSignature);
  });

  it('a member clicks a button on a DM: the client gets a DM button interaction (user, no guild) and can update the message', async () => {
    const alice = emulator.member('alice');
    const sent = await client.users.send(alice.id, { content: 'Question 1 of 3', components: [reviewButtons()] });
    const seen = nextInteraction(client, async (interaction) => {
      if (!interaction.isButton()) throw new Error(`expected a button, got type ${interaction.type}`);
      await interaction.update({ content: 'Question 2 of 3', components: [reviewButtons()] });
      return describeClick(interaction);
    });

    const handle = emulator.click(sent.id, 'review:next', alice);
    const click = await seen;

    expect(handle.payload).toMatchObject({ context: InteractionContextType.BotDM, user: { id: alice.id }, channel: { type: ChannelType.DM } });
    expect(handle.payload).not.toHaveProperty('member');
    expect(handle.payload).not.toHaveProperty('guild_id');
    expect(click).toEqual({
      user: alice.id,
      member: null,
      guildId: null,
      inGuild: false,
      context: InteractionContextType.BotDM,
      channelId: emulator.dmChannel(alice)?.id,
      channelType: ChannelType.DM,
      messageId: sent.id,
    });
    expect((await handle.response()).type).toBe(7);
    expect(emulator.directMessages(alice).find((message) => message.id === sent.id)?.content).toBe('Question 2 of 3');
  });

  it('only the recipient can click a button in a DM', async () => {
    const alice = emulator.member('alice');
    const sent = await client.users.send(alice.id, { content: 'Stop?', components: [reviewButtons()] });

    expect(() => emulator.click(sent.id, 'review:stop', emulator.member('bob'))).toThrow(/DM of alice/);
  });

  it('after a restart (a new client that never saw the DM), a DM click still arrives and can be answered', async () => {
    const bob = emulator.member('bob');
    const sent = await client.users.send(bob.id, { content: 'Reminder', components: [reviewButtons()] });
    const restarted = await connectClient(emulator);
    try {
      const seen = nextInteraction(restarted, async (interaction) => {
        if (!interaction.isButton()) throw new Error('expected a button');
        await interaction.reply({ content: 'Stopped.' });
        // Without Partials.Channel, discord.js cannot build a DM channel it never saw: the id is known, the object is not.
        return {
          user: interaction.user.id,
          channelId: interaction.channelId,
          channelKnown: interaction.channel !== null,
          customId: interaction.customId,
        };
      });
      // Both clients hear the click; only the restarted one answers.
      const handle = emulator.click(sent.id, 'review:stop', bob);

      expect(await seen).toEqual({ user: bob.id, channelId: emulator.dmChannel(bob)?.id, channelKnown: false, customId: 'review:stop' });
      expect((await handle.waitForOriginal()).content).toBe('Stopped.');
      expect(emulator.directMessages(bob).map((message) => message.content)).toContain('Stopped.');
    } finally {
      await restarted.destroy();
    }
  });
});

function describeClick(interaction: ButtonInteraction) {
  return {
    user: interaction.user.id,
    member: interaction.member,
    guildId: interaction.guildId,
    inGuild: interaction.inGuild(),
    context: interaction.context,
    channelId: interaction.channelId,
    channelType: interaction.channel?.type,
    messageId: interaction.message.id,
  };
}
