import { DiscordAPIError, Routes } from 'discord.js';
import type { Client, TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator } from '../emulator/index.js';
import { nextInteraction, sampleCommands, startEmulatorSession, stopEmulatorSession } from './client-harness.js';

/** Raw REST, so discord.js' own builders cannot refuse the payload before Discord sees it. */
function postRaw(client: Client, channelId: string, body: unknown): Promise<unknown> {
  return client.rest.post(Routes.channelMessages(channelId), { body }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

function formErrors(error: unknown): unknown {
  expect(error).toBeInstanceOf(DiscordAPIError);
  expect((error as DiscordAPIError).code).toBe(50035);
  return ((error as DiscordAPIError).rawError as { errors?: unknown }).errors;
}

const button = (customId: string, label = 'Go') => ({ type: 2, style: 1, custom_id: customId, label });

describe('payload validation like Discord', () => {
  let emulator: DiscordEmulator;
  let client: Client;
  let generalId: string;

  beforeAll(async () => {
    ({ emulator, client } = await startEmulatorSession({ commands: sampleCommands }));
    generalId = emulator.channels.general.id;
  });

  afterAll(() => stopEmulatorSession({ emulator, client }));

  it('when an embed description is over 4096 characters, the post fails with 50035 naming the field', async () => {
    const channel = client.channels.cache.get(generalId) as TextChannel;
    const error = await channel.send({ embeds: [{ description: '가'.repeat(4097) }] }).catch((caught: unknown) => caught);

    expect(formErrors(error)).toEqual({
      embeds: { 0: { description: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 4096 or fewer in length.' }] } } },
    });
    expect((error as DiscordAPIError).message).toContain('embeds[0].description[BASE_TYPE_MAX_LENGTH]');
    expect(emulator.channelMessages(generalId)).toHaveLength(0);
  });

  it('when content is over 2000 characters, the post fails; exactly 2000 passes', async () => {
    expect(formErrors(await postRaw(client, generalId, { content: 'x'.repeat(2001) }))).toMatchObject({
      content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] },
    });
    expect(await postRaw(client, generalId, { content: 'x'.repeat(2000) })).toBeUndefined();
  });

  it('when embeds together exceed 6000 characters, each within its own limits, the post fails on the total', async () => {
    const embeds = [0, 1].map(() => ({ description: 'd'.repeat(4000) }));
    expect(formErrors(await postRaw(client, generalId, { embeds }))).toEqual({
      embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' }] },
    });
  });

  it('when embed title, fields, footer or author break their limits, every broken field is named', async () => {
    const embed = {
      title: 't'.repeat(257),
      fields: [...Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })), { name: 'n'.repeat(257), value: '' }],
      footer: { text: 'f'.repeat(2049) },
      author: { name: 'a'.repeat(257) },
    };
    const errors = formErrors(await postRaw(client, generalId, { embeds: [embed] })) as { embeds: Record<string, Record<string, unknown>> };
    expect(Object.keys(errors.embeds[0]!).sort()).toEqual(['author', 'fields', 'footer', 'title']);
    expect(errors.embeds[0]!.fields).toMatchObject({
      _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }],
      26: { name: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] }, value: { _errors: [{ code: 'BASE_TYPE_REQUIRED' }] } },
    });
  });

  it('when a row holds six buttons, a label is over 80, or custom ids repeat, the components are refused', async () => {
    const row = { type: 1, components: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => button(id)) };
    expect(formErrors(await postRaw(client, generalId, { components: [row] }))).toMatchObject({
      components: { 0: { components: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } },
    });
    const bad = { type: 1, components: [button('same', 'L'.repeat(81)), button('same'), button('x'.repeat(101))] };
    expect(formErrors(await postRaw(client, generalId, { components: [bad] }))).toMatchObject({
      components: {
        0: {
          components: {
            0: { label: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
            1: { custom_id: { _errors: [{ code: 'COMPONENT_CUSTOM_ID_DUPLICATED' }] } },
            2: { custom_id: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } },
          },
        },
      },
    });
    const sixRows = Array.from({ length: 6 }, (_, index) => ({ type: 1, components: [button(`row${index}`)] }));
    expect(formErrors(await postRaw(client, generalId, { components: sixRows }))).toMatchObject({
      components: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] },
    });
  });

  it('when a message has no content, embeds or components, Discord answers 50006', async () => {
    const error = await postRaw(client, generalId, { content: '' });
    expect(error).toMatchObject({ status: 400, code: 50006 });
  });

  it('when allowed_mentions parses users and also lists users, or names an unknown kind, it is refused', async () => {
    const conflict = await postRaw(client, generalId, { content: 'hi', allowed_mentions: { parse: ['users'], users: [emulator.admin.id] } });
    expect(formErrors(conflict)).toMatchObject({ allowed_mentions: { _errors: [{ code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE' }] } });
    const unknownKind = await postRaw(client, generalId, { content: 'hi', allowed_mentions: { parse: ['here'] } });
    expect(formErrors(unknownKind)).toMatchObject({ allowed_mentions: { parse: { 0: { _errors: [{ code: 'BASE_TYPE_CHOICES' }] } } } });
  });

  it('when a message is edited, only the sent fields change and mentions follow the new allowed_mentions', async () => {
    const channel = client.channels.cache.get(generalId) as TextChannel;
    const sent = await channel.send({ content: `hello <@${emulator.admin.id}>`, embeds: [{ title: 'Q1' }] });
    expect(emulator.message(sent.id)?.mentions.map((user) => user.id)).toEqual([emulator.admin.id]);

    await client.rest.patch(Routes.channelMessage(generalId, sent.id), {
      body: { content: `closed <@${emulator.admin.id}>`, allowed_mentions: { parse: [] } },
    });

    const edited = await emulator.waitForEdit(sent.id);
    expect(edited).toMatchObject({ content: `closed <@${emulator.admin.id}>`, embeds: [{ title: 'Q1' }], mentions: [] });
    expect(emulator.allowedMentionsOf(sent.id)).toEqual({ parse: [] });
  });

  it('when a file is attached, the multipart upload becomes an attachment of the message', async () => {
    const channel = client.channels.cache.get(generalId) as TextChannel;

    const sent = await channel.send({ content: 'notes', files: [{ attachment: Buffer.from('# 컨테이너\n'), name: 'notes.md' }] });

    expect(emulator.message(sent.id)?.attachments).toMatchObject([{ filename: 'notes.md', size: Buffer.byteLength('# 컨테이너\n') }]);
    expect(emulator.requests.at(-1)).toMatchObject({ body: { content: 'notes' }, files: [{ field: 'files[0]', filename: 'notes.md' }] });
  });

  it('when autocomplete offers 26 choices or a 101-character name, the callback fails with 50035 under data', async () => {
    const outcome = nextInteraction(client, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
      const choices = Array.from({ length: 26 }, (_, index) => ({ name: index === 0 ? 'n'.repeat(101) : `c${index}`, value: `v${index}` }));
      return interaction.respond(choices).then(
        () => undefined,
        (error: unknown) => error,
      );
    });

    const handle = emulator.autocomplete('explain', { concept: 'c' }, 'concept', emulator.members[0]!);

    expect(formErrors(await outcome)).toMatchObject({
      data: { choices: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }], 0: { name: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } } },
    });
    expect(handle.acknowledged).toBe(false);
  });

  it('when an interaction reply carries an oversized embed, the reply fails and a corrected reply still counts', async () => {
    const outcome = nextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      const first = await interaction.reply({ embeds: [{ title: 'T'.repeat(300) }] }).then(
        () => undefined,
        (error: unknown) => error,
      );
      await interaction.reply({ embeds: [{ title: 'T' }] });
      return first;
    });

    const handle = emulator.slash('ping', {}, emulator.members[0]!);

    expect(formErrors(await outcome)).toMatchObject({ data: { embeds: { 0: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } } });
    expect(await handle.response()).toMatchObject({ data: { embeds: [{ title: 'T' }] } });
  });
});
