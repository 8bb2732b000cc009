import { ActionRowBuilder, ButtonBuilder, ButtonStyle, DiscordAPIError, MessageFlags, PermissionFlagsBits, Routes } from 'discord.js';
import type { Client, TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordEmulator } from '../emulator/index.js';
import type { DiscordEmulator } from '../emulator/index.js';
import {
  connectClient,
  makePng,
  nextInteraction,
  pngSignature,
  sampleCommands,
  startEmulatorSession,
  stopEmulatorSession,
} from './client-harness.js';

async function fetchBytes(url: string): Promise<{ bytes: Buffer; contentType: string | null; status: number }> {
  const response = await fetch(url);
  return { bytes: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type'), status: response.status };
}

describe('attachments through the emulator', () => {
  let emulator: DiscordEmulator;
  let client: Client;
  let docker: TextChannel;

  beforeAll(async () => {
    ({ emulator, client } = await startEmulatorSession({ commands: sampleCommands }));
    docker = (await client.channels.fetch(emulator.channels.docker.id)) as TextChannel;
  });

  afterAll(() => stopEmulatorSession({ emulator, client }));

  it('a channel post with a PNG keeps its name, type, size and bytes, and its url serves the PNG back', async () => {
    const png = makePng(64, 32);

    const sent = await docker.send({
      content: 'Weekly report',
      files: [{ attachment: png, name: 'report.png', description: 'Accuracy per concept' }],
    });
    const [attachment] = emulator.message(sent.id)?.attachments ?? [];
    const served = await fetchBytes(attachment!.url);
    const proxied = await fetchBytes(attachment!.proxy_url);

    expect(attachment).toMatchObject({
      filename: 'report.png',
      content_type: 'image/png',
      size: png.length,
      width: 64,
      height: 32,
      description: 'Accuracy per concept',
    });
    expect(sent.attachments.first()).toMatchObject({ name: 'report.png', size: png.length, contentType: 'image/png', width: 64 });
    expect(served).toMatchObject({ status: 200, contentType: 'image/png' });
    expect(served.bytes.subarray(0, 8)).toEqual(pngSignature);
    expect(served.bytes.equals(png)).toBe(true);
    expect(proxied.bytes.equals(png)).toBe(true);
    expect(emulator.attachmentBytes(attachment!)?.equals(png)).toBe(true);
  });

  it('an unknown attachment url is 404', async () => {
    expect((await fetch(`${emulator.apiUrl.replace(/\/api$/, '')}/attachments/1/2/none.png`)).status).toBe(404);
  });

  it('an interaction reply and a follow-up carry their files', async () => {
    const handled = nextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.reply({ content: 'Your chart', files: [{ attachment: makePng(8, 8), name: 'me.png' }], flags: MessageFlags.Ephemeral });
      await interaction.followUp({
        files: [{ attachment: Buffer.from('concept,recall\n컨테이너,0.8\n'), name: 'recall.csv' }],
        flags: MessageFlags.Ephemeral,
      });
    });

    const handle = emulator.slash('/ping', {}, emulator.member('minji'));
    await handled;
    const [followUp] = await handle.followUps({ count: 1 });

    expect(handle.original()?.attachments).toMatchObject([{ filename: 'me.png', content_type: 'image/png', width: 8, height: 8 }]);
    expect(emulator.attachmentBytes(handle.original()!.attachments[0]!)?.subarray(0, 8)).toEqual(pngSignature);
    expect(followUp?.attachments).toMatchObject([{ filename: 'recall.csv' }]);
    expect((await fetchBytes(followUp!.attachments[0]!.url)).bytes.toString('utf8')).toContain('컨테이너,0.8');
  });

  it('a deferred reply filled by editReply with a file gets the attachment', async () => {
    const handled = nextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.deferReply();
      await interaction.editReply({ content: 'Rendered', files: [{ attachment: makePng(3, 3), name: 'report.png' }] });
    });

    const handle = emulator.slash('/ping', {}, emulator.member('alice'));
    await handled;

    expect((await handle.waitForOriginal()).attachments).toMatchObject([{ filename: 'report.png', width: 3 }]);
  });

  it('an edit with new files and attachments: [] replaces the attachments; listing a kept one keeps it', async () => {
    const sent = await docker.send({ files: [{ attachment: makePng(1, 1), name: 'old.png' }] });
    const oldId = sent.attachments.first()!.id;

    const replaced = await sent.edit({ files: [{ attachment: makePng(2, 2), name: 'new.png' }], attachments: [] });
    expect(emulator.message(sent.id)?.attachments.map((attachment) => attachment.filename)).toEqual(['new.png']);
    expect(emulator.message(sent.id)?.attachments.some((attachment) => attachment.id === oldId)).toBe(false);

    const kept = replaced.attachments.first()!;
    await replaced.edit({ files: [{ attachment: makePng(5, 5), name: 'extra.png' }], attachments: [kept] });
    expect(emulator.message(sent.id)?.attachments.map((attachment) => attachment.filename)).toEqual(['new.png', 'extra.png']);
  });

  it('an interaction update can replace the attachments of the clicked message', async () => {
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('chart:next').setLabel('Next week').setStyle(ButtonStyle.Primary),
    );
    const post = await docker.send({ files: [{ attachment: makePng(1, 1), name: 'week1.png' }], components: [row] });
    const handled = nextInteraction(client, async (interaction) => {
      if (!interaction.isButton()) throw new Error('expected a button');
      await interaction.update({ files: [{ attachment: makePng(2, 1), name: 'week2.png' }], attachments: [] });
    });

    emulator.click(post.id, 'chart:next', emulator.member('bob'));
    await handled;

    expect(emulator.message(post.id)?.attachments).toMatchObject([{ filename: 'week2.png', width: 2, height: 1 }]);
  });

  it('an attachments entry whose id names no files[n] of the request is 50035 ATTACHMENT_NOT_FOUND, and nothing is posted', async () => {
    const before = emulator.channelMessages(emulator.channels.docker).length;

    const error = await client.rest
      .post(Routes.channelMessages(emulator.channels.docker.id), {
        body: { content: 'chart', attachments: [{ id: '0' }, { id: '1' }] },
        files: [{ name: 'a.png', data: makePng(1, 1) }],
      })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 400, code: 50035 });
    expect((error as DiscordAPIError).rawError).toMatchObject({ errors: { attachments: { 1: { _errors: [{ code: 'ATTACHMENT_NOT_FOUND' }] } } } });
    expect(emulator.channelMessages(emulator.channels.docker)).toHaveLength(before);
  });

  it('an upload not listed in attachments is not attached (Discord attaches exactly the listed ones)', async () => {
    const created = (await client.rest.post(Routes.channelMessages(emulator.channels.docker.id), {
      body: { content: 'one of two', attachments: [{ id: '1', description: 'the second' }] },
      files: [
        { name: 'first.png', data: makePng(1, 1) },
        { name: 'second.png', data: makePng(2, 2) },
      ],
    })) as { attachments: { filename: string; description?: string }[] };

    expect(created.attachments).toMatchObject([{ filename: 'second.png', description: 'the second' }]);
  });

  it('more than 10 attachments on one message is 50035', async () => {
    const files = Array.from({ length: 11 }, (_, index) => ({ attachment: makePng(1, 1), name: `chart-${index}.png` }));

    const error = await docker.send({ files }).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ status: 400, code: 50035 });
    expect((error as DiscordAPIError).rawError).toMatchObject({ errors: { attachments: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } });
  });

  it('files over the upload limit are refused with 413 40005 "Request entity too large"', async () => {
    const small = await startDiscordEmulator({ attachmentSizeLimit: 1024 });
    const smallClient = await connectClient(small);
    try {
      const channel = (await smallClient.channels.fetch(small.channels.general.id)) as TextChannel;
      // Two files under the limit each, over it together: the limit is the request's.
      const files = [
        { attachment: Buffer.alloc(600, 1), name: 'a.bin' },
        { attachment: Buffer.alloc(600, 2), name: 'b.bin' },
      ];

      const error = await channel.send({ files }).catch((caught: unknown) => caught);
      await channel.send({ files: [files[0]!] });

      expect(error).toBeInstanceOf(DiscordAPIError);
      expect(error).toMatchObject({ status: 413, code: 40005, message: 'Request entity too large' });
      expect(small.channelMessages(small.channels.general).map((message) => message.attachments.map((attachment) => attachment.filename))).toEqual([
        ['a.bin'],
      ]);
      expect(small.internalErrors).toEqual([]);
    } finally {
      await smallClient.destroy();
      await small.close();
    }
  });

  it('the bot needs Attach Files to post a file in a guild channel (403 50013)', async () => {
    const noFiles = emulator.addChannel('no-files', { botDeny: PermissionFlagsBits.AttachFiles });
    const channel = (await client.channels.fetch(noFiles.id)) as TextChannel;

    const error = await channel.send({ files: [{ attachment: makePng(1, 1), name: 'x.png' }] }).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ status: 403, code: 50013 });
    expect(emulator.internalErrors).toEqual([]);
  });
});
