import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { describeChoice, describeCommand } from '../src/discord/command-text.js';
import type { Command } from '../src/discord/command.js';
import { buildLeaderboardView } from '../src/discord/leaderboard-view.js';
import { languageOf } from '../src/discord/member-language.js';
import { requireGuildId } from '../src/discord/quiz-interaction-kit.js';
import type { LeaderboardPeriod } from '../src/quiz/types.js';

const periods: readonly LeaderboardPeriod[] = ['week', 'month', 'all'];
const defaultPeriod: LeaderboardPeriod = 'week';

const data = describeCommand(new SlashCommandBuilder(), (text) => text.commands.leaderboard)
  .setContexts(InteractionContextType.Guild)
  .addStringOption((option) =>
    describeCommand(option, (text) => text.commands.leaderboard.period).addChoices(
      ...periods.map((period) => describeChoice(period, (text) => text.commands.leaderboard.periods[period])),
    ),
  );

function isPeriod(value: string | null): value is LeaderboardPeriod {
  return value !== null && (periods as readonly string[]).includes(value);
}

export default {
  data,

  async execute(interaction, context) {
    const language = languageOf(interaction);
    const guildId = requireGuildId(interaction, language);
    const chosen = interaction.options.getString('period');
    const period = isPeriod(chosen) ? chosen : defaultPeriod;
    const { leaderboard, timezone } = await context.scores.leaderboard(guildId, period, interaction.user.id);
    await interaction.reply(buildLeaderboardView({ leaderboard, timezone, callerId: interaction.user.id, language }));
  },
} satisfies Command;
