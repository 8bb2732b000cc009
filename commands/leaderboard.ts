import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { buildLeaderboardView } from '../src/discord/leaderboard-view.js';
import { languageOf } from '../src/discord/member-language.js';
import { requireGuildId } from '../src/discord/quiz-interaction-kit.js';
import type { LeaderboardPeriod } from '../src/quiz/types.js';

const periods: readonly LeaderboardPeriod[] = ['week', 'month', 'all'];
const defaultPeriod: LeaderboardPeriod = 'week';

const data = new SlashCommandBuilder()
  .setName('leaderboard')
  .setNameLocalizations({ ko: '순위표' })
  .setDescription('Quiz leaderboard: points, accuracy and streaks')
  .setDescriptionLocalizations({ ko: '퀴즈 순위표: 점수, 정답률, 연속 정답' })
  .setContexts(InteractionContextType.Guild)
  .addStringOption((option) =>
    option
      .setName('period')
      .setNameLocalizations({ ko: '기간' })
      .setDescription('Which answers count (default: this week)')
      .setDescriptionLocalizations({ ko: '어느 기간의 답을 셀지 (기본: 이번 주)' })
      .addChoices(
        { name: 'This week', name_localizations: { ko: '이번 주' }, value: 'week' },
        { name: 'This month', name_localizations: { ko: '이번 달' }, value: 'month' },
        { name: 'All time', name_localizations: { ko: '전체 기간' }, value: 'all' },
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
    const { leaderboard, timezone } = context.scores.leaderboard(guildId, period, interaction.user.id);
    await interaction.reply(buildLeaderboardView({ leaderboard, timezone, callerId: interaction.user.id, language }));
  },
} satisfies Command;
