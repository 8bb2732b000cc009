// Checks of a built message view, shared by every test of a Discord view: what Discord would refuse with 50035
// is caught here, without sending anything.
import type { APIButtonComponentWithCustomId } from 'discord.js';
import { expect } from 'vitest';
import { discordLimits } from '../../src/discord/discord-limits.js';
import { measureEmbeds, type MessageView } from '../../src/discord/message-view.js';

export function buttonsOf(view: MessageView): APIButtonComponentWithCustomId[] {
  return view.components.flatMap((row) => row.components) as APIButtonComponentWithCustomId[];
}

/** Every limit Discord enforces on a message: a view that passes cannot be rejected with 50035. */
export function expectWithinDiscordLimits(view: MessageView): void {
  expect(view.allowedMentions).toEqual({ parse: [] });
  expect(view.content?.length ?? 0).toBeLessThanOrEqual(discordLimits.content);
  expect(view.embeds.length).toBeLessThanOrEqual(discordLimits.embedsPerMessage);
  expect(measureEmbeds(view.embeds)).toBeLessThanOrEqual(discordLimits.embedTotal);
  for (const embed of view.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(discordLimits.embedTitle);
    expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(256);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(discordLimits.embedDescription);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(discordLimits.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(discordLimits.embedFieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(discordLimits.embedFieldValue);
    }
  }
  expect(view.components.length).toBeLessThanOrEqual(discordLimits.rowsPerMessage);
  const customIds = new Set<string>();
  for (const row of view.components) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(discordLimits.buttonsPerRow);
  }
  for (const button of buttonsOf(view)) {
    expect(button.label?.length ?? 0).toBeGreaterThan(0);
    expect(button.label?.length ?? 0).toBeLessThanOrEqual(discordLimits.buttonLabel);
    expect(button.custom_id.length).toBeLessThanOrEqual(discordLimits.customId);
    expect(customIds.has(button.custom_id)).toBe(false);
    customIds.add(button.custom_id);
  }
}
