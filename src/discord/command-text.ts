// The words of the command picker: every slash command, subcommand and option is named and described from the
// language files, so a new language localizes the commands by its file alone.
import type { SharedNameAndDescription } from 'discord.js';
import { commandLanguage, localizationsOf, messagesFor } from '../i18n/locale.js';
import type { CommandText, Messages } from '../i18n/messages.js';

/** Name and describe a command, subcommand or option in the command language, localized into every other one. */
export function describeCommand<T extends SharedNameAndDescription>(builder: T, pick: (text: Messages) => CommandText): T {
  const text = pick(messagesFor(commandLanguage));
  return builder
    .setName(text.name)
    .setNameLocalizations(localizationsOf((other) => pick(other).name))
    .setDescription(text.description)
    .setDescriptionLocalizations(localizationsOf((other) => pick(other).description));
}

/** A choice of a string option, its label localized like the command's words. */
export function describeChoice<V extends string>(
  value: V,
  pick: (text: Messages) => string,
): { name: string; name_localizations: Record<string, string>; value: V } {
  return { name: pick(messagesFor(commandLanguage)), name_localizations: localizationsOf(pick), value };
}
