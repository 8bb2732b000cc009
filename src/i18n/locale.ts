import { en } from './en.js';
import { ko } from './ko.js';
import type { Messages } from './messages.js';

/**
 * Every language the bot speaks, one file each. Adding a language is its file (a `Messages`, which the type
 * checker holds to the full interface) and one line here; replies, posts and the command picker's localizations
 * follow from this list. English comes first: it is the registered command names and the fallback.
 */
const languages = { en, ko } satisfies Record<string, Messages>;

/** The languages the bot answers in. */
export type Language = keyof typeof languages;

export const supportedLanguages = Object.keys(languages) as Language[];

/** The language whose messages name the slash commands themselves (the others become localizations). */
export const commandLanguage: Language = 'en';

export function messagesFor(language: Language): Messages {
  return languages[language];
}

/** `ko`, `en-US` → `ko`, `en`: the part Discord locales share across regions. */
function languagePart(locale: string): string {
  return locale.toLowerCase().split('-')[0] ?? '';
}

/**
 * `interaction.locale` (or `guildLocale`) → the language of the reply: the language listing that locale (by its
 * language part, so `en-GB` and `en-US` alike), else English.
 */
export function pickLocale(locale: string | null | undefined): Language {
  if (!locale) return commandLanguage;
  const wanted = languagePart(locale);
  return supportedLanguages.find((language) => languages[language].discordLocales.some((known) => languagePart(known) === wanted)) ?? commandLanguage;
}

/**
 * A command's or option's text in every language but the command language, keyed by each Discord locale that
 * language lists: what `setNameLocalizations` and `setDescriptionLocalizations` take.
 */
export function localizationsOf(pick: (text: Messages) => string): Record<string, string> {
  const localized: Record<string, string> = {};
  for (const language of supportedLanguages) {
    if (language === commandLanguage) continue;
    for (const locale of languages[language].discordLocales) localized[locale] = pick(languages[language]);
  }
  return localized;
}
