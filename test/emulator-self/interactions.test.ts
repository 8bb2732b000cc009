import { ActionRowBuilder, ButtonBuilder, ButtonStyle, DiscordAPIError, InteractionResponseType, MessageFlags, Routes } from 'discord.js';
import type { ChatInputCommandInteraction, Client, Interaction, TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordEmulator } from '../emulator/index.js';
import type { DiscordEmulator } from '../emulator/index.js';
import { connectClient, nextInteraction, sampleCommands, sleep, startEmulatorSession, stopEmulatorSession } from './client-harness.js';

const lateReplyTimeoutMs = 300;

function asChatInput(interaction: Interaction): ChatInputCommandInteraction {
  if (!interaction.isChatInputCommand()) throw new Error(`expected a slash command, got type ${interaction.type}`);
  return interaction;
}

describe('interactions through the emulator', () => {
  let emulator: DiscordEmulator;
  let client: Client;

  beforeAll(async () => {
    // Discord's own 3 s window: a shorter one shared by every test here would fail them on a busy machine.
    ({ emulator, client } = await startEmulatorSession({ commands: sampleCommands }));
  });

  afterAll(() => stopEmulatorSession({ emulator, client }));

  it('when a member runs /ping and the handler replies, the handle resolves to the callback body', async () => {
    const [alice] = emulator.members;
    const seen = nextInteraction(client, async (interaction) => {
      const command = asChatInput(interaction);
      await command.reply({ content: 'pong', allowedMentions: { parse: [] } });
      return { user: command.user.id, channel: command.channelId, locale: command.locale, guildLocale: command.guildLocale };
    });

    const handle = emulator.slash('/ping', {}, alice!);
    const response = await handle.response();

    expect(response).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'pong' } });
    expect(await seen).toEqual({ user: alice!.id, channel: emulator.channels.general.id, locale: 'en-US', guildLocale: 'en-US' });
    expect(handle.ackMs).toBeGreaterThanOrEqual(0);
    expect(handle.original()?.content).toBe('pong');
    expect(emulator.allowedMentionsOf(handle.original()!)).toEqual({ parse: [] });
    expect(emulator.channelMessages(emulator.channels.general).map((message) => message.content)).toContain('pong');
  });

  it('when a handler acknowledges twice, Discord refuses the second with 40060', async () => {
    const outcome = nextInteraction(client, async (interaction) => {
      await asChatInput(interaction).reply('first');
      return client.rest
        .post(Routes.interactionCallback(interaction.id, interaction.token), { body: { type: 4, data: { content: 'second' } }, auth: false })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
    });

    const handle = emulator.slash('/ping', {}, emulator.members[1]!);
    const error = await outcome;

    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 400, code: 40060 });
    expect(await handle.response()).toMatchObject({ data: { content: 'first' } });
    expect(handle.callbacks.map((attempt) => attempt.status)).toEqual([204, 400]);
  });

  it('when a callback names an interaction that does not exist, Discord answers 10062', async () => {
    const error = await client.rest
      .post(Routes.interactionCallback('123456789012345678', 'no-such-token'), { body: { type: 4, data: { content: 'hi' } }, auth: false })
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ status: 404, code: 10062, message: 'Unknown interaction' });
  });

  it('when the first reply comes after the interaction window, it fails with 10062 and the handle rejects', async () => {
    const strict = await startDiscordEmulator({ interactionTimeoutMs: lateReplyTimeoutMs });
    const strictClient = await connectClient(strict);
    try {
      await strictClient.application!.commands.set(sampleCommands);
      const outcome = nextInteraction(strictClient, async (interaction) => {
        await sleep(lateReplyTimeoutMs + 150);
        return asChatInput(interaction)
          .reply('too late')
          .then(
            () => undefined,
            (error: unknown) => error,
          );
      });

      const handle = strict.slash('/ping', {}, strict.members[0]!);
      const response = handle.response();

      await expect(response).rejects.toThrow(/Timed out .* waiting for a response to interaction \/ping/);
      expect(await outcome).toMatchObject({ status: 404, code: 10062 });
      expect(handle.acknowledged).toBe(false);
      expect(handle.callbacks).toMatchObject([{ status: 404, code: 10062 }]);
    } finally {
      await strictClient.destroy();
      await strict.close();
    }
  });

  it('when a handler defers, then edits, the original shows the edit and follow-ups are listed', async () => {
    const done = nextInteraction(client, async (interaction) => {
      const command = asChatInput(interaction);
      await command.deferReply({ flags: MessageFlags.Ephemeral });
      await command.editReply({ content: `concept: ${command.options.getString('concept', true)}` });
      await command.followUp({ content: 'see also: image' });
    });

    const handle = emulator.slash('explain', { concept: 'container' }, emulator.members[0]!);

    expect((await handle.response()).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const original = await handle.waitForOriginal((message) => message.content.startsWith('concept'));
    expect(original.content).toBe('concept: container');
    expect(handle.ephemeral).toBe(true);
    expect((await handle.followUps()).map((message) => message.content)).toEqual(['see also: image']);
    await done;
    expect(emulator.channelMessages(emulator.channels.general).some((message) => message.content === 'concept: container')).toBe(false);
  });

  it('when a handler replies with withResponse, it gets the created message, and fetchReply reads the same', async () => {
    const done = nextInteraction(client, async (interaction) => {
      const command = asChatInput(interaction);
      const callback = await command.reply({ content: 'answer', withResponse: true });
      const fetched = await command.fetchReply();
      return { created: callback.resource?.message?.id, fetched: fetched.id };
    });

    const handle = emulator.slash('ping', {}, emulator.members[3]!);
    const { created, fetched } = await done;

    expect(created).toBe(handle.original()?.id);
    expect(fetched).toBe(created);
  });

  it('when a handler defers and then follows up, the follow-up fills the thinking message instead of adding one', async () => {
    const done = nextInteraction(client, async (interaction) => {
      const command = asChatInput(interaction);
      await command.deferReply();
      const followUp = await command.followUp({ content: 'done thinking', flags: MessageFlags.Ephemeral });
      return followUp.id;
    });

    const handle = emulator.slash('ping', {}, emulator.members[0]!);
    const followUpId = await done;

    expect(followUpId).toBe(handle.original()?.id);
    expect(handle.original()).toMatchObject({ content: 'done thinking', flags: 0 });
    expect(await handle.followUps({ count: 0 })).toEqual([]);
  });

  it('when a button handler defers the update and edits the reply, the clicked message changes', async () => {
    const general = client.channels.cache.get(emulator.channels.general.id) as TextChannel;
    const posted = await general.send({
      content: 'Question 2',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('quiz:answer:q2:1').setLabel('B').setStyle(ButtonStyle.Secondary),
        ),
      ],
    });
    const done = nextInteraction(client, async (interaction) => {
      if (!interaction.isButton()) throw new Error('expected a button');
      await interaction.deferUpdate();
      await interaction.editReply({ content: 'Question 2: 1 answer' });
    });

    const handle = emulator.click(posted.id, 'quiz:answer:q2:1', emulator.members[2]!);
    await done;

    expect((await handle.response()).type).toBe(InteractionResponseType.DeferredMessageUpdate);
    expect(handle.original()?.id).toBe(posted.id);
    expect(emulator.message(posted.id)?.content).toBe('Question 2: 1 answer');
  });

  it('when a member picks from a select menu, the bot gets the values; values it does not offer throw', async () => {
    const general = client.channels.cache.get(emulator.channels.general.id) as TextChannel;
    const posted = await general.send({
      content: 'Pick notes',
      components: [
        {
          type: 1,
          components: [
            {
              type: 3,
              custom_id: 'concepts:pick',
              options: [
                { label: 'Docker', value: 'docker' },
                { label: 'K8s', value: 'k8s' },
              ],
            },
          ],
        },
      ],
    });
    const picked = nextInteraction(client, async (interaction) => {
      if (!interaction.isStringSelectMenu()) throw new Error('expected a select menu');
      await interaction.deferUpdate();
      return interaction.values;
    });

    emulator.select(posted.id, 'concepts:pick', ['k8s'], emulator.members[0]!);

    expect(await picked).toEqual(['k8s']);
    expect(() => emulator.select(posted.id, 'concepts:pick', ['banana'], emulator.members[0]!)).toThrow(/offers no banana/);
  });

  it('when the interaction token has expired, editing the reply fails with 50027', async () => {
    const shortLived = await startDiscordEmulator({ interactionTokenLifetimeMs: 150 });
    const shortClient = await connectClient(shortLived);
    try {
      await shortClient.application!.commands.set(sampleCommands);
      const outcome = nextInteraction(shortClient, async (interaction) => {
        const command = asChatInput(interaction);
        await command.reply('soon stale');
        await sleep(250);
        return command.editReply('too late').then(
          () => undefined,
          (error: unknown) => error,
        );
      });

      shortLived.slash('ping', {}, shortLived.members[0]!);

      expect(await outcome).toMatchObject({ status: 401, code: 50027 });
      expect(shortClient.token).not.toBeNull();
    } finally {
      await shortClient.destroy();
      await shortLived.close();
    }
  });

  it('when a member types into an autocomplete option, the focused text reaches the bot and the choices come back', async () => {
    const typed = nextInteraction(client, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
      const focused = interaction.options.getFocused(true);
      await interaction.respond([{ name: '컨테이너 (Container)', value: 'container' }]);
      return focused;
    });

    const handle = emulator.autocomplete('/explain', { concept: '컨테' }, 'concept', emulator.member('minji'));

    expect(await handle.choices()).toEqual([{ name: '컨테이너 (Container)', value: 'container' }]);
    expect(await typed).toMatchObject({ name: 'concept', value: '컨테' });
    expect(handle.payload.locale).toBe('ko');
  });

  it('when a member clicks a button, the bot sees the message and an update edits it in place', async () => {
    const posted = await (client.channels.cache.get(emulator.channels.general.id) as TextChannel).send({
      content: 'Question 1',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('quiz:answer:q1:0').setLabel('A').setStyle(ButtonStyle.Primary),
        ),
      ],
    });
    const clicked = nextInteraction(client, async (interaction) => {
      if (!interaction.isButton()) throw new Error('expected a button');
      await interaction.update({ content: 'Question 1 (closed)', components: [] });
      return { customId: interaction.customId, messageId: interaction.message.id };
    });

    const snapshot = emulator.message(posted.id)!;
    const handle = emulator.click(snapshot, 'quiz:answer:q1:0', emulator.members[1]!);

    expect((await handle.response()).type).toBe(InteractionResponseType.UpdateMessage);
    expect(await clicked).toEqual({ customId: 'quiz:answer:q1:0', messageId: posted.id });
    const edited = await emulator.waitForEdit(posted.id, (message) => message.components?.length === 0);
    expect(edited.content).toBe('Question 1 (closed)');
    expect(() => emulator.click(edited, 'quiz:answer:q1:0', emulator.members[1]!)).toThrow(/has no component/);
  });

  it('when a member passes a user and a channel, the bot gets them resolved', async () => {
    const seen = nextInteraction(client, async (interaction) => {
      const command = asChatInput(interaction);
      await command.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
      return { user: command.options.getUser('member', true).username, member: command.options.getMember('member') !== null };
    });

    await emulator.slash('profile', { member: emulator.member('bob') }, emulator.members[0]!).response();

    expect(await seen).toEqual({ user: 'bob', member: true });
  });

  it('when an admin runs a sub-command with a channel option, the bot sees the sub-command, the channel and its permissions', async () => {
    const seen = nextInteraction(client, async (interaction) => {
      const command = asChatInput(interaction);
      await command.reply({ content: 'scheduled', flags: MessageFlags.Ephemeral });
      return {
        subcommand: command.options.getSubcommand(),
        channel: command.options.getChannel('channel', true).id,
        count: command.options.getInteger('count'),
        manageGuild: command.memberPermissions?.has('ManageGuild'),
      };
    });

    await emulator.slash('/quiz-admin schedule', { channel: emulator.channels.docker, count: 3 }, emulator.admin).response();

    expect(await seen).toEqual({ subcommand: 'schedule', channel: emulator.channels.docker.id, count: 3, manageGuild: true });
  });

  it('when an ordinary member tries a command limited by default_member_permissions, Discord would not offer it', () => {
    expect(() => emulator.slash('/quiz-admin reveal', {}, emulator.members[0]!)).toThrow(/default_member_permissions/);
  });

  it('when a test passes an option the command does not have, or misses a required one, it throws before dispatch', () => {
    expect(() => emulator.slash('explain', { topic: 'x' }, emulator.admin)).toThrow(/has no option "topic"/);
    expect(() => emulator.slash('explain', {}, emulator.admin)).toThrow(/needs option "concept"/);
    expect(() => emulator.slash('/quiz-admin schedule', { channel: emulator.channels.docker, count: 11 }, emulator.admin)).toThrow(/above 10/);
    expect(() => emulator.slash('banana', {}, emulator.admin)).toThrow(/not registered/);
  });

  it('when content mentions @everyone under empty allowed mentions, nobody is pinged', async () => {
    const replied = nextInteraction(client, (interaction) =>
      asChatInput(interaction).reply({ content: `@everyone <@${emulator.members[0]!.id}>`, allowedMentions: { parse: [] } }),
    );

    const handle = emulator.slash('/ping', {}, emulator.members[0]!);
    await handle.response();
    await replied;

    expect(handle.original()).toMatchObject({ mention_everyone: false, mentions: [] });
    const request = emulator.requests.find((candidate) => candidate.path.startsWith(`/interactions/${handle.id}/`));
    expect(request?.body).toMatchObject({ data: { allowed_mentions: { parse: [] } } });
  });
});
