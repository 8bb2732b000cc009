import type { MessageMentionOptions } from 'discord.js';

/** Discord rejects a whole message when one of these is exceeded, so views stay inside them. */
export const discordLimits = {
  embedTitle: 256,
  embedDescription: 4096,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFields: 25,
  embedFooter: 2048,
  /** Title + description + field names and values + footer + author, summed over every embed of a message. */
  embedTotal: 6000,
  embedsPerMessage: 10,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  buttonLabel: 80,
  customId: 100,
  choiceName: 100,
  choiceValue: 100,
  autocompleteChoices: 25,
  content: 2000,
} as const;

/** Every reply carries this: user text may contain `@everyone` or `<@id>`, and nothing the bot says should ping. */
export const noMentions: MessageMentionOptions = { parse: [] };
