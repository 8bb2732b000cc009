import { type ButtonInteraction, type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { messagesFor } from '../i18n/locale.js';
import type { BotContext } from './command.js';
import { noMentions } from './discord-limits.js';
import { languageOf } from './member-language.js';

/**
 * After a member's command or click was answered: when closed DMs switched their reminders off since they last
 * used the bot, say so once, privately. A DM cannot tell them (that is what failed), so their next command does.
 * Never fails the interaction it follows.
 */
export async function tellIfRemindersStopped(interaction: ChatInputCommandInteraction | ButtonInteraction, context: BotContext): Promise<void> {
  const guildId = interaction.guildId;
  // Only a follow-up can add to an answered interaction; an unanswered one keeps the notice for next time.
  if (!guildId || !(interaction.replied || interaction.deferred)) return;
  try {
    if (!(await context.reminders.takeClosedDmsNotice(guildId, interaction.user.id))) return;
    const content = messagesFor(languageOf(interaction)).reminders.closedDmsNotice;
    await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
  } catch (error) {
    context.logger.warn({ err: error, guildId, userId: interaction.user.id }, 'could not tell a member their reminders were turned off');
  }
}
