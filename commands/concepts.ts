import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { describeCommand } from '../src/discord/command-text.js';
import { type Command, UserFacingError } from '../src/discord/command.js';
import { allNotesKey, buildConceptListView } from '../src/discord/concept-list-view.js';
import { quoteUserInput } from '../src/discord/discord-text.js';
import { languageOf } from '../src/discord/member-language.js';
import { respondWithNotes } from '../src/discord/quiz-interaction-kit.js';
import { messagesFor } from '../src/i18n/locale.js';
import { findDocument } from '../src/kb/find-document.js';

const data = describeCommand(new SlashCommandBuilder(), (text) => text.commands.concepts).addStringOption((option) =>
  describeCommand(option, (text) => text.commands.concepts.note)
    .setAutocomplete(true)
    .setMaxLength(100),
);

export default {
  data,

  async execute(interaction, context) {
    const language = languageOf(interaction);
    const typed = interaction.options.getString('note');
    let noteId: string | null = null;
    if (typed !== null) {
      const document = findDocument(context.kb, typed);
      if (!document) throw new UserFacingError(messagesFor(language).concepts.unknownNote(quoteUserInput(typed)));
      noteId = document.id;
    }
    await interaction.reply({ ...buildConceptListView(context.kb, { noteId, page: 0 }, language), flags: MessageFlags.Ephemeral });
  },

  async autocomplete(interaction, context) {
    await respondWithNotes(interaction, context.kb);
  },

  /** `concepts:<noteId|*>:<page>`: turn the page in place. A note gone since the list was sent falls back to every note. */
  async button(interaction, args, context) {
    const language = languageOf(interaction);
    const page = Number(args.at(-1));
    const noteKey = args.slice(0, -1).join(':');
    const noteId = noteKey !== allNotesKey && context.kb.getDocument(noteKey) ? noteKey : null;
    await interaction.update(buildConceptListView(context.kb, { noteId, page: Number.isInteger(page) ? page : 0 }, language));
  },
} satisfies Command;
