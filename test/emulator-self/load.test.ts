import { ActionRowBuilder, ButtonBuilder, ButtonStyle, Events, InteractionResponseType } from 'discord.js';
import type { Client, Interaction, TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator } from '../emulator/index.js';
import { startEmulatorSession, stopEmulatorSession } from './client-harness.js';

describe('many members at once', () => {
  let emulator: DiscordEmulator;
  let client: Client;

  beforeAll(async () => {
    ({ emulator, client } = await startEmulatorSession());
  });

  afterAll(() => stopEmulatorSession({ emulator, client }));

  it('when 200 members click the same button together, each click is delivered once and acknowledged', async () => {
    const crowd = Array.from({ length: 200 }, (_, index) => emulator.addMember(`Learner${index}`));
    const general = client.channels.cache.get(emulator.channels.general.id) as TextChannel;
    const question = await general.send({
      content: 'Which one is a container runtime?',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('quiz:answer:q9:2').setLabel('containerd').setStyle(ButtonStyle.Primary),
        ),
      ],
    });
    const clickers = new Set<string>();
    const onClick = (interaction: Interaction) => {
      if (!interaction.isButton()) return;
      clickers.add(interaction.user.id);
      void interaction.reply({ content: 'Answer recorded', flags: 64 });
    };
    client.on(Events.InteractionCreate, onClick);

    try {
      const handles = crowd.map((member) => emulator.click(question.id, 'quiz:answer:q9:2', member));
      const responses = await Promise.all(handles.map((handle) => handle.response()));

      expect(
        responses.every(
          (response) => response.type === InteractionResponseType.ChannelMessageWithSource && response.data.content === 'Answer recorded',
        ),
      ).toBe(true);
      expect(clickers.size).toBe(200);
      expect(handles.every((handle) => handle.ackMs !== undefined && handle.ephemeral)).toBe(true);
      expect(emulator.channelMessages(emulator.channels.general)).toHaveLength(1);
    } finally {
      client.off(Events.InteractionCreate, onClick);
    }
  });
});
