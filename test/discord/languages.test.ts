// The language files: each one says everything English says, and the list of languages alone decides which
// Discord locales get the commands localized and which language a member is answered in.
import { type APIApplicationCommandOption, Locale } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { commandLanguage, messagesFor, pickLocale, supportedLanguages } from '../../src/i18n/locale.js';

/** Every path to a string or function in a messages object, e.g. `admin.cronProblem.empty`. */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key));
}

interface Localized {
  name: string;
  description?: string;
  name_localizations?: Record<string, string | null> | null;
  description_localizations?: Record<string, string | null> | null;
  options?: readonly Localized[];
  choices?: readonly { name: string; name_localizations?: Record<string, string | null> | null }[];
}

/** The commands, their subcommands and options, and the choices of those: everything Discord shows by name. */
function everythingNamed(items: readonly Localized[]): { name: string; localizations: Record<string, string | null>[] }[] {
  return items.flatMap((item) => [
    {
      name: item.name,
      localizations: [item.name_localizations ?? {}, ...(item.description !== undefined ? [item.description_localizations ?? {}] : [])],
    },
    ...(item.choices ?? []).map((choice) => ({ name: choice.name, localizations: [choice.name_localizations ?? {}] })),
    ...everythingNamed(item.options ?? []),
  ]);
}

describe('the languages the bot speaks', () => {
  const localized = supportedLanguages.filter((language) => language !== commandLanguage);
  const localizedLocales = localized.flatMap((language) => messagesFor(language).discordLocales);

  it('each language file says everything the English one says, and nothing it does not', () => {
    const english = leafPaths(messagesFor('en')).sort();

    for (const language of supportedLanguages) expect(leafPaths(messagesFor(language)).sort(), language).toEqual(english);
    expect(english.length).toBeGreaterThan(150);
  });

  it('names only locales Discord knows', () => {
    const known = new Set<string>(Object.values(Locale));

    for (const language of supportedLanguages) {
      for (const locale of messagesFor(language).discordLocales) expect(known.has(locale), `${language}: ${locale}`).toBe(true);
    }
  });

  it('localizes every command, subcommand, option and choice into exactly the locales of the other languages', () => {
    const named = everythingNamed(commands.map((command) => command.data.toJSON() as Localized & { options?: APIApplicationCommandOption[] }));

    expect(localizedLocales).toEqual(['ko']);
    expect(named.length).toBeGreaterThan(20);
    for (const { name, localizations } of named) {
      for (const map of localizations) expect(Object.keys(map).sort(), name).toEqual([...localizedLocales].sort());
    }
  });

  it('answers each member in the language listing their Discord locale, by its language part, else in English', () => {
    expect(pickLocale('ko')).toBe('ko');
    expect(pickLocale('en-US')).toBe('en');
    expect(pickLocale('en-GB')).toBe('en');
    expect(pickLocale('fr')).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
  });
});
