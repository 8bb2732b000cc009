import { type ChatInputCommandInteraction, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { describeCommand } from '../src/discord/command-text.js';
import { buildConceptView, buildGuessView, buildNotFoundView } from '../src/discord/concept-view.js';
import { type BotContext, type Command, UserFacingError } from '../src/discord/command.js';
import { discordLimits } from '../src/discord/discord-limits.js';
import { truncateText } from '../src/discord/discord-text.js';
import { languageOf } from '../src/discord/member-language.js';
import type { MessageView } from '../src/discord/message-view.js';
import { type Language, messagesFor } from '../src/i18n/locale.js';
import { explainConcept } from '../src/search/explain-concept.js';
import { formatConceptLabel } from '../src/search/format-concept-name.js';

/** Longer input is no name anyone means; cutting it keeps search time bounded. */
const maxQueryLength = 200;

const data = describeCommand(new SlashCommandBuilder(), (text) => text.commands.explain).addStringOption((option) =>
  describeCommand(option, (text) => text.commands.explain.concept)
    .setRequired(true)
    .setAutocomplete(true)
    .setMaxLength(100),
);

interface Explanation {
  view: MessageView;
  /** Answers are shared with the channel; "did you mean" and "not found" only concern the asker. */
  ephemeral: boolean;
}

function explainQuery(query: string, context: BotContext, language: Language): Explanation {
  // A value picked from autocomplete is a concept id: take it as is instead of searching again.
  const picked = context.kb.getConcept(query.trim());
  if (picked) return { view: buildConceptView(picked, context.kb, language), ephemeral: false };

  const outcome = explainConcept(context.index, query.slice(0, maxQueryLength));
  switch (outcome.kind) {
    case 'found':
      return { view: buildConceptView(outcome.hit.concept, context.kb, language), ephemeral: false };
    case 'guess':
      return {
        view: buildGuessView(
          outcome.candidates.map((hit) => hit.concept),
          query,
          language,
        ),
        ephemeral: true,
      };
    case 'none':
      return { view: buildNotFoundView(query, context.kb.concepts.length, language), ephemeral: true };
  }
}

async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const language = languageOf(interaction);
  const { view, ephemeral } = explainQuery(interaction.options.getString('concept', true), context, language);
  await interaction.reply(ephemeral ? { ...view, flags: MessageFlags.Ephemeral } : view);
}

export default {
  data,
  execute,

  // Discord drops an autocomplete answer after 3 s: search is synchronous and the reply the only await.
  async autocomplete(interaction, context) {
    const typed = String(interaction.options.getFocused()).slice(0, discordLimits.choiceValue);
    const hits = context.index.autocomplete(typed, discordLimits.autocompleteChoices);
    const choices = hits
      .filter((hit) => hit.concept.id.length <= discordLimits.choiceValue)
      .map((hit) => ({ name: truncateText(formatConceptLabel(hit.concept), discordLimits.choiceName), value: hit.concept.id }));
    await interaction.respond(choices);
  },

  /** `explain:<conceptId>` from related, "did you mean" and list buttons: the concept, for the clicker only. */
  async button(interaction, args, context) {
    const language = languageOf(interaction);
    const concept = context.kb.getConcept(args.join(':'));
    if (!concept) throw new UserFacingError(messagesFor(language).explain.conceptGone);
    await interaction.reply({ ...buildConceptView(concept, context.kb, language), flags: MessageFlags.Ephemeral });
  },
} satisfies Command;
