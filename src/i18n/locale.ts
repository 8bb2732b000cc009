/** The languages the bot answers in. Discord sends `ko` for Korean clients; everything else gets English. */
export type Language = 'ko' | 'en';

/** `interaction.locale` (or `guildLocale`) → the language of the reply. */
export function pickLocale(locale: string | null | undefined): Language {
  return locale?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
