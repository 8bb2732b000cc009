import type { Interaction } from 'discord.js';
import { type Language, pickLocale } from '../i18n/locale.js';

/**
 * The language of a reply to a member: their Discord client's language (`interaction.locale`). The one way every
 * command, button and the error boundary pick it, so one member never gets one reply in Korean and the next in
 * English. Posts in a channel follow the channel's language instead (see `DiscordQuizGateway`).
 */
export function languageOf(interaction: Pick<Interaction, 'locale'>): Language {
  return pickLocale(interaction.locale);
}
