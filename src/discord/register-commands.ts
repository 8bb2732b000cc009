import type { Client } from 'discord.js';
import type { Logger } from '../logger.js';
import type { Command } from './command.js';

/**
 * Replace the registered commands with ours: in one guild when `guildId` is set (instant, for
 * development), else globally (Discord may take up to an hour to show changes).
 */
export async function registerCommands(
  client: Client<true>,
  commands: Iterable<Command>,
  guildId: string | undefined,
  logger: Logger,
): Promise<void> {
  const bodies = [...commands].map((command) => command.data.toJSON());
  if (guildId) await client.application.commands.set(bodies, guildId);
  else await client.application.commands.set(bodies);
  logger.info({ commands: bodies.map((body) => body.name), scope: guildId ? 'guild' : 'global', guildId }, 'slash commands registered');
}
