import { type APIActionRowComponent, type APIButtonComponent, type APIEmbed, ComponentType, type MessageMentionOptions } from 'discord.js';
import { discordLimits, noMentions } from './discord-limits.js';

/** A message the bot sends or edits, as plain API objects so tests can read exactly what goes out. */
export interface MessageView {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: MessageMentionOptions;
}

export function createMessageView(parts: Partial<Omit<MessageView, 'allowedMentions'>>): MessageView {
  return { embeds: [], components: [], ...parts, allowedMentions: noMentions };
}

/** Buttons into rows of five; what does not fit into five rows is dropped rather than rejected by Discord. */
export function arrangeButtons(buttons: readonly APIButtonComponent[]): APIActionRowComponent<APIButtonComponent>[] {
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  const usable = buttons.slice(0, discordLimits.buttonsPerRow * discordLimits.rowsPerMessage);
  for (let start = 0; start < usable.length; start += discordLimits.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: usable.slice(start, start + discordLimits.buttonsPerRow) });
  }
  return rows;
}

/** The characters Discord counts toward the 6000 limit shared by every embed of a message. */
export function measureEmbeds(embeds: readonly APIEmbed[]): number {
  let total = 0;
  for (const embed of embeds) {
    total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
    total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
    for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  }
  return total;
}
